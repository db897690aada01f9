"""The staged local engine of `provenance reuse`: the same report as the old
all-pairs detector (tests/reuse_oracle.py) where no bucket is giant, giant
buckets linked through representatives, planted-reuse recall, and where each
shared passage first ran."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

import provenance.reuse.stages as stages
from provenance.cli import app
from provenance.document import Document
from provenance.reuse.settings import ReuseSettings
from tests.conftest import ROOT, shared_path
from tests.reuse_corpora import local, seed_items, write_ntrex, write_planted
from tests.reuse_oracle import detect as oracle

KEYS = ("boilerplate", "pairs", "summary")


def _oracle(items):
    docs = [Document.from_path(p) for _, p in items]
    return oracle(docs, [d for d, _ in items], ReuseSettings())


def test_seeds_same_as_the_all_pairs_detector(seed_paths):
    items = seed_items(seed_paths)
    mine, old = local(items), _oracle(items)
    for key in KEYS:
        assert mine[key] == old[key]


def test_ntrex_same_as_the_all_pairs_detector(tmp_path):
    shared_path("data", "ntrex")
    items = write_ntrex(tmp_path / "ntrex")
    mine, old = local(items), _oracle(items)
    for key in KEYS:
        assert mine[key] == old[key]


def test_generated_archive_same_as_the_all_pairs_detector(tmp_path):
    items, _ = write_planted(tmp_path / "planted", 150, seed=5)
    mine, old = local(items), _oracle(items)
    assert mine["boilerplate"] and mine["pairs"]
    for key in KEYS:
        assert mine[key] == old[key]


def _groups(result):
    return sorted(sorted((x["path"], x["start"]) for x in g["locations"]) for g in result["boilerplate"])


def test_giant_buckets_are_linked_through_representatives(tmp_path, monkeypatch):
    items, _ = write_planted(tmp_path / "planted", 200, seed=2)
    counted = {"n": 0}
    verify = stages._verify

    def counting(*args, **kw):
        counted["n"] += 1
        return verify(*args, **kw)

    monkeypatch.setattr(stages, "_verify", counting)
    full = local(items)
    all_pairs = counted["n"]
    counted["n"] = 0
    capped = local(items, cap=4)  # the background paragraphs (about 7 articles each) make giant buckets now
    assert counted["n"] < all_pairs
    assert _groups(capped) == _groups(full)
    assert max(g["articles"] for g in capped["boilerplate"]) > 4


def test_planted_recall(tmp_path):
    from benchmarks.corpus import planted_recall

    items, planted = write_planted(tmp_path / "planted", 400, seed=11)
    result = local(items)
    recall, first_right = planted_recall(result, [d for d, _ in items], planted)
    assert len(planted) > 80
    assert recall >= 0.99
    assert first_right >= 0.99


def _write(path, text, mtime=None):
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return (path.name, str(path))


SHARED = "The delegation arrived in the capital late on the first evening of the talks, officials said."
SHARED_EDITED = "The delegation arrived in the capital late on the second evening of the talks, officials said."


def test_first_ran_front_matter_then_file_name_then_mtime(tmp_path):
    jan_2001 = 978_307_200
    items = [
        _write(tmp_path / "a-no-date.txt", f"Title one\n\n{SHARED}\n", mtime=jan_2001),
        _write(tmp_path / "b_2015-06-01.txt", f"Title two\n\n{SHARED_EDITED}\n", mtime=jan_2001 - 10**8),
        _write(tmp_path / "c.txt", f"---\ndate: 2019-03-04\n---\n\nTitle three\n\n{SHARED}\n"),
    ]
    result = local(items)
    dates = {f["path"]: (f["date"], f["date_source"]) for f in result["files"]}
    assert dates["a-no-date.txt"] == ("2001-01-01", "mtime")
    assert dates["b_2015-06-01.txt"] == ("2015-06-01", "file-name")  # the name wins over an older file time
    assert dates["c.txt"] == ("2019-03-04", "front-matter")
    (entry,) = [e for e in result["first_ran"] if e["label"] == "boilerplate"]
    chain = [entry["first"]["path"]] + [c["path"] for c in entry["copies"]]
    assert chain == ["a-no-date.txt", "b_2015-06-01.txt", "c.txt"]
    assert entry["copies"][0]["changes"] == [{"a": "first", "b": "second"}]
    assert entry["copies"][1]["changes"] == [{"a": "second", "b": "first"}]


def test_date_pattern_is_configurable(tmp_path):
    items = [_write(tmp_path / "x-20200102.txt", f"T\n\n{SHARED}\n"), _write(tmp_path / "y-20190101.txt", f"T\n\n{SHARED}\n")]
    plain = local(items)
    assert {f["date_source"] for f in plain["files"]} == {"mtime"}
    custom = local(items, ReuseSettings(date_pattern=r"(?P<year>\d{4})(?P<month>\d\d)(?P<day>\d\d)"))
    assert [f["date"] for f in custom["files"]] == ["2020-01-02", "2019-01-01"]
    assert custom["first_ran"][0]["first"]["path"] == "y-20190101.txt"


runner = CliRunner()


def test_bad_date_pattern_is_a_one_line_error(seeds_dir, tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.provenance.reuse]\ndate-pattern = "(?P<year>\\\\d{4})"\n', encoding="utf-8")
    out = runner.invoke(app, ["reuse", str(seeds_dir), "--config", str(config)])
    assert out.exit_code == 2
    assert out.stderr.count("\n") == 1 and "'date-pattern' needs the named groups" in out.stderr


def test_cli_json_has_first_ran(seeds_dir):
    out = runner.invoke(app, ["reuse", str(seeds_dir), "--format", "json", "--isolated"])
    data = json.loads(out.stdout)
    assert data["first_ran"] and all("first" in e and "copies" in e for e in data["first_ran"])
    text = runner.invoke(app, ["reuse", str(seeds_dir), "--isolated"]).stdout
    assert "First ran" in text


def test_reuse_does_not_import_dask():
    code = (
        "import sys; from typer.testing import CliRunner; from provenance.cli import app;"
        "r = CliRunner().invoke(app, ['reuse', 'seeds', '--isolated', '--format', 'json']);"
        "assert r.exit_code == 0, r.output; print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
