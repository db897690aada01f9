"""`provenance config show`: every key, its effective value and its origin
(default, FILE:LINE, the flag)."""

from __future__ import annotations

import json
import tomllib

import pytest

from tests.test_cli import run

PYPROJECT = """\
[project]
name = "desk"

[tool.provenance]
ignore = ["PV604"]
fail-on = "warning"
severity = { PV121 = "warning" }

[tool.provenance.reuse]
threshold = 0.6
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    return tmp_path


def settings(result) -> dict:
    assert result.exit_code == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    return {(s["section"], s["key"]): (s["value"], s["origin"]) for s in data["settings"]}, data


def test_values_and_origins(project):
    got, data = settings(run("config", "show", "--format", "json", cwd=project / "sub"))
    assert data["found"] == "the nearest from the current directory"
    assert data["source"].endswith("pyproject.toml")
    assert got[(None, "ignore")] == (["PV604"], f"{data['source']}:5")
    assert got[(None, "fail-on")] == ("warning", f"{data['source']}:6")
    assert got[(None, "severity")] == ({"PV121": "warning"}, f"{data['source']}:7")
    assert got[("reuse", "threshold")] == (0.6, f"{data['source']}:10")
    assert got[(None, "packs")] == (["core", "ar-en"], "default")
    assert got[("reuse", "boilerplate")] == (3, "default")  # the layer's own default
    assert got[(None, "layers")] == (None, "default")


def test_flags_override_and_say_so(project):
    got, _ = settings(run("config", "show", "-f", "json", "--select", "PV1", "--ignore", "PV121", "--fail-on", "never", cwd=project))
    assert got[(None, "select")] == (["PV1"], "--select")
    value, origin = got[(None, "ignore")]
    assert value == ["PV604", "PV121"] and origin == "pyproject.toml:5 + --ignore"
    assert got[(None, "fail-on")] == ("never", "--fail-on (over pyproject.toml:6)")


def test_isolated_and_no_file(project, tmp_path_factory):
    got, data = settings(run("config", "show", "-f", "json", "--isolated", cwd=project))
    assert data["source"] is None and data["found"] == "--isolated"
    assert all(origin == "default" for _, origin in got.values())
    empty = tmp_path_factory.mktemp("nothing")
    _, data = settings(run("config", "show", "-f", "json", cwd=empty))
    assert data["found"] in ("no configuration file found", "the nearest from the current directory")  # a pyproject above tmp would be found


def test_text_output_is_toml_with_origins(project):
    r = run("config", "show", cwd=project)
    assert r.exit_code == 0, r.stderr
    parsed = tomllib.loads(r.stdout)  # unset keys are commented out
    assert parsed["ignore"] == ["PV604"] and parsed["reuse"]["threshold"] == 0.6
    assert parsed["severity"] == {"PV121": "warning"}
    assert "layers" not in parsed
    line = next(x for x in r.stdout.splitlines() if x.startswith("ignore ="))
    assert line.endswith("# pyproject.toml:5")


def test_every_schema_key_is_shown(project):
    from provenance.config import _schema

    got, _ = settings(run("config", "show", "-f", "json", cwd=project))
    top, sections = _schema()
    assert {k for s, k in got if s is None} == set(top)
    for name, spec in sections.items():
        assert {k for s, k in got if s == name} == set(spec)


def test_a_bad_config_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "provenance.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    r = run("config", "show", cwd=tmp_path)
    assert r.exit_code == 2 and "fail-on" in r.stderr and "Traceback" not in r.stderr
