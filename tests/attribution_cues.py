"""Shared helper of the PolNeAR mechanism tests: the (cue, innermost speaker) pairs the layer builds."""

from __future__ import annotations

from provenance.attributions.article import build
from provenance.document import Document


def cues(text: str, before: str = "") -> list[tuple[str, str]]:
    """(cue, innermost speaker) of each attribution in `before + text`; every cue span is checked exact."""
    doc = Document(before + text + "\n", "<t>")
    out = []
    for a in build(doc).attributions:
        assert doc.text[a["cue"]["start"] : a["cue"]["end"]] == a["cue"]["text"]
        out.append((a["cue"]["text"], a["chain"][-1]["text"] if a["chain"] else ""))
    return out
