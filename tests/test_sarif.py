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
