"""Guards of the verb-first, agency and date rules (PV620-PV629, PV130-PV135):
native English they must leave alone, and the Arabic patterns they must catch.
All sentences are invented."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline

CODES = ["PV620", "PV621", "PV622", "PV625", "PV626", "PV627", "PV628", "PV629",
         "PV130", "PV131", "PV132", "PV133", "PV134", "PV135"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(select=CODES))


def _found(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    report = pipeline.run_documents([(Document(text, "t.txt"), "t.txt")])
    (file_report,) = report.files
    assert file_report.error is None
    for f in file_report.findings:
        assert text[f.start:f.end] == f.text
    return [(f.rule, f.text) for f in file_report.findings]


NATIVE = [
    "He said Smith was wrong about the budget.",                  # a name followed by its verb: object clause
    "She said Tuesday that the vote would go ahead.",             # a weekday, not a speaker
    "He praised Jordan, which hosts the talks, for its patience.",
    "It said Acme, Globex and Initech had agreed to the terms.",      # a list of objects
    'The school reopened in 1998. Said Dana Whitford, a teacher: "We were proud."',  # native inversion before a quote
    "It said a spokesman for the company would resign.",          # "said" + object clause
    "It revealed a plan to merge the two agencies.",
    "Confirmed cases rose again this week.",                      # participle, not a verb-first report
    "Many people were killed and wounded in the blast.",          # uncounted native toll
    "He wore a ring on his hand, and on the other hand, a watch.",
    "Buy two and/or three of them for 3/4 of the price.",
    "The meeting ends at 11:30 pm on Friday, May 9, 2021.",
    "The plan was agreed by 40 votes to 12, with 3 abstentions, and B52 pilots.",
    "Tens of thousands marched, and dozens were arrested.",
    "One of its elements was surprise.",
    "At present, in July, current rules apply.",
]


@pytest.mark.parametrize("text", NATIVE)
def test_native_english_is_left_alone(pipeline, text):
    assert _found(pipeline, text) == []


ARABIC_ORDER = [
    ("Disclosed a source in the ministry that the talks had failed.", ("PV620", "Disclosed a source")),
    ("The meeting ended. And stressed Karimi that the plan stands.", ("PV620", "And stressed Karimi")),
    ("He stressed Odeh, in a statement, that the plan stands.", ("PV621", "He stressed Odeh")),
    ("She added Rana Saleh: the plan stands.", ("PV621", "She added Rana Saleh")),
    ("It announced a spokesman for the bloc that the plan stands.", ("PV622", "It announced a spokesman")),
    ("The tally reached 12 killed, injured by evening.", ("PV625", "killed, injured")),
    ("Police held the driver and17 passengers.", ("PV626", "and17")),
    ("MOSUL / .. The governor arrived on Monday.", ("PV132", "MOSUL / ..")),
    ("The statement came at 16:05 pm.", ("PV133", "16:05 pm")),
    ("The decree of June 3 / June was published.", ("PV134", "June 3 / June")),
    ("The panel met on (2 May current) in the capital.", ("PV135", "2 May current")),
]


@pytest.mark.parametrize("text,expected", ARABIC_ORDER)
def test_arabic_patterns_are_reported(pipeline, text, expected):
    assert expected in _found(pipeline, text)


def test_end_tag_and_slug_in_one_line_are_two_findings(pipeline):
    text = "Prices rose, he told / Gulf Wire /, and fell later. / End / 3. r. T /"
    assert sorted(_found(pipeline, text)) == [("PV130", "/ End / 3. r. T /"), ("PV131", "/ Gulf Wire /")]


def test_suggestions_reorder_dates(pipeline):
    report = pipeline.run_documents([(Document("Dated 4/ March/2020 and 7 March present.", "t.txt"), "t.txt")])
    assert [(f.text, f.suggestion) for f in report.files[0].findings] == [
        ("4/ March/2020", "March 4, 2020"), ("7 March present", "March 7")]
