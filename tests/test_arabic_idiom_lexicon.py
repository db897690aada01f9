"""The Arabic press-idiom lexicon (PV603, PV617 and neighbours) and the
near-synonym doublets (PV630) of issue 9 (art16). Examples are invented."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules.kinds.doublet import _pair_automaton
from provenance.rules.model import PackError

PACKS = Path(__file__).resolve().parent.parent / "provenance" / "rules" / "packs" / "ar-en"
ARABIC = re.compile(r"[\u0600-\u06FF]")


@functools.lru_cache(maxsize=None)
def _pipeline(codes: str) -> Pipeline:
    return Pipeline(Config(select=codes.split(",")))


def hits(code: str, text: str) -> list[str]:
    full = "A headline for the test\n\n" + text + "\n"
    findings = _pipeline(code).check_text(full, "t.txt").files[0].findings
    assert all(full[f.start : f.end] == f.text for f in findings)  # every span exact
    return [f.text for f in findings if f.rule == code]


# -- PV630 near-synonym doublets ------------------------------------------------


@pytest.mark.parametrize(
    "text, needle",
    [
        ("The party issued its condemnation and denunciation of the raid.", "condemnation and denunciation"),
        ("The party issued its denunciation and condemnation of the raid.", "denunciation and condemnation"),
        ("They called it a grave, serious breach.", "grave, serious"),
        ("They called it a serious grave breach.", "serious grave"),
        ("The council strengthened and consolidated its ties with the port.", "strengthened and consolidated"),
    ],
)
def test_synonym_doublet_either_order_and_any_joint(text, needle):
    assert hits("PV630", text) == [needle]


@pytest.mark.parametrize(
    "text",
    [
        "The party condemned the raid and denounced the arrests.",  # two clauses, not a pair
        "A serious illness sent him to an early grave.",
        "Supporters of the plan found little backing in the council.",
        "The regional and international efforts failed.",
    ],
)
def test_synonym_doublet_keeps_quiet_off_the_pair(text):
    assert hits("PV630", text) == []


def test_synonym_doublet_suggests_the_first_word():
    report = _pipeline("PV630").check_text("Title\n\nThe statement voiced condemnation and denunciation.\n", "t.txt")
    (finding,) = report.files[0].findings
    assert finding.suggestion == "condemnation"
    text = "Title\n\nThe statement voiced condemnation and denunciation.\n"
    assert text[finding.start : finding.end] == finding.text


def test_pair_automaton_refuses_a_pair_without_two_sides():
    with pytest.raises(PackError):
        _pair_automaton([["condemnation"]])
    assert _pair_automaton([]) is None
    _, pairs = _pair_automaton([["grave", "serious"]])
    assert ("serious", "grave") in pairs and ("grave", "grave") not in pairs
    with pytest.raises(PackError):
        _pair_automaton([["take part", "share"]])


# -- the idiom lexicon -----------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, needle",
    [
        ("PV603", "The envoy said it was time to put the dots on the letters.", "put the dots on the letters"),
        ("PV603", "Work on the new terminal is going on foot and leg.", "on foot and leg"),
        ("PV603", "Two men were held on the background of the riots.", "on the background of"),
        ("PV603", "The law came into the space of implementation in May.", "into the space of implementation"),
        ("PV603", "Pioneers of social media shared the clip widely.", "Pioneers of social"),
        ("PV603", "The decision pours in the interest of the traders.", "pours in the interest of"),
        ("PV617", "The minister expressed his full readiness to help.", "expressed his full readiness"),
        ("PV617", "Calm returned to the city over the past period.", "over the past period"),
        ("PV611", "From its side, the ministry denied the report.", "From its side,"),
        ("PV615", "The minister discussed the Lebanese file in Paris.", "the Lebanese file"),
        ("PV606", "The exhibition closes in May of the current year.", "May of the current year"),
        ("PV627", "Security forces began combing operations in the valley.", "combing operations"),
    ],
)
def test_idiom_is_reported_with_its_exact_span(code, text, needle):
    assert hits(code, text) == [needle]


@pytest.mark.parametrize(
    "code, text",
    [
        ("PV603", "Dot the i's and cross the t's before you publish."),
        ("PV603", "The hikers rested in the shade of the old oak."),
        ("PV603", "The satellite operator runs communication networks across Asia."),
        ("PV617", "The senator met donors on the sidelines of the convention."),
        ("PV617", "Sales rose sharply during the same period last year."),
        ("PV615", "Detectives reopened the police case file on Monday."),
        ("PV606", "December, the last month of the season, was cold."),
    ],
)
def test_native_english_is_not_reported(code, text):
    assert hits(code, text) == []


def _entries(rule: dict) -> list[dict]:
    return [e for e in rule.get("phrases", []) if isinstance(e, dict)]


def test_every_idiom_entry_names_its_arabic():
    """An entry of the press-idiom rules says which Arabic phrase it renders (its `note`, or in PV603 a
    message quoting the Arabic), so that a reviewer can judge the calque from the Arabic side."""
    rules = {
        r["code"]: r
        for name in ("calques-idiom.yaml", "calques-phrases.yaml")
        for r in yaml.safe_load((PACKS / name).read_text(encoding="utf-8"))["rules"]
    }
    missing = []
    for code in ("PV603", "PV617"):
        for entry in _entries(rules[code]):
            arabic = entry.get("note", "") + entry.get("message", "")
            if code == "PV603" and "match" in entry:
                continue  # the rule's first literal entries are explained in its description
            if not ARABIC.search(arabic):
                missing.append(entry.get("regex") or entry.get("match"))
    assert not missing, missing
    assert len(_entries(rules["PV603"])) + len(_entries(rules["PV617"])) >= 100
