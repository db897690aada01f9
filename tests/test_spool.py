"""A large run keeps its file reports on disk (provenance/spool.py): the reports
must be the same bytes as a run held in memory, cross-file findings included."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.discover import Source
from provenance.pipeline import Pipeline
from provenance.report import FileReport

ARTICLES = [
    "Hamas commander Ahmed Ghandour was killed, the group said.\n\nThe ministry, on Sunday, that the crossing would reopen.\n",
    "Officials said Ahmed Ghandour had been targeted. They described it as a \"grave violation\".\n",
    "The group said Ahmad Ghandour led its northern brigade.\n\nThe confusion and confusion continued yesterday, Friday.\n",
    "An empty line follows.\n\n\n",
    "Café owners in Beirut said prices rose by 30 percent — “again”.\n",
]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    paths = []
    for i, text in enumerate(ARTICLES * 3):
        p = tmp_path / f"a{i:02d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")  # a file that decodes oddly still gets a report
    paths.append(tmp_path / "bad.txt")
    return paths


def run(paths, monkeypatch, spill: int | None, jobs: int = 1, keep_text: bool = False):
    monkeypatch.setenv("PROVENANCE_SPILL_AFTER", str(spill) if spill is not None else "1000000")
    return Pipeline(Config()).run([Source(p.name, p) for p in paths], jobs=jobs, keep_text=keep_text)


def test_a_spilled_run_gives_the_same_json(corpus, monkeypatch):
    held = run(corpus, monkeypatch, None)
    spilled = run(corpus, monkeypatch, 0)
    assert spilled.files.spilled and not held.files.spilled
    assert "".join(spilled.iter_json()) == "".join(held.iter_json()) == held.to_json()
    assert "".join(spilled.iter_jsonl()) == "".join(held.iter_jsonl())
    assert spilled.summary() == held.summary() and spilled.max_severity_rank() == held.max_severity_rank()
    # the cross-file finding on a spilled file is merged back
    assert any(f.rule == "PV806" for _, f in spilled.all_findings())


def test_spill_part_way_and_in_parallel(corpus, monkeypatch):
    held = run(corpus, monkeypatch, None).to_json()
    assert run(corpus, monkeypatch, 4).to_json() == held
    assert run(corpus, monkeypatch, 0, jobs=2).to_json() == held


def test_text_and_sarif_renderers_read_the_spool(corpus, monkeypatch):
    from provenance.render.sarif import iter_render as sarif
    from provenance.render.text import render

    outputs = []
    for spill in (None, 0):
        report = run(corpus, monkeypatch, spill, keep_text=True)
        buffer = io.StringIO()
        render(report, buffer, report.texts)
        outputs.append((buffer.getvalue(), "".join(sarif(report))))
    assert outputs[0] == outputs[1]
    assert "a02.txt" in outputs[0][0] and "^" in outputs[0][0]  # excerpts come from the spooled texts


def test_file_report_round_trip(corpus, monkeypatch):
    report = run(corpus, monkeypatch, None)
    for f in report.files:
        assert FileReport.from_dict(f.to_dict()).to_dict() == f.to_dict()


def test_cli_report_is_the_same_spilled_or_not(corpus):
    import os

    outs = []
    for spill in ("0", "1000000"):
        env = {**os.environ, "PROVENANCE_SPILL_AFTER": spill, "PROVENANCE_NO_CACHE": "1"}
        r = subprocess.run([sys.executable, "-m", "provenance", "check", str(corpus[0].parent), "--fail-on", "never"], capture_output=True, text=True, env=env)
        assert r.returncode == 2 and "bad.txt" in r.stderr, r.stderr  # the bad file is named; the others are reported
        outs.append(r.stdout)
    assert outs[0] == outs[1] and "Found" in outs[0] and "could not be checked" in outs[0]


def test_suppression_on_a_spilled_run(corpus, monkeypatch):
    """Inline comments, per-file-ignores (here of the cross-file PV806) and the
    counts come out the same when the reports are on disk."""
    first, second = ARTICLES[2].split("\n\n")
    corpus[7].write_text(first + "\n\n<!-- provenance: ignore -->\n" + second, encoding="utf-8")

    def go(spill):
        monkeypatch.setenv("PROVENANCE_SPILL_AFTER", str(spill))
        config = Config()
        config.per_file_ignores = {"a02.txt": ["PV806"], "a12.txt": ["PV2"]}
        return Pipeline(config).run([Source(p.name, p) for p in corpus])

    held, spilled = go(1000000), go(0)
    assert spilled.to_json() == held.to_json()
    summary = held.summary()["suppressed"]
    assert summary["inline"] >= 1 and summary["per-file"] >= 1
    rules = {(fr.path, f.rule) for fr, f in held.all_findings()}
    assert ("a02.txt", "PV806") not in rules and ("a07.txt", "PV806") in rules  # a late finding, suppressed per file
    assert not any(path in ("a07.txt", "a12.txt") and rule.startswith("PV2") for path, rule in rules)


@pytest.mark.parametrize("args", [["--min-severity", "warning"], ["-f", "sarif", "--show-severity", "info"], ["-f", "github"]])
def test_cli_filters_and_formats_on_a_spilled_run(corpus, args):
    import os

    outs = []
    for spill in ("0", "1000000"):
        env = {**os.environ, "PROVENANCE_SPILL_AFTER": spill, "PROVENANCE_NO_CACHE": "1"}
        r = subprocess.run([sys.executable, "-m", "provenance", "check", str(corpus[0].parent), "--fail-on", "never", *args], capture_output=True, text=True, env=env)
        outs.append((r.returncode, r.stdout, r.stderr))
    assert outs[0] == outs[1] and outs[0][1]
