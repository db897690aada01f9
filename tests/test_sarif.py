"""SARIF 2.1.0 output: valid against the OASIS schema, rules in
tool.driver.rules, regions in line/column, suggestions as fixes."""

from __future__ import annotations

import json

import pytest

from provenance.render.sarif import to_sarif
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def sarif(seed_report):
    return to_sarif(seed_report)


def test_validates_against_the_schema(sarif):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("data", "sarif", "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(sarif, schema)


def test_rules_and_results(sarif, seed_report):
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids) and "PV101" in ids
    assert len(run["results"]) == sum(len(f.findings) for f in seed_report.files)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"


def test_regions_point_at_the_reported_text(sarif, seed_report):
    run = sarif["runs"][0]
    texts = {f.path: seed_report.texts[f.path] for f in seed_report.files}
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        text = texts[uris[location["artifactLocation"]["index"]]]
        region = location["region"]
        lines = text.split("\n")
        assert region["snippet"]["text"] == text[region["charOffset"] : region["charOffset"] + region["charLength"]]
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]


def test_suggestions_become_fixes(sarif):
    fixed = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PV101"]
    assert fixed
    replacement = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "collective genocide."


def test_unreadable_files_become_notifications(default_pipeline, tmp_path):
    from provenance.discover import Source

    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00\x01\x02")
    report = default_pipeline.run([Source("bin.txt", bad)])
    run = to_sarif(report)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "binary" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


# -- helpUri, fingerprints, GitHub's limits ------------------------------------------


def _schema():
    return json.loads(shared_path("data", "sarif", "sarif-schema-2.1.0.json").read_text())


def test_every_rule_has_a_help_uri_at_its_docs_anchor(sarif, seed_report):
    import re

    from types import SimpleNamespace

    from provenance.cli.rules import rules_markdown
    from provenance.render.links import RULES_DOC_URL

    # the headings docs/rules.md is generated with; GitHub's anchor of "## PV101 split-modifier" is #pv101-split-modifier
    headings = re.findall(r"^## (PV\d+) (\S+)$", rules_markdown(seed_report.rules, SimpleNamespace(packs=[])), re.M)
    anchors = {f"{code.lower()}-{slug}" for code, slug in headings}
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        base, anchor = rule["helpUri"].split("#")
        assert base == RULES_DOC_URL and anchor in anchors, rule["helpUri"]


def test_repository_url_is_the_one_in_pyproject():
    import tomllib

    from provenance.render.links import REPOSITORY_URL
    from tests.conftest import ROOT

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert urls["Repository"] == REPOSITORY_URL


def _fingerprints(run):
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    return [(uris[r["locations"][0]["physicalLocation"]["artifactLocation"]["index"]], r["partialFingerprints"]["provenanceFinding/v2"]) for r in run["results"]]


def test_every_seed_result_has_its_own_fingerprint(sarif):
    prints = _fingerprints(sarif["runs"][0])
    assert len(prints) > 80 and len(set(prints)) == len(prints)


def test_fingerprints_survive_edits_elsewhere_in_the_file(default_pipeline, seed_paths, tmp_path):
    from provenance.discover import Source

    original = seed_paths[4].read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    # a paragraph added at the top and one at the end: every line and offset moves
    edited.write_text("The weather in the capital was mild on the day.\n\n" + original + "\nThe office closed at noon.\n", encoding="utf-8")
    (tmp_path / "orig.txt").write_text(original, encoding="utf-8")
    before = to_sarif(default_pipeline.run([Source("a.txt", tmp_path / "orig.txt")]))["runs"][0]
    after = to_sarif(default_pipeline.run([Source("a.txt", edited)]))["runs"][0]
    assert [r["region"]["startLine"] for r in (x["locations"][0]["physicalLocation"] for x in before["results"])] != [
        r["region"]["startLine"] for r in (x["locations"][0]["physicalLocation"] for x in after["results"])
    ]
    assert sorted(_fingerprints(before)) == sorted(_fingerprints(after))


def test_over_the_limit_info_is_dropped_with_a_note(seed_report):
    jsonschema = pytest.importorskip("jsonschema")
    counts = seed_report.summary()["by_severity"]
    total = sum(counts.values())
    log = to_sarif(seed_report, max_results=total - 1)
    jsonschema.validate(log, _schema())
    [run] = log["runs"]
    assert {r["level"] for r in run["results"]} == {"error", "warning"}
    assert len(run["results"]) == counts["error"] + counts["warning"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any(f"{counts['info']} info results left out" in n["message"]["text"] for n in notes)
    assert "automationDetails" not in run


def test_still_over_the_limit_the_files_are_split_into_runs(seed_report):
    jsonschema = pytest.importorskip("jsonschema")
    from provenance.render.sarif import iter_render, render

    limit = 15
    log = to_sarif(seed_report, max_results=limit)
    jsonschema.validate(log, _schema())
    runs = log["runs"]
    assert 1 < len(runs) <= 20
    assert len({r["automationDetails"]["id"] for r in runs}) == len(runs)
    assert all(len(r["results"]) <= limit for r in runs)
    kept = sum(1 for _, f in seed_report.all_findings() if f.severity != "info")
    cut = sum(int(n["message"]["text"].split(": ")[1].split()[0]) for r in runs for n in r["invocations"][0]["toolExecutionNotifications"] if "one file over" in n["message"]["text"])
    assert sum(len(r["results"]) for r in runs) == kept - cut
    for r in runs:  # each run's artifact indexes point into its own artifacts
        assert all(res["locations"][0]["physicalLocation"]["artifactLocation"]["index"] < len(r["artifacts"]) for res in r["results"])
    assert "".join(iter_render(seed_report, max_results=limit)) == render(seed_report, max_results=limit)
