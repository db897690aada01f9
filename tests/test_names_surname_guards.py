"""PV805 guards measured on native copy (provenance/names/surnames.py): a
contraction, a word made from the name, the first word of a longer name, two
look-alike established surnames. Invented texts only."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.names.surnames import DISTINCT_SURNAMES, no_variant
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV8"]))


def pv805(pipeline, text):
    report = pipeline.run_documents([(Document(text, "a.txt"), "a.txt")])
    out = [f for f in report.files[0].findings if f.rule == "PV805"]
    for f in out:
        assert text[f.start : f.end] == f.text
    return [f.text for f in out]


def test_contraction_is_no_surname(pipeline):
    text = (
        "Governor Nikki Haley spoke to the delegates in Columbia on Tuesday.\n\n"
        "“He’ll have to earn it,” she told the crowd about the nominee.\n"
    )
    assert pv805(pipeline, text) == []


def test_word_made_from_the_name_is_no_variant(pipeline):
    text = (
        "Senator Donald Trumble opened the hearing on Tuesday morning.\n\n"
        "Critics said the committee had been Trumbled once again by its chairman.\n"
    )
    assert pv805(pipeline, text) == []


def test_first_word_of_a_longer_name_is_no_surname(pipeline):
    text = (
        "Chief executive Tim Cook told investors the quarter was strong.\n\n"
        "Coca Cola reported its own results a day later.\n"
    )
    assert pv805(pipeline, text) == []


def test_two_established_surnames_are_different_people(pipeline):
    text = (
        "Strategist Scott Reed said the party would hold the seat.\n\n"
        "The Senate leader, speaking later, disagreed. Reid called the plan a gamble.\n"
    )
    assert pv805(pipeline, text) == []


def test_romanized_variant_is_still_reported(pipeline):
    text = (
        "Strategist Samir Haddad said the party would hold the seat.\n\n"
        "Hadad added that the vote would be close.\n"
    )
    assert pv805(pipeline, text) == ["Hadad"]


def test_guard_function():
    assert no_variant("He’ll", "Haley", "", [])
    assert no_variant("Trumped", "Trump", "", [])
    assert not no_variant("Trumb", "Trump", "x Trumb y", [(2, 7)])
    assert "reid" in DISTINCT_SURNAMES and "haddad" not in DISTINCT_SURNAMES


def test_formal_and_familiar_given_name_are_one_name_not_two_spellings():
    report = Pipeline(Config(select=["PV804"])).run_documents([(Document(
        "Senator Robert Hanley opened the hearing on Tuesday.\n\n"
        "Later, Senator Bob Hanley said the committee would vote next week.\n", "a.txt"), "a.txt")])
    assert [f.rule for f in report.files[0].findings] == []
    report = Pipeline(Config(select=["PV804"])).run_documents([(Document(
        "Minister Samir Haddad opened the session on Tuesday.\n\n"
        "Later, Minister Sameer Haddad said the council would vote next week.\n", "a.txt"), "a.txt")])
    assert [f.text for f in report.files[0].findings] == ["Sameer Haddad"]
