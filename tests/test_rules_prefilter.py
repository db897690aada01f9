"""provenance.rules.kinds._prefilter: a pattern opening with a zero-width test, counted from
its markers' own matches, counts what finditer counts. Invented sentences only."""

from __future__ import annotations

import re

import pytest

from provenance.rules.kinds._prefilter import count, finders, without_leading_tests

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
