"""`provenance attributions`: text trees, JSON, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner()


def test_text_tree_and_profile(seeds_dir):
    result = runner.invoke(app, ["attributions", str(seeds_dir / "004_59207b13c45324ed.txt"), "--isolated"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "article credit: Al Jazeera + agencies" in out
    assert "└ Reuters [outlet]" in out and "└ He [person] (= Sami Abu Zuhri" in out
    assert "sourcing:" in out and "anonymous share:" in out


def test_json_is_the_check_report(seeds_dir):
    result = runner.invoke(app, ["attributions", str(seeds_dir), "--format", "json", "--isolated"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    files = data["files"]
    assert len(files) == 5 and all("sourcing" in f and f["attributions"] for f in files)
    first = files[0]["attributions"][0]
    assert set(first) == {"line", "start", "end", "cue", "chain", "content", "quote"}
    assert set(first["chain"][0]) == {"text", "start", "end", "kind", "canonical", "resolves_to", "cue"}


def test_missing_file_is_exit_2(tmp_path):
    result = runner.invoke(app, ["attributions", str(tmp_path / "nope.txt"), "--isolated"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
