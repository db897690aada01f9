"""The progress bar: on stderr only when it is a terminal (here a real pty),
never in the report on stdout, off with --no-progress."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
import threading

import pytest

from provenance import progress
from tests.conftest import ROOT, SEEDS


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_shown_only_on_a_terminal_when_enabled_and_long_enough():
    assert progress.wanted(True, 5, _Stream(True))
    assert not progress.wanted(True, 5, _Stream(False))
    assert not progress.wanted(False, 5, _Stream(True))
    assert not progress.wanted(True, 1, _Stream(True))


def test_bar_draws_on_a_terminal_and_counts():
    stream = _Stream(True)
    with progress.progress("checking", 3, stream=stream) as advance:
        assert advance is not None
        for _ in progress.ticking(range(3), advance):
            pass
    assert "checking" in stream.getvalue()
    quiet = _Stream(False)
    with progress.progress("checking", 3, stream=quiet) as advance:
        assert advance is None
        assert list(progress.ticking(range(3), advance)) == [0, 1, 2]
    assert quiet.getvalue() == ""


def run_on_a_terminal(*args: str, cwd=ROOT) -> tuple[subprocess.CompletedProcess, str]:
    """The command with stderr on a pseudo-terminal and stdout on a pipe: (result, what the terminal got)."""
    master, slave = pty.openpty()
    env = dict(os.environ, PROVENANCE_NO_CACHE="1", COLUMNS="100", TERM="xterm")
    got: list[bytes] = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            got.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        result = subprocess.run([sys.executable, "-m", "provenance", *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL, timeout=120)
    finally:
        os.close(slave)
        reader.join(timeout=10)
        os.close(master)
    return result, b"".join(got).decode("utf-8", "replace")


def test_check_bar_on_the_terminal_report_untouched_on_stdout():
    plain = subprocess.run([sys.executable, "-m", "provenance", "check", "seeds", "--format", "json", "--fail-on", "never"], cwd=ROOT,
                           env=dict(os.environ, PROVENANCE_NO_CACHE="1"), capture_output=True, timeout=120)
    result, terminal = run_on_a_terminal("check", "seeds", "--format", "json", "--fail-on", "never")
    assert result.returncode == 0
    assert "checking" in terminal
    assert result.stdout == plain.stdout  # not a byte of the bar in the JSON
    result, terminal = run_on_a_terminal("check", "seeds", "--format", "json", "--fail-on", "never", "--no-progress")
    assert result.stdout == plain.stdout and terminal == ""


@pytest.mark.parametrize(
    "args, label",
    [
        (("reuse", "seeds", "--format", "json"), "reading"),
        (("glossary", "suggest", "seeds"), "reading"),
    ],
)
def test_other_long_commands(args, label):
    result, terminal = run_on_a_terminal(*args)
    assert result.returncode == 0, terminal
    assert label in terminal
    again, quiet = run_on_a_terminal(*args, "--no-progress")
    assert quiet == "" and again.stdout == result.stdout


def test_index_add(tmp_path):
    db = tmp_path / "index.db"
    result, terminal = run_on_a_terminal("index", "add", str(SEEDS), "--index-path", str(db), "--isolated")
    assert result.returncode == 0, terminal
    assert "indexing" in terminal and b"5 added" in result.stdout
    again, quiet = run_on_a_terminal("index", "add", str(SEEDS), "--index-path", str(db), "--isolated", "--no-progress")
    assert quiet == "" and b"5 unchanged" in again.stdout
