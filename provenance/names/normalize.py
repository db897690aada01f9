"""Normalizing romanized (mostly Arabic) names for comparison.

A name becomes a list of tokens in a reduced alphabet in which the usual
romanization choices disappear: case, accents, apostrophes for ayn and hamza,
the article (al-, el-, ad-, ash-...), Abd compounds (Abdul Rahman, Abd
al-Rahman, Abdulrahman), doubled letters, ou/oo/u, ee/i, and the digraphs
kh, sh/ch, gh, th, dh, zh/j (Persian Mozhgan / Mojgan), q/k/c, and
c before e/i/y as s (French spellings: Medelci). What remains of the spelling (which vowel,
y or i, w or u) is weighed by the matcher's edit costs, not erased here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Titles and honorifics dropped from the front of a name.
TITLES = frozenset(
    """
    sheikh shaykh sheik shaikh emir amir king queen prince princess president
    vice minister premier chancellor gen general lt col colonel maj major brig
    brigadier capt captain cpt sgt adm admiral dr doctor mr mrs ms miss sir dame
    imam mullah ayatollah hajj haj hajji rabbi pope cardinal bishop father
    ambassador secretary director chief commander judge justice senator rep
    representative gov governor mayor lord lady sultan crown field marshal
    professor prof
    """.split()
)

#: Articles written as separate words or joined with a hyphen.
_ARTICLES = frozenset({"al", "el", "il", "ul"})
_HYPHEN_ARTICLE = re.compile(r"\b(?:al|el|il|ul|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|et|ez)-(?=[a-z])")
_SON_OF = frozenset({"bin", "ibn", "bn", "b", "bint", "ben", "ould", "walad"})
_FATHER_OF = {"abu": "abu", "abou": "abu", "abo": "abu", "abi": "abu", "umm": "umm", "oum": "umm", "um": "umm"}
#: "Abu" with the article fused to it: Abul-Khair, Aboul Gheit, Abolhassan (Abu al-Khair, Abu al-Gheit, Abu al-Hassan).
_ABU_ARTICLE = re.compile(r"^(?:abul|aboul|abol|abil|abou?el)(?=[a-z]{3}|$)")
_ABD_HEADS = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdil", "abdu", "abdur", "abdus", "abdun", "abde", "abed", "abdi"})
_ABD_PREFIX = re.compile(r"^abd[aeiou]?l?(?=[a-z]{3})")
_ABDULLAH = re.compile(r"^abd[aeiou]?l{1,2}[aeiou]h?i?$")
#: Second halves that are written both joined and apart (Nasrallah, Nasr Allah; Izzeddin, Izz al-Din).
_TAILS = re.compile(r"^(?:allah|ullah|ollah|illah|lah|din|deen|dine|ddin|ddine|eddin|eddine|uddin|eldin|aldin)$")
_APOSTROPHES = "'’‘`ʿʾʼ´"
_NON_LETTER = re.compile(r"[^a-z\s-]")

#: Digraphs first (longest first), then single letters. Upper-case letters are
#: placeholders for sounds the Latin alphabet writes with two letters.
_DIGRAPHS = [
    ("sch", "S"), ("tch", "S"), ("x", "ks"), ("kh", "X"), ("sh", "S"), ("ch", "S"), ("gh", "G"), ("th", "T"),
    ("dh", "D"), ("dj", "j"), ("zh", "j"), ("ph", "f"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"),
    ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("c", "k"),
]
_DOUBLE = re.compile(r"(.)\1+")
VOWELS = frozenset("aeiou")


def fold(text: str) -> str:
    """Lower case, accents and apostrophes removed, other punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    text = text.replace(".", " ").replace("_", " ").replace("\u2010", "-").replace("\u2011", "-")
    return _NON_LETTER.sub(" ", text)


@lru_cache(maxsize=65536)
def letters(token: str) -> str:
    """One folded token in the reduced alphabet (see the module docstring)."""
    t = token
    if len(t) > 3 and t.endswith("h") and t[-2] in "ae":
        t = t[:-1]  # ta marbuta: Ubaidah / Ubaida, Haniyeh / Haniye
    elif len(t) > 4 and t.endswith("e") and t[-2] not in VOWELS and t[-2] not in "hy":
        t = t[:-1]  # French mute e: Amine / Amin, Yassine / Yassin
    for a, b in _DIGRAPHS:
        if a in t:
            t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t)


def _merge(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in _ABD_HEADS and nxt is not None and nxt not in _SON_OF:
            tok, i = "abd" + nxt, i + 1
        elif nxt is not None and _TAILS.match(nxt) and tok not in _SON_OF:
            tok, i = tok + nxt, i + 1
        m = _ABD_PREFIX.match(tok)
        if _ABDULLAH.match(tok):
            tok = "abdullah"
        elif m and len(tok) > 5:
            tok = "abd" + tok[m.end() :]
        out.append(tok)
        i += 1
    return out


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """The folded words of a name after titles, articles and compounds are dealt with
    (``name_tokens`` before the reduced alphabet): "Sheikh Mohammed bin Abdul Rahman
    Al Thani" -> ("mohammed", "bin", "abdrahman", "thani")."""
    text = _HYPHEN_ARTICLE.sub("", fold(name))
    raw = [t for t in re.split(r"[\s-]+", text) if t]
    while raw and raw[0] in TITLES and len(raw) > 1:
        raw.pop(0)
    toks: list[str] = []
    for i, t in enumerate(raw):
        if t in _ARTICLES:
            continue
        if t in _SON_OF and (i > 0 or t != "ben"):
            toks.append("bin")
        elif _ABU_ARTICLE.match(t) and (len(t) >= 7 or i + 1 < len(raw)):
            # a fused "Abul" before another word, or joined to one (Abulkhair), never a name alone
            rest = t[_ABU_ARTICLE.match(t).end() :]
            toks.append("abu")
            if rest:
                toks.append(rest)
        else:
            toks.append(_FATHER_OF.get(t, t))
    return tuple(_merge(toks))


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """The comparable tokens of a name: titles and articles dropped, "son of"
    particles as ``bin``, Abd compounds joined, each token in the reduced alphabet.
    """
    return tuple(letters(t) for t in words(name))


def core_tokens(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Tokens without the "son of" particle (present in one spelling, left out in another)."""
    return tuple(t for t in tokens if t != "bin")


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton of a reduced token, with look-alike consonants merged: a blocking key."""
    t = token.translate(_SKELETON)
    return _DOUBLE.sub(r"\1", "".join(c for c in t if c not in VOWELS and c not in "yw"))


_SKELETON = str.maketrans({"G": "g", "j": "g", "T": "t", "D": "d", "X": "k", "z": "s", "p": "b", "v": "f"})
