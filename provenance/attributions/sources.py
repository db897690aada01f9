"""What a source span is: its kind, its canonical form and whether it refers back.

Kinds: outlet, person, organization, anonymous, document, unspecified. The
decision reads the head of the span ("a source in the Islamic Resistance
Movement (Hamas)" → "source"), its determiner (indefinite and plural unnamed
people are anonymous), proper names (a title before capitalized words is a
person, "Ministry"/"Council" make an institution) and the outlet list; the
names layer, when it ran, wins for the names it knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.attributions.cues import QUOTES, lexicon
from provenance.attributions.tokens import token_texts
from provenance.lazyre import lazy

DEFINITE = frozenset("the this that these those".split())
INDEFINITE = frozenset("a an one some several many multiple two three four five six seven eight nine ten another other various numerous few".split())
POSSESSIVE_DET = frozenset("his her its their our my your".split())
PRONOUN_KIND = {"he": "person", "she": "person", "it": None, "they": None, "him": "person", "her": "person", "we": None, "i": "person"}
# Words that end the head phrase of a source span.
_CUT = frozenset(
    "of for in at from with to on by near close familiar who which that whose issued published released posted not involved "
    "based operating representing regarding about affiliated linked loyal concerned speaking within inside among under over "
    "across including via told said it he she they we did whom".split()
)
_OUTLET_WORDS = lazy(r"\b(?:Channel|Radio|TV|Television|News|Times|Post|Journal|Telegraph|Gazette|Herald|Tribune|Press Agency|News Agency|Broadcasting|Broadcaster)\b|-TV\b|\.com\b")
_NATIONALITY = lazy(r"^(?:[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch|ean))$")
_UNSPECIFIED_MODS = frozenset("media press news unconfirmed some other several many earlier local conflicting recent initial".split())
_NEWSPAPER_HINT = re.compile(r"newspaper|daily|paper|times|post|journal|guardian|telegraph|maariv|haaretz|yedioth|akhbar|ahram|hayom|gazette|tribune|herald|independent|hill", re.I)
_CHANNEL_HINT = re.compile(r"channel|tv\b|television|kan\b|broadcast|news\s+channel|\bcbs|nbc|abc|cnn|fox|sky|masirah|mayadeen|manar|arabiya|jazeera|qahera", re.I)
_AGENCY_HINT = re.compile(r"agency|reuters|afp|france-presse|associated press|\bap\b|xinhua|wafa|irna|sana|petra|anadolu|anatolia|tass|ria\b|interfax|kuna|qna|mena|spa\b|ina\b", re.I)
_WEBSITE_HINT = re.compile(r"website|site|\bnet\b|\.com|axios|walla|ynet|portal", re.I)
_RADIO_HINT = re.compile(r"radio", re.I)
_DETERMINER = re.compile(r"(?i)(the|a|an|this|that|these|those|his|her|its|their|our|one|some|several|multiple|many|two|three|four|five|another|other)\s+")
_POSSESSIVE_ENDINGS = ("'s", "’s")
_ARABIC_ARTICLE = lazy(r"(?:al|el|ad|as|ash|an|ar)-[A-Z]")
_IMPERSONAL = lazy(r"(?i)(?:it|there)\s+(?:was|is|were|are|has|had)\b")
_COMMA_SPLIT = lazy(r"\s*,\s*")
_APPOSITION_SPLIT = lazy(r"\s*(?:,|\s[-–—]\s)\s*")


@dataclass(slots=True)
class Descriptor:
    kind: str | None
    canonical: str | None
    head: str
    plural: bool = False
    #: "pronoun", "definite" (the newspaper, the same sources) or "short" (a surname).
    anaphor: str | None = None
    #: the words of the head phrase before the head (``modifiers`` reads them when asked)
    before_head: tuple[str, ...] | list[str] = ()
    determiner: str = ""

    @property
    def modifiers(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.before_head if w[:1].isalpha())


def _common_word(w: str) -> bool:
    lex = lexicon()
    low = w.lower()
    return low in lex.anonymous_nouns or low in lex.organization_nouns or low in lex.document_nouns or low in lex.outlet_nouns or low in lex.role_nouns


def _without_possessive(word: str) -> str:
    """The word without a final 's: re.sub(r"['’]s$", "", word) for a word (no newline in it), at a tenth of the cost."""
    return word[:-2] if word.endswith(_POSSESSIVE_ENDINGS) else word


def _words(text: str) -> list[str]:
    return [w for w in token_texts(text) if w not in QUOTES]


_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "one", "some", "several", "multiple", "many", "two", "three", "four", "five", "another", "other"))


def strip_determiner(text: str) -> tuple[str, str]:
    """The text without a determiner (``_DETERMINER``) and the determiner, in lower case."""
    if text.isascii():
        # _DETERMINER matches one of its words followed by whitespace, so the text's first word
        # is that word (in any case: ASCII letters have no other case-insensitive matches).
        first = text.split(None, 1)[0] if text[:1].isalpha() else ""
        if len(first) < len(text) and first.lower() in _DETERMINERS:
            return text[len(first) :].lstrip(), first.lower()
        return text, ""
    m = _DETERMINER.match(text)
    if m:
        return text[m.end() :], m.group(1).lower()
    return text, ""


def head_phrase(text: str) -> list[str]:
    return _head_of_words(_words(text))


def _head_of_words(words: list[str]) -> list[str]:
    out: list[str] = []
    depth = 0
    for w in words:
        if w == "(":
            depth += 1
            continue
        if w == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if w in (",", "-", "–", "—", ";", ":") or (out and w.lower() in _CUT):
            break
        out.append(w)
    return out


def head_noun(text: str) -> str:
    phrase = head_phrase(strip_determiner(text.strip())[0])
    if not phrase:
        return ""
    last = phrase[-1]
    return _without_possessive(last).lower()


def _possessive_head(phrase: list[str]) -> list[str]:
    """"Prime Minister Benjamin Netanyahu's office" → ["office"] after the possessor."""
    for k in range(len(phrase) - 1, -1, -1):
        if phrase[k].endswith(_POSSESSIVE_ENDINGS) or phrase[k] == "'":
            return phrase[k + 1 :] or phrase
    return phrase


_NAME_PARTICLES = frozenset(("al", "bin", "ibn", "abu", "de", "van", "von", "el", "bint", "ben"))


def _is_name_token(w: str) -> bool:
    if not w:
        return False
    low = w.lower()
    return (w[0].isupper() or low in _NAME_PARTICLES or (w[0] in "ae" and _ARABIC_ARTICLE.match(w) is not None)) and low not in DEFINITE


def person_name(words: list[str]) -> str | None:
    """The name at the end of a phrase of capitalized words, titles removed."""
    lex = lexicon()
    title_words, role_nouns = lex.title_words, lex.role_nouns
    run: list[str] = []
    for w in reversed(words):
        clean = _without_possessive(w)
        if _is_name_token(clean) and clean not in title_words and clean.rstrip(".") not in title_words and clean.lower() not in role_nouns:
            run.append(clean)
        else:
            break
    run.reverse()
    # "Secretary of State Anthony Blinken": the name starts after the last institution word
    for k in range(len(run) - 1, -1, -1):
        if run[k] in lex.org_words or run[k] in lex.places or run[k] in ("State", "Staff", "Defense", "Defence"):
            run = run[k + 1 :]
            if len(run) < 2:
                return None
            break
    if not run:
        return None
    if len(run) == 1 and len(run) == len(words):
        return None
    if all(w.isupper() and len(w) > 1 for w in run):
        return None
    return " ".join(run)


def _outlet_canonical(text: str) -> str | None:
    lex = lexicon()
    if lex.outlet_finder is not None:
        span = lex.outlet_finder.search(text)
        found = text[span[0] : span[1]] if span else None
    else:
        m = lex.outlet_re.search(text)
        found = m.group() if m else None
    if found is not None:
        return lex.outlet_alias.get(" ".join(found.lower().split()), found)
    return None


def speaker_like(text: str) -> bool:
    """Could this stand before a headline colon as the one who speaks?"""
    lex = lexicon()
    words = [w for w in _words(text) if w not in ("'", "’")]
    if not words or len(words) > 8:
        return False
    if _outlet_canonical(text):
        return True
    low = [w.lower() for w in words]
    if low[-1] in lex.role_nouns or low[-1] in lex.anonymous_nouns or low[-1] in ("police", "army", "military", "government", "ministry", "officials"):
        return True
    if len(words) == 1:
        return words[0] in lex.places or (words[0].isupper() and len(words[0]) > 1)
    if low[-1] in lex.outlet_nouns and all(w[:1].isupper() for w in words):
        return True  # "Metro Daily News: ...": a capitalized name that ends in an outlet noun
    return all(_is_name_token(w) for w in words) and person_name(words) is not None


def describe(text: str, *, names: list | None = None, persons: frozenset[str] = frozenset()) -> Descriptor:
    """Classify one source span (text only; names: mention objects inside it)."""
    lex = lexicon()
    raw = " ".join(text.split())
    low = raw.lower()
    if (low.startswith(("it", "there")) or not low.isascii()) and _IMPERSONAL.match(raw):
        return Descriptor("unspecified", None, "reports")
    if low in PRONOUN_KIND or low in ("they", "it"):
        return Descriptor(PRONOUN_KIND.get(low), None, low, plural=low in ("they", "we"), anaphor="pronoun")
    body, det = strip_determiner(raw)
    words = _words(body)
    phrase = _head_of_words(words)
    same = False
    if phrase and phrase[0].lower() == "same":
        same = True
        phrase = phrase[1:]
    if not phrase:
        phrase = words[:1] or [raw]
    # A capital that only opens the sentence ("Residents said", "Figures published by …")
    if phrase[0][:1].isupper() and not any(w[:1].isupper() for w in phrase[1:]) and _common_word(phrase[0]):
        phrase = [phrase[0].lower(), *phrase[1:]]
    head_words = _possessive_head(phrase)
    head_orig = _without_possessive(head_words[-1])
    head = head_orig.lower()
    plural = head.endswith("s") and not head.endswith("ss") and head not in ("news", "press", "media", "us", "this", "authorities") or head in ("people", "media", "police", "authorities", "families", "forces", "officials", "crew", "staff")
    mods = phrase[:-1]
    phrase_text = " ".join(phrase)
    outlet_words = _OUTLET_WORDS.search(phrase_text) is not None

    # 1. The names layer knows this span.
    person_mention = org_mention = None
    if names:
        for mention in names:
            mtype = getattr(mention, "type", None)
            canonical = getattr(mention, "canonical", None) or getattr(mention, "text", None)
            if mtype == "outlet":
                return Descriptor("outlet", canonical, head, plural, before_head=mods, determiner=det)
        person_mention = next((m for m in names if getattr(m, "type", None) == "person"), None)
        org_mention = next((m for m in names if getattr(m, "type", None) == "organization"), None)

    # 2. Definite descriptions that refer back ("the newspaper", "the same sources", "The statement").
    if (det in DEFINITE or same) and not any(w[:1].isupper() and not _NATIONALITY.match(w) for w in phrase) and len(phrase) <= 4 and not outlet_words:
        kind = _kind_of_common_head(head, det, plural, phrase, body)
        return Descriptor(kind, None, head, plural, anaphor="definite", before_head=mods, determiner=det)

    # 3. Outlets by name or pattern.
    outlet = _outlet_canonical(phrase_text) or (_outlet_canonical(body) if head in lex.outlet_nouns else None)
    if outlet and head not in lex.document_nouns and not (head in lex.anonymous_nouns and head not in ("correspondent", "reporter")):
        return Descriptor("outlet", outlet, head, plural, before_head=mods, determiner=det)

    # 4. Proper names.
    if head_orig[:1].isupper() and outlet_words and not any(w in lex.title_words for w in phrase):
        return Descriptor("outlet", phrase_text, head, plural, before_head=mods, determiner=det)
    if head in lex.role_nouns or head_orig in lex.title_words:
        first_part = _COMMA_SPLIT.split(body, maxsplit=1)[0] if head_orig in lex.title_words else phrase_text
        n = person_name(_words(first_part))
        if n and n.lower() != head:
            return Descriptor("person", n, head, False, before_head=mods, determiner=det)
    name = None if head_words is not phrase and head_orig[:1].islower() and head in lex.organization_nouns else person_name(head_words if head_words is not phrase else phrase)
    if person_mention is not None and head not in lex.organization_nouns and head not in lex.document_nouns:
        canonical = getattr(person_mention, "canonical", None) or getattr(person_mention, "text", None)
        return Descriptor("person", canonical, head, False, before_head=mods, determiner=det)
    if head_words is not phrase and head_orig[:1].islower():
        kind = _kind_of_common_head(head, det, plural, head_words, body)
        if kind == "person" and head in lex.role_nouns:
            return Descriptor("person", body, head, plural, before_head=mods, determiner=det)
        return Descriptor(kind, body, head, plural, before_head=mods, determiner=det)
    if name:
        return Descriptor("person", name, head, False, before_head=mods, determiner=det)
    # appositive: "the army spokesman, Brigadier General Nabil Abdullah"
    apposition = _APPOSITION_SPLIT.split(body, maxsplit=2)
    if len(apposition) > 1:
        for part in apposition[1:]:
            part_words = head_phrase(strip_determiner(part)[0])
            n = person_name(part_words) if part_words and all(_is_name_token(w) for w in part_words) or (part_words and part_words[0] in lex.title_words) else None
            if n:
                first_kind = _kind_of_common_head(head, det, plural, phrase, body) if head_orig[:1].islower() else None
                if first_kind in (None, "person", "anonymous"):
                    return Descriptor("person", n, head, False, before_head=mods, determiner=det)
    if head_orig[:1].isupper() or head_orig[:1].isdigit():
        caps = [w for w in phrase if w[:1].isupper()]
        if outlet_words:
            return Descriptor("outlet", phrase_text, head, plural, before_head=mods, determiner=det)
        if any(w in lex.org_words for w in caps) or org_mention is not None:
            if False:
                return Descriptor("outlet", " ".join(phrase), head, plural, before_head=mods, determiner=det)
            return Descriptor("organization", body if not det else body, head, plural, before_head=mods, determiner=det)
        single = _without_possessive(phrase[-1])
        if len(caps) == 1 and len(phrase) == 1 or (len(caps) == len(phrase) == 2 and single.lower() in ("mr", "mrs", "ms", "dr")):
            token = single
            if token in lex.places or (token.isupper() and len(token) > 1) or token.rstrip(".") in lex.places:
                return Descriptor("organization", token, head, False, before_head=mods, determiner=det)
            if token.lower() in persons:
                return Descriptor("person", token, head, False, anaphor="short", before_head=mods, determiner=det)
            return Descriptor("organization", token, head, False, before_head=mods, determiner=det)
        if len(phrase) >= 2 and all(_is_name_token(w) for w in phrase[-2:]):
            if any(w in lex.places for w in phrase) and not any(w in lex.title_words for w in phrase):
                return Descriptor("organization", phrase_text, head, plural, before_head=mods, determiner=det)
            titled = [w for w in phrase if w in lex.title_words or w.rstrip(".") in lex.title_words]
            n = person_name(phrase)
            if titled and n is None:
                return Descriptor("person", body, head, False, before_head=mods, determiner=det)
            if n:
                return Descriptor("person", n, head, False, before_head=mods, determiner=det)
        return Descriptor("organization", body, head, plural, before_head=mods, determiner=det)
    kind = _kind_of_common_head(head, det, plural, phrase, body)
    if kind == "person":
        n = person_name(words)
        return Descriptor("person", n or body, head, False, before_head=mods, determiner=det)
    return Descriptor(kind, body if kind not in ("unspecified",) else None, head, plural, before_head=mods, determiner=det)


def _kind_of_common_head(head: str, det: str, plural: bool, phrase: list[str], body: str) -> str:
    lex = lexicon()
    lower = [w.lower() for w in phrase]
    if head in ("reports", "report", "information") and (head == "reports" or head == "information"):
        mods = set(lower[:-1])
        if mods <= _UNSPECIFIED_MODS and det not in DEFINITE | POSSESSIVE_DET:
            return "unspecified"
    if head in lex.document_nouns and not (head in ("release",) and "press" not in lower):
        return "document"
    if head == "agency":
        if any(w in lex.outlet_agency_words for w in lower) or _outlet_canonical(body):
            return "outlet"
        return "organization" if det not in DEFINITE else "outlet"
    if head in lex.outlet_nouns and head not in ("journal", "agency"):
        if head in ("correspondent", "reporter") and not _outlet_canonical(body):
            return "anonymous" if det not in DEFINITE | POSSESSIVE_DET else "person"
        return "outlet"
    if head in lex.role_nouns and head not in ("leader", "member", "officer", "commander", "executive", "manager") or head in ("spokesman", "spokeswoman", "spokesperson"):
        if det in INDEFINITE or det == "" and plural:
            return "anonymous"
        if det == "" and head in ("spokesman", "spokeswoman", "spokesperson") and not any(w[:1].isupper() for w in phrase):
            return "anonymous"
        return "person"
    if head in lex.anonymous_nouns:
        return "anonymous"
    if head in lex.organization_nouns:
        return "organization"
    if head in lex.role_nouns:
        return "person" if det in DEFINITE | POSSESSIVE_DET else "anonymous"
    return "anonymous" if plural else "organization"


def anaphor_class(head: str) -> str | None:
    """What a definite description can refer back to, by its head noun."""
    lex = lexicon()
    if head in lex.outlet_nouns or head == "agency":
        return "outlet"
    if head in lex.document_nouns:
        return "document"
    if head in lex.anonymous_nouns:
        return "anonymous"
    if head in lex.role_nouns:
        return "person"
    if head in lex.organization_nouns:
        return "organization"
    return None


def outlet_hint(head: str) -> re.Pattern | None:
    return {
        "newspaper": _NEWSPAPER_HINT, "paper": _NEWSPAPER_HINT, "daily": _NEWSPAPER_HINT, "weekly": _NEWSPAPER_HINT,
        "tabloid": _NEWSPAPER_HINT, "channel": _CHANNEL_HINT, "television": _CHANNEL_HINT, "tv": _CHANNEL_HINT,
        "broadcaster": _CHANNEL_HINT, "agency": _AGENCY_HINT, "website": _WEBSITE_HINT, "site": _WEBSITE_HINT,
        "radio": _RADIO_HINT,
    }.get(head)
