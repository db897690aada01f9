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


def test_conditions_combine():
    assert len(_found(_checker(if_document="factory", unless_sentence="broke"), TEXT)) == 1


def test_unknown_phrase_field_is_a_pack_error():
    with pytest.raises(PackError, match="unknown phrase field"):
        _checker(unless_paragrah="x")
