"""`check` streams: JSON and SARIF written in pieces are the same bytes as the
whole report rendered at once; --format jsonl gives one object a file and a
summary line; cross-file findings (PV806) survive dropping the Documents."""

from __future__ import annotations

import json

from provenance.config import Config
from provenance.discover import discover
from provenance.pipeline import DocumentSummary, Pipeline
from provenance.render.sarif import iter_render, render
from provenance.report import Report
from tests.conftest import SEEDS

from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


def _report(paths, jobs: int = 1) -> Report:
    sources, _ = discover([str(p) for p in paths], ["*.txt"], [])
    return Pipeline(Config()).run(sources, jobs=jobs)


def _spelled_two_ways(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    c = tmp_path / "c.txt"
    a.write_text("Karim Haddadin met the envoy on Monday.\n\nKarim Haddadin said the talks went well.\n", encoding="utf-8")
    b.write_text("Karim Haddadin spoke to reporters.\n", encoding="utf-8")
    c.write_text("Kareem Haddadin arrived in the capital on Tuesday.\n", encoding="utf-8")
    return [a, b, c]


def test_pieces_are_the_same_bytes():
    report = _report([SEEDS])
    assert "".join(report.iter_json()) == report.to_json()
    assert "".join(iter_render(report)) == render(report)
    empty = Report(signature="s", rules=[])
    assert "".join(empty.iter_json()) == empty.to_json()
    assert "".join(iter_render(empty)) == render(empty)


def test_jsonl_one_object_a_file_and_a_summary(tmp_path):
    report = _report([SEEDS])
    lines = list(report.iter_jsonl())
    objects = [json.loads(line) for line in lines]
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in lines)
    assert [o["file"] for o in objects[:-1]] == json.loads(report.to_json())["files"]
    assert objects[-1]["summary"] == report.summary() and objects[-1]["signature"] == report.signature
    out = runner.invoke(app, ["check", str(SEEDS), "-f", "jsonl", "--isolated", "--fail-on", "never"])
    assert out.exit_code == 0 and out.stdout == "".join(lines)


def test_cross_file_findings_survive_dropping_the_documents(tmp_path):
    paths = _spelled_two_ways(tmp_path)
    serial, parallel = _report(paths), _report(paths, jobs=2)
    assert serial.to_json() == parallel.to_json()
    codes = [f.rule for f in serial.files[2].findings]
    assert "PV806" in codes, codes


def test_summary_keeps_only_the_spans_it_needs():
    from provenance.document import Document
    from provenance.names.analyzer import NamesAnalyzer
    from provenance.pipeline import summarize

    pipeline = Pipeline(Config())
    doc = Document("Karim Haddadin met the envoy.\nKarim Haddadin left.\n", "x.txt")
    pipeline.analyze(doc, "x.txt")
    kept = summarize(doc, [a for a in pipeline.analyzers if isinstance(a, NamesAnalyzer)])
    assert isinstance(kept, DocumentSummary)
    for m in kept.annotations["names"]:
        assert kept.text[m.start : m.end] == m.text and kept.line_col(m.start) == doc.line_col(m.start)
    assert len(kept.text) == len(doc.text)
