"""Letter tables for matching a name written in an abjad (Arabic, Persian, Urdu,
Hebrew) against its romanization (``provenance.names.crossscript``).

Each source letter is a *unit*: the letters of the reduced Latin alphabet of
``provenance.names.normalize`` it may be written as, with a cost (0 = the usual
spelling, up to 1 = a different letter), and the cost of leaving it out of the
romanization. Abjads write long vowels (ا و ي, א ו י) but not short ones, so
those letters may be a vowel or a glide, ayn and hamza are usually dropped, and
the romanization may add short vowels almost for free (``crossscript``).

Upper-case letters are the normalizer's digraph placeholders: S = sh/ch,
X = kh, G = gh, T = th, D = dh.
"""

from __future__ import annotations

import re
import unicodedata

#: (letters it is written as {latin: cost}, cost of leaving it out)
Unit = tuple[dict[str, float], float]

_ANY_VOWEL = {"a": 0.0, "e": 0.0, "i": 0.0, "o": 0.0, "u": 0.0}


def _u(subs: str, dele: float = 1.0) -> Unit:
    """'k:0 g:.3' -> ({'k': 0.0, 'g': 0.3}, dele)."""
    out = {}
    for part in subs.split():
        k, _, v = part.partition(":")
        out[k] = float(v or 0)
    return out, dele


# -- Arabic script (Arabic, Persian, Urdu, Pashto, Kurdish Sorani...) ---------------------------

#: Letters folded before matching: hamza seats, alef forms, Persian/Urdu shapes of Arabic letters.
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ى", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي", "ے": "ي", "ۓ": "ي",
        "ک": "ك", "ڪ": "ك", "ە": "ه", "ہ": "ه", "ۀ": "ه", "ۂ": "ه", "ۃ": "ة", "ھ": "ه",
        "ٹ": "ت", "ټ": "ت", "ڈ": "د", "ډ": "د", "ڑ": "ر", "ړ": "ر", "ں": "ن", "ڼ": "ن",
        "ڤ": "ف", "ڨ": "ق", "ګ": "گ", "ڭ": "گ", "ښ": "ش", "ږ": "ژ", "ځ": "ز", "څ": "س", "ۆ": "و", "ۇ": "و", "ۈ": "و", "ۋ": "و",
        "\u0640": None,  # tatweel
    }
)

ARABIC_UNITS: dict[str, Unit] = {
    # vowel letters and glides
    "ا": _u("a e:.1 i:.2 o:.2 u:.3", 0.35),
    "و": _u("u o w v:.1 a:.6 e:.5 i:.6", 0.8),
    "ي": _u("i y e:.1 a:.6 o:.6 u:.6", 0.7),
    "ى": _u("a i:.1 e:.1 y:.3", 0.3),
    # ayn and hamza: usually not written (an apostrophe at most, which folding removes)
    "ع": _u("a:.1 e:.1 i:.1 o:.1 u:.1 G:.6 g:.7", 0.0),
    "ء": _u("a:.1 e:.1 i:.1 o:.1 u:.1", 0.0),
    "ؤ": _u("u:.1 o:.1 w:.2 a:.2 e:.2 i:.2", 0.0),
    "ئ": _u("i:.1 e:.1 y:.1 a:.2 u:.2 o:.2", 0.0),
    # ta marbuta: -a, -ah (the normalizer drops the h), -e, -at in a construct
    "ة": _u("a e t:.2 h i:.3", 0.1),
    "ه": _u("h a:.3 e:.3", 0.7),
    # consonants
    "ب": _u("b p:.4 v:.5"),
    "ت": _u("t T:.3 d:.6"),
    "ث": _u("T s:.2 t:.2"),
    "ج": _u("j g:.1 y:.6 z:.6 S:.7"),
    "ح": _u("h X:.3", 0.6),  # Kh in Russian and Hebrew transcriptions
    "خ": _u("X k:.3 h:.4"),
    "د": _u("d D:.3 t:.5"),
    "ذ": _u("D z:.1 d:.2 T:.3"),
    "ر": _u("r"),
    "ز": _u("z s:.3"),
    "س": _u("s z:.4 S:.6"),
    "ش": _u("S s:.5"),
    "ص": _u("s z:.5 S:.6"),
    "ض": _u("d D:.1 z:.2"),
    "ط": _u("t T:.4 d:.5"),
    "ظ": _u("z D:.1 d:.3"),
    "غ": _u("G g:.2 X:.5 k:.5 r:.6"),
    "ف": _u("f v:.4 p:.5"),
    "ق": _u("k g:.3 G:.4"),
    "ك": _u("k X:.5 g:.5"),
    "ل": _u("l"),
    "م": _u("m n:.6"),
    "ن": _u("n m:.5"),
    # Persian / Urdu letters
    "پ": _u("p b:.4"),
    "چ": _u("S k:.7"),
    "ژ": _u("j z:.2 S:.6"),
    "گ": _u("g G:.2 j:.5 k:.4"),
}

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def fold_arabic(text: str) -> str:
    """NFKC (presentation forms to letters), diacritics and tatweel removed, letter shapes folded."""
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    return text.translate(_ARABIC_FOLD)


# -- Hebrew ----------------------------------------------------------------------------------

_HEBREW_FINALS = str.maketrans({"ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"})

HEBREW_UNITS: dict[str, Unit] = {
    "א": _u("a e i o u", 0.1),
    "ע": _u("a e i o u", 0.1),
    "ה": _u("h a:.1 e:.1", 0.3),
    "ו": _u("v o u w", 0.6),
    "י": _u("y i e:.1 j:.3", 0.6),
    "ב": _u("b v"),
    "ג": _u("g j:.3"),
    "ד": _u("d"),
    "ז": _u("z s:.4"),
    "ח": _u("X h:.2 k:.4", 0.7),
    "ט": _u("t"),
    "כ": _u("k X:.1 h:.5"),
    "ל": _u("l"),
    "מ": _u("m"),
    "נ": _u("n"),
    "ס": _u("s z:.4"),
    "פ": _u("p f"),
    "צ": _u("z:.1 s:.3 t:.5"),  # ts / tz: the t is an inserted letter
    "ק": _u("k"),
    "ר": _u("r"),
    "ש": _u("S s"),
    "ת": _u("t s:.4"),
}
_HEBREW_MARKS = re.compile("[\u0591-\u05c7]")
_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")


def fold_hebrew(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = _HEBREW_MARKS.sub("", text).replace("״", "").replace("׳", "").replace("'", "")
    return text.translate(_HEBREW_FINALS)


def script_of(text: str) -> str:
    """'arabic', 'hebrew', 'latin' (ASCII and accented Latin letters only) or 'other'."""
    if _ARABIC_LETTER.search(text):
        return "arabic"
    if _HEBREW_LETTER.search(text):
        return "hebrew"
    for ch in text:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "")):
            return "other"
    return "latin"
