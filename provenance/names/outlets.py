"""Names of outlets, parties and blocs translated as words (rule PV810): "the
"Information" agency" for al-Maalouma, "balances News" for Mawazin News, "the
coalition of victory" for the Nasr coalition.

The English word alone proves nothing ("information", "victory" are ordinary
words); it counts only in the place a name takes, in shapes native copy does
not write:

- a lower-case word before a capitalized outlet word: "balances News", "direction Press";
- a quoted word before or after an outlet noun: `the "Information" agency`, `the program "pillar"`;
- the word and a slash opening a line, the wire's source tag: "Information/special";
- (party words) a bloc noun and "of" before a lower-case word, or the word
  between "the" and a bloc noun: "deputies of victory", "the victory coalition".

The table (outlet_meanings.yaml) holds the meanings of Arab outlets' and
blocs' names; the suggestion is the romanized name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_PATH = Path(__file__).with_name("outlet_meanings.yaml")
_OUTLET_HEADS = r"(?:News|Press|Agency|Net|Channel|Newspaper|TV)"
_OUTLET_NOUNS = r"(?:news\s+agency|agency|newspaper|paper|website|site|channel|TV|radio|network|magazine|program|programme|show)"
_BLOC_NOUNS = r"(?:coalition|alliance|bloc|list|movement|current|party)"
_QUOTE_OPEN = "\"\u201c"
_QUOTE_CLOSE = "\"\u201d"


class Outlet(NamedTuple):
    word: str
    name: str
    arabic: str
    party: bool


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    from provenance import cache, yamlguard

    data = cache.parsed("outlet-meanings", _PATH.read_bytes(), yamlguard.load) or {}
    return {
        w.lower(): Outlet(w.lower(), spec["name"], spec.get("arabic", ""), bool(spec.get("party")))
        for w, spec in (data.get("outlets") or {}).items()
    }


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, bool]]:
    """(pattern with a group ``w`` for the word, whether the word must be a party word)."""
    table = outlets()
    media = "|".join(sorted((re.escape(w) for w, o in table.items() if not o.party), key=len, reverse=True))
    party = "|".join(sorted((re.escape(w) for w, o in table.items() if o.party), key=len, reverse=True))
    q_open, q_close = f"[{_QUOTE_OPEN}]", f"[{_QUOTE_CLOSE}]"
    return [
        # "balances News": a lower-case word where an outlet's name goes (a capitalized head)
        (re.compile(rf"(?<![\w'\u2019-])(?P<w>{media})\s+{_OUTLET_HEADS}\b"), False),
        # the "Information" agency / the program "pillar"
        (re.compile(rf"{q_open}(?P<w>(?i:{media}|{party})){q_close}\s+{_OUTLET_NOUNS}\b"), False),
        (re.compile(rf"\b{_OUTLET_NOUNS}\s+{q_open}(?P<w>(?i:{media}|{party})){q_close}"), False),
        # "Information/special": the source tag opening a line
        (re.compile(rf"(?m)^[ \t]*(?P<w>(?i:{media}))[ \t]*/"), False),
        # "the coalition of victory", "deputies of victory", "the victory coalition"
        (re.compile(rf"\b(?:{_BLOC_NOUNS}|deputies|MPs|members)\s+of\s+(?P<w>{party})\b(?![\w-])"), True),
        (re.compile(rf"\b[Tt]he\s+(?P<w>{party})\s+{_BLOC_NOUNS}\b"), True),
    ]


def find(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, suggestion, message) of each outlet or bloc name translated as a word."""
    table = outlets()
    out = []
    seen = set()
    for pattern, _ in _patterns():
        for m in pattern.finditer(text):
            start, end = m.span()
            if text[start : start + 1].isspace():
                start += len(m.group()) - len(m.group().lstrip())
            if (start, end) in seen:
                continue
            seen.add((start, end))
            entry = table[m.group("w").lower()]
            gloss = f"{entry.name} ({entry.arabic}, “{entry.word}”)" if entry.arabic else entry.name
            what = "bloc" if entry.party else "outlet"
            out.append((start, end, entry.name, f"“{text[start:end].strip()}” reads like the {what} {gloss} translated as a word: write its name"))
    return sorted(out)
