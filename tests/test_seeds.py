"""The seed articles: the artifacts the project was started for are found at
the right places, structure is never mistaken for prose, every span is exact."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

# (seed prefix, rule, line, exact reported text, suggestion or None for "any")
EXPECTED = [
    ("000", "PV210", 1, "yesterday, Friday", "on Friday"),
    ("000", "PV120", 5, "- in a statement -", "— in a statement —"),
    ("000", "PV210", 5, "yesterday (Friday)", "on Friday"),
    ("000", "PV301", 9, "He added", "It added"),
    ("000", "PV210", 21, "Yesterday, Friday", "On Friday"),
    ("000", "PV201", 21, "confusion and confusion", "confusion"),
    ("000", "PV103", 21, None, "consequences: the withdrawal of the occupation forces, the return of the displaced, and reconstruction."),
    ("000", "PV101", 33, "genocide. Collective.", "collective genocide."),
    ("000", "PV701", 33, "martyred", "killed"),
    ("001", "PV301", 15, "He said", "It said"),
    ("001", "PV602", 23, "Mini-Ministerial Council", "security cabinet"),
    ("001", "PV102", 23, "arrives. Ramadan.", None),
    ("001", "PV110", 33, "“ Genocide\"", "“Genocide”"),
    ("002", "PV601", 9, "General Reserve", "Maj. Gen. (res.)"),
    ("002", "PV210", 23, "the day before yesterday, Sunday", "on Sunday"),
    ("003", "PV320", 1, "officials says", "officials say"),
    ("003", "PV401", 4, None, None),
    ("003", "PV110", 10, None, None),
    ("003", "PV402", 13, None, None),
    ("004", "PV120", 29, "- at a conference in Tel Aviv -", "— at a conference in Tel Aviv —"),
    ("004", "PV603", 29, "crowned with success", "successful"),
    ("004", "PV101", 65, "genocide. Collective.", "collective genocide."),
]

# Lines that are captions, headings or footers in each seed.
STRUCTURE_LINES = {
    "000": [1, 15, 35],
    "001": [1, 17, 35],
    "002": [1, 15, 25, 41],
    "003": [1, 12],
    "004": [1, 23, 25, 43, 45, 67],
}


def by_seed(report):
    return {f.path.split("/")[-1][:3]: f for f in report.files}


@pytest.mark.parametrize("seed,rule,line,text,suggestion", EXPECTED, ids=[f"{e[0]}-{e[1]}-L{e[2]}" for e in EXPECTED])
def test_artifact_found(seed_report, seed, rule, line, text, suggestion):
    file_report = by_seed(seed_report)[seed]
    hits = [f for f in file_report.findings if f.rule == rule and f.line == line]
    assert hits, f"{rule} not found on line {line} of seed {seed}"
    if text is not None:
        assert text in [h.text for h in hits]
    if suggestion is not None:
        assert suggestion in [h.suggestion for h in hits if text is None or h.text == text]


def test_repeats_in_003_point_back(seed_report):
    f = by_seed(seed_report)["003"]
    messages = {x.rule: x.message for x in f.findings if x.rule in ("PV401", "PV402")}
    assert "line 2" in messages["PV401"] and "line 7" in messages["PV402"]


def test_structure_is_not_prose(seed_report):
    for seed, lines in STRUCTURE_LINES.items():
        f = by_seed(seed_report)[seed]
        for x in f.findings:
            if x.line in lines:
                assert x.category not in ("fragment", "orphan-pronoun", "repetition"), (seed, x)


def test_footer_credit_lines_have_no_findings(seed_report):
    for f in seed_report.files:
        text = seed_report.texts[f.path]
        last_line = text.rstrip("\n").count("\n") + 1
        if text.rstrip().splitlines()[-1].startswith("Source:"):
            assert not [x for x in f.findings if x.line == last_line], f.path


def test_credits_come_from_structure(seed_report):
    f = by_seed(seed_report)["004"]
    assert f.credits["footer"] == ["Al Jazeera", "agencies"]
    assert [c["credit"] for c in f.credits["captions"]] == ["Al Jazeera", "Associated Press", "Anatolia"]


def test_every_span_is_exact(seed_report):
    for f in seed_report.files:
        text = seed_report.texts[f.path]
        for x in f.findings:
            assert text[x.start : x.end] == x.text
            line = text.count("\n", 0, x.start) + 1
            column = x.start - (text.rfind("\n", 0, x.start) + 1) + 1
            assert (x.line, x.column) == (line, column)


def test_clean_seed_lines_stay_clean(seed_report):
    """Lines of plain reporting carry no warning or error."""
    f = by_seed(seed_report)["002"]
    assert not [x for x in f.findings if x.line in (5, 17, 27) and x.severity != "info"]


def test_shared_validator_accepts_the_report(tmp_path):
    validator = SHARED / "tools" / "validate_report.py"
    if not validator.exists():
        pytest.skip("needs ../shared/tools/validate_report.py")
    out = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, "-m", "provenance", "check", "seeds", "--format", "json", "--fail-on", "never", "--output", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text())["schema"] == "provenance/report-v1"
    check = subprocess.run([sys.executable, str(validator), str(out), "--root", str(ROOT)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert " 0 problems" in check.stdout
