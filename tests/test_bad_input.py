"""Bad input never produces a traceback: a one-line reason on stderr, the
other files still checked, and an exit code that says what happened."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

GOOD = "The court heard charges of genocide. Collective.\n"


def check(*args, stdin: bytes | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "check", *map(str, args), "--format", "json"],
        capture_output=True, input=stdin, cwd=ROOT, timeout=600,
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode()
    return proc.returncode, json.loads(proc.stdout) if proc.stdout.strip() else None, proc.stderr.decode()


def entries(report):
    return {f["path"].rsplit("/", 1)[-1]: f for f in report["files"]}


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    return path


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("utf16-no-bom.txt", "no byte order mark".encode("utf-16-le"), "binary"),
        ("broken-bom.txt", b"\xef\xbb\xbfgood start \xc3\x28 then broken", "UTF-8"),
    ],
)
def test_unreadable_content_is_reported_and_others_checked(tmp_path, good, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    code, report, err = check(bad, good)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and name in err and reason in err
    files = entries(report)
    assert files[name]["error"]
    assert files["good.txt"]["findings"][0]["rule"] == "PV101"


def test_empty_and_blank_files_are_checked_with_a_note(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n  \n\t\n")
    code, report, err = check(tmp_path)
    assert code == 0
    assert "empty file" in err
    assert all(f["findings"] == [] and f["words"] == 0 for f in report["files"])


def test_missing_file(good):
    code, report, err = check(good.parent / "missing.txt", good)
    assert code == 2 and "missing.txt: no such file or directory" in err
    assert len(report["files"]) == 1


def test_directory_without_text_files(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code, report, err = check(tmp_path)
    assert code == 2 and "no text files" in err


def test_unreadable_file(tmp_path, good):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    locked.chmod(0)
    code, report, err = check(locked, good)
    assert code == 2 and "permission denied" in err


def test_crlf_offsets_and_columns(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph here.\r\n\r\nThe court heard charges of genocide. Collective.\r\n")
    code, report, _ = check(path)
    finding = report["files"][0]["findings"][0]
    text = path.read_bytes().decode()
    assert text[finding["start"] : finding["end"]] == finding["text"] == "genocide. Collective."
    assert (finding["line"], finding["column"]) == (3, 28)


def test_zero_width_and_bidi_characters(tmp_path):
    path = tmp_path / "bidi.txt"
    path.write_text("The spokes\u200bman said the talks\u200f would resume on Monday in Cairo.\n")
    code, report, _ = check(path)
    found = [f for f in report["files"][0]["findings"] if f["rule"] == "PV510"]
    assert [f["text"] for f in found] == ["\u200b", "\u200f"]
    assert "RIGHT-TO-LEFT MARK" in found[1]["message"]


def test_windows_1256_file_says_it_was_detected(tmp_path):
    path = tmp_path / "cp1256.txt"
    text = "The statement quoted him in Arabic: قال المتحدث إن المفاوضات مستمرة في القاهرة ولم تتوقف.\n"
    path.write_bytes(text.encode("cp1256"))
    code, report, err = check(path)
    f = report["files"][0]
    assert f["encoding_detected"] is True and f["encoding"]
    assert "detected" in err
    found = [x for x in f["findings"] if x["rule"] == "PV501"]
    assert found and path.read_bytes().decode(f["encoding"])[found[0]["start"] : found[0]["end"]] == found[0]["text"]


def test_one_megabyte_line(tmp_path):
    sentence = "Officials said the talks in Cairo would resume on Monday after a pause. "
    path = tmp_path / "long-line.txt"
    path.write_text(sentence * (1_000_000 // len(sentence)) + "\n")
    code, report, _ = check(path)
    assert code in (0, 1) and report["files"][0]["words"] > 150_000


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path):
    from benchmarks.corpus import generate

    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as fh:
        for text in generate(megabytes=50):
            fh.write(text + "\n")
    # statistics, not the JSON report: that is about seven times the article's size
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "check", str(path), "--statistics", "--quiet"],
        capture_output=True, cwd=ROOT, timeout=900, text=True,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1  # the corpus carries the seeds' split modifiers (errors)
    counts = {line.split()[1]: int(line.split()[0]) for line in proc.stdout.splitlines() if line.strip()}
    assert counts["PV101"] > 1000 and counts["PV801"] > 1000 and counts["PV301"] > 1000
