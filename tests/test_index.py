"""The article index: add, stats, remove, earliest lookup, check --index, bad input."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document
from provenance.index.migrate import unpack
from provenance.index.store import ArticleIndex
from provenance.reuse.settings import ReuseSettings

runner = CliRunner()
TRUCE = (
    "A truce previously prevailed between Hamas and Israel for a week from November 24 until December 1, 2023, "
    "during which a ceasefire took place, a prisoner exchange took place, and very limited humanitarian aid was "
    "brought into Gaza, with Qatari-Egyptian-American mediation."
)
NEW_ARTICLE = f"""Talks resume in Cairo

Egyptian mediators met both delegations again on Sunday, officials said, without giving details of the proposals.

{TRUCE}
"""


def pv(*args: str):
    return runner.invoke(app, [*args, "--isolated"], catch_exceptions=False)


@pytest.fixture()
def seed_index(tmp_path, seeds_dir):
    index = tmp_path / "index.db"
    out = pv("index", "add", str(seeds_dir), "--index-path", str(index))
    assert out.exit_code == 0, out.output
    return index


def _article(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_add_is_idempotent_and_stats_count(seed_index, seeds_dir):
    again = pv("index", "add", str(seeds_dir), "--index-path", str(seed_index))
    assert "0 added, 0 replaced, 5 unchanged" in again.stdout
    stats = json.loads(pv("index", "stats", "--index-path", str(seed_index), "--format", "json").stdout)
    assert stats["articles"] == 5 and stats["undated"] == 5 and stats["schema"] == 2
    assert stats["paragraphs"] > 50 and stats["keys"] > stats["paragraphs"]
    with sqlite3.connect(seed_index) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_check_index_names_the_seed_it_came_from(seed_index, tmp_path):
    new = _article(tmp_path, "new.txt", NEW_ARTICLE)
    out = pv("check", "--index", "--index-path", str(seed_index), str(new), "--fail-on", "never")
    assert out.exit_code == 0, out.output
    assert "PV951 this paragraph first ran in" in out.stdout and "000_cc24850338a37891.txt (line 31; verbatim)" in out.stdout
    report = json.loads(pv("check", "--index", "--index-path", str(seed_index), str(new), "--format", "json", "--fail-on", "never").stdout)
    (found,) = report["files"][0]["reuse"]
    text = new.read_text(encoding="utf-8")
    assert text[found["start"] : found["end"]] == found["text"] == TRUCE
    assert found["first"]["path"].endswith("000_cc24850338a37891.txt") and found["first"]["line"] == 31
    assert found["match"] == "verbatim" and found["label"] == "boilerplate" and found["indexed_copies"] == 3
    (finding,) = [f for f in report["files"][0]["findings"] if f["rule"] == "PV951"]
    assert finding["start"] == found["start"] and "000_cc24850338a37891.txt (line 31; verbatim)" in finding["message"]
    assert "index:schema2" in report["signature"]


def test_earliest_is_by_date_then_insertion(tmp_path):
    index = tmp_path / "i.db"
    body = f"Headline of the day\n\nA first paragraph that nobody else wrote, about the weather in the city.\n\n{TRUCE}\n"
    late = _article(tmp_path, "late.txt", "---\ndate: 2024-03-05\n---\n" + body.replace("weather", "traffic"))
    undated = _article(tmp_path, "undated.txt", body.replace("weather", "markets"))
    early = _article(tmp_path, "early.txt", "---\ndate: 2024-03-01\n---\n" + body)
    for path in (late, undated, early):  # the earliest date is indexed last
        assert pv("index", "add", str(path), "--index-path", str(index)).exit_code == 0
    store = ArticleIndex.open(index)
    try:
        doc = Document(f"Another title\n\n{TRUCE}\n", "query.txt")
        (found,) = store.lookup(doc, "query.txt", ReuseSettings())
        assert found["first"]["path"] == str(early) and found["first"]["date"] == "2024-03-01"
        # --date overrides front matter; without dates, the first indexed wins.
        index2 = tmp_path / "j.db"
        pv("index", "add", str(undated), "--index-path", str(index2))
        pv("index", "add", str(early), "--index-path", str(index2), "--date", "2030-01-01")
        store2 = ArticleIndex.open(index2)
        assert store2.lookup(doc, "query.txt", ReuseSettings())[0]["first"]["path"] == str(early)
        store2.close()
        index3 = tmp_path / "k.db"
        pv("index", "add", str(undated), "--index-path", str(index3))
        pv("index", "add", str(late), "--index-path", str(index3))
        store3 = ArticleIndex.open(index3)
        # late is dated, undated is not: dated articles come first.
        assert store3.lookup(doc, "query.txt", ReuseSettings())[0]["first"]["path"] == str(late)
        store3.close()
    finally:
        store.close()


def test_checked_article_is_not_its_own_source(seed_index, seeds_dir):
    seed = seeds_dir / "004_59207b13c45324ed.txt"
    store = ArticleIndex.open(seed_index)
    found = store.lookup(Document.from_path(seed), f"seeds/{seed.name}", ReuseSettings())
    store.close()
    assert [f["first"]["path"][-24:] for f in found] == ["000_cc24850338a37891.txt"]


def test_remove_and_replace(seed_index, seeds_dir, tmp_path):
    out = pv("index", "remove", str(seeds_dir / "000_cc24850338a37891.txt"), "--index-path", str(seed_index))
    assert out.exit_code == 0 and "1 removed" in out.stdout
    store = ArticleIndex.open(seed_index)
    (found,) = store.lookup(Document(f"Title line here\n\n{TRUCE}\n"), "q.txt", ReuseSettings())
    assert found["first"]["path"].endswith("001_454c9bb3e80f5ed7.txt")
    store.close()
    missing = pv("index", "remove", "seeds/000_cc24850338a37891.txt", "--index-path", str(seed_index))
    assert missing.exit_code == 2 and "not in the index" in missing.stderr
    # Same path, new text: the old version goes.
    path = _article(tmp_path, "a.txt", NEW_ARTICLE)
    pv("index", "add", str(path), "--index-path", str(seed_index))
    path.write_text(NEW_ARTICLE.replace("Sunday", "Monday"), encoding="utf-8")
    out = pv("index", "add", str(path), "--index-path", str(seed_index))
    assert "0 added, 1 replaced" in out.stdout
    stats = json.loads(pv("index", "stats", "--index-path", str(seed_index), "-f", "json").stdout)
    assert stats["articles"] == 5
    _assert_consistent(seed_index)


def _assert_consistent(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for article_id, first, count in conn.execute("SELECT id, first_passage, passages FROM articles"):
            rows = conn.execute("SELECT COUNT(*) FROM passages WHERE article = ?", (article_id,)).fetchone()[0]
            assert rows == count
            assert conn.execute("SELECT MIN(id) FROM passages WHERE article = ?", (article_id,)).fetchone()[0] in (first, None)
            keyed = conn.execute("SELECT COUNT(DISTINCT passage) FROM keys WHERE article = ?", (article_id,)).fetchone()[0]
            assert keyed == count
        orphans = conn.execute("SELECT COUNT(*) FROM passages WHERE article NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert orphans == 0
        stray = conn.execute("SELECT COUNT(*) FROM keys WHERE article NOT IN (SELECT id FROM articles)").fetchone()[0]
        assert stray == 0


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"this is not a database at all" * 100, "not a usable provenance index"),
        (b"", "not a provenance index"),
    ],
)
def test_corrupt_index_is_a_one_line_error(tmp_path, content, reason):
    index = tmp_path / "index.db"
    index.write_bytes(content)
    new = _article(tmp_path, "new.txt", NEW_ARTICLE)
    for args in (["check", "--index", "--index-path", str(index), str(new)], ["index", "stats", "--index-path", str(index)], ["index", "add", str(new), "--index-path", str(index)]):
        out = pv(*args)
        assert out.exit_code == 2, args
        assert reason in out.stderr and out.stderr.count("\n") == 1, out.stderr
        assert "Traceback" not in out.output


def test_missing_index(tmp_path):
    new = _article(tmp_path, "new.txt", NEW_ARTICLE)
    out = pv("check", "--index", "--index-path", str(tmp_path / "none.db"), str(new))
    assert out.exit_code == 2 and "no index here" in out.stderr


def test_other_sqlite_file_is_not_an_index(tmp_path):
    index = tmp_path / "other.db"
    with sqlite3.connect(index) as conn:
        conn.execute("CREATE TABLE t (x)")
    out = pv("index", "stats", "--index-path", str(index))
    assert out.exit_code == 2 and "not a provenance index" in out.stderr


def test_locked_index(seed_index, tmp_path, monkeypatch):
    (tmp_path / "provenance.toml").write_text('[index]\ntimeout = 0.2\n', encoding="utf-8")
    new = _article(tmp_path, "new.txt", NEW_ARTICLE)
    holder = sqlite3.connect(seed_index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        monkeypatch.chdir(tmp_path)
        out = runner.invoke(app, ["index", "add", str(new), "--index-path", str(seed_index)])
        assert out.exit_code == 2
        assert "locked by another writer" in out.stderr and out.stderr.count("\n") == 1
        # Readers are not blocked by the writer (WAL).
        read = runner.invoke(app, ["check", "--index", "--index-path", str(seed_index), str(new), "--fail-on", "never", "--isolated"])
        assert read.exit_code == 0 and "PV951" in read.stdout
    finally:
        holder.execute("ROLLBACK")
        holder.close()


KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from provenance.document import Document
    from provenance.index.store import ArticleIndex

    class PausingConnection:
        '''The real connection; pauses inside the write transaction, once the keys are sent.'''
        def __init__(self, conn):
            self.conn = conn
        def __getattr__(self, name):
            return getattr(self.conn, name)
        def executemany(self, sql, rows):
            result = self.conn.executemany(sql, rows)
            if "INTO keys" in sql:
                print("IN TRANSACTION", flush=True)
                time.sleep(60)
            return result

    index = ArticleIndex.open(Path(sys.argv[1]), write=True)
    index.conn = PausingConnection(index.conn)
    docs = [(str(p), Document.from_path(p), None) for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
    index.add(docs)
    """
)


def test_killed_writer_leaves_no_half_written_articles(seed_index, tmp_path):
    more = tmp_path / "more"
    more.mkdir()
    for i in range(3):
        _article(more, f"m{i}.txt", NEW_ARTICLE.replace("Sunday", f"day {i}"))
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(seed_index), str(more)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "IN TRANSACTION"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stats = json.loads(pv("index", "stats", "--index-path", str(seed_index), "-f", "json").stdout)
    assert stats["articles"] == 5  # the killed batch left nothing behind
    _assert_consistent(seed_index)
    out = pv("index", "add", str(more), "--index-path", str(seed_index))
    assert out.exit_code == 0 and "3 added" in out.stdout
    _assert_consistent(seed_index)


def test_bad_date_flag(tmp_path, seeds_dir):
    out = pv("index", "add", str(seeds_dir), "--index-path", str(tmp_path / "i.db"), "--date", "March 5")
    assert out.exit_code == 2 and "not a date" in out.stderr


def test_index_path_from_config(tmp_path, seeds_dir, monkeypatch):
    (tmp_path / "provenance.toml").write_text('[index]\npath = "store/articles.db"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = runner.invoke(app, ["index", "add", str(seeds_dir)])
    assert out.exit_code == 0, out.output
    assert (tmp_path / "store" / "articles.db").is_file()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "provenance.toml").write_text('[index]\nplace = "x"\n', encoding="utf-8")
    monkeypatch.chdir(bad)
    out = runner.invoke(app, ["index", "stats"])
    assert out.exit_code == 2 and "unknown key 'place'" in out.stderr


def test_front_matter_date_is_read():
    from provenance.index.dates import front_matter_date

    doc = Document("---\ndate: 2024-03-05\ntitle: Talks\n---\nTalks resume\n\nThe talks resumed on Sunday in Cairo.\n")
    assert doc.segments[0].kind == "front-matter"
    assert str(front_matter_date(doc)) == "2024-03-05"


def test_add_stores_names_and_attributions(tmp_path):
    from provenance.config import Config
    from provenance.index.annotate import LayerAnnotator
    from provenance.pipeline import Pipeline

    annotate = LayerAnnotator(Pipeline(Config()))
    assert annotate.names == {"names", "attributions"}
    index = ArticleIndex.open(tmp_path / "i.db", write=True)
    index.add([("new.txt", Document(NEW_ARTICLE, "new.txt"), None)], annotate=annotate)
    index.close()
    with sqlite3.connect(tmp_path / "i.db") as conn:
        names, attributions = conn.execute("SELECT names, attributions FROM articles").fetchone()
    assert isinstance(names, bytes) and isinstance(attributions, bytes)  # zlib-compressed JSON (schema 2)
    names, attributions = unpack(names), unpack(attributions)
    cairo = next(n for n in names if n["text"] == "Cairo")
    assert NEW_ARTICLE[cairo["start"] : cairo["end"]] == "Cairo" and cairo["type"] == "place"
    said = next(a for a in attributions if a["cue"]["text"] == "said")
    assert said["chain"][0]["text"] == "officials" and said["chain"][0]["kind"] == "anonymous"


@pytest.mark.slow
def test_ten_concurrent_first_writers_leave_one_valid_index(tmp_path, seeds_dir):
    """Ten `index add` started together onto an index that does not exist yet:
    all succeed and the index holds every article once (the schema is built
    under a creation lock; the others wait and open it)."""
    import json as _json
    import subprocess
    import sys

    from tests.conftest import ROOT

    index = tmp_path / "idx" / "index.db"
    articles = sorted(seeds_dir.glob("*.txt"))
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "PROVENANCE_NO_CACHE": "1"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "provenance", "index", "add", str(articles[i % len(articles)]), "--index-path", str(index), "-q", "--isolated"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        for i in range(10)
    ]
    results = [(p.wait(timeout=180), p.stderr.read().decode()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert all(code == 0 for code, _ in results), results
    assert all("Traceback" not in err for _, err in results)
    stats = subprocess.run(
        [sys.executable, "-m", "provenance", "index", "stats", "--index-path", str(index), "-f", "json", "--isolated"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert stats.returncode == 0, stats.stderr
    assert _json.loads(stats.stdout)["articles"] == min(10, len(articles))


def test_schema_1_index_is_read_as_it_is_and_migrated_by_a_writer(tmp_path):
    """An index written before annotations were compressed (schema 1: JSON text)."""
    from provenance.config import Config
    from provenance.index.annotate import LayerAnnotator
    from provenance.pipeline import Pipeline

    path = tmp_path / "old.db"
    index = ArticleIndex.open(path, write=True)
    index.add([("new.txt", Document(NEW_ARTICLE, "new.txt"), None)], annotate=LayerAnnotator(Pipeline(Config())))
    index.close()
    with sqlite3.connect(path) as conn:  # back to schema 1: annotations as JSON text
        conn.execute("UPDATE articles SET names = ?, attributions = ?", tuple(json.dumps(unpack(v)) for v in conn.execute("SELECT names, attributions FROM articles").fetchone()))
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    reader = ArticleIndex.open(path)
    assert reader.meta["schema"] == "1"
    probe = Document(NEW_ARTICLE.replace("Sunday", "Monday"), "probe.txt")
    assert reader.lookup(probe, "probe.txt", ReuseSettings())  # lookups need no migration
    reader.close()
    ArticleIndex.open(path, write=True).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == "2"
        names, attributions = conn.execute("SELECT names, attributions FROM articles").fetchone()
    assert isinstance(names, bytes) and any(n["text"] == "Cairo" for n in unpack(names))
    assert unpack(attributions)
