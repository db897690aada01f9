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
    local = {"PV210", "PV202"}  # PV121 is one note per document: per window when windowed
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


def _streamed_and_in_memory(path, monkeypatch, shown=None):
    """The same run twice: records on disk (the default), and in memory (a run
    that keeps fingerprints cannot sift a file window by window)."""
    monkeypatch.setattr(windows, "LIMIT", 1_000)
    monkeypatch.setattr(windows, "WINDOW", 4_000)
    out = []
    for in_memory in (False, True):
        pipeline = Pipeline(Config())
        pipeline.shown = shown
        pipeline.keep_fingerprints = in_memory
        out.append((pipeline.run([Source(path.name, path)], keep_text=True), pipeline.hidden))
    return out


@pytest.mark.parametrize("shown", [None, {"error", "warning"}])
def test_records_on_disk_render_the_bytes_of_the_report_in_memory(tmp_path, monkeypatch, shown):
    from provenance.records import WindowedReport
    from provenance.render import sarif, text

    paragraphs = [PARAGRAPHS[i % len(PARAGRAPHS)] + f" Item {i}." for i in range(400)]
    for i in range(0, 400, 37):  # suppression comments in some windows: sifted there as in the whole file
        paragraphs[i] = "<!-- provenance: ignore PV210 -->\n" + paragraphs[i]
    path = tmp_path / "archive.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (disk, hidden_disk), (memory, hidden_memory) = _streamed_and_in_memory(path, monkeypatch, shown)
    assert isinstance(disk.files[0], WindowedReport) and not isinstance(memory.files[0], WindowedReport)
    assert disk.files[0].suppressed["inline"] > 0 and hidden_disk == hidden_memory and bool(hidden_disk) == (shown is not None)
    assert "".join(disk.iter_json()) == "".join(memory.iter_json()) == memory.to_json() == disk.to_json()
    assert "".join(disk.iter_jsonl()) == "".join(memory.iter_jsonl())
    assert "".join(sarif.iter_render(disk)) == "".join(sarif.iter_render(memory))
    assert "".join(text.iter_render(disk, disk.texts)) == "".join(text.iter_render(memory, memory.texts))
    assert disk.summary() == memory.summary() and disk.max_severity_rank() == memory.max_severity_rank()


def test_findings_added_later_are_merged_in_report_order(tmp_path):
    from provenance.records import Findings
    from provenance.report import Finding, encode_line
    from provenance.spool import _Disk

    def finding(start: int, rule: str = "PV210") -> Finding:
        return Finding(rule, "day-calque", "calque", "Grammar", "warning", "m", None, 1, start + 1, start, start + 3, "abc")

    stored = Findings(_Disk())
    stored.add_sorted([finding(0), finding(10)])
    stored.add_sorted([finding(20), finding(30)])
    stored.extend([finding(25), finding(10, "PV100"), finding(10)])
    expected = sorted([finding(0), finding(10), finding(20), finding(30), finding(25), finding(10, "PV100"), finding(10)], key=Finding.sort_key)
    assert list(stored) == expected and len(stored) == 7
    assert list(stored.lines()) == [encode_line(f.to_dict()) for f in expected]
    assert stored.tally[("warning", "calque", "PV210")] == 6


def test_a_parallel_run_checks_the_large_file_in_the_parent_with_the_same_bytes(big, tmp_path, monkeypatch):
    from provenance.records import WindowedReport
    from provenance.render import text

    path, _ = big
    monkeypatch.setattr(windows, "LIMIT", 1_000)
    monkeypatch.setattr(windows, "WINDOW", 4_000)
    sources = [Source(path.name, path)]
    for i in range(3):
        other = tmp_path / f"one{i}.txt"
        other.write_text(PARAGRAPHS[i] + "\n", encoding="utf-8")
        sources.append(Source(other.name, other))
    serial, parallel = (Pipeline(Config()).run(sources, jobs=jobs, keep_text=True) for jobs in (1, 2))
    assert isinstance(parallel.files[0], WindowedReport)  # its records on disk, not sent whole by a worker
    assert "".join(parallel.iter_json()) == "".join(serial.iter_json())
    assert "".join(text.iter_render(parallel, parallel.texts)) == "".join(text.iter_render(serial, serial.texts))


def test_a_run_spilled_to_disk_keeps_the_windowed_report_as_it_is(big, tmp_path, monkeypatch):
    from provenance.records import WindowedReport

    path, _ = big
    other = tmp_path / "one.txt"
    other.write_text(PARAGRAPHS[0] + "\n", encoding="utf-8")
    sources = [Source(other.name, other), Source(path.name, path)]
    monkeypatch.setattr(windows, "LIMIT", 1_000)
    monkeypatch.setattr(windows, "WINDOW", 4_000)
    held = Pipeline(Config()).run(sources)
    monkeypatch.setenv("PROVENANCE_SPILL_AFTER", "0")
    spilled = Pipeline(Config()).run(sources)
    assert spilled.files.spilled and isinstance(spilled.files[1], WindowedReport)
    assert "".join(spilled.iter_json()) == "".join(held.iter_json()) and "".join(spilled.iter_jsonl()) == "".join(held.iter_jsonl())


def test_a_link_resolved_in_a_later_window_points_at_an_attribution_of_that_window(big, monkeypatch):
    path, text = big
    (s,) = list(run(path, monkeypatch, 1_000).files)
    cuts = windows.cuts(text, 4_000)
    window_of = lambda offset: next(i for i, (a, b) in enumerate(cuts) if a <= offset < b)  # noqa: E731
    attributions = list(s.attributions)
    resolved = [(i, link["resolves_to"]) for i, a in enumerate(attributions) for link in a["chain"] if link["resolves_to"] is not None]
    assert any(window_of(attributions[i]["start"]) > 0 for i, _ in resolved)
    for i, target in resolved:
        # resolution does not reach across windows, so its target is an earlier attribution of the same window
        assert target < i and window_of(attributions[target]["start"]) == window_of(attributions[i]["start"])
