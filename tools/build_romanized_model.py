"""Build the data file of rule kind ``romanized`` (PV503/PV504).

    python tools/build_romanized_model.py          # writes provenance/rules/data/romanized.json.gz

Needs wordfreq (a build-time dependency only: `check` never imports it) and
writes one gzipped JSON file inside the package:

- ``english``: the English vocabulary, every lower-case ASCII word of
  wordfreq's English "large" list with a Zipf frequency of at least
  ``ENGLISH_ZIPF`` (about 90,000 words). wordfreq loads in 0.3-0.5 s, more
  than a whole `check` may take; the shipped set loads in a few ms.
- ``ngrams``: character n-gram counts (n = 1..ORDER, with ``^``/``$`` word
  boundaries) of two classes: English words (the same wordfreq list, Zipf >=
  ``TRAIN_EN_ZIPF``) and Arabic romanizations (the ``ARABIC_WORDS`` most
  frequent words of wordfreq's Arabic list, written in Latin letters by the
  table below, two to three spellings each).

Why generated romanizations: no permissive list of romanized Arabic common
words exists, and the words machine translation leaves behind are exactly
this: an Arabic word spelled letter by letter, article glued on
("Almjls" for المجلس), short vowels mostly missing ("Mjhza"), or filled
in by a reader's ear ("altanmiah"). The table writes each Arabic letter the
ways news and MT write it (ع as a, o or nothing, ة as h, a or ah, و as w, o
or u …); a seeded random choice per word spreads the spellings without
making the build depend on chance.

wordfreq's code is Apache-2.0; its word lists are CC BY-SA 4.0, so the
shipped file (a word list and n-gram counts derived from them) is CC BY-SA
4.0 as well, with attribution in ``provenance/rules/data/README.md``.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "provenance" / "rules" / "data" / "romanized.json.gz"
ENGLISH_ZIPF = 2.0  # the vocabulary: below this, wordfreq's English list holds as many names and foreign words as English ones
COMMON_ZIPF = 3.0  # a word one edit away from one of these is a typo of it, not a foreign word
TRAIN_EN_ZIPF = 2.5  # the English n-gram class: common words, few names
ARABIC_WORDS = 30000
ORDER = 4
MIN_COUNT = {1: 1, 2: 1, 3: 3, 4: 12}  # rarer n-grams cost size and say little: dropped (the scorer backs off)
SEED = 20261202

# Each Arabic letter: the Latin spellings MT and news copy use, the first the commonest.
TABLE: dict[str, tuple[str, ...]] = {
    "ا": ("a",), "أ": ("a", "a", "e"), "إ": ("e", "i"), "آ": ("a", "aa"), "ء": ("", "a", "'"),
    "ب": ("b", "b", "b", "p"), "ت": ("t",), "ث": ("th", "th", "s"), "ج": ("j", "j", "g"),
    "ح": ("h",), "خ": ("kh",), "د": ("d",), "ذ": ("th", "dh", "z"), "ر": ("r",), "ز": ("z",),
    "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d", "dh"), "ط": ("t",), "ظ": ("z", "dh"),
    "ع": ("a", "o", "", "a"), "غ": ("gh",), "ف": ("f",), "ق": ("q", "q", "k"), "ك": ("k",),
    "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("h",), "و": ("w", "o", "u", "ou"),
    "ي": ("y", "i", "e", "ei"), "ى": ("a", "y"), "ة": ("h", "a", "ah"), "ئ": ("e", "y", "'"),
    "ؤ": ("o", "'"),
}
_SHORT_VOWELS = ("a", "a", "a", "i", "u", "e")
_LETTERS = re.compile(r"^[\u0621-\u064a]+$")


def romanize(word: str, rng: random.Random, vowel_rate: float) -> str:
    """One Latin spelling of an Arabic word: the letters by the table, and a
    short vowel after a consonant with probability vowel_rate (MT leaves out
    most; a person's spelling fills most in)."""
    out: list[str] = []
    for i, ch in enumerate(word):
        options = TABLE.get(ch)
        if options is None:
            continue
        piece = rng.choice(options)
        out.append(piece)
        nxt = word[i + 1] if i + 1 < len(word) else ""
        consonant = piece and piece[-1] not in "aeiou'"
        if consonant and nxt and nxt not in "اويىةأإآ" and not (i == 1 and word.startswith("ال")):
            if rng.random() < vowel_rate:
                out.append(rng.choice(_SHORT_VOWELS))
    return re.sub(r"'+", "", "".join(out))


def ngrams(word: str, order: int = ORDER):
    padded = "^" + word + "$"
    for n in range(1, order + 1):
        for i in range(len(padded) - n + 1):
            yield padded[i : i + n]  # "^" counts the words: the context of a first letter


def main() -> int:
    global ORDER, OUT
    args = sys.argv[1:]
    if "--order" in args:  # for experiments: python tools/build_romanized_model.py --order 3 --out /tmp/m.json.gz
        ORDER = int(args[args.index("--order") + 1])
    if "--out" in args:
        OUT = Path(args[args.index("--out") + 1])
    from importlib.metadata import version

    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", "large")
    ascii_word = re.compile(r"^[a-z]+$")
    zipf = {w: math.log10(f) + 9 for w, f in freqs.items() if ascii_word.match(w)}
    english = sorted(w for w, z in zipf.items() if z >= ENGLISH_ZIPF)
    # the common words, the ones typos are checked against, then the rest: each sorted (compresses best)
    common = [w for w in english if zipf[w] >= COMMON_ZIPF]
    rare = [w for w in english if zipf[w] < COMMON_ZIPF]
    en_train = sorted(w for w in english if zipf[w] >= TRAIN_EN_ZIPF and len(w) >= 3)

    rng = random.Random(SEED)
    arabic: list[str] = []
    for word in wordfreq.top_n_list("ar", ARABIC_WORDS * 2):
        if not _LETTERS.match(word) or len(word) < 3:
            continue
        for rate in (0.0, 0.3, 0.7):  # MT's bare letters, a half-vocalized and a vocalized spelling
            r = romanize(word, rng, rate)
            if len(r) >= 3:
                arabic.append(r)
        if len(arabic) >= ARABIC_WORDS * 3:
            break

    counts = {"en": Counter(), "ar": Counter()}
    for cls, words in (("en", en_train), ("ar", arabic)):
        for w in words:
            counts[cls].update(ngrams(w, ORDER))
    data = {
        "format": 1,
        "source": f"wordfreq {version('wordfreq')} (CC BY-SA 4.0 data), built by tools/build_romanized_model.py",
        "english_zipf": ENGLISH_ZIPF,
        "order": ORDER,
        "english": {"common": " ".join(common), "rare": " ".join(rare)},
        "ngrams": {cls: dict(sorted((g, c) for g, c in cnt.items() if c >= MIN_COUNT[len(g)])) for cls, cnt in counts.items()},
        "trained_on": {"en": len(en_train), "ar": len(arabic)},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    OUT.write_bytes(gzip.compress(raw, 9, mtime=0))
    print(f"{OUT}: {OUT.stat().st_size:,} bytes; {len(english):,} English words; "
          f"n-grams en {len(data['ngrams']['en']):,}, ar {len(data['ngrams']['ar']):,}; "
          f"trained on {len(en_train):,} English words, {len(arabic):,} romanizations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
