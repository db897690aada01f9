"""Properties that hold for any text: no exception, every reported span
slices the text to the reported text, and the same input gives the same
report."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.config import Config
from provenance.document import Document, InputError
from provenance.pipeline import Pipeline

PIPELINE = Pipeline(Config())

# Pieces that exercise the rules: quotes of both styles, dashes, day names,
# abbreviations, Arabic, controls, CRLF, captions and footers.
PIECES = [
    "The statement added that talks continue.", "He added,", " - ", "“", "”", '"', "'", "’", ". ", "\n", "\r\n",
    "\n\n", "yesterday, Friday", "(Reuters - Archive)", "Source: Al Jazeera + agencies", "genocide. Collective.",
    "confusion and confusion", "Gen.", "U.S.", "3.5", "قال المتحدث", "\u200f", "\u200b", "(", ")", "---", "# ",
    "officials says", "the occupation forces", "Ramadan.", "Mr. ", "W. ", "?", "!", "…", ":", "\t", "İ",
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=60).map("".join),
)


def check_spans(text: str) -> str:
    report = PIPELINE.check_text(text)
    (f,) = report.files
    assert f.error is None
    for x in f.findings:
        assert 0 <= x.start <= x.end <= len(text)
        assert text[x.start : x.end] == x.text
        line = text.count("\n", 0, x.start) + 1
        assert (x.line, x.column) == (line, x.start - (text.rfind("\n", 0, x.start) + 1) + 1)
    return report.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_gives_exact_spans_and_the_same_report(text):
    first = check_spans(text)
    assert check_spans(text) == first


@settings(max_examples=200, deadline=None)
@given(texts)
def test_segments_and_sentences_stay_inside_the_text(text):
    doc = Document(text)
    previous_end = 0
    for seg in doc.segments:
        assert previous_end <= seg.start < seg.end <= len(text)
        previous_end = seg.end
        for sent in seg.sentences:
            assert seg.start <= sent.start < sent.end <= seg.end
            assert text[sent.start : sent.end].strip() == text[sent.start : sent.end]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(raw):
    try:
        doc = Document.from_bytes(raw)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(doc.text, str)
