"""Running the CLI over hostile input: every run is a subprocess with a 10 s
timeout (a hang fails the test instead of blocking the suite), and every run
is checked for what must never happen (a traceback)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

TIMEOUT = 10  # seconds a case may take, hostile input included

# Two short articles of our own (a split modifier, PV101, in the first; an attribution in both).
GOOD = "The court heard charges of genocide. Collective.\n\nOfficials said the talks would resume on Monday.\n"
OTHER = "Officials said the talks would resume on Monday in Cairo, according to the ministry.\n\nThe court heard the charges.\n"


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [l for l in self.stderr.splitlines() if l.strip()]

    def json(self):
        return json.loads(self.stdout)

    def reason_for(self, needle: str) -> str:
        """The one stderr line that names ``needle`` (a path as shown)."""
        found = [l for l in self.lines if needle in l]
        assert len(found) == 1, f"expected one line naming {needle!r} on stderr, got {found!r} in:\n{self.stderr}"
        assert found[0].startswith("provenance: "), found[0]
        return found[0]


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ)
    e.pop("PROVENANCE_DEBUG", None)
    e.update({"PROVENANCE_NO_CACHE": "1", "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    e.pop("FORCE_COLOR", None)
    e.update(extra)
    return e


def run(*args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, preexec=None, extra_env=None, cwd=ROOT) -> Run:
    """``python -m provenance ARGS`` from the repository (so this checkout is imported)."""
    cmd = [sys.executable, "-m", "provenance", *map(os.fsdecode, args)]
    kwargs = {}
    if isinstance(stdin, bytes):
        kwargs["input"] = stdin
    else:
        kwargs["stdin"] = stdin
    proc = subprocess.run(
        cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=env(**(extra_env or {})),
        timeout=TIMEOUT, preexec_fn=preexec, **kwargs,
    )
    err = proc.stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in err, err
    assert "Exception ignored" not in err, err
    return Run(proc.returncode, proc.stdout or b"", err)


def python(code: str, *, extra_env=None) -> Run:
    """A Python snippet run like the CLI (a test seam: it may patch the library, then call main)."""
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=ROOT, env=env(**(extra_env or {})), timeout=TIMEOUT,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "backslashreplace"))


def decoded_text(raw: bytes, encoding: str) -> str:
    """The text a report's offsets index, rebuilt from the bytes and the reported
    encoding alone (UTF-8 with bad bytes: Python's "replace" handler)."""
    return raw.decode(encoding, "replace")


def assert_exact_offsets(report: dict, files: dict[str, Path]) -> int:
    """Every finding of every checked file: text[start:end] == finding text. Returns the number checked."""
    n = 0
    for f in report["files"]:
        if f.get("error"):
            continue
        path = files.get(f["path"])
        assert path is not None, f"unexpected file in report: {f['path']!r}"
        text = decoded_text(path.read_bytes(), f["encoding"])
        for finding in f["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["text"], finding
            n += 1
    return n


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def make_socket(path: Path) -> socket.socket | None:
    """A Unix socket file at ``path`` (None where the path is too long for one)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(os.fsencode(path))
    except OSError:
        s.close()
        return None
    return s


def close_stdin():
    os.close(0)


def close_stdout():
    os.close(1)
