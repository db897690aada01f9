"""Cue finding, issue 10 (PolNeAR), after the fifth pass: constructions whose speaker
span lost the cue, on invented sentences."""

from __future__ import annotations

import pytest

from tests.attribution_cues import cues


@pytest.mark.parametrize(
    "text, expected",
    [
        # an aside, then a clause whose subject is no pronoun or "the …"
        ("Lake Bend is quiet now.\n\nOthers, however, say a second vote would help.", [("say", "Others")]),
        # a share between commas, then a clause with a pronoun and a plain verb
        ("Lake Bend is quiet now.\n\nA third of the riders, 41%, say they ride less.", [("say", "A third of the riders, 41%")]),
        # a comparison between commas, then a clause with a gerund subject
        ("Lake Bend is quiet now.\n\nLocal economists, like their rivals in Dayton, say raising the levy hurts the mill.", [("say", "Local economists")]),
    ],
)
def test_base_form_after_an_aside_with_any_clause(text, expected):
    assert cues(text) == expected


def test_say_of_an_example_is_no_cue():
    # a comma ahead: "say" introduces an example, not a report
    assert cues("Lake Bend is quiet now.\n\nA town of, say, 40,000 people would need two bridges.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lake Bend is quiet now.\n\nBell, though, said she is with the mayor.", [("said", "Bell")]),
        ("Lake Bend is quiet now.\n\nReed, meanwhile, who sits on the board, said the vote was fair.", [("said", "Reed")]),
    ],
)
def test_surname_alone_before_asides(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a connective that opens the sentence is no speaker
        'Lake Bend is quiet now.\n\n"We will wait." But, said Ann Bell, "the vote was fair."',
        'Lake Bend is quiet now.\n\n"We will wait." Still, said Ann Bell, "the vote was fair."',
    ],
)
def test_opening_connective_is_no_surname(text):
    assert cues(text) == [("said", "Ann Bell")]
