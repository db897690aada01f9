"""`provenance check` and `provenance rules` as CI and editors use them:
exit codes, formats, selection, configuration, output files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
CLEAN = "The minister said on Tuesday that the talks would resume in Cairo next week.\n"
ARTIFACT = "The court heard charges of genocide. Collective.\n"  # PV101, an error


def run(*args, cwd=None):
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(app, list(args))
    finally:
        os.chdir(old)


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(ARTIFACT, encoding="utf-8")
    return tmp_path


# -- exit codes ----------------------------------------------------------------


def test_clean_file_exits_0(articles):
    r = run("check", str(articles / "clean.txt"))
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "No findings" in r.stdout


def test_error_finding_exits_1(articles):
    r = run("check", str(articles / "bad.txt"))
    assert r.exit_code == 1
    assert "PV101" in r.stdout and "[split-modifier]" in r.stdout


@pytest.mark.parametrize("fail_on,code", [("never", 0), ("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on(articles, fail_on, code):
    assert run("check", str(articles / "bad.txt"), "--fail-on", fail_on).exit_code == code


def test_fail_on_warning_counts_warnings_only_at_that_level(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("Mossad chief David Barnea met yesterday (Friday) with CIA Director William Burns.\n")
    assert run("check", str(path)).exit_code == 0  # a warning is below the default fail-on (error)
    assert run("check", str(path), "--fail-on", "warning").exit_code == 1


def test_missing_path_is_a_one_line_error_and_others_are_still_checked(articles):
    r = run("check", str(articles / "nope.txt"), str(articles / "bad.txt"), "--format", "json")
    assert r.exit_code == 2
    assert r.stderr.strip().count("\n") == 0 and "nope.txt: no such file or directory" in r.stderr
    report = json.loads(r.stdout)
    assert [f["path"].split("/")[-1] for f in report["files"]] == ["bad.txt"]
    assert report["files"][0]["findings"]


def test_unknown_selector_is_a_usage_error(articles):
    r = run("check", str(articles), "--select", "PV999X")
    assert r.exit_code == 2 and "unknown rule selector" in r.stderr


def test_bad_format_is_a_usage_error(articles):
    assert run("check", str(articles), "--format", "xml").exit_code == 2


# -- formats -------------------------------------------------------------------


def test_text_output_reads_like_a_compiler(articles):
    r = run("check", str(articles / "bad.txt"))
    first = r.stdout.splitlines()[0]
    path = str(articles / "bad.txt")
    assert first.startswith(f"{path}:1:28: error PV101 ")
    assert first.endswith("[split-modifier]")
    assert "^^^^^" in r.stdout and "suggestion: “collective genocide.”" in r.stdout


def test_json_is_byte_identical_across_runs():
    a = run("check", "seeds", "--format", "json", "--fail-on", "never", cwd=ROOT)
    b = run("check", "seeds", "--format", "json", "--fail-on", "never", cwd=ROOT)
    assert a.exit_code == 0 and a.stdout == b.stdout
    report = json.loads(a.stdout)
    assert report["schema"] == "provenance/report-v1"
    assert report["signature"].startswith("provenance:")
    assert [f["path"] for f in report["files"]] == sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))


def test_json_file_fields(articles):
    r = run("check", str(articles / "bad.txt"), "--format", "json")
    f = json.loads(r.stdout)["files"][0]
    for key in ("path", "sha256", "encoding", "language", "words", "findings", "names", "attributions", "credits"):
        assert key in f
    assert f["language"]["code"] == "en"
    finding = f["findings"][0]
    assert list(finding) == ["rule", "slug", "category", "mqm", "severity", "message", "suggestion", "line", "column", "start", "end", "text"]


def test_output_file_is_written_and_stdout_stays_empty(articles, tmp_path):
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    r = run("check", str(articles / "bad.txt"), "--format", "json", "--output", str(out))
    assert r.exit_code == 1 and r.stdout == ""
    assert json.loads(out.read_text())["summary"]["by_severity"]["error"] == 1
    assert [p.name for p in out.parent.iterdir()] == ["report.json"]  # no temporary file left behind


def test_statistics(articles):
    r = run("check", str(articles), "--statistics", "--fail-on", "never")
    assert "PV101" in r.stdout and "split-modifier" in r.stdout
    assert "^^^" not in r.stdout


def test_quiet_prints_findings_only(articles):
    r = run("check", str(articles), "--quiet", "--fail-on", "never")
    assert "PV101" in r.stdout and "Found" not in r.stdout


# -- selection and configuration ------------------------------------------------


def test_select_and_ignore(articles):
    assert run("check", str(articles / "bad.txt"), "--ignore", "PV101").exit_code == 0
    assert run("check", str(articles / "bad.txt"), "--select", "fragment").exit_code == 1
    assert run("check", str(articles / "bad.txt"), "--select", "PV2,PV6").exit_code == 0
    # the most specific selector wins
    assert run("check", str(articles / "bad.txt"), "--ignore", "fragment", "--select", "PV101").exit_code == 1


def test_config_in_pyproject_is_found_from_a_subdirectory(articles):
    (articles / "pyproject.toml").write_text('[tool.provenance]\nignore = ["split-modifier"]\n')
    sub = articles / "desk"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTIFACT)
    assert run("check", "a.txt", cwd=sub).exit_code == 0
    assert run("check", "a.txt", "--isolated", cwd=sub).exit_code == 1


def test_provenance_toml_severity_override(articles):
    (articles / "provenance.toml").write_text('fail-on = "warning"\n[severity]\nPV101 = "info"\n')
    r = run("check", "bad.txt", "--format", "json", cwd=articles)
    assert json.loads(r.stdout)["files"][0]["findings"][0]["severity"] == "info"
    assert r.exit_code == 0  # info is below the configured fail-on


def test_unknown_config_key_is_reported_with_the_file(articles):
    (articles / "provenance.toml").write_text("selekt = ['PV1']\n")
    r = run("check", "bad.txt", cwd=articles)
    assert r.exit_code == 2 and "provenance.toml" in r.stderr and "selekt" in r.stderr


def test_invalid_toml_is_a_one_line_error(articles):
    (articles / "provenance.toml").write_text("select = [\n")
    r = run("check", "bad.txt", cwd=articles)
    assert r.exit_code == 2 and "invalid TOML" in r.stderr


def test_house_rule_pack_from_config(articles):
    pack = articles / "house"
    pack.mkdir()
    (pack / "style.yaml").write_text(
        "rules:\n"
        "  - code: HS001\n    slug: no-kidnapped\n    kind: phrase\n    category: calque\n    mqm: Style/Unnatural\n"
        "    severity: error\n    summary: House style says hostages\n"
        "    description: Our house style uses hostages for people held in Gaza, never kidnapped.\n"
        "    phrases:\n      - match: kidnapped\n        suggestion: abducted\n"
        "    examples:\n      - bad: Families of the kidnapped protested.\n        good: Families of the hostages protested.\n"
    )
    (articles / "provenance.toml").write_text('extend-packs = ["house"]\n')
    (articles / "k.txt").write_text("Families of the kidnapped protested in Tel Aviv.\n")
    r = run("check", "k.txt", cwd=articles)
    assert r.exit_code == 1 and "HS001" in r.stdout and "abducted" in r.stdout


def test_broken_rule_pack_is_a_one_line_error(articles):
    (articles / "bad-pack.yaml").write_text("rules:\n  - code: X1\n    kind: phrase\n")
    r = run("check", "bad.txt", "--isolated", cwd=articles)
    assert r.exit_code == 1
    (articles / "provenance.toml").write_text('extend-packs = ["bad-pack.yaml"]\n')
    r = run("check", "bad.txt", cwd=articles)
    assert r.exit_code == 2 and "bad-pack.yaml" in r.stderr and "missing" in r.stderr


# -- rules command --------------------------------------------------------------


def test_rules_lists_every_rule():
    r = run("rules")
    assert r.exit_code == 0
    for code in ("PV101", "PV110", "PV210", "PV301", "PV401", "PV501", "PV601", "PV701"):
        assert code in r.stdout


def test_rules_shows_docs_and_examples():
    r = run("rules", "PV101")
    assert "genocide. Collective." in r.stdout and "bad:" in r.stdout and "good:" in r.stdout


def test_rules_json():
    data = json.loads(run("rules", "--format", "json").stdout)
    assert {"code", "slug", "category", "mqm", "severity", "description", "examples"} <= set(data[0])


# -- the real executable ----------------------------------------------------------


def test_console_script_and_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "check", "-", "--format", "json"],
        input=ARTIFACT.encode(), capture_output=True, cwd=ROOT,
    )
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "<stdin>"
    assert report["files"][0]["findings"][0]["rule"] == "PV101"


def test_version():
    from provenance import __version__

    assert run("--version").stdout.strip() == f"provenance {__version__}"


def test_rules_reference_in_docs_is_up_to_date():
    """docs/rules.md is generated from the packs; regenerate it when a rule changes."""
    r = run("rules", "--format", "markdown", "--isolated")
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == r.stdout, (
        "docs/rules.md is stale: run `provenance rules --format markdown --isolated > docs/rules.md`"
    )


def test_pack_example_in_the_configuration_docs_works(tmp_path):
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    yaml_block = doc.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "house.yaml").write_text(yaml_block)
    (tmp_path / "provenance.toml").write_text('extend-packs = ["house.yaml"]\n')
    (tmp_path / "a.txt").write_text("Families of the kidnapped and of two Israeli captives protested.\n")
    r = run("check", "a.txt", "--select", "HS001", "--format", "json", cwd=tmp_path)
    found = json.loads(r.stdout)["files"][0]["findings"]
    assert [(f["text"], f["suggestion"]) for f in found] == [("kidnapped", "hostages"), ("captives", "hostages")]


def test_parallel_check_gives_the_same_report(tmp_path):
    """--jobs N forks workers; the report (file order and cross-file findings included) does not change."""
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(4):  # one spelling across files, another in one file: a cross-file names finding
        (tmp_path / f"x{i}.txt").write_text(f"Officials said Mahmoud Qassab met mediators on Monday in Cairo, report {i}.\n")
    (tmp_path / "x9.txt").write_text("Officials said Mahmud Qassab met mediators on Monday in Cairo.\n")
    one = run("check", str(tmp_path), "--format", "json", "--fail-on", "never", "-j", "1")
    two = run("check", str(tmp_path), "--format", "json", "--fail-on", "never", "-j", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    rules = {f["rule"] for file in json.loads(two.stdout)["files"] for f in file["findings"]}
    assert {"PV101", "PV806"} <= rules


def test_layers_choose_what_runs(articles):
    r = run("check", str(articles / "bad.txt"), "--format", "json", "--layers", "rules")
    f = json.loads(r.stdout)["files"][0]
    assert f["findings"] and f["names"] == [] and f["attributions"] == []
    assert "glossary" not in json.loads(r.stdout)["signature"]
    r = run("check", str(articles / "bad.txt"), "--layers", "rules,nonsense")
    assert r.exit_code == 2 and "unknown layer 'nonsense'" in r.stderr
    (articles / "provenance.toml").write_text('layers = ["rules", "names"]\n')
    r = run("check", "clean.txt", "--format", "json", cwd=articles)
    assert "glossary:" in json.loads(r.stdout)["signature"] and "attributions:" not in json.loads(r.stdout)["signature"]
