"""provenance.rules.kinds._prefilter: a pattern opening with a zero-width test, counted from
its markers' own matches, counts what finditer counts. Invented sentences only."""

from __future__ import annotations

import re

import pytest

from provenance.rules.kinds._prefilter import count, finders, required_literal, without_leading_tests

_MARKERS = [
    r"\bstressed\s+that\b",
    r"(?:^|(?<=[.!?]\s))(?:He|She)\s+(?:stressed|noted)\b",
    r"\bthe\s+need\s+to\b",
]
_GROUP = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{m})" for m in _MARKERS) + ")", re.M)


@pytest.mark.parametrize(
    "text",
    [
        "He stressed that the need to act was plain.",  # "He stressed" takes "stressed that" with it: one match
        "The mayor stressed that roads matter. She noted the need to repair them.",
        "Unstressed that; thestressed that.\nHe noted it.",  # inside words: no match; a line start is one
        "Nothing here.",
        "",
    ],
)
def test_count_is_what_finditer_counts(text):
    assert count(_GROUP, finders(_MARKERS, re.M), text) == sum(1 for _ in _GROUP.finditer(text))


def test_only_zero_width_tests_are_set_aside():
    assert without_leading_tests(r"\ba\s+number") == r"a\s+number"
    assert without_leading_tests(r"(?:^|(?<=[.!?]\s))(?:He|She)") == "(?:He|She)"
    assert without_leading_tests(r"(?i)\bthe") is None  # an inline flag the rest needs
    assert without_leading_tests(r"(?:a|^)b") is None  # the group can read a character
    assert without_leading_tests(r",\s+calling") is None


@pytest.mark.parametrize(
    "pattern, flags, literal",
    [
        (r"\b(?P<a>[A-Za-z]+[,;]?) {3,}(?P<b>[a-z]+)\b", 0, "   "),  # three spaces at least
        (r"(?:^|\n)(?P<city>[A-Z][a-z]{3,}) The ", 0, " The "),
        (r"the, (?:a|b)", re.IGNORECASE, ", "),  # letters are not a literal test under IGNORECASE
        (r"a|b", 0, None),
        (r"(?i:ab)cd", 0, "cd"),
    ],
)
def test_required_literal(pattern, flags, literal):
    assert required_literal(pattern, flags) == literal


def test_an_unanchored_phrase_rule_still_finds_its_match():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    text = "Headline\n\nThe council met in the hall   after the vote.\n"
    report = Pipeline(Config(select=["PV341"])).check_text(text)
    assert [text[f.start : f.end] for f in report.files[0].findings] == ["hall   after"]
    assert Pipeline(Config(select=["PV341"])).check_text("Headline\n\nThe council met in the hall  after the vote.\n").files[0].findings == []
