"""The doublet kind's newer modes (issue 9, art20d): comma joints, article changes, near
repeats in one clause (PV203) and near-synonym families (PV631). Invented sentences only."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules.kinds._binomials import family_pairs
from provenance.rules.model import PackError


def _hits(code: str, text: str) -> list[str]:
    report = Pipeline(Config(select=[code])).check_text(text)
    return [text[f.start : f.end] for f in report.files[0].findings]


def test_family_pairs_inflect_both_orders():
    pairs = family_pairs([["verb", "condemn", "decry"], ["noun", "atrocity", "crime"]], [])
    assert ("condemned", "decried") in pairs and ("decries", "condemning") in pairs
    assert ("atrocities", "crimes") in pairs and ("crime", "atrocity") in pairs
    assert ("condemn", "condemned") not in pairs  # one lemma is no pair


def test_family_exclude_names_lemmas_or_forms():
    pairs = family_pairs([["verb", "support", "endorse", "back"]], [["support", "endorse"], ["backed", "supported"]])
    assert not any({a, b} <= {"supported", "endorsed", "supports", "endorses"} for a, b in pairs)
    assert ("backed", "supported") not in pairs and ("supported", "backed") not in pairs
    assert ("backs", "supports") in pairs


def test_bad_family_is_a_pack_error():
    with pytest.raises(PackError):
        family_pairs([["verbs", "a", "b"]], [])


@pytest.mark.parametrize(
    "text, found",
    [
        ("The statement spoke of confusion, confusion in the ranks.", ["confusion, confusion"]),
        ("He said “confusion, confusion” twice.", []),  # a speaker's emphasis, quoted
        ("The crowd chanted jobs, jobs, jobs at the rally.", []),  # a chant of three
        ("It was a terrible, terrible day for the town.", []),  # an adjective repeated before its noun
    ],
)
def test_comma_word_doublets(text, found):
    assert _hits("PV201", text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("The council rejected its plan and the plan of the opposition.", ["its plan and the plan"]),
        ("His team and her team met on Sunday.", []),  # two owners: a contrast
        ("They weighed this plan and that plan.", []),
        ("The peace plan and the plan of the donors differ.", []),  # the left core ends a longer phrase
    ],
)
def test_article_changed_phrase_doublets(text, found):
    assert _hits("PV202", text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Shells fell on the market for two hours on the market near the port.", ["on the market for two hours on the market"]),
        ("Shells fell on the market, and on the market nothing moved.", []),  # a conjunction between
        ("They pressed parties in the talks to remain in the talks.", []),  # a verb opens a predicate
        ("He spoke in New York before a rally in New York.", []),  # a name
        ("Aid went to the camps to help people to the camps.", []),  # "to" opens no phrase here
        # ten words between the copies is the most max_gap allows; eleven is beyond it
        ("Raids on farms during the long cold winters of the past three years on farms hurt the town.",
         ["on farms during the long cold winters of the past three years on farms"]),
        ("Raids on farms during the long bitter cold winters of the past three years on farms hurt the town.", []),
    ],
)
def test_near_repeats(text, found):
    assert _hits("PV203", text) == found
