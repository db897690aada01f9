"""Cue finding, issue 10 (PolNeAR), after pol18: "asked" as a request ("asked X to act", "asked for
a delay"), the asker speaking, on invented sentences."""

from __future__ import annotations

import pytest

from tests.attribution_cues import cues as shared_cues


def cues(text: str) -> list[tuple[str, str]]:
    """(cue, innermost speaker) of each attribution, after an opening paragraph."""
    return shared_cues(text, before="Lake Bend is quiet now.\n\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council asked the mayor to withdraw the levy.", [("asked", "The council")]),
        ("The ferry union has asked the county to “pause” the new timetable.", [("asked", "The ferry union")]),
        ("Last week the growers asked Ann Bell, Tom Reed and the port board to delay the vote.", [("asked", "the growers")]),
        ("The council asked for a delay in the vote.", [("asked", "The council")]),
        ("The growers asked the county for more time.", [("asked", "The growers")]),
        # the progressive: "are asking", not the passive "are asked"
        ("Several unions are asking the mayor to withdraw the levy.", [("asking", "Several unions")]),
        # an -s noun before the request is no cue of saying
        ("On Friday, Ohio, leading a group of nine states, asked a judge to halt the levy.", [("asked", "Ohio")]),
        # an -s cue form after a number, determiner or "of" is a plural noun: the walk goes on past it
        ("A coalition of nine states asked a judge to halt the levy.", [("asked", "A coalition of nine states")]),
        ("The new poll of voters in all five states revealed a tight race.", [("revealed", "The new poll of voters in all five states")]),
    ],
)
def test_asked_as_a_request(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the passive: the one asked speaks, if anyone
        "The mayor was asked to name one achievement.",
        "The unions are asked to vote on Friday.",
        # a request not to act, as in the anonymity formula
        "The growers asked reporters not to print their names.",
        # the writer's own request, and a quoted speaker's request ("I ask you to")
        "To mark the day, we've asked the bakery to cater.",
        # "to be", "to the": no request of a verb
        "The mayor asked the crowd to the square.",
    ],
)
def test_asked_no_request(text):
    assert [c for c, _ in cues(text) if c.startswith("ask")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the request is part of what the first speaker says: one attribution, the outer one
        ("Tom Reed said the council asked for a delay.", [("said", "Tom Reed")]),
        ("Ann Bell told reporters that the growers had asked the mayor to step aside.", [("told", "Ann Bell")]),
        ("According to the filing, the council asked the mayor to resign.", [("According to", "the filing")]),
    ],
)
def test_request_inside_a_report_is_not_a_second_cue(text, expected):
    assert cues(text) == expected


def test_quoted_first_person_request_is_the_quoted_speaker_only():
    text = "“I ask you to support the levy,” the mayor said."
    assert [c for c, _ in cues(text)] == ["said"]
