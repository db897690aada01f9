"""Fuzz target (issue 14): any bytes -> Document.from_bytes -> every layer ->
JSON report whose offsets are exact, or a one-line InputError; never another
exception.

`make test` runs a short, derandomized pass (fixed examples, the same on
every run); `make test-fuzz` sets PROVENANCE_FUZZ=long for a long random one.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.document import Document, InputError

LONG = os.environ.get("PROVENANCE_FUZZ") == "long"

# Pieces of news-like text with the characters decoding and segmenting must survive.
PIECES = [
    "Officials said", " the talks", " would resume", " on Monday.", " Collective.", "\n", "\n\n", "\r\n", " ",
    "“", "”", "’", "—", "…", " (AP)", "Source: ", "# Heading\n", "---\ntitle: x\n---\n", "Mahmoud Qassab", "al-Qassab",
    "عربي", "\u200f", "\u202e", "\ufeff", "\ufffd", "\x1b[2J", "\x07", "\t", "\x0c", "é", "😀", "said:", "\"", "'",
]
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1"]


@st.composite
def article_bytes(draw) -> bytes:
    """News-like text in some encoding, then damaged: bytes inserted, dropped or flipped."""
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=40)))
    raw = text.encode(draw(st.sampled_from(CODECS)), "replace")
    raw = bytearray(raw)
    for _ in range(draw(st.integers(0, 6))):
        if not raw:
            break
        pos = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["insert", "delete", "flip"]))
        if op == "insert":
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=3))
        elif op == "delete":
            del raw[pos]
        else:
            raw[pos] ^= draw(st.integers(1, 255))
    return bytes(raw)


INPUTS = st.one_of(article_bytes(), st.binary(max_size=300))


def _check(pipeline, raw: bytes) -> None:
    try:
        doc = Document.from_bytes(raw, "fuzz.txt")
    except InputError as exc:
        reason = str(exc)
        assert reason and "\n" not in reason
        return
    report = json.loads(pipeline.check_document(doc).to_json())
    (f,) = report["files"]
    assert f.get("error") is None, f["error"]  # no layer crashed on it
    for finding in f["findings"]:
        assert doc.text[finding["start"] : finding["end"]] == finding["text"], finding
    assert raw.decode(f["encoding"], "replace") == doc.text  # the text is reproducible from the bytes and the encoding


def _run(pipeline, examples: int, derandomize: bool):
    @settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(INPUTS)
    def fuzz(raw):
        _check(pipeline, raw)

    fuzz()


def test_fuzz_bytes_short(default_pipeline):
    """A few hundred milliseconds in `make test`: the same examples every run."""
    _run(default_pipeline, 60, derandomize=True)


@pytest.mark.skipif(not LONG, reason="the long fuzz run: make test-fuzz (PROVENANCE_FUZZ=long)")
def test_fuzz_bytes_long(default_pipeline):
    _run(default_pipeline, int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "3000")), derandomize=False)
