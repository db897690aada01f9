"""Cue finding, issue 10 (PolNeAR), after pol17: a participle right after a noun, and the
plural -s forms after a noun with a determiner, on invented sentences."""

from __future__ import annotations

import pytest

from tests.attribution_cues import cues as shared_cues


def cues(text: str) -> list[tuple[str, str]]:
    """(cue, innermost speaker) of each attribution, after an opening paragraph."""
    return shared_cues(text, before="Lake Bend is quiet now.\n\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the noun phrase before the participle speaks, not the clause's subject
        ("The sheriff got several calls saying a truck had crashed on the bridge.", [("saying", "several calls")]),
        ("The flood left most riders saying the ferry was late.", [("saying", "most riders")]),
        ("The report included board members suggesting the levy should wait.", [("suggesting", "board members")]),
    ],
)
def test_participle_after_a_noun_with_a_clause(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no clause after the participle
        "The sheriff got several calls saying nothing new.",
        # an adjective or a gerund, not a participle after a noun
        "It is worth noting there is a fee at the bridge.",
        "The most telling sign is that the ferry was late.",
        # an absolute "with" phrase too long for the share rule: a poll's answer, reported in turn
        "The mayor is weak, with a large and growing share of riders saying she cannot be trusted.",
        # a message sent: PolNeAR names the sender or the message about as often
        "The board released a memo saying the levy would pass.",
    ],
)
def test_participle_after_a_noun_left_out(text):
    assert [c for c, _ in cues(text) if c.endswith("ing")] == []


def test_participle_after_a_noun_inside_a_report_is_nested():
    # inside what Ann Bell said: PolNeAR marks only the outer cue
    assert cues("Ann Bell said the mayor was stung by riders claiming the ferry was late.") == [("said", "Ann Bell")]


def test_participle_after_a_verb_phrase_is_no_noun_speaker():
    # the word before is a noun, but the phrase it ends is a verb's ("making a pitch to …")
    assert [c for c, _ in cues("Reed is making a pitch to young voters saying a new levy is hurting the town.") if c == "saying"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The suit claims that Reed lied about the levy.", [("claims", "The suit")]),
        ('The ad claims "the mayor raised the levy twice."', [("claims", "The ad")]),
        ("The memo notes that the ferry is late again.", [("notes", "The memo")]),
    ],
)
def test_s_form_after_a_singular_noun(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The two states that voted early are small.",  # a number: the plural noun
        "The new claims that the mayor lied spread fast.",  # an adjective: the plural noun
        "The old claims that surfaced in May were dropped.",  # a relative clause after "that"
        'The narrator mentions "dry land" twice.',  # a topic named, not what was said
    ],
)
def test_s_form_that_stays_a_noun(text):
    assert [c for c, _ in cues(text) if c in ("states", "claims", "mentions")] == []
