"""Where unlisted names are looked for: the prose regions of a document (and
the prose with everything else blanked out, offsets kept), and where its
sentences start (to tell sentence-initial capitals from names).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.document import Document


class Sentences:
    """Where sentences start, to tell sentence-initial capitals from names."""

    def __init__(self, doc: "Document"):
        text = doc.text
        self.text = text
        starts = []
        for seg in doc.segments:
            starts.append(seg.start)
            for s in seg.sentences:
                starts.append(s.start)
        self.starts = sorted(set(starts))

    def initial(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return True
        between = self.text[self.starts[i] : offset]
        return not between.strip(" \t\r\n\"“‘'(«—–-:")


def regions(doc) -> list[tuple[int, int]]:
    """Where unlisted names are looked for: paragraphs, captions (without the credit),
    titles or headings that are not in title case, and the parts of credit lines."""
    from provenance.document import CAPTION, HEADING, PARAGRAPH, TITLE

    cached = doc.annotations.get("_names_regions")
    if cached is not None:
        return cached
    text = doc.text
    regions = []
    for seg in doc.segments:
        if seg.kind in (PARAGRAPH, CAPTION):
            regions.append((seg.start, seg.prose_end))
        elif seg.kind in (TITLE, HEADING) and not _title_case(text[seg.start : seg.end]):
            regions.append((seg.start, seg.end))
        elif seg.credit_parts:  # the names in a byline or a translation credit, not the line
            regions += [(s, e) for _, s, e in seg.credit_parts]
    doc.annotations["_names_regions"] = regions
    return regions


def prose(doc, covered: list[tuple[int, int]] | None = None) -> str:
    """The text with all but the prose regions, and the glossary mentions, blanked out
    (same length, so offsets hold): unlisted names are looked for only in what is left."""
    cached = doc.annotations.get("_names_prose")
    if cached is not None:
        return cached
    text = doc.text
    blank = "\x1f"
    keep: list[tuple[int, int]] = []
    covered = covered or []
    for rs, re_ in regions(doc):
        i = bisect_right(covered, (rs, -1))
        if i > 0 and covered[i - 1][1] > rs:
            i -= 1
        pos = rs
        while i < len(covered) and covered[i][0] < re_:
            cs, ce = covered[i]
            if cs > pos:
                keep.append((pos, cs))
            pos = max(pos, ce)
            i += 1
        if pos < re_:
            keep.append((pos, re_))
    parts = []
    last = 0
    for ks, ke in keep:
        parts.append(blank * (ks - last))
        parts.append(text[ks:ke])
        last = ke
    parts.append(blank * (len(text) - last))
    prose = "".join(parts)
    doc.annotations["_names_prose"] = prose
    return prose


def _title_case(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.6
