"""Names translated as words (PV807) and the PV805 false alarms of issue 9
(a city after a surname in a headline, a one-word subhead). Invented texts only."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.names.translated import meanings
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV8"]))


def found(pipeline, text, code):
    report = pipeline.run_documents([(Document(text, "a.txt"), "a.txt")])
    out = [f for f in report.files[0].findings if f.rule == code]
    for f in out:
        assert text[f.start : f.end] == f.text
    return out


# -- PV807 -----------------------------------------------------------------------------------


def test_meaning_table_is_data():
    table = meanings()
    assert table["beautiful"].names[0] == "Jamil" and table["light"].names[0] == "Nour"
    assert table["hope"].english_name and table["rich"].english_name
    for m in table.values():
        assert m.names and m.word == m.word.lower()


@pytest.mark.parametrize(
    "text, flag, suggestion",
    [
        ("The poet Ahmed Happy read three new poems at the café on Friday.", "Happy", "Said"),
        ("Officials said Mohammed generous Hassan had left the city a week earlier.", "generous", "Karim"),
        ("The engineer Victory bin Salem designed the new bridge.", "Victory", "Nasr"),
        ("The singer Hope al-Khatib gave her first concert in Beirut.", "Hope", "Amal"),
        ("The film by Beautiful Omar won the jury prize this year.", "Beautiful", "Jamil"),
        ("The singer Khaled Just sang two songs.", "Just", "Adel"),
        # lower case, closing the name before the speech verb or before a name particle
        ("The spokesman Mohammed generous said the crossing would reopen on Monday.", "generous", "Karim"),
        ("The envoy Hassan light al-Tamimi arrived in Amman late on Sunday.", "light", "Nour"),
    ],
)
def test_translated_name_flagged(pipeline, text, flag, suggestion):
    (f,) = found(pipeline, text, "PV807")
    assert f.text == flag and f.suggestion == suggestion


def test_same_person_named_elsewhere(pipeline):
    text = (
        "The lawyer Amal Darwish filed the appeal on Monday.\n\n"
        "Hope Darwish told the court that her client had been held for a month.\n"
    )
    (f,) = found(pipeline, text, "PV807")
    assert f.text == "Hope" and f.suggestion == "Amal" and "Amal Darwish" in f.message


def test_role_then_repeated_name(pipeline):
    text = (
        "The MP for the reform bloc light Qadri, said on Sunday that the vote would be delayed.\n\n"
        "Qadri added that the talks had not failed. Qadri is a member of the finance committee.\n"
    )
    (f,) = found(pipeline, text, "PV807")
    assert f.text == "light" and f.suggestion == "Nour"


@pytest.mark.parametrize(
    "text",
    [
        # English surnames and given names that are meaning words: no Arabic evidence
        "Hope Hicks, a former White House aide, testified on Tuesday.",
        "Rich Lowry and Faith Hill spoke at the dinner.",
        "Ali Rich said nothing.",
        "Ahmed just left the room.",
        "Just Said It: the campaign's new slogan",
        "We hope Obama will sign the bill, the senators said. Obama has not decided.",
        "The Light Brigade rode into the valley at dawn.",
        "Happy Birthday was sung by the whole hall.",
        "Khaled arrived happy and tired after the flight.",
        "Officials found Omar happy and healthy after the rescue.",
        "Ali happy, said the coach, was back in training.",
        "The players called Omar perfect told reporters nothing.",
        "Ahmed hope said he would come.",
        "The MP said voters hope Sanders wins. Sanders leads the poll, and Sanders knows it.",
    ],
)
def test_no_arabic_evidence_no_finding(pipeline, text):
    assert found(pipeline, text, "PV807") == []


def test_footer_credit_is_not_read(pipeline):
    text = "The minister spoke on Monday about the budget.\n\nHe said it would pass.\n\nSource: Victory bin Salem\n"
    assert found(pipeline, text, "PV807") == []


# -- PV805 false alarms (issue 9) ------------------------------------------------------------


def test_city_after_surname_in_headline_is_not_a_variant(pipeline):
    text = (
        "The new governor, Ahmed Basri, toured the port on Sunday with local officials.\n\n"
        "Basri in Basra: the port first\n\n"
        "He promised that the port would reopen within the month, his office said.\n"
    )
    assert found(pipeline, text, "PV805") == []


def test_headline_run_ending_on_a_city_is_no_surname(pipeline):
    text = (
        "Governor Kamal Baghdad visit ends with a pledge on jobs\n\n"
        "Governor Kamal Hamdan visited the capital on Monday.\n\n"
        "Baghdadi officials welcomed the governor at the airport.\n"
    )
    assert found(pipeline, text, "PV805") == []


def test_one_word_subhead_is_not_a_variant(pipeline):
    text = (
        "President Donald Trump spoke on Monday about the war.\n\n"
        "Troop presence.\n\n"
        "The administration will keep its forces in the region for now, officials said.\n"
    )
    assert found(pipeline, text, "PV805") == []


def test_word_the_article_writes_in_lower_case_is_not_a_variant(pipeline):
    text = (
        "Opposition leader Omar Navaro spoke in the square on Sunday.\n\n"
        "Never had the square been so full. The crowd said it would never leave.\n"
    )
    assert found(pipeline, text, "PV805") == []


def test_surname_variant_still_found(pipeline):
    text = (
        "The new governor, Ahmed Basri, toured the port on Sunday.\n\n"
        "Troop presence.\n\n"
        "Basry said the port would reopen within the month.\n"
    )
    (f,) = found(pipeline, text, "PV805")
    assert f.text == "Basry" and f.suggestion == "Basri"
