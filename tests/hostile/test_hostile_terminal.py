"""Terminal injection (issue 14): escape sequences and control characters from
article text, file names and glossaries are shown escaped in every text
output and error message, never sent raw; JSON keeps the exact text."""

from __future__ import annotations

import json
import os
import re

import pytest

from provenance.termsafe import display_name, one_line, printable
from tests.hostile._helpers import GOOD, OTHER, assert_exact_offsets, run, write

# Set the window title (OSC), clear the screen (CSI), ring the bell, return the
# carriage over what came before, reverse the text (bidi override), and a C1 CSI.
TITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J\x1b[H"
HOSTILE = f"Officials said{TITLE} the talks{CLEAR} would resume.\rHIDDEN \u202eREVERSED\u202c and \x9b31m red.\n"

#: What must never reach a terminal from untrusted text (no colour: NO_COLOR is set).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_clean(data: bytes | str) -> None:
    text = data.decode("utf-8", "backslashreplace") if isinstance(data, bytes) else data
    m = RAW.search(text)
    assert m is None, f"raw control character U+{ord(m.group()):04X} in output: {text[max(0, m.start() - 40) : m.end() + 40]!r}"


# -- the escaping itself ---------------------------------------------------------------------------------


def test_printable_escapes_controls_and_keeps_text():
    assert printable("plain “quoted” text, عربي\n\tok") == "plain “quoted” text, عربي\n\tok"
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("t\x07\x7f\x9b\r") == "t\\x07\\x7f\\x9b\\x0d"
    assert printable("x\u202ey\u2066") == "x\\u202ey\\u2066"
    assert one_line("two\nlines\ttab") == "two\\x0alines\\x09tab"
    assert display_name(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert printable(os.fsdecode(b"\xff")) == "\\xff"


# -- every text command ------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    hostile = write(d / "hostile.txt", HOSTILE + "\n" + GOOD)
    named = write(d / f"name{CLEAR}{TITLE}.txt", GOOD)  # the escape sequence is in the file name
    other = write(d / "other.txt", OTHER + "\n" + HOSTILE)
    return d, hostile, named, other


def test_check_text_output_is_escaped_and_carets_stay_under_the_span(files):
    d, hostile, named, other = files
    r = run("check", d)
    assert r.code == 1
    assert_clean(r.stdout)
    assert_clean(r.stderr)
    out = r.stdout.decode()
    assert "\\x1b]0;owned\\x07" in out and "name\\x1b[2J\\x1b[H\\x1b]0;owned\\x07.txt:1:" in out
    # an invisible-character finding (PV510) points at the escaped ESC: the carets sit under "\x1b"
    lines = out.splitlines()
    for i, line in enumerate(lines):
        if " PV510 " in line and lines[i + 2].startswith("1 |"):
            excerpt, carets = lines[i + 2], lines[i + 3]
            start = carets.index("^")
            assert excerpt[start:].startswith("\\x") or excerpt[start:].startswith("\\u"), (excerpt, carets)
            break
    else:
        raise AssertionError("no PV510 excerpt on line 1")


def test_check_json_keeps_the_exact_text(files):
    d, hostile, named, other = files
    r = run("check", "--format", "json", d)
    report = r.json()
    paths = {f["path"] for f in report["files"]}
    assert os.path.normpath(str(named)) in paths  # the exact name: JSON escapes it
    assert b"\x1b" not in r.stdout  # JSON escapes control characters (\u001b)
    assert assert_exact_offsets(report, {os.path.normpath(str(p)): p for p in (hostile, named, other)}) >= 3
    texts = [f["text"] for file in report["files"] for f in file["findings"]]
    assert any("\x1b" in t for t in texts)  # the exact text, escape included


def test_check_statistics_and_sarif(files):
    d, *_ = files
    r = run("check", "--statistics", d)
    assert_clean(r.stdout)
    r = run("check", "--format", "sarif", d)
    json.loads(r.stdout)
    assert b"\x1b" not in r.stdout


@pytest.mark.parametrize("command", [["attributions"], ["reuse"], ["glossary", "suggest", "--min-count", "1"]], ids=lambda c: c[0] if len(c) == 1 else c[1])
def test_file_commands_escape_text_and_names(files, command):
    d, hostile, named, other = files
    r = run(*command, d, hostile, other) if command[0] == "reuse" else run(*command, d)
    assert r.code in (0, 1), r.stderr
    assert_clean(r.stdout)
    assert_clean(r.stderr)
    if command[0] != "glossary":
        assert b"\\x1b" in r.stdout  # shown, escaped


def test_compare_escapes(files):
    d, hostile, named, other = files
    r = run("compare", named, other)
    assert r.code == 0, r.stderr
    assert_clean(r.stdout)
    assert_clean(r.stderr)
    assert b"name\\x1b[2J" in r.stdout


def test_names_match_escapes(tmp_path):
    r = run("names", "match", f"Mahmoud{CLEAR}", "Mahmud\x07")
    assert_clean(r.stdout)
    assert b"\\x1b[2J" in r.stdout
    pairs = write(tmp_path / "pairs.tsv", f"a\tb\nAhmad{TITLE}\tAhmed\n")
    r = run("names", "match", "--pairs", pairs)
    assert r.code == 0
    assert_clean(r.stdout)


def test_glossary_listings_escape(tmp_path):
    # ESC c resets the terminal (clears the screen); BEL rings; no "[": the glossary refuses patterns
    g = write(tmp_path / "g.yaml", "entries:\n  - id: planted\n    type: person\n    canonical: \"Plant\\ecEd Name\\a\"\n    variants:\n      - form: \"Plant\\eced\"\n        status: deprecated\n")
    for args in (["glossary", "list", "--glossary", g], ["glossary", "show", "planted", "--glossary", g]):
        r = run(*args)
        assert r.code == 0, r.stderr
        assert_clean(r.stdout)
        assert b"Plant\\x1bcEd Name\\x07" in r.stdout
    r = run("glossary", "list", "--glossary", g, "--format", "json")
    assert "Plant\x1bcEd Name\x07" in [e["canonical"] for e in json.loads(r.stdout)]  # JSON: the exact text


def test_error_messages_naming_a_file_are_escaped(tmp_path, files):
    d, hostile, named, other = files
    missing = tmp_path / f"gone{TITLE}.txt"
    for args in (["check", missing, hostile], ["compare", missing, hostile], ["reuse", missing, hostile], ["glossary", "import", missing, "--file", tmp_path / "g.yaml"]):
        r = run(*args)
        assert r.code == 2
        assert_clean(r.stderr)
        assert "gone\\x1b]0;owned\\x07.txt" in r.stderr
    bad = tmp_path / f"bin{CLEAR}.txt"
    bad.write_bytes(b"\x00\x01binary")
    r = run("check", bad, hostile)
    assert r.code == 2
    assert_clean(r.stderr)
    assert "bin\\x1b[2J\\x1b[H.txt: binary" in r.stderr


def test_output_file_keeps_escaping_in_text_and_exact_text_in_json(tmp_path, files):
    d, *_ = files
    out = tmp_path / "report.txt"
    run("check", d, "-o", out)
    assert_clean(out.read_text(encoding="utf-8"))
    out = tmp_path / "report.json"
    run("check", d, "--format", "json", "-o", out)
    assert json.loads(out.read_text(encoding="utf-8"))["files"]
