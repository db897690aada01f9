"""Which files a run takes, as the configuration says: exclude patterns relative
to the configuration file, force-exclude for files named explicitly, and
glossary edits while the configured desk glossary does not exist yet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "The minister said on Sunday that the talks would resume in Cairo next week.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PROVENANCE_NO_CACHE": "1"}
    return subprocess.run([sys.executable, "-m", "provenance", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "articles" / "drafts").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_text(ARTICLE)
    (tmp_path / "articles" / "drafts" / "d.txt").write_text(ARTICLE)
    (tmp_path / "provenance.toml").write_text('exclude = ["articles/drafts"]\n')
    return tmp_path


def checked(result: subprocess.CompletedProcess) -> list[str]:
    import json

    assert result.returncode in (0, 1), result.stderr
    return [f["path"] for f in json.loads(result.stdout)["files"]]


def test_exclude_is_relative_to_the_config_file(desk: Path):
    assert checked(run("check", "articles", "-f", "json", cwd=desk)) == ["articles/a.txt"]
    # From inside the folder the pattern still means the config file's articles/drafts.
    assert checked(run("check", ".", "-f", "json", cwd=desk / "articles")) == ["a.txt"]


def test_a_pattern_relative_to_the_walked_folder_does_not_reach_elsewhere(desk: Path):
    (desk / "provenance.toml").write_text('exclude = ["drafts/d.txt"]\n')
    assert checked(run("check", "articles", "-f", "json", cwd=desk)) == ["articles/a.txt", "articles/drafts/d.txt"]
    # A bare name matches at any depth.
    (desk / "provenance.toml").write_text('exclude = ["d.txt"]\n')
    assert checked(run("check", "articles", "-f", "json", cwd=desk)) == ["articles/a.txt"]


def test_files_named_explicitly_are_excluded_only_with_force_exclude(desk: Path):
    named = ["articles/a.txt", "articles/drafts/d.txt"]
    assert checked(run("check", *named, "-f", "json", cwd=desk)) == named
    assert checked(run("check", *named, "-f", "json", "--force-exclude", cwd=desk)) == ["articles/a.txt"]
    (desk / "provenance.toml").write_text('exclude = ["articles/drafts"]\nforce-exclude = true\n')
    assert checked(run("check", *named, "-f", "json", cwd=desk)) == ["articles/a.txt"]


def test_a_hook_run_whose_files_are_all_excluded_passes(desk: Path):
    result = run("check", "articles/drafts/d.txt", "--force-exclude", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert run("check", "articles/drafts", "--force-exclude", cwd=desk).returncode == 0  # an excluded folder too
    assert run("check", "articles/drafts", cwd=desk).returncode == 0  # named explicitly, checked


def test_force_exclude_must_be_a_boolean(desk: Path):
    (desk / "provenance.toml").write_text('force-exclude = "yes"\n')
    result = run("check", "articles", cwd=desk)
    assert result.returncode == 2 and "force-exclude" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("start", ["missing", "empty", "one entry"])
def test_glossary_add_with_the_configured_glossary(tmp_path: Path, start: str):
    (tmp_path / "gl").mkdir()
    target = tmp_path / "gl" / "desk.yaml"
    (tmp_path / "provenance.toml").write_text('glossaries = ["gl/desk.yaml"]\n')
    if start == "empty":
        target.write_text("entries: []\n")
    elif start == "one entry":
        target.write_text("entries:\n  - id: omar-zaki\n    type: person\n    canonical: Omar Zaki\n")
    result = run("glossary", "add", "samir-haddad", "--canonical", "Samir Haddad", "--type", "person", "--variant", "Sameer Haddad", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    again = run("glossary", "add", "samir-haddad", "--variant", "Samir Hadad", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    text = target.read_text()
    assert "Sameer Haddad" in text and "Samir Hadad" in text and text.count("id: samir-haddad") == 1
    assert ("omar-zaki" in text) == (start == "one entry")
    listed = run("glossary", "show", "samir-haddad", cwd=tmp_path)
    assert listed.returncode == 0 and "Samir Hadad" in listed.stdout


@pytest.mark.parametrize("layout", ["file", "folder", "twice"])
def test_suggest_apply_with_configured_glossaries(tmp_path: Path, layout: str):
    (tmp_path / "gl").mkdir()
    (tmp_path / "gl" / "desk.yaml").write_text("entries:\n  - id: omar-zaki\n    type: person\n    canonical: Omar Zaki\n")
    configured = {"file": '["gl/desk.yaml"]', "folder": '["gl"]', "twice": '["gl/desk.yaml", "./gl/desk.yaml", "gl"]'}[layout]
    (tmp_path / "provenance.toml").write_text(f"glossaries = {configured}\n")
    (tmp_path / "a.txt").write_text("Samir Haddad spoke first. Samir Haddad left early. Omar Zaki stayed.\n")
    result = run("glossary", "suggest", "a.txt", "--apply", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "duplicate id" not in result.stderr
    assert "Samir Haddad" in (tmp_path / "gl" / "desk.yaml").read_text()
