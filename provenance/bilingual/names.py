"""Names of the English that the aligned original does not have (kind ``source-names``).

Each person's name of two words or more that the names layer's finder sees
in an aligned English sentence (runs of capitalized words typed ``person``:
a known given name, a particle or a title before it) must have a counterpart in the original's
sentence or its neighbours. The comparison is by consonant skeleton of the
romanized words (``anyascii`` for any script): vowels, h, w and y dropped,
letters a romanization confuses merged (b/p/f/v, k/q/c/g/j, s/z/x, t/d, l/r,
m/n; c before e, i, y is s; sch, tsh, tch one sound; a Hebrew geresh and
vav read as they sound), so "Trump" = ترامب = טראמפ = Трамп = ट्रम्प,
"Kavanaugh" ≈ كافانو, "Pence" = بينس, "Browne" = בראון. Two adjacent words
of the original joined may be one name (مک گرگور, McGregor). One
word of the name found is enough: the check is for a name that is not there
at all (swapped for another, or a wrong person), not for its spelling, which
the names layer checks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from provenance.bilingual import names_zh
from provenance.bilingual.check_common import Issue, _matched, _near
from provenance.bilingual.names_english import _LETTERS, _english_names, _not_a_person  # noqa: F401 (benchmarks import them from here)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_MERGE = str.maketrans({"p": "b", "f": "b", "v": "b", "q": "k", "c": "k", "g": "k", "j": "k", "z": "s", "x": "s", "d": "t", "l": "r", "m": "n"})
_FINE = str.maketrans({"p": "b", "f": "b", "v": "b", "q": "k", "c": "k", "g": "k", "j": "k", "z": "s", "x": "s", "d": "t"})
_DROP = re.compile("[aeiouyhw]")
#: Romanizations of one sound: Джон "Dzhon" is John, Жуков "Zhukov" is Joukov.
#: "sch" (Schroeder) and "tsh"/"tch" (تشوزيك, Chozick) are one sound; a "c" before e, i or y is an "s"
#: (Pence = بينس, Albence = ألبينس).
_DIGRAPH = {"dzh": "j", "sch": "s", "tsh": "k", "tch": "k", "zh": "j", "dj": "j", "kh": "k", "ph": "f", "sh": "s", "ch": "k", "th": "t", "gh": "g"}
_DIGRAPHS = re.compile("dzh|sch|tsh|tch|zh|dj|kh|ph|sh|ch|th|gh|c(?=[eiy])")


@lru_cache(maxsize=65536)
def skeleton(word: str, fine: bool = False) -> str:
    """The consonant skeleton; ``fine`` keeps l apart from r and m from n (every script but
    Chinese writes them apart, so merging them only makes chance matches)."""
    from anyascii import anyascii

    s = anyascii(word).lower()
    # a Hebrew geresh makes another sound of a letter: ג׳ון "g'vn" is John, צ׳ "ts'" the ch of Chozick
    s = s.replace("ts'", "ch").replace("g'", "j").replace("z'", "zh")
    s = re.sub("[^a-z]", "", s)
    s = _DIGRAPHS.sub(lambda m: _DIGRAPH.get(m.group(), "s"), s).translate(_FINE if fine else _MERGE)
    s = _DROP.sub("", s)
    return re.sub(r"(.)\1+", r"\1", s)


# words of any script: vowel signs and other combining marks (Devanagari, Hebrew points) stay in
_WORDS = re.compile("[^\\s\\d\"“”«»„'’.,;:!?()\\[\\]،؛؟।॥。，、：；！？・/—–-]+")


_HEBREW = re.compile("[\u0590-\u05ff]")
_VAV_VOWEL = re.compile("וו|(?<=\\S)ו")  # וו is a w (dropped like the English w), a ו after a letter a vowel


#: Originals whose romanization merges l with r (Chinese: 特朗普 "TeLangPu" is Trump) or m with n
#: (a Devanagari anusvara is either): only for them the skeleton merges those letters.
_COARSE = frozenset({"zh"})
#: Languages whose script has capital letters: only the original's capitalized words may be a name.
_CASED = frozenset({"ru", "uk", "tr", "fr", "de", "es"})
#: Russian and Ukrainian decline names (Хуаном Карлосом Варелой, Кима): case endings, longest first.
_CASE_ENDINGS = re.compile("(?:ами|ями|ого|его|ому|ему|ыми|ими|ом|ем|ой|ей|ою|ею|ым|им|ах|ях|ов|ев|а|я|у|ю|е|ы|и|і)$")


#: One-letter clitics written on a word (Hebrew and, the, in, to, as, from, that; Arabic and, with, to, so, as).
_PREFIXES = {"he": "והבלכמש", "ar": "وبلفك"}
#: The clitics that come first when there are two: Arabic and, so (وب, فل); Hebrew and, that, when (וב, שה, כש).
_CONJUNCTIONS = {"he": "ושכמ", "ar": "وف"}
#: Persian and Urdu say ث as s and ذ ض ظ as z: a second romanization with those letters.
_FA_SZ = str.maketrans({"ث": "س", "ذ": "ز", "ض": "ز", "ظ": "ز"})


def _romanized(word: str, lang: str) -> list[str]:
    """The romanizations of a word of the original that may be an English name: anyascii, and for
    Russian and Ukrainian also without the Х that writes an English h (Хэмилтон, Hamilton; Ukrainian
    Г is h too: Гамфріс, Humphreys); Devanagari's nukta ज़ is a z (चोज़िक, Chozick)."""
    from anyascii import anyascii

    # Devanagari च is "c" in anyascii, always the ch of Murchie (the c-before-i rule would make it an s)
    r = anyascii(word).replace("j'", "z").replace("c", "ch") if lang == "hi" else anyascii(word)
    out = [r]
    if lang == "hi" and ("\u0902" in word or "\u0901" in word):  # the anusvara is an n as often as an m (मेंगा, Menga; पेंस, Pence)
        out.append(anyascii(re.sub("[\u0901\u0902]", "\u0928\u094d", word)).replace("j'", "z").replace("c", "ch"))
    if lang in ("fa", "ur") and re.search("[ثذضظ]", word):  # Persian and Urdu say ث as s and ذ ض ظ as z (حارث, Haris)
        out.append(anyascii(word.translate(_FA_SZ)))
    if lang in ("fa", "ur") and "w" in r.lower():  # Persian and Urdu و is a v as well (ورستاپن, Verstappen)
        out.append(re.sub("[wW]", "v", r))
    if lang in ("ar", "fa", "ur") and word.startswith("ال") and len(word) > 4:  # the article: المعلم is (al-)Moualem
        out += _romanized(word[2:], lang)
    if lang in ("ru", "uk"):
        h = re.sub("kh|Kh", "h", r)
        if lang == "uk":
            h = re.sub("(?<![nN])[gG]", "h", h)
        if h != r:
            out.append(h)
        if lang == "ru" and r[:1] == "G":  # Russian writes an English initial h with Г too (Генри, Henry; Гамильтон)
            out.append("H" + r[1:])
    return out


def _readings(word: str, lang: str) -> list[str]:
    """_romanized (which the aligner and PV1005 share, unchanged) and the readings only this check
    makes: how each script writes a foreign name's sounds where anyascii reads the letter otherwise."""
    from anyascii import anyascii

    out = _romanized(word, lang)
    if lang in ("fa", "ur") and re.search("(?<=\\S)و(?=\\S)", word) and word.endswith("و"):
        # a final و is the vowel o or u, an inner one may be a v (کیوانو, Kavanaugh; the v reading of every و is "kbnb")
        out.append(anyascii(re.sub("(?<=\\S)و(?=\\S)", "v", word)))
    if lang == "hi" and "\u091c" in word and "\u091c\u093c" not in word:  # ज written for ज़ (the nukta left out): a z (कैलाजिला, Calzadilla)
        out.append(anyascii(word.replace("\u091c", "\u091c\u093c")).replace("j'", "z").replace("c", "ch"))
    if _HEBREW.search(word) and re.search("(?<=\\S)ה", word):  # an inner or final ה is a vowel letter: צה is ts-e, not anyascii's "tsh" (ולצה, Veltzé)
        out.append(anyascii(re.sub("(?<=\\S)ה", "", word)))
    return out


def _source_skeletons(text: str, start: int, end: int, lang: str = "", origin: dict[str, set[tuple[int, int]]] | None = None) -> set[str]:
    """Skeletons of the original's words in text[start:end]: plain ones match fuzzily; those
    marked "=" (a Hebrew vav read as a vowel, a Russian case ending taken off, a Х read as h) and
    "+" (two adjacent words joined) match exactly only; "^" is the vav reading once more, which
    may differ a letter from five consonants; "~a|b" is a word of skeleton a followed by
    one of skeleton b (a given name and a surname written next to each other). ``origin``, when
    given, gets the spans of the original's words each skeleton was made from."""
    out = _Keys(origin)
    previous = None
    before: set[str] = set()
    cased = lang in _CASED
    fine = lang not in _COARSE
    for m in _WORDS.finditer(text, start, end):
        w = m.group()
        out.word = (m.start(), m.end())
        if _CJK.fullmatch(w):  # no spaces: every run of 2 to 4 characters may be the name
            out |= {skeleton(w[i : i + k], fine) for k in (2, 3, 4) for i in range(len(w) - k + 1)}
            continue
        if cased and not w[:1].isupper():
            if previous is not None and previous[1] == m.start() - 1 and text[previous[1]] in "'’ʼ":
                # Мар'яненко: an apostrophe inside a name (Ukrainian writes one before я, ю, є, ї), the rest lower case
                joined = re.sub("['’ʼ]", "", text[previous[0] : m.end()])
                out.word = (previous[0], m.end())
                out |= {skeleton(f, fine) for f in _romanized(joined, lang)}
                stem = _CASE_ENDINGS.sub("", joined)
                if lang in ("ru", "uk") and stem != joined and len(stem) >= 3:
                    out |= {"=" + skeleton(f, fine) for f in _romanized(stem, lang)}
            previous, before = None, set()
            continue  # a lower-case word of a cased script is no name: it only matches by chance
        forms = _readings(w, lang)
        word_keys = {skeleton(f, fine) for f in forms}
        out.add(skeleton(forms[0], fine))
        out |= {"=" + skeleton(f, fine) for f in forms[1:]}
        if lang in ("ru", "uk"):
            stem = _CASE_ENDINGS.sub("", w)
            if stem != w and len(stem) >= 3:
                word_keys |= {skeleton(f, fine) for f in _romanized(stem, lang)}
                out |= {"=" + skeleton(f, fine) for f in _romanized(stem, lang)}
        if _HEBREW.search(w) and _VAV_VOWEL.search(w):  # a single ו inside a word is mostly o or u: בראון is Browne
            vav = skeleton(_VAV_VOWEL.sub("", w), fine)
            word_keys.add(vav)
            out.add("=" + vav)  # matched exactly only
            out.add("^" + vav)  # the vav reading again, marked "^": long ones may differ a letter (_found)
        if "וו" in w:  # a double vav inside a word is a v as often as a w (קוואנו, Kavanaugh)
            k = skeleton(_VAV_VOWEL.sub("", w.replace("וו", "ב")), fine)
            word_keys.add(k)
            out.add("=" + k)
        if lang in _PREFIXES and len(w) >= 4 and w[0] in _PREFIXES[lang]:  # ודיוויד: "and David", the clitic off (matched exactly)
            rest = [w[1:]] + ([_VAV_VOWEL.sub("", w[1:])] if _HEBREW.search(w) else [])  # and its vav read as a vowel (לסייפולו, Sayfullo)
            out |= {"=" + k for k in (skeleton(f, fine) for r in rest for f in _romanized(r, lang)) if len(k) >= 3}  # "كن" of لكن: short ones match by chance
        if lang in _PREFIXES and len(w) >= 5 and w[0] in _CONJUNCTIONS[lang] and w[1] in _PREFIXES[lang]:
            # two clitics, "and" before "to", "in", "the" (وبترامب, ולטראמפ, ושהמלך), both off (matched exactly)
            rest = [w[2:]] + ([_VAV_VOWEL.sub("", w[2:])] if _HEBREW.search(w) else [])
            out |= {"=" + k for k in (skeleton(f, fine) for r in rest for f in _romanized(r, lang)) if len(k) >= 3}
        if w.startswith("ח"):  # an initial ח writes the Spanish j (חואן, Juan; anyascii's h is dropped); inside a word it matched by chance
            for v in {w, _VAV_VOWEL.sub("", w)}:
                k = skeleton("כ" + v[1:], fine)
                word_keys.add(k)
                out.add("=" + k)
        if previous is not None and previous[1] == m.start() - 1:
            # مک گرگور: McGregor written in two words (marked "+": matched exactly, never fuzzily)
            out.word = (previous[0], m.end())
            out.add("+" + skeleton(text[previous[0] : m.end()], fine))
            out.word = None
            out |= {f"~{a}|{b}" for a in before for b in word_keys if a and b}
        previous = (m.start(), m.end())
        before = word_keys
    out.discard("")
    out -= {"+", "=", "^"}
    return set(out)


class _Keys(set):
    """A set of skeletons that notes, in ``origin``, the span of the original's word (``word``) each
    skeleton added was made from."""

    def __init__(self, origin: dict[str, set[tuple[int, int]]] | None):
        super().__init__()
        self.origin, self.word = origin, None

    def add(self, key: str) -> None:
        super().add(key)
        if self.origin is not None and self.word is not None:
            self.origin.setdefault(key, set()).add(self.word)

    def __ior__(self, keys):
        for k in keys:
            self.add(k)
        return self


#: Scripts that write clitics on the word (Arabic و ب ل ال, Hebrew ו ב ה ל): one or two letters before a name.
_CLITICS = frozenset({"ar", "fa", "ur", "he"})


def _found(word_skeleton: str, skeletons: set[str], min_ratio: float, clitics: bool) -> bool:
    return bool(_hits(word_skeleton, skeletons, min_ratio, clitics))


def _hits(word_skeleton: str, skeletons: set[str], min_ratio: float, clitics: bool) -> list[str]:
    """The original's skeletons (as marked in ``skeletons``) that match an English word's skeleton."""
    from rapidfuzz.fuzz import ratio

    e = word_skeleton
    exact = [k for k in (e, "=" + e) if k in skeletons] + (["+" + e] if len(e) >= 5 and "+" + e in skeletons else [])  # two short words joined match too much
    if exact:
        return exact
    if len(e) < 3:
        return []  # "Kim" = Ким, "Jon" = جون: a short skeleton must be the same
    # short skeletons must agree exactly (one letter in three is too much to allow); longer ones
    # may differ in a letter or two but start alike (كافانو "kbn" is Kavanaugh "kbnk")
    fuzzy = len(e) >= 4
    # a name in an original written without spaces (مايكبومبيو: "Mike Pompeo" run together)
    out = [
        s
        for s in skeletons
        if len(s) >= 3 and s[0] not in "+=^"
        and ((fuzzy and len(s) >= len(e) + 3 and e in s) or (fuzzy and s[:2] == e[:2] and ratio(e, s) >= min_ratio) or (clitics and len(e) >= 4 and 0 < len(s) - len(e) <= 2 and s.endswith(e)))
    ]
    if len(e) >= 5:  # a long reading of the vav as a vowel may differ a letter too (רות'פורד "rtbrt", Rutherford "rtrbrt")
        out += [s for s in skeletons if s[0] == "^" and len(s) >= 6 and s[1:3] == e[:2] and ratio(e, s[1:]) >= min_ratio]
    return sorted(out)


def _exact(e: str, skeletons: set[str]) -> bool:
    return e in skeletons or "=" + e in skeletons or (len(e) >= 5 and "+" + e in skeletons)


def _english_keys(word: str, fine: bool, lang: str = "") -> set[str]:
    """Skeletons of an English name's word: as it is, with its w read as a v (वाल्टन, Флитвуд:
    scripts with no w write the English w with their v)."""
    out = {skeleton(word, fine)}
    if "x" in word.lower():  # an x is k and s: Max is ماکس, Макс
        out.add(skeleton(re.sub("[xX]", "ks", word), fine))
    if "w" in word.lower():
        out.add(skeleton(re.sub("[wW]", "v", word), fine))
    if lang in ("ru", "uk", "hi") and word.lower().endswith("ng"):  # Cyrillic and Devanagari write "Jong" with a plain n (Чен, जॉन)
        out.add(skeleton(word[:-1], fine))
    low = word.lower()
    if re.search("[bcdfgklmnprstvz]j", low):  # a j after a consonant is a y (Bjorn: Бьорн, ביורן, ब्योर्न)
        out.add(skeleton(re.sub("(?<=[bcdfgklmnprstvz])j", "y", low), fine))
    if "th" in low:  # an English th is a z or s in other scripts (Rutherford: Резерфорд, رازرفورد)
        out.add(skeleton(low.replace("th", "z"), fine))
    if re.search("gu[aeio]", low):  # a gu before a vowel is a gw (Guardiola: Гвардіола, גווארדיולה)
        out.add(skeleton(re.sub("gu(?=[aeio])", "gv", low), fine))
    if "ch" in low:  # a French ch is an sh (Bouchard: Бушар, بوشار)
        out.add(skeleton(low.replace("ch", "sh"), fine))
    if low.endswith("dh"):  # a Gaelic final dh is silent (Eilidh: ایلی)
        out.add(skeleton(low[:-2], fine))
    if low.startswith("kn"):  # a silent k (Knott: نوت)
        out.add(skeleton(low[1:], fine))
    if lang == "zh" and re.search("[aeiou]r(?:[^aeiouy]|$)", low):  # Chinese drops an r after a vowel (马丁, Martin; 杜瓦, Dewar)
        out |= {skeleton(re.sub("(?<=[aeiou])r(?=[^aeiouy]|$)", "", x), fine) for x in (low, low.replace("w", "v"))}
    if low.startswith("ts"):  # an initial ts is written with an s (Tsouvallaris: साउवैलरीस)
        out.add(skeleton(low[1:], fine))
    if re.search("gh(?:t|$)", low):  # a silent gh (Kavanaugh: كافانو, קוואנו)
        out.add(skeleton(re.sub("gh(?=t|$)", "", low), fine))
    if re.search("c[eiy]", low):  # a c before e, i, y that is no s: McIlroy (ماكلروي), a Slavic ć (Kovacic: کواچیچ)
        out.add(skeleton(re.sub("c(?=[eiy])", "k", low), fine))
    if low.startswith("j") and len(skeleton("y" + low[1:], fine)) >= 3:  # a German, Dutch, Nordic or Polish j is a y (Jankel: Янкель, Jansen: یانسن)
        out.add(skeleton("y" + low[1:], fine))
    if re.search("mbs?$", low):  # a silent b after m (Combs: كومز, Комбс is also Комз; Lamb)
        out.add(skeleton(re.sub("b(?=s?$)", "", low), fine))
    if re.search("[^aeiouy]iers?$", low) and len(skeleton(low[:-2], fine)) >= 2:  # a French final -ier is said -ié, its r silent (Beauvillier: Бовільє, بوفيليه)
        out.add(skeleton(re.sub("rs?$", "", low), fine))
    if "ll" in low and len(skeleton(low.replace("ll", "y"), fine)) >= 3:  # a Spanish ll is a y (Ballesteros: بايستيروس)
        out.add(skeleton(low.replace("ll", "y"), fine))

    return out


def _vouched(checkable: list[set[str]], skeletons: set[str], min_ratio: float, lang: str, where: "_Where | None" = None) -> bool:
    """Is the name in the original? Its last word (the surname) of three consonants or more found
    is enough; a word of two ("Jon", "Tom") only in a cased script, where it is a capitalized word,
    in a name of short words only, or with another word of the name: in Arabic or Hindi two
    consonants match some common word by chance. A given name found vouches only with another
    word of the name found, or with a word of the original like the surname (a translator keeps
    the surname, and a given name's skeleton, Peter, Mike, Lindsey, is some word by chance).
    With ``where`` (the original's text and the spans each skeleton came from) a script without
    case asks more of its words, any of which may be a common word like the name (ملحمة "mlm" for
    Moualem, चहारم for Graham): a surname of three consonants, or two words of the name, vouch
    only as words written next to each other in the original (_placed)."""
    if where is not None and len(checkable) >= 2:
        if lang in _CASED:
            return _placed_cased(checkable, skeletons, min_ratio, where)
        return _placed(checkable, where.words, skeletons, min_ratio, lang, where)
    clitics = lang in _CLITICS
    # a word's length is its shortest reading: Worrall is "rl" though its w read as v makes "vrl"
    short, weak, given, longest = 0, 0, 0, max(min(len(k) for k in keys) for keys in checkable)
    given_at = []
    last = len(checkable) - 1
    for n, keys in enumerate(checkable):
        hits = [k for k in keys if _found(k, skeletons, min_ratio, clitics)]
        if not hits:
            continue
        if max(len(k) for k in hits) >= 3 or lang in _CASED or longest < 3:
            if lang in _CASED or len(checkable) < 2 or any(_exact(k, skeletons) for k in hits if len(k) >= 3):
                if n == last:
                    return True
                given += 1
                given_at.append(n)
            else:
                weak += 1  # a letter apart or after a clitic: with no word of the name alike, one such match is chance
        else:
            short += 1
    if short >= 2 or weak >= 2 or (weak >= 1 and short >= 1) or (given >= 1 and (weak + short + given) >= 2):
        return True
    # the given name found, the surname written differently (Бовільє for Beauvillier): in a cased script any
    # capitalized word like it; in the others (every word a candidate, so one is alike by chance) the word
    # right after the given name (بيتر ساؤسورس: the translator writes the two together)
    if given and lang in _CASED:
        return _loose(checkable[last], skeletons)
    return _given_then_loose(checkable, given_at, skeletons, min_ratio, clitics)


def _given_then_loose(checkable, given_at, skeletons, min_ratio, clitics) -> bool:
    pairs = [s[1:].split("|") for s in skeletons if s[0] == "~"] if given_at else []
    return any(
        _found(g, {a}, min_ratio, clitics) and _loose(checkable[-1], {b}) for n in given_at for g in checkable[n] for a, b in pairs
    )


class _Where:
    """The original's text and, per skeleton, the spans of the words it was made from."""

    def __init__(self, text: str, origin: dict[str, set[tuple[int, int]]], words: list[str] | None = None):
        self.text, self.origin, self.words = text, origin, words or []

    def sounds_like(self, word: str, spans: set[tuple[int, int]]) -> bool:
        """Does a word of the original read like the English word vowels and all (the cross-script
        matcher's score, provenance.names.crossscript)?"""
        from provenance.names.crossscript import score_cross

        return any(score_cross(self.text[s:e], word)[0] >= SOUNDS_LIKE for s, e in spans)

    def spans(self, keys: list[str]) -> set[tuple[int, int]]:
        return set().union(*(self.origin.get(k, set()) for k in keys))

    def next_to(self, a: set[tuple[int, int]], b: set[tuple[int, int]]) -> bool:
        """Are two words written next to each other (a word between them at most, a middle name or
        "bin"; no sentence's end)?"""
        for s1, e1 in a:
            for s2, e2 in b:
                lo, hi = (e1, s2) if e1 <= s2 else (e2, s1)
                if lo <= hi and hi - lo <= 40:
                    between = self.text[lo:hi]
                    if len(_WORDS.findall(between)) <= 1 and not re.search("[.!?؟।。]", between):
                        return True
        return False


#: The cross-script score that makes a surname of three consonants found exactly the name's (Knott = קנוט 1.0,
#: Jones = جونس 0.99; common words: Moualem = ملحمة 0.81, Pelosi = پولیس 0.77, Jackson = जिसने 0.73).
SOUNDS_LIKE = 0.85
#: A surname's skeleton this long found exactly vouches alone: so many consonants in the same order are no chance.
_LONG = 4


def _placed(checkable: list[set[str]], words: list[str], skeletons: set[str], min_ratio: float, lang: str, where: _Where) -> bool:
    """_vouched for a name of two words or more in an original without case: the surname found
    exactly with four consonants or more, two words of the name found next to each other, or the
    given name found and the word after it like the surname."""
    clitics = lang in _CLITICS
    last = len(checkable) - 1
    placed: list[tuple[int, set[tuple[int, int]]]] = []
    given_at = []
    for n, keys in enumerate(checkable):
        hits = [k for k in keys if _found(k, skeletons, min_ratio, clitics)]
        if not hits:
            continue
        exact = [k for k in hits if _exact(k, skeletons)]
        if n == last and any(len(k) >= _LONG for k in exact):
            return True
        spans = where.spans([h for k in hits for h in _hits(k, skeletons, min_ratio, clitics)])
        if any(len(k) >= 3 for k in exact):
            if n == last and where.sounds_like(words[n], where.spans([h for k in exact for h in _hits(k, skeletons, min_ratio, clitics)])):
                return True  # three consonants, and the vowels too (קנוט, Knott), where a common word has its own (ملحمة for Moualem)
            given_at.append(n)
        if any(m != n and where.next_to(spans, other) for m, other in placed):
            return True
        placed.append((n, spans))
    if _given_then_loose(checkable, [n for n in given_at if n != last], skeletons, min_ratio, clitics):
        return True
    # a word found exactly (three consonants or more: two are some common word by chance), another of the
    # name (three or more) written next to it a little otherwise (ג‘ורן ספית‘, Jordan Spieth)
    for n, spans in placed:
        if n not in given_at:
            continue
        for m, keys in enumerate(checkable):
            if m != n and min(len(k) for k in keys) >= 3:
                loose = where.spans([s for s in where.origin if len(s) >= 3 and s[0].isalpha() and _loose(keys, {s})])
                if where.next_to(spans, loose):
                    return True
    return _short_given(checkable, placed, where)


def _short_given(checkable: list[set[str]], placed: list[tuple[int, set[tuple[int, int]]]], where: _Where) -> bool:
    """The surname found, reading like it vowels and all, and a given name in its short form, the
    beginning of the original's word written right before it (Geoff: جفری دیهل, Jeffrey Diehl; Dan for
    Daniel, Chris for Christopher). Two consonants are some common word by chance (پولیس اور, "police and",
    for Paul Barreira): the surname must sound like the English one."""
    last = len(checkable) - 1
    surname = {sp for n, spans in placed if n == last for sp in spans if where.sounds_like(where.words[last], {sp})}
    for keys in checkable[:-1] if surname else []:
        longer = [s for s in where.origin if s[:1].isalpha() and any(len(k) >= 2 and s.startswith(k) and 0 < len(s) - len(k) <= 3 for k in keys)]
        if any(e1 <= s2 and where.next_to({(s1, e1)}, {(s2, e2)}) for s1, e1 in where.spans(longer) for s2, e2 in surname):
            return True
    return False


def _placed_cased(checkable: list[set[str]], skeletons: set[str], min_ratio: float, where: _Where) -> bool:
    """_vouched for a name of two words or more in a cased original: the surname found (a capitalized
    word), but one of two consonants only when it reads like it vowels and all or is written next to
    another word of the name (Вони, a sentence's first word, is no Bone; Жан no Jong); two other words
    found next to each other; a word found and a capitalized word like the surname."""
    last = len(checkable) - 1
    placed: list[set[tuple[int, int]]] = []
    for n, keys in enumerate(checkable):
        hits = [k for k in keys if _found(k, skeletons, min_ratio, False)]
        if not hits:
            continue
        spans = where.spans([h for k in hits for h in _hits(k, skeletons, min_ratio, False)])
        if n == last:
            if max(len(k) for k in hits) >= 3 or where.sounds_like(where.words[n], spans) or any(where.next_to(spans, p) for p in placed):
                return True
            continue
        if any(where.next_to(spans, p) for p in placed):
            return True
        placed.append(spans)
    return bool(placed) and _loose(checkable[last], skeletons)


def _run_together(words: list[str], skeletons: set[str], fine: bool) -> bool:
    """Is the whole name, its words' skeletons joined (five consonants or more), inside a longer word of
    the original? An original written without spaces (الأمريكيمايكبومبيو: Mike Pompeo run together)."""
    joined = skeleton("".join(words), fine)
    return len(joined) >= 5 and any(len(s) - 1 >= len(joined) + 3 and joined in s for s in skeletons if s[:1] in "=+" or s[:1].isalpha())


def _loose(keys: set[str], skeletons: set[str]) -> bool:
    """A word of the original like the surname at all: the same first consonant, three quarters alike."""
    from rapidfuzz.fuzz import ratio

    return any(len(s.lstrip("+=")) >= 2 and s.lstrip("+=")[0] == k[0] and ratio(k, s.lstrip("+=")) >= 75 for k in keys if k for s in skeletons)


#: Originals in Latin letters: they write a foreign name as it is, so its letters are compared, not a skeleton.
_LATIN = frozenset({"tr", "fr", "de", "es"})


def _letters(word: str) -> str:
    from anyascii import anyascii

    return re.sub("[^a-z]", "", anyascii(word).lower())


def _latin_words(text: str, start: int, end: int) -> set[str]:
    """The capitalized words of a Latin-script original, lower-case ASCII letters only."""
    return {_letters(w) for w in _LETTERS.findall(text, start, end) if w[:1].isupper()} - {""}


def _latin_found(words: list[str], source: set[str]) -> bool:
    """Is one word of the name (two letters or more) in the original, as it is, with a suffix
    (Turkish "Trump'ı" is split at the apostrophe, "Coloradolu" is not), or spelt a letter apart
    ("Miler" for "Miller"; from five letters)?"""
    from rapidfuzz.fuzz import ratio

    for w in words:
        e = _letters(w)
        if len(e) < 2:
            continue
        if e in source:
            return True
        for s in source:
            if len(e) >= 4 and s.startswith(e) and len(s) - len(e) <= 4:
                return True
            if len(e) >= 5 and s[:1] == e[:1] and ratio(e, s) >= 85:
                return True
    return _latin_transcribed(words, source)


def _latin_transcribed(words: list[str], source: set[str]) -> bool:
    """A name a Latin-script original spells by its own rules, as it does a Russian, Ukrainian or
    Arabic one (Poutine and Putin, Selenskyj and Zelensky, Schewtschenko and Shevchenko): the same
    consonants in the same order (skeleton: sch, sh, s one sound; w a v), four or more, or three in
    letters three quarters alike (three consonants alone are a capitalized word of the sentence by chance)."""
    from rapidfuzz.fuzz import ratio

    sounds: dict[str, list[str]] = {}
    for s in source:
        sounds.setdefault(skeleton(s, True), []).append(s)
    for w in words:
        for k in {skeleton(w, True), skeleton(re.sub("[wW]", "v", w), True)}:  # a Latin script writes an English th, x as they are
            if len(k) >= 4 and k in sounds:
                return True
            if len(k) == 3 and any(ratio(_letters(w), s) >= 75 for s in sounds.get(k, ())):
                return True
    return False


def names(pair, params: dict, doc=None) -> Iterator[Issue]:
    """An English name none of whose words has a counterpart in the aligned original. A name the
    article's original vouches for in one sentence is the same person where another sentence of the
    original writes one of its words exactly (a translator gives the full name once, then the surname
    or the given name alone: بريت كافانو, then كافانو; a name swapped in is not in the article at all).
    Latin-script originals need no such memory: one word of the name found as it is vouches."""
    if doc is None or pair.lang in params.get("skip_langs", ["zh"]):
        return  # Chinese writes a foreign name in characters whose romanization is far from it
    min_ratio = params.get("min_ratio", 80)
    min_len = params.get("min_skeleton", 2)
    al, src = pair.alignment, pair.text
    beads = al.beads
    found = _english_names(doc)
    if not found:
        return
    from bisect import bisect_right

    matched = _matched(beads)
    starts = [beads[i].target[0] for i in matched]
    cache: dict[int, set[str]] = {}
    known: set[tuple[str, ...]] = set()  # the names vouched for somewhere in the article (scripts compared by skeleton)
    pending: list[tuple[Issue, tuple[str, ...], bool]] = []  # (issue, the name, one of its words found exactly)
    for start, end, words in found:
        k = bisect_right(starts, start) - 1
        if k < 0:
            continue
        i = matched[k]
        b = beads[i]
        if not (b.target[0] <= start and end <= b.target[1]):
            continue
        if _not_a_person(words):
            continue
        if pair.lang == "zh":
            if i not in cache:
                near = _near(beads, i, "source")
                latin = {w.lower() for s, e in near for w in re.findall("[A-Z][A-Za-z]+", src[s:e])}  # "Scott Pittman的射门"
                spans: dict[str, set[tuple[int, int, bool]]] = {}
                dotted = set().union(*(names_zh.source_skeletons(src, s, e, spans) for s, e in near))
                cache[i] = (latin, dotted, set().union(*(names_zh.han_readings(src, s, e) for s, e in near)), spans)
            latin, dotted, hanzi, spans = cache[i]
            if ("n", i) not in cache:  # the English names of the bead, and the names its original writes readably
                b_src = src[b.source[0] : b.source[1]]
                readable = names_zh.count_dotted(b_src) + names_zh.count_runs(b_src) + len(re.findall("[A-Z][a-z]+(?: [A-Z][a-z]+)+", b_src))
                cache[("n", i)] = readable >= sum(1 for s2, e2, _ in found if b.target[0] <= s2 and e2 <= b.target[1])
            if not cache[("n", i)]:
                continue  # fewer names with a dot or in letters than the English has: a name is written without (卡瓦诺, 金正恩)
            if names_zh.vouched(words, latin, dotted, hanzi, min_ratio, min_len, spans):
                continue
            yield Issue(start, end, b.source[0], b.source[1], f"the original's sentence has no name like {doc.text[start:end]!r}")
            continue
        if pair.lang in _LATIN:
            if i not in cache:
                cache[i] = set().union(*(_latin_words(src, s, e) for s, e in _near(beads, i, "source")))
            if not _latin_found(words, cache[i]):
                yield Issue(start, end, b.source[0], b.source[1], f"the original's sentence has no name like {doc.text[start:end]!r}")
            continue
        if i not in cache:
            origin: dict[str, set[tuple[int, int]]] = {}
            cache[i] = (set().union(*(_source_skeletons(src, s, e, pair.lang, origin) for s, e in _near(beads, i, "source"))), origin)
        skeletons, origin = cache[i]
        fine = pair.lang not in _COARSE
        checked = [w for w in words if len(skeleton(w, fine)) >= min_len]  # "Joe", "Amy": one consonant tells nothing
        checkable = [_english_keys(w, fine, pair.lang) for w in checked]
        name = tuple(w.lower() for w in words)
        if not checkable or _vouched(checkable, skeletons, min_ratio, pair.lang, _Where(src, origin, checked)) or _run_together(words, skeletons, fine):
            known.add(name)
            continue
        issue = Issue(start, end, b.source[0], b.source[1], f"the original's sentence has no name like {doc.text[start:end]!r}")
        pending.append((issue, name, any(_exact(k, skeletons) for keys in checkable for k in keys)))
    for issue, name, word_found in pending:
        if not (word_found and name in known):
            yield issue
