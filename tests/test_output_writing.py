"""Writing reports and glossaries: atomic for regular files, written through for
devices and FIFOs (never replaced), symbolic links followed to their target."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from provenance.fsutil import atomic_write, write_target
from tests.conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]


def _run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "provenance", *args], capture_output=True, text=True, timeout=60, **kw)


def test_regular_file_is_replaced_atomically_and_keeps_its_mode(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_symlink_is_followed_and_stays_a_link(tmp_path):
    shared = tmp_path / "shared" / "glossary.yaml"
    shared.parent.mkdir()
    shared.write_text("old")
    link = tmp_path / "mine.yaml"
    link.symlink_to(Path("shared") / "glossary.yaml")  # relative, as people make them
    atomic_write(link, "new")
    assert link.is_symlink()
    assert shared.read_text() == "new"
    assert not list(tmp_path.glob(".mine.yaml.*"))


def test_a_chain_of_links_and_a_dangling_link(tmp_path):
    final = tmp_path / "final.txt"
    (tmp_path / "b").symlink_to(final)  # dangling: the write creates its target
    (tmp_path / "a").symlink_to(tmp_path / "b")
    atomic_write(tmp_path / "a", "x")
    assert final.read_text() == "x"
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_a_symlink_loop_is_an_error_not_a_replacement(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(OSError):
        atomic_write(tmp_path / "a", "x")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, "x")


def test_a_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, "through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_a_character_device_is_written_through_not_replaced(tmp_path):
    # a private copy of /dev/null's device node: a regression replaces this one, not the machine's
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
    atomic_write(node, "discarded")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert not list(tmp_path.glob(".null.*"))


def test_a_link_to_an_open_descriptor_is_written_not_renamed(tmp_path):
    # like /dev/stdout -> /proc/self/fd/1, but a private link: a regression replaces
    # this one, not the machine's /dev/stdout
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    out = tmp_path / "captured.txt"
    with out.open("w") as fh:
        proc = subprocess.run(
            [sys.executable, "-m", "provenance", "check", str(SEED), "--format", "json", "-o", str(link), "--fail-on", "never"],
            stdout=fh, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert out.read_text().lstrip().startswith("{")  # the report reached the file the shell opened
    assert write_target("/dev/stdout")[1] is True


def test_check_output_through_a_symlink_updates_the_target(tmp_path):
    real = tmp_path / "reports" / "seed.json"
    real.parent.mkdir()
    real.write_text("")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    proc = _run("check", str(SEED), "--format", "json", "-o", str(link), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert real.read_text().startswith("{")


def test_check_output_into_a_directory_is_a_one_line_error(tmp_path):
    proc = _run("check", str(SEED), "-o", str(tmp_path), "--fail-on", "never")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "cannot write" in proc.stderr


def test_glossary_add_through_a_symlink_edits_the_shared_file(tmp_path):
    shared = tmp_path / "desk" / "people.yaml"
    shared.parent.mkdir()
    shared.write_text("# the desk's people\nentries:\n  - id: john-doe\n    type: person\n    canonical: John Doe\n", encoding="utf-8")
    link = tmp_path / "people.yaml"
    link.symlink_to(shared)
    proc = _run("glossary", "add", "jane-roe", "--file", str(link), "--type", "person", "--canonical", "Jane Roe", "--isolated")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    text = shared.read_text(encoding="utf-8")
    assert "Jane Roe" in text and "John Doe" in text and text.startswith("# the desk's people")
