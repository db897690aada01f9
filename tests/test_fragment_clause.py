"""PV125 (fragment kind, mode ``clause``): a sentence after a full stop with no
main verb, and the native fragments it must leave alone. Examples are invented."""

from __future__ import annotations

import functools

import pytest

from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules.kinds._mainverb import has_main_verb


@functools.lru_cache(maxsize=None)
def _pipeline() -> Pipeline:
    return Pipeline(Config(select=["PV125"]))


def hits(text: str) -> list[str]:
    report = _pipeline().check_text("A headline for the test\n\n" + text + "\n", "t.txt")
    return [f.text for f in report.files[0].findings if f.rule == "PV125"]


@pytest.mark.parametrize(
    "sentence,main",
    [
        ("The channels that support the blockade and its campaign against the port.", False),
        ("Relief agencies threatening to stop the aid if they report that the clinic was hit.", False),
        ("The man who came on Monday is the new mayor.", True),  # the relative clause claims "came", "is" is main
        ("Most voters in the state still support the plan.", True),  # a base form after a subject and an adverb
        ("The senators from Texas oppose the bill.", True),
        ("The port will be closed for a week.", True),
        ("A turn away from that will be costly.", True),  # "that" after a preposition is a pronoun
        ("Beyond that, he used the speech well.", True),
    ],
)
def test_main_verb(sentence, main):
    assert has_main_verb(sentence) is main


def test_a_noun_phrase_cut_off_at_a_stray_full_stop_is_reported():
    text = "Troops closed the roads near the village of Salfit, west. Qalqilya district and the olive groves beyond the wall."
    assert hits(text) == ["west. Qalqilya district and the olive groves beyond the wall."]


def test_a_relative_clause_standing_as_a_sentence_is_reported():
    text = "Many papers covered the summit. The papers that back the embargo and its long campaign against the city."
    assert hits(text) == ["summit. The papers that back the embargo and its long campaign against the city."]


@pytest.mark.parametrize(
    "text",
    [
        "The vote was delayed. And not for the first time this year.",  # a conjunction opens native fragments
        "The vote was delayed. Among the reasons, the weather over the whole region.",
        "The vote was delayed. Thinking of the voters in the north and the south.",  # a participle
        "The vote was delayed. Follow the reporter on her channel for more news.",  # an imperative
        "The vote was delayed. The reasons: the weather, the roads and the ballots.",  # a list after a colon
        'The vote was delayed. "The worst week of the whole campaign so far."',  # a quotation
        "The vote was delayed. Cold weather in the north.",  # five words: too short to judge
        "The new bridge over the river and its long history.",  # no sentence before it in the paragraph
        "The vote was delayed. The reasons for the delay in the north remain unclear.",
    ],
)
def test_native_fragments_and_clauses_are_left_alone(text):
    assert hits(text) == []
