"""Credit lines as structure: translation credits and bylines (document/credits.py).
Invented texts only."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.document import BYLINE, FOOTER, Document
from provenance.document.credits import parse_byline, parse_translation
from provenance.pipeline import Pipeline


def parts(parser, line):
    found = parser(line)
    return None if found is None else [(role, line[s:e]) for role, s, e in found]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Translated by Jane Roe", [("translator", "Jane Roe")]),
        ("(Translated by Jane Roe)", [("translator", "Jane Roe")]),
        ("Translation: Jane Roe", [("translator", "Jane Roe")]),
        ("Edited translation from Al-Ahram", [("source", "Al-Ahram")]),
        ("Translated from the Arabic edition.", [("source", "the Arabic edition")]),
        ("Translated from Arabic by Jane Roe", [("source", "Arabic"), ("translator", "Jane Roe")]),
        ("This article was translated from Arabic.", [("source", "Arabic")]),
        ("Translation by machines is common now", None),
        ("Translated texts are often hard to read, he said by phone.", None),
        ("The translation of the book took years.", None),
    ],
)
def test_parse_translation(line, expected):
    assert parts(parse_translation, line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Staff, Agencies", [("by", "Staff"), ("by", "Agencies")]),
        ("Books – Sami al-Khatib:", [("by", "Sami al-Khatib")]),
        ("Written by: Jane Roe", [("by", "Jane Roe")]),
        ("By Jane Roe and John Doe", [("by", "Jane Roe"), ("by", "John Doe")]),
        ("By Tuesday, the army had withdrawn.", None),
        ("By the numbers", None),
    ],
)
def test_parse_byline(line, expected):
    assert parts(parse_byline, line) == expected


TEXT = """Talks on the port resume after a month of delays

Books - Sami al-Khatib:

The minister said on Monday that the talks on the port would resume next week.

Officials in the capital welcomed the news, the ministry added.

Translated from the Arabic edition.
"""


def test_credit_lines_are_segments_without_sentences():
    doc = Document(TEXT, "t.txt")
    kinds = [s.kind for s in doc.segments]
    assert kinds == ["title", BYLINE, "paragraph", "paragraph", FOOTER]
    byline, footer = doc.segments[1], doc.segments[-1]
    assert byline.credit_kind == "byline" and not byline.sentences
    assert [TEXT[s:e] for _, s, e in byline.credit_parts] == ["Sami al-Khatib"]
    assert footer.credit_kind == "translation" and not footer.sentences
    assert all(s.segment.kind == "paragraph" for s in doc.body_sentences())


def test_byline_only_at_the_top_or_the_end():
    paragraphs = [f"Paragraph {i} says that the talks went on for hours on Monday." for i in range(10)]
    text = "\n\n".join(paragraphs[:7] + ["By Jane Roe"] + paragraphs[7:]) + "\n"
    assert BYLINE not in [s.kind for s in Document(text, "t.txt").segments]


def test_credit_lines_are_not_checked_as_prose():
    pipeline = Pipeline(Config())
    report = pipeline.check_document(Document(TEXT, "t.txt"))
    credits = report.files[0].credits
    assert credits["translation"][0]["source"]["text"] == "the Arabic edition"
    assert credits["bylines"][0]["names"][0]["text"] == "Sami al-Khatib"
    # as prose, "Books - Sami al-Khatib:" raised PV121 (a hyphen for a dash)
    assert not [f for f in report.files[0].findings if f.line in (3, 9)]
    assert "Sami al-Khatib" in {n["text"] for n in report.files[0].names}
