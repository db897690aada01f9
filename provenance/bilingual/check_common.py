"""What the source-aware checks share: an Issue (a span of the English and one of the original)
and the beads' neighbourhoods. Checks: provenance.bilingual.checks (dispatch), check_numbers,
check_omissions, check_quotes, names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.bilingual.align import Bead

#: Scripts written without spaces between words (kana, Han): a mark between two of their letters is no acronym's.
_NOSPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def word_count(s: str) -> int:
    """Words of a stretch of either text, a character of a script without spaces counting half."""
    return len(s.split()) + len(_NOSPACE.findall(s)) // 2


@dataclass(frozen=True)
class Issue:
    start: int
    end: int
    source_start: int
    source_end: int
    message: str


def _matched(beads: list[Bead]) -> list[int]:
    """Indices of the beads with a sentence on both sides."""
    return [i for i, b in enumerate(beads) if b.source is not None and b.target is not None]


def _near(beads: list[Bead], i: int, side: str) -> list[tuple[int, int]]:
    """The spans of bead i and its neighbours on one side: an alignment that slips
    by a sentence must not make a number look changed."""
    out = []
    for j in (i - 1, i, i + 1):
        if 0 <= j < len(beads):
            span = beads[j].source if side == "source" else beads[j].target
            if span is not None:
                out.append(span)
    return out


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
