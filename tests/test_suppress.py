"""Suppression: inline comments, per-file-ignores, baselines and fingerprints."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Config
from provenance.pipeline import Pipeline
from tests.conftest import SEEDS

runner = CliRunner()

DAY = "yesterday, Friday"  # PV210 day-calque


def _check(text: str, path: str = "a.txt", config: Config | None = None):
    return Pipeline(config or Config()).check_text(text, path).files[0]


def _codes(fr) -> list[str]:
    return sorted(f.rule for f in fr.findings)


def test_ignore_next_paragraph():
    text = (
        "A title line here\n\n"
        "<!-- provenance: ignore PV210 -->\n"
        f"The minister spoke {DAY} about the talks.\n\n"
        f"The envoy spoke {DAY} about the talks.\n"
    )
    fr = _check(text)
    hits = [f for f in fr.findings if f.rule == "PV210"]
    assert len(hits) == 1 and hits[0].line == 6
    assert fr.suppressed == {"inline": 1, "per-file": 0, "baseline": 0}


def test_comment_is_not_prose_and_spans_stay_exact():
    text = f"<!-- provenance: ignore-file PV9 -->\nThe envoy spoke {DAY} about the talks.\n"
    fr = _check(text)
    f = next(f for f in fr.findings if f.rule == "PV210")
    assert text[f.start : f.end] == f.text == DAY
    assert not any("provenance" in x.text for x in fr.findings)


def test_ignore_at_end_of_paragraph_and_several_codes():
    text = f"The envoy spoke {DAY} and the competent authorities agreed. <!-- provenance: ignore PV210, concerned-authorities -->\n"
    fr = _check(text)
    assert "PV210" not in _codes(fr) and "PV610" not in _codes(fr)
    assert fr.suppressed["inline"] == 2


def test_no_code_means_every_rule():
    text = f"The envoy spoke {DAY} and the competent authorities agreed.\n<!-- provenance: ignore-file -->\n"
    fr = _check(text)
    assert fr.findings == [] and fr.suppressed["inline"] >= 2


def test_ignore_line_only_that_line():
    text = (
        f"The envoy spoke {DAY} to reporters. <!-- provenance: ignore-line PV2 -->\n"
        f"The minister spoke {DAY} to reporters.\n"
    )
    fr = _check(text)
    assert [f.line for f in fr.findings if f.rule == "PV210"] == [2]


def test_ignore_line_alone_takes_next_line_with_text():
    text = f"<!-- provenance: ignore-line -->\n\nThe envoy spoke {DAY} to reporters.\n"
    assert not [f for f in _check(text).findings if f.rule == "PV210"]


def test_markdown_comment():
    text = f"# A headline\n\n<!-- provenance: ignore day-calque -->\nThe envoy spoke {DAY} to reporters.\n\nAgain {DAY} it was.\n"
    fr = _check(text, "story.md")
    assert [f.line for f in fr.findings if f.rule == "PV210"] == [6]


def test_malformed_comments_are_notes():
    text = f"The envoy spoke {DAY} to reporters.\n<!-- provenance: ignroe PV210 -->\n<!-- provenance: ignore NOPE -->\nEnd of it all.\n"
    fr = _check(text)
    assert any("unknown suppression comment 'provenance: ignroe'" in n for n in fr.notes)
    assert any("unknown rule 'NOPE'" in n for n in fr.notes)
    assert "PV210" in _codes(fr)


def test_per_file_ignores(tmp_path, monkeypatch):
    (tmp_path / "archive" / "2019").mkdir(parents=True)
    body = f"The envoy spoke {DAY} and the competent authorities agreed.\n"
    (tmp_path / "archive" / "2019" / "old.txt").write_text(body)
    (tmp_path / "new.txt").write_text(body)
    (tmp_path / "provenance.toml").write_text('[tool.provenance]\nper-file-ignores = { "archive/**" = ["PV210"], "new.txt" = "calque" }\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # matched relative to the config file, not the working directory
    result = runner.invoke(app, ["check", "--config", str(tmp_path / "provenance.toml"), str(tmp_path), "-f", "json"])
    data = json.loads(result.stdout)
    by_path = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert [x["rule"] for x in by_path["old.txt"]["findings"]].count("PV210") == 0
    assert "PV610" in [x["rule"] for x in by_path["old.txt"]["findings"]]
    assert "PV610" not in [x["rule"] for x in by_path["new.txt"]["findings"]]
    assert "PV210" in [x["rule"] for x in by_path["new.txt"]["findings"]]
    assert data["summary"]["suppressed"] == {"inline": 0, "per-file": 2, "baseline": 0}


def test_per_file_ignores_unknown_selector(tmp_path):
    (tmp_path / "a.txt").write_text("Some text.\n")
    (tmp_path / "provenance.toml").write_text('[tool.provenance]\nper-file-ignores = { "*.txt" = ["PV0000"] }\n')
    result = runner.invoke(app, ["check", "--config", str(tmp_path / "provenance.toml"), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "per-file-ignores" in result.stderr and "PV0000" in result.stderr


def test_fingerprints_survive_edits_elsewhere():
    from provenance.fingerprint import context, fingerprints

    a = f"Opening line.\n\nThe envoy spoke {DAY} to reporters. Then {DAY} again.\n"
    b = "A new first paragraph the editor wrote.\n\n" + a.replace("Opening line.", "An opening line, longer.")
    prints = []
    for text in (a, b):
        fr = _check(text)
        found = sorted((f for f in fr.findings if f.rule == "PV210"), key=lambda f: f.start)
        prints.append(fingerprints(found, {(f.rule, f.start, f.end): context(text, f.start, f.end) for f in found}))
    assert prints[0] == prints[1]
    assert len(set(prints[0])) == 2  # the two occurrences differ


def test_fingerprint_occurrences_distinct_on_seeds(seed_report):
    from provenance.fingerprint import fingerprints

    for fr in seed_report.files:
        prints = fingerprints(sorted(fr.findings, key=lambda f: (f.start, f.end, f.rule, f.message)))
        assert len(prints) == len(set(prints)), fr.path


@pytest.fixture()
def archive(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def test_baseline_round_trip(archive, monkeypatch):
    monkeypatch.chdir(archive)
    result = runner.invoke(app, ["baseline", ".", "-o", "baseline.json"])
    assert result.exit_code == 0, result.output
    data = json.loads((archive / "baseline.json").read_text())
    assert data["schema"] == "provenance/baseline-v1" and data["findings"] > 50
    assert all("/" not in name for name in data["files"])  # relative to the baseline's folder
    result = runner.invoke(app, ["check", ".", "--baseline", "baseline.json", "-f", "json"])
    report = json.loads(result.stdout)
    assert report["summary"]["findings"] == 0
    assert report["summary"]["suppressed"]["baseline"] == data["findings"]
    # an edit elsewhere in a file: the old findings stay matched, the new one is reported
    seed = sorted(archive.glob("*.txt"))[1]
    seed.write_text(f"The weather in the capital was mild {DAY}, after a week of rain.\n\n" + seed.read_text())  # no attribution: the sourcing profile (PV902) stays
    result = runner.invoke(app, ["check", ".", "--baseline", "baseline.json", "-f", "json"])
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["files"] for f in f["findings"]] == ["PV210"]
    assert report["summary"]["suppressed"]["baseline"] == data["findings"]
    text = runner.invoke(app, ["check", ".", "--baseline", "baseline.json"]).stdout
    assert f"Suppressed: {data['findings']} baseline." in text


def test_baseline_matches_from_another_directory(archive, monkeypatch):
    monkeypatch.chdir(archive)
    assert runner.invoke(app, ["baseline", ".", "-o", "baseline.json"]).exit_code == 0
    monkeypatch.chdir(archive.parent)
    result = runner.invoke(app, ["check", archive.name, "--baseline", f"{archive.name}/baseline.json", "-f", "json"])
    assert json.loads(result.stdout)["summary"]["findings"] == 0


@pytest.mark.parametrize("content, reason", [(None, "cannot read"), ("{", "invalid JSON"), ('{"schema": "x"}', "not a baseline file")])
def test_bad_baseline(tmp_path, content, reason):
    (tmp_path / "a.txt").write_text("Some text.\n")
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content)
    result = runner.invoke(app, ["check", str(tmp_path / "a.txt"), "--baseline", str(path)])
    assert result.exit_code == 2
    assert reason in result.stderr and "Traceback" not in result.output


def test_report_validates_with_suppressed(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(files("provenance").joinpath("schema/report-v1.json").read_text())
    text = f"The envoy spoke {DAY} to reporters. <!-- provenance: ignore -->\n"
    report = Pipeline(Config()).check_text(text, "a.txt")
    data = json.loads(report.to_json())
    jsonschema.validate(data, schema)
    assert data["files"][0]["suppressed"]["inline"] >= 1


def test_suppression_with_jobs(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"The envoy spoke {DAY} to reporters. <!-- provenance: ignore -->\n\nAgain {DAY} it was, the minister said.\n")
    serial = json.loads(runner.invoke(app, ["check", str(tmp_path), "-f", "json", "-j", "1"]).stdout)
    forked = json.loads(runner.invoke(app, ["check", str(tmp_path), "-f", "json", "-j", "2"]).stdout)
    assert serial["summary"]["suppressed"]["inline"] == 3
    assert serial["files"] == forked["files"] and serial["summary"] == forked["summary"]
