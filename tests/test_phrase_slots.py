"""Slots of the phrase kind: word classes, optional words, alternatives and inflections."""

from __future__ import annotations

import pytest

from provenance.document import Document
from provenance.rules.kinds._slots import inflections
from provenance.rules.kinds.phrase import PhraseChecker
from provenance.rules.model import PackError, Rule


def _checker(entries: list[dict], **params) -> PhraseChecker:
    rule = Rule(
        code="PX1", slug="x", kind="phrase", category="calque", mqm="Style/Unnatural", severity="info",
        summary="s", description="d", pack="test", examples=(),
        params={"phrases": entries, **params},
    )
    return PhraseChecker(rule)


def _found(checker: PhraseChecker, text: str) -> list[str]:
    return [text[h.start:h.end] for h in checker.check(Document(text))]


def test_optional_word_and_alternatives_in_a_literal():
    c = _checker([{"match": "in {the?} {framework|context} of", "suggestion": "as part of"}])
    text = "It came in the framework of a deal, in framework of talks and in context of aid, not in the frame of it."
    assert _found(c, text) == ["in the framework of", "in framework of", "in context of"]
    assert sorted(c.anchors) == ["context", "framework"]


def test_a_word_class_and_a_leading_optional_slot():
    c = _checker([{"match": "{DET?} {NAT} enemy"}])
    text = "Fighters shelled the Israeli enemy. An American enemy? Saudi enemy planes. The old enemy left."
    assert _found(c, text) == ["the Israeli enemy", "An American enemy", "Saudi enemy"]
    assert c.anchors == ["enemy"]


def test_rule_slots_name_a_family_once():
    c = _checker(
        [{"match": "the {concerned|competent} {AUTH}", "suggestion": "the relevant authorities"}],
        slots={"AUTH": ["authorities", "bodies", "security services"]},
    )
    text = "He asked the competent security services and the concerned bodies, not the concerned parents."
    assert _found(c, text) == ["the competent security services", "the concerned bodies"]


def test_inflections_of_a_lemma():
    assert set(inflections("storm")) == {"storm", "storms", "stormed", "storming"}
    assert {"carries", "carried", "carrying"} <= set(inflections("carry"))
    assert {"committed", "committing"} <= set(inflections("commit"))
    assert {"dies", "died", "dying"} <= set(inflections("die"))
    c = _checker([{"match": "{storm~} the compound"}])
    assert _found(c, "Police stormed the compound; they storm the compound again.") == ["stormed the compound", "storm the compound"]


def test_slots_in_a_regex_keep_quantifiers():
    c = _checker([{"regex": r"\b{martyr~}\s+(?:\w+\s+){0,1}fell\b", "anchors": ["martyr"]}])
    assert _found(c, "Three martyrs fell. A martyr quickly fell.") == ["martyrs fell", "martyr quickly fell"]
    c = _checker([{"regex": r"\bOn\s+{DET?}{ORD}\s+of\s+{MONTH}\b", "anchors": ["of"]}])
    assert _found(c, "On the tenth of March and On 3rd of May; On the day of rest.") == ["On the tenth of March", "On 3rd of May"]


def test_adj_slot_takes_an_adjective_shape_not_a_function_word():
    c = _checker([{"match": "crowned with {ADJ?} success"}])
    text = "It was crowned with great success, crowned with remarkable success, crowned with success; crowned with the success."
    assert _found(c, text) == ["crowned with great success", "crowned with remarkable success", "crowned with success"]


def test_window_covers_the_longest_expansion():
    c = _checker([{"match": "the {concerned|competent} {AUTH}"}], slots={"AUTH": ["security services"]})
    assert c.window >= len("the competent security services")


@pytest.mark.parametrize(
    "entries, params, reason",
    [
        ([{"match": "the {NOPE} thing"}], {}, "unknown slot"),
        ([{"match": "{DET?}"}], {}, "every word is optional"),
        ([{"match": "{DET} {NAT}"}], {}, "no fixed word"),
        ([{"match": "the {x}"}], {"slots": {"lower": ["a"]}}, "upper case"),
        ([{"regex": r"\b{plain|words}\b"}], {}, None),  # no ~ nor class: a regex's braces stay literal
    ],
)
def test_bad_templates_are_pack_errors(entries, params, reason):
    if reason is None:
        _checker(entries, **params)._compile()
        return
    with pytest.raises(PackError, match=reason):
        _checker(entries, **params)._compile()
