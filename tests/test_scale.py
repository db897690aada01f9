"""Inputs that used to take minutes: dense attribution text, large glossaries
and TBX files, deep nesting. Each runs in its own process with a timeout (a
hang or a quadratic step fails it); nothing here asserts a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

TIMEOUT = 240


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PROVENANCE_NO_CACHE": "1", "PYTHONPATH": str(ROOT), "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "provenance", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT)


def _dense(n: int) -> str:
    people = ["The official", "The minister", "A spokesman", "The aide"]
    return "".join(f"{people[i % 4]} said {people[(i + 1) % 4].lower()} said that {people[(i + 2) % 4].lower()} said it. " for i in range(n))


def test_dense_said_clauses_stop_at_the_density_bound(tmp_path):
    from provenance.attributions.article import budget

    (tmp_path / "dense.txt").write_text(_dense(3000), encoding="utf-8")
    r = run(["check", "--isolated", "--layers", "attributions", "-f", "json", "--fail-on", "never", "dense.txt"], tmp_path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)["files"][0]
    assert any("attributions: stopped at line 1" in n for n in report["notes"])
    count = len(report["attributions"])
    last = report["attributions"][-1]["start"]
    assert budget(0) <= count <= budget(last) + 3  # stopped near the bound, not at the end of the text
    text = (tmp_path / "dense.txt").read_text(encoding="utf-8")
    assert last < len(text) // 10


def test_news_density_is_below_the_bound():
    """A short article with an attribution in every sentence is analysed whole."""
    from provenance.attributions.article import build
    from provenance.document import Document

    text = " ".join(f"Officials said on day {i} that the talks would go on, and the mediator agreed." for i in range(30)) + "\n"
    result = build(Document(text, "news.txt"))
    assert result.truncated_at is None and len(result.attributions) >= 30


def _tbx(n: int, tmp_path: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from benchmarks.glossary_scale import synthetic_entries
    from provenance.names.tbx import export

    path = tmp_path / "big.tbx"
    path.write_text(export(synthetic_entries(n)), encoding="utf-8")
    return path


@pytest.mark.slow
def test_import_then_add_on_a_large_glossary(tmp_path):
    _tbx(3000, tmp_path)
    r = run(["glossary", "import", "big.tbx", "--file", "big.yaml", "--isolated"], tmp_path)
    assert r.returncode == 0 and "3000 entries added" in r.stderr, r.stderr
    r = run(["glossary", "add", "zz-new", "--canonical", "Zed Newman", "--type", "person", "--variant", "Z. Newman", "--file", "big.yaml", "--isolated"], tmp_path)
    assert r.returncode == 0, r.stderr
    from provenance.names.glossary import load

    g = load([tmp_path / "big.yaml"], default=False, use_cache=False)
    assert len(g.entries) == 3001 and g.by_id["zz-new"].variants[0].form == "Z. Newman"
    assert g.by_id["person-2999"].source_forms[0].lang == "ar"
    r = run(["glossary", "import", "big.tbx", "--file", "big.yaml", "--isolated"], tmp_path)  # all known: nothing added
    assert r.returncode == 0 and "0 entries added" in r.stderr, r.stderr


@pytest.mark.slow
def test_glossary_given_twice(tmp_path):
    _tbx(2000, tmp_path)
    assert run(["glossary", "import", "big.tbx", "--file", "big.yaml", "--isolated"], tmp_path).returncode == 0
    (tmp_path / "provenance.toml").write_text('glossaries = ["big.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The minister said on Monday that the talks would go on.\n", encoding="utf-8")
    same = run(["check", "a.txt", "--glossary", "big.yaml", "--fail-on", "never"], tmp_path)
    assert same.returncode == 0, same.stderr  # the same file named twice is read once
    (tmp_path / "copy.yaml").write_bytes((tmp_path / "big.yaml").read_bytes())
    copy = run(["check", "a.txt", "--glossary", "copy.yaml", "--fail-on", "never"], tmp_path)
    assert copy.returncode == 2 and "duplicate id 'person-0'" in copy.stderr and "and 1999 more" in copy.stderr
    assert copy.stderr.count("\n") == 1 and "Traceback" not in copy.stderr


def test_deeply_nested_tbx_is_not_a_recursion_error(tmp_path):
    depth = 100_000
    body = "<note>" * depth + "x" + "</note>" * depth
    tbx = (
        '<?xml version="1.0"?><tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
        f'<conceptEntry id="deep-one">{body}<langSec xml:lang="en"><termSec><term>Deep One</term></termSec></langSec></conceptEntry>'
        "</body></text></tbx>"
    )
    (tmp_path / "deep.tbx").write_text(tbx, encoding="utf-8")
    r = run(["glossary", "import", "deep.tbx", "--file", "g.yaml", "--isolated"], tmp_path)
    assert "Traceback" not in r.stderr and "RecursionError" not in r.stderr
    assert r.returncode in (0, 2) and r.stderr.count("\n") == 1, r.stderr


def test_appended_entries_match_the_round_trip_layout(tmp_path):
    """The text appended for new entries is what the round-trip dumper writes."""
    from provenance.names.glossary import load
    from provenance.names.store import Editor

    sys.path.insert(0, str(ROOT))
    from benchmarks.glossary_scale import synthetic_entries

    entries = list(load(use_cache=False).entries) + synthetic_entries(50)
    ed = Editor.open(tmp_path / "new.yaml", create=True, description=None)
    for e in entries:
        ed.add_entry(e)
    assert ed.dump() == ed.dump(round_trip=True)


_PEAK = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


@pytest.mark.slow
def test_one_50_mb_file_checks_under_1_gb(tmp_path):
    """One 50 MB file of generated articles, JSON to a file: peak RSS of the
    check (measured in its own process) under 1 GB, and the report complete."""
    from benchmarks.corpus import write

    write(tmp_path / "articles", megabytes=50)
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        for f in sorted((tmp_path / "articles").iterdir()):
            fh.write(f.read_text(encoding="utf-8") + "\n")
    out = tmp_path / "out.json"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    args = [sys.executable, "-m", "provenance", "check", str(big), "-f", "json", "-o", str(out), "--fail-on", "never", "--no-cache", "--isolated"]
    r = subprocess.run([sys.executable, "-c", _PEAK, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=3600)
    rc, kb = map(int, r.stdout.split())
    assert rc == 0, r.stderr
    assert kb < 1024 * 1024, f"peak RSS {kb / 1024:.0f} MB"
    with out.open("rb") as fh:  # the end of a complete report: its summary, counting every finding
        fh.seek(-20_000, 2)
        tail = fh.read().decode("utf-8", "replace")
    assert '"summary": {' in tail and tail.endswith("}\n")
    findings = int(tail.split('"summary": {', 1)[1].split('"findings": ', 1)[1].split(",", 1)[0])
    assert findings > 100_000
