"""The phrase kind's context conditions: if_/unless_ sentence, paragraph, document."""

from __future__ import annotations

import pytest

from provenance.document import Document
from provenance.rules.kinds.phrase import PhraseChecker
from provenance.rules.model import PackError, Rule


def _checker(**entry) -> PhraseChecker:
    rule = Rule(
        code="PX1", slug="x", kind="phrase", category="calque", mqm="Style/Unnatural", severity="info",
        summary="s", description="d", pack="test", examples=(),
        params={"phrases": [{"regex": r"\bwidgets?\b", "anchors": ["widget"], **entry}]},
    )
    return PhraseChecker(rule)


def _found(checker: PhraseChecker, text: str) -> list[str]:
    doc = Document(text)
    return [text[h.start:h.end] for h in checker.check(doc)]


TEXT = "The widget broke. Nobody saw it.\n\nA second widget arrived from the factory."


def test_if_sentence_keeps_only_matches_whose_sentence_matches():
    hits = list(_checker(if_sentence="factory").check(Document(TEXT)))
    assert [h.start for h in hits] == [TEXT.index("widget arrived")]
    assert [h.start for h in _checker(unless_sentence="factory").check(Document(TEXT))] == [TEXT.index("widget broke")]


def test_unless_paragraph_and_if_paragraph_look_at_the_segment():
    assert len(_found(_checker(unless_paragraph="nobody"), TEXT)) == 1
    assert len(_found(_checker(if_paragraph="nobody"), TEXT)) == 1
    assert len(_found(_checker(unless_paragraph="zebra"), TEXT)) == 2


def test_document_conditions_see_the_whole_text():
    assert _found(_checker(unless_document="factory"), TEXT) == []
    assert len(_found(_checker(if_document="factory"), TEXT)) == 2


def test_a_document_condition_is_answered_per_document():
    checker = _checker(if_document="factory")
    assert len(_found(checker, TEXT)) == 2
    # the same checker on another text: the answer is that text's, not the last one's
    assert _found(checker, "The widget broke. Another widget broke.") == []
    assert len(_found(checker, TEXT + "\n\nA third widget.")) == 3


def test_conditions_combine():
    assert len(_found(_checker(if_document="factory", unless_sentence="broke"), TEXT)) == 1


def test_unknown_phrase_field_is_a_pack_error():
    with pytest.raises(PackError, match="unknown phrase field"):
        _checker(unless_paragrah="x")


def test_loaded_term_in_the_articles_voice_is_a_warning_and_info_when_quoted():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    pipeline = Pipeline(Config(select=["PV705"]))
    own = pipeline.check_text("The Zionist entity closed the crossing on Monday.\n", "a.txt")
    quoted = pipeline.check_text('The spokesman said: "The Zionist entity closed the crossing."\n', "b.txt")
    assert [x.severity for _, x in own.all_findings()] == ["warning"]
    assert [x.severity for _, x in quoted.all_findings()] == ["info"]


def test_the_occupation_and_the_resistance_need_a_middle_east_article():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    pipeline = Pipeline(Config(select=["PV702", "PV704"]))
    refuge = "The ranchers led the occupation for 41 days. The resistance of the old guard faded.\n"
    gaza = "The occupation closed the crossing into Gaza. The resistance fired rockets.\n"
    assert [x.rule for _, x in pipeline.check_text(refuge, "a.txt").all_findings()] == []
    assert sorted(x.rule for _, x in pipeline.check_text(gaza, "b.txt").all_findings()) == ["PV702", "PV704"]


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Settlers attacked Palestinian farmers near Nablus on Monday.\n", []),
        ("Armed settlers stormed the village, residents said.\n\nThe village lies south of Hebron.\n", []),
        ("Extremist settlers raided the olive groves.\n\nThe groves belong to a Palestinian village.\n", []),
        ("Settler protesters blocked the entrance of the Knesset on Tuesday.\n", ["Settler"]),
        ("Dozens of settlers entered the Al-Aqsa compound on Sunday.\n", ["settlers"]),
        ("Sirens sounded as rockets hit the settlements near Gaza.\n", ["settlements"]),
    ],
)
def test_settlers_are_reported_only_where_they_stand_for_israelis(text, flagged):
    """PV703 (issue 9): real settlers in the occupied territory are not an artifact."""
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    report = Pipeline(Config(select=["PV703"])).check_text(text, "a.txt")
    assert [x.text for _, x in report.all_findings()] == flagged
