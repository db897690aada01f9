"""A file too large for one Document is checked in windows (provenance/windows.py):
every span stays exact in the file, and what one paragraph shows is found the
same as in a file checked whole."""

from __future__ import annotations

import json

import pytest

from provenance import windows
from provenance.config import Config
from provenance.discover import Source
from provenance.pipeline import Pipeline

PARAGRAPHS = [
    "The minister said on Sunday that the talks would resume yesterday, Friday, in Cairo.",
    "Officials said Ahmed Ghandour had been targeted. “We will respond,” the spokesman said.",
    "The delegation and the delegation met in Amman - in a statement - the ministry said.",
    "Prices rose by 30 percent, according to Reuters, which cited a source in the ministry.",
]


@pytest.fixture
def big(tmp_path):
    text = "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] + f" Item {i}." for i in range(400)) + "\n"
    p = tmp_path / "archive.txt"
    p.write_text(text, encoding="utf-8")
    return p, text


def run(path, monkeypatch, limit: int):
    monkeypatch.setattr(windows, "LIMIT", limit)
    monkeypatch.setattr(windows, "WINDOW", 4_000)
    return Pipeline(Config()).run([Source(path.name, path)])


def test_cuts_cover_the_text_at_line_starts():
    text = ("word " * 50 + "\n\n") * 200
    cuts = windows.cuts(text, 1_000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(text[s - 1] == "\n" for s, _ in cuts[1:])
    assert windows.cuts("x" * 5000, 1000)[0] == (0, 1000)  # no line break at all: cut where it must


def test_windowed_spans_are_exact_and_local_findings_match(big, monkeypatch):
    path, text = big
    whole = run(path, monkeypatch, 10**9)
    split = run(path, monkeypatch, 1_000)
    (w,), (s,) = list(whole.files), list(split.files)
    assert len(windows.cuts(text, 4_000)) > 5 and s.notes[0].startswith(f"{len(text):,} characters: checked in")
    for f in s.findings:
        assert text[f.start : f.end] == f.text
        line_start = text.rfind("\n", 0, f.start) + 1
        assert f.line == text.count("\n", 0, f.start) + 1 and f.column == f.start - line_start + 1
    for record in [*s.names, *s.attributions]:
        assert text[record["start"] : record["end"]] == record.get("text", text[record["start"] : record["end"]])
    local = {"PV210", "PV202", "PV121"}
    key = lambda r: sorted((f.rule, f.start, f.end, f.line) for f in r.findings if f.rule in local)  # noqa: E731
    assert key(s) == key(w) and key(s)
    assert s.words == w.words
    assert s.extra["sourcing"]["attributions"] == len(s.attributions)
    json.loads(split.to_json())  # a valid report


def test_a_large_file_through_the_cli_keeps_the_other_files(big, tmp_path, monkeypatch):
    path, _ = big
    other = tmp_path / "one.txt"
    other.write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    report = run(path, monkeypatch, 1_000)
    report2 = Pipeline(Config()).run([Source(path.name, path), Source(other.name, other)])
    assert [f.path for f in report2.files] == ["archive.txt", "one.txt"]
    assert any(f.rule == "PV210" for f in report2.files[1].findings)
    assert report.files[0].sha256 == report2.files[0].sha256
