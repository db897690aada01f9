"""The result cache of `check`: an unchanged article is not checked again, and
the report is byte-identical with and without it (cross-file findings and
parallel runs included); an edit, another configuration or --no-cache checks
it again; entries are JSON."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.pipeline import Pipeline
from tests.conftest import SEEDS

runner = CliRunner()
# three articles of our own: one unlisted name spelled two ways across them (PV806)
ARTICLES = {
    "a.txt": "Talks resumed in Cairo.\n\nThe envoy Kamal Abdelrahim Zubeidat said the talks would resume on Monday. Kamal Abdelrahim Zubeidat met the minister.\n",
    "b.txt": "Talks stalled in Doha.\n\nThe envoy Kamal Abdulrahim Zubeidat said little on Tuesday. Kamal Abdulrahim Zubeidat left.\n",
    "c.txt": "Another day.\n\nKamal Abdelrahim Zubeidat spoke again on Wednesday. The court heard charges of genocide. Collective.\n",
}


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    return home


@pytest.fixture
def analyzed(monkeypatch):
    """The display paths Pipeline.analyze was called for (in this process)."""
    calls: list[str] = []
    real = Pipeline.analyze

    def counting(self, doc, display=None):
        calls.append(display or doc.path)
        return real(self, doc, display)

    monkeypatch.setattr(Pipeline, "analyze", counting)
    return calls


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def check(*args) -> str:
    result = runner.invoke(app, ["check", *map(str, args), "--fail-on", "never", "--no-progress"])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["json", "text", "html", "sarif"])
def test_seeds_byte_identical_with_and_without_the_cache(cache_home, analyzed, tmp_path, fmt):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    fresh = check(seeds, "--format", fmt, "--no-cache")
    first = check(seeds, "--format", fmt)  # fills the cache
    analyzed.clear()
    second = check(seeds, "--format", fmt)
    assert analyzed == []  # nothing checked again
    assert fresh == first == second


def test_cross_file_findings_survive_the_cache(cache_home, analyzed, articles):
    fresh = check(articles, "--format", "json", "--no-cache")
    assert fresh.count('"PV806"') >= 1 and "names_across_files" in fresh
    check(articles, "--format", "json")
    analyzed.clear()
    assert check(articles, "--format", "json") == fresh
    assert analyzed == []


def test_parallel_run_uses_the_cache_and_gives_the_same_report(cache_home, articles):
    fresh = check(articles, "--format", "json", "--no-cache")
    assert check(articles, "--format", "json", "-j", "2") == fresh  # fills it from the workers
    entries = list((cache_home / "provenance" / "results").glob("*.json"))
    assert len(entries) == len(ARTICLES)
    assert check(articles, "--format", "json", "-j", "2") == fresh  # served by the parent
    # the HTML page needs the texts too: served from the cache in a parallel run as well
    assert check(articles, "--format", "html", "-j", "2") == check(articles, "--format", "html", "--no-cache")


def test_an_edited_article_is_checked_again(cache_home, analyzed, articles):
    check(articles, "--format", "json")
    (articles / "b.txt").write_text(ARTICLES["b.txt"] + "\nThe court heard charges of genocide. Collective.\n", encoding="utf-8")
    analyzed.clear()
    out = json.loads(check(articles, "--format", "json"))
    assert [p.rsplit("/", 1)[-1] for p in analyzed] == ["b.txt"]
    b = next(f for f in out["files"] if f["path"].endswith("b.txt"))
    assert any(x["rule"] == "PV101" for x in b["findings"])


def test_another_configuration_is_not_served_from_the_cache(cache_home, analyzed, articles):
    check(articles, "--format", "json")
    analyzed.clear()
    out = json.loads(check(articles, "--format", "json", "--ignore", "PV101"))
    assert len(analyzed) == len(ARTICLES)
    assert not any(x["rule"] == "PV101" for f in out["files"] for x in f["findings"])


def test_no_cache_checks_every_file(cache_home, analyzed, articles):
    check(articles, "--format", "json")
    analyzed.clear()
    check(articles, "--format", "json", "--no-cache")
    assert len(analyzed) == len(ARTICLES)


def test_entries_are_plain_json_and_a_corrupt_one_is_a_miss(cache_home, analyzed, articles):
    fresh = check(articles, "--format", "json")
    entries = sorted((cache_home / "provenance" / "results").glob("*.json"))
    assert len(entries) == len(ARTICLES)
    for path in entries:
        json.loads(path.read_text(encoding="utf-8"))
    entries[0].write_bytes(b"\x80\x04not json")
    analyzed.clear()
    assert check(articles, "--format", "json") == fresh
    assert len(analyzed) == 1


def test_the_least_recently_used_entries_are_pruned(cache_home, analyzed, articles, monkeypatch):
    from provenance import results_cache

    check(articles, "--format", "json")
    entries = sorted((cache_home / "provenance" / "results").glob("*.json"))
    assert len(entries) == len(ARTICLES)
    stale = entries[0]
    os.utime(stale, ns=(10**15, 10**15))  # long unused
    monkeypatch.setattr(results_cache, "MAX_ENTRIES", 3)
    (articles / "d.txt").write_text("A fourth article of our own, about the harbour.\n", encoding="utf-8")
    check(articles / "d.txt", "--format", "json")  # a fourth entry: over the limit of 3
    left = sorted((cache_home / "provenance" / "results").glob("*.json"))
    assert len(left) == 2  # pruned to 0.8 * 3 entries, the least recently used first
    assert stale not in left and len(set(left) - set(entries)) == 1  # d.txt's new entry stays


def test_off_when_the_reuse_layer_runs(cache_home):
    from provenance.config import Config
    from provenance.results_cache import ResultCache

    pipeline = Pipeline(Config())
    assert ResultCache.for_pipeline(pipeline) is not None

    class Reuse:
        name = "reuse"

    pipeline.analyzers = [*pipeline.analyzers, Reuse()]
    assert ResultCache.for_pipeline(pipeline) is None


def test_off_with_provenance_no_cache(cache_home, monkeypatch):
    from provenance.config import Config
    from provenance.results_cache import ResultCache

    monkeypatch.setenv("PROVENANCE_NO_CACHE", "1")
    assert ResultCache.for_pipeline(Pipeline(Config())) is None
