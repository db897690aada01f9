"""Markdown articles: structure parsed, markup masked, offsets into the file."""

from __future__ import annotations

import pytest

from provenance.document import FRONT_MATTER, HEADING, PARAGRAPH, TITLE, Document

ARTICLE = """---
title: Talks resume
tags: [news]
---
# Talks resume in the capital

The delegates met **yesterday, Friday** and read the [draft](https://example.org/yesterday,-Friday) aloud.

## Next steps

- The first item says the talks go on.
- A second item, with `yesterday, Friday` in code.

> A quoted paragraph
> that wraps onto a second line.

```text
yesterday, Friday inside a fence
```

<!-- a comment that says yesterday, Friday -->

Setext heading here
-------------------

[ref]: https://example.org/yesterday,-Friday
"""


@pytest.fixture(scope="module")
def doc():
    return Document(ARTICLE, "story.md")


def test_same_length_and_offsets(doc):
    assert len(doc.text) == len(doc.source) == len(ARTICLE)
    assert doc.source == ARTICLE
    for i, (a, b) in enumerate(zip(doc.text, ARTICLE)):
        assert a == b or a == " ", (i, a, b)
    assert [i for i, c in enumerate(doc.text) if c == "\n"] == [i for i, c in enumerate(ARTICLE) if c == "\n"]


def test_segments(doc):
    kinds = [(s.kind, doc.source[s.start : s.end]) for s in doc.segments]
    assert kinds[0][0] == FRONT_MATTER
    assert kinds[1] == (TITLE, "Talks resume in the capital")
    assert (HEADING, "Next steps") in kinds
    assert (HEADING, "Setext heading here") in kinds
    paragraphs = [t for k, t in kinds if k == PARAGRAPH]
    assert "The first item says the talks go on." in paragraphs
    assert "A quoted paragraph\n> that wraps onto a second line." in paragraphs
    assert not any("fence" in t or "comment" in t or "[ref]" in t for _, t in kinds)


def test_markup_masked(doc):
    para = next(s for s in doc.segments if "delegates" in doc.source[s.start : s.end])
    prose = doc.text[para.start : para.end]
    assert "example.org" not in prose and "**" not in prose and "[" not in prose
    assert "yesterday, Friday" in prose and "draft" in prose
    assert "`" not in doc.text and "inside a fence" not in doc.text and "a comment" not in doc.text


def test_findings_only_in_prose(default_pipeline):
    report = default_pipeline.check_text(ARTICLE, "story.md")
    hits = [f for f in report.files[0].findings if f.rule == "PV210"]
    assert len(hits) == 1
    f = hits[0]
    assert ARTICLE[f.start : f.end] == f.text == "yesterday, Friday"
    assert f.line == 7


def test_plain_text_not_parsed(default_pipeline):
    text = "The delegates met `yesterday, Friday` and left.\n"
    md = default_pipeline.check_text(text, "a.md").files[0].findings
    txt = default_pipeline.check_text(text, "a.txt").files[0].findings
    assert not [f for f in md if f.rule == "PV210"]
    assert [f for f in txt if f.rule == "PV210"]


def test_reported_text_keeps_markup(default_pipeline):
    # a finding whose span covers masked markup reports the file's own characters
    para = "The envoy said the [draft](https://example.org/x) is final and nothing will change now."
    text = f"# A title line\n\n{para}\n\n{para}\n"
    report = default_pipeline.check_text(text, "twice.md")
    for f in report.files[0].findings:
        assert text[f.start : f.end] == f.text
    assert any(f.rule == "PV401" and "https://example.org/x" in f.text for f in report.files[0].findings)


def test_empty_and_odd_markdown(default_pipeline):
    for text in ("", "---\n", "```\nunclosed fence\n", "<!--", "# \n", "* * *\n", "|a|b|\n|-|-|\n|c|d|\n"):
        doc = Document(text, "x.md")
        assert len(doc.text) == len(text)
        default_pipeline.check_text(text, "x.md")


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MD_ALPHABET = st.sampled_from(list("ab C.,-*_`#>[]()!<>/:|=\n\r \t") + ["```", "---", "<!--", "-->", "http://x.y/", "1. ", "- ", "yesterday, Friday "])


@given(st.lists(_MD_ALPHABET, max_size=60).map("".join))
@settings(max_examples=200, deadline=None)
def test_masking_never_shifts_offsets(text):
    doc = Document(text, "x.md")
    assert doc.source == text and len(doc.text) == len(text)
    assert all(a == b or a == " " for a, b in zip(doc.text, text))
    assert all(b != "\n" or a == "\n" for a, b in zip(doc.text, text))
    for seg in doc.segments:
        assert 0 <= seg.start < seg.end <= len(text)
        for sent in seg.sentences:
            assert seg.start <= sent.start <= sent.end <= seg.end


@given(st.lists(_MD_ALPHABET, max_size=40).map("".join))
@settings(max_examples=40, deadline=None)
def test_findings_exact_in_any_markdown(text):
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    global _PIPELINE
    try:
        pipeline = _PIPELINE
    except NameError:
        pipeline = _PIPELINE = Pipeline(Config())
    for f in pipeline.check_text(text, "x.md").files[0].findings:
        assert text[f.start : f.end] == f.text
