"""The files that put provenance into other tools: the pre-commit hooks (run
by pre-commit in a temporary git repository), the composite GitHub Action
(parsed, and its check step run as a runner would), the Dockerfile (built
when a docker daemon answers) and shell completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BAD = "The court heard charges of genocide. Collective.\n"  # PV101, an error
CLEAN = "The minister said on Tuesday that the talks would resume in Cairo next week.\n"


def _yaml(path: Path):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


@pytest.fixture
def shim(tmp_path) -> Path:
    """A `provenance` executable that runs this checkout (not whatever is installed)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "provenance"
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" PROVENANCE_NO_CACHE=1 exec "{sys.executable}" -m provenance "$@"\n')
    script.chmod(0o755)
    return script


def _git_repo(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q"], cwd=path, check=True, env=env)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=path, check=True, env=env)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "articles"], cwd=path, check=True, env=env)
    return path


# -- pre-commit ------------------------------------------------------------------------


def test_hook_definitions():
    hooks = _yaml(ROOT / ".pre-commit-hooks.yaml")
    ids = [h["id"] for h in hooks]
    assert ids[0] == "provenance" and len(set(ids)) == len(ids)
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["entry"].split()[:2] == ["provenance", "check"]
        assert hook["language"] == "python"
        for name in ("a.txt", "b/c.md", "d.markdown", "e.text"):
            assert re.search(hook["files"], name)
        assert not re.search(hook["files"], "setup.py")


def test_pre_commit_runs_the_hook_in_a_git_repository(tmp_path, shim):
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook = _yaml(ROOT / ".pre-commit-hooks.yaml")[0]
    # this repository's hook as a `repo: local` hook: the same files, types and
    # arguments; `system` runs the shim instead of installing the package from PyPI
    local = {**hook, "language": "system", "entry": " ".join([str(shim), *hook["entry"].split()[1:]])}
    repo = _git_repo(tmp_path / "desk", {"bad.txt": BAD, "clean.md": CLEAN, "script.py": f"# {BAD}"})
    (repo / ".pre-commit-config.yaml").write_text(json.dumps({"repos": [{"repo": "local", "hooks": [local]}]}), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"}

    def pre_commit_run():
        return subprocess.run([pre_commit, "run", "--all-files", "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    r = pre_commit_run()
    assert r.returncode == 1, r.stdout + r.stderr
    assert "bad.txt:1:" in r.stdout and "PV101" in r.stdout
    assert "script.py" not in r.stdout  # not an article
    (repo / "bad.txt").write_text(CLEAN, encoding="utf-8")
    r = pre_commit_run()
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"provenance\.+Passed", r.stdout)


@pytest.mark.slow
def test_pre_commit_try_repo_installs_the_hook(tmp_path):
    """The hook as users get it: pre-commit installs this repository into its
    own environment (from the package index) and runs it."""
    if not os.environ.get("PROVENANCE_TEST_INSTALL"):
        pytest.skip("installs the package and its dependencies from the package index: set PROVENANCE_TEST_INSTALL=1")
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or pytest.skip("pre-commit is not installed")
    repo = _git_repo(tmp_path / "desk", {"bad.txt": BAD})
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    r = subprocess.run([pre_commit, "try-repo", str(ROOT), "provenance", "--all-files", "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 1 and "PV101" in r.stdout, r.stdout + r.stderr


# -- the GitHub Action -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def action():
    return _yaml(ROOT / "action.yml")


def test_action_definition(action):
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "format", "fail-on", "sarif-file", "upload-sarif"} <= set(inputs)
    from provenance.cli.check import FailOn, Format

    assert inputs["format"]["default"] in {f.value for f in Format}
    assert inputs["fail-on"]["default"] in {f.value for f in FailOn}
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))
    assert used <= set(inputs), used - set(inputs)
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash"  # composite steps must name their shell
            assert "${{" not in step["run"]  # expressions go through env, never into the script
    uses = [s["uses"] for s in action["runs"]["steps"] if "uses" in s]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def _step(action, step_id):
    return next(s for s in action["runs"]["steps"] if s.get("id") == step_id)


def _run_step(action, step, tmp_path, shim, **given):
    """Run a step's script as the runner does (bash -e, the env expressions
    filled in from the inputs), with the shim first on PATH."""
    values = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | given
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    for name, expr in step.get("env", {}).items():
        env[name] = re.sub(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", lambda m: values[m.group(1)], expr)
    output = tmp_path / "github_output"
    output.write_text("")
    env["GITHUB_OUTPUT"] = str(output)
    r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=tmp_path / "repo", env=env, capture_output=True, text=True, timeout=600)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return r, outputs


def test_action_check_step(action, tmp_path, shim):
    repo = tmp_path / "repo"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "articles" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    step = _step(action, "check")
    r, outputs = _run_step(action, step, tmp_path, shim, paths="articles", **{"sarif-file": "out.sarif"})
    assert r.returncode == 0, r.stderr  # the step itself passes; the last step exits with the code
    assert outputs["exit-code"] == "1"
    assert r.stdout.startswith("::error file=articles/bad.txt,line=1,")
    sarif = json.loads((repo / "out.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "PV101"
    r, outputs = _run_step(action, step, tmp_path, shim, paths="articles/clean.txt", format="concise", args="--select PV1")
    assert outputs["exit-code"] == "0" and "No findings" in r.stdout
    r, outputs = _run_step(action, step, tmp_path, shim, paths="missing")
    assert outputs["exit-code"] == "2"
    last = action["runs"]["steps"][-1]
    assert subprocess.run(["bash", "-c", last["run"]], env={**os.environ, "EXIT_CODE": "1"}).returncode == 1


# -- the container image ------------------------------------------------------------------------


def test_dockerfile_copies_what_the_package_needs():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    copied = [p for line in re.findall(r"^COPY (.+)$", text, re.M) for p in line.split()[:-1]]
    assert copied and all((ROOT / p).exists() for p in copied)
    assert re.search(r'^ENTRYPOINT \["provenance"\]$', text, re.M)
    ignore = (ROOT / ".dockerignore").read_text().splitlines()
    for p in copied:
        assert f"!{p.rstrip('/')}" in ignore or f"!{p}" in ignore or f"!{p.rstrip('/')}/" in ignore


def _docker_reason() -> str | None:
    if shutil.which("docker") is None:
        return "docker is not installed"
    r = subprocess.run(["docker", "info"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        return "docker cannot reach a daemon (`docker info` failed): " + (r.stderr.strip().splitlines() or ["?"])[-1][:120]
    return None


@pytest.mark.slow
def test_docker_image_builds_and_checks(tmp_path):
    reason = _docker_reason()
    if reason:
        pytest.skip(reason)
    tag = "provenance-test:latest"
    subprocess.run(["docker", "build", "-q", "-t", tag, str(ROOT)], check=True, capture_output=True, timeout=1800)
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    r = subprocess.run(["docker", "run", "--rm", "--network", "none", "-v", f"{tmp_path}:/work:ro", tag, "check", "bad.txt", "--format", "concise"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 1 and r.stdout.startswith("bad.txt:1:28: error PV101"), r.stdout + r.stderr


# -- shell completion ---------------------------------------------------------------------------------


def _complete(words: str, cword: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_PROVENANCE_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    code = "import sys; sys.argv[0] = 'provenance'; from provenance.cli import main; main()"
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def test_completion_of_commands_options_and_values():
    assert "check" in _complete("provenance ch", 1)
    assert _complete("provenance config sh", 2) == ["show"]
    assert "--min-severity" in _complete("provenance check --min", 2)
    formats = _complete("provenance check --format ", 3)
    assert {"text", "sarif", "github", "gitlab", "junit", "rdjson", "concise"} <= set(formats)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(shell):
    code = "import sys; sys.argv[0] = 'provenance'; from provenance.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SHELL": f"/bin/{shell}"}
    r = subprocess.run([sys.executable, "-c", code, "--show-completion", shell], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "_PROVENANCE_COMPLETE" in r.stdout and "provenance" in r.stdout
