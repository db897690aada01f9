"""Any text: no exception, every span slices exactly, the same output twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance.attributions.article import build
from provenance.document import Document

WORDS = ["said", "told", "Reuters", "according", "to", "the", "sources", "He", "added", "quoted", "as", "saying", "that", ",", ":", '"', "“", "”", "-", ".", "\n", "\n\n", "official", "There", "were", "reports", "a", "source", "Jack", "Lew", "(", ")", "citing", "'", "Al Jazeera", "stressing"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text(text):
    first = build(Document(text)).attributions
    for a in first:
        for span in [a["cue"], *a["chain"], *([a["content"]] if a["content"] else [])]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
    assert build(Document(text)).attributions == first
