"""The Parquet index on the local engine: the same lookups as the SQLite index,
appends that write new files only, replacements, unfinished batches, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("pyarrow")

from provenance.cli import app  # noqa: E402
from provenance.document import Document  # noqa: E402
from provenance.index.columnar import posting, unpost  # noqa: E402
from provenance.index.store import ArticleIndex  # noqa: E402
from provenance.reuse.settings import ReuseSettings  # noqa: E402

runner = CliRunner()
PARAGRAPH = (
    "Mediators from two neighbouring countries carried a revised proposal to both delegations on Sunday evening, "
    "officials familiar with the talks said, adding that a reply was expected within days."
)


def pv(*args: str):
    return runner.invoke(app, [*args, "--isolated"], catch_exceptions=False)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def _findings(index: Path, *paths: str) -> list[dict]:
    out = pv("check", *paths, "--index-path", str(index), "--format", "json", "--fail-on", "never", "-q")
    assert out.exit_code == 0, out.output
    return [f for f in json.loads(out.stdout)["files"]]


def test_posting_packs_in_sqlite_order():
    assert unpost(posting(738_000, 12_345, 17)) == (738_000, 12_345, 17)
    assert posting(10_000_000, 1, 0) > posting(738_000, 2**26, 4095) > posting(738_000, 5, 9) > posting(738_000, 5, 8)


def test_same_lookups_as_sqlite_and_appends_write_new_files(tmp_path, seeds_dir):
    sqlite, parquet = tmp_path / "i.db", tmp_path / "i.parquet"
    for args in (["--index-path", str(sqlite)], ["--index-path", str(parquet), "--index-format", "parquet"]):
        assert pv("index", "add", str(seeds_dir), *args).exit_code == 0
    later = _write(tmp_path / "day2", "a.txt", f"Talks go on\n\n{PARAGRAPH}\n")
    before = {p: p.stat().st_mtime_ns for p in parquet.rglob("*.parquet")}
    for args in (["--index-path", str(sqlite)], ["--index-path", str(parquet)]):
        out = pv("index", "add", str(later.parent), *args, "--date", "2024-05-02")
        assert out.exit_code == 0 and "1 added" in out.stdout, out.output
    assert {p: p.stat().st_mtime_ns for p in before} == before  # nothing rewritten
    assert len(list((parquet / "batches").glob("*.json"))) == 2
    probe = _write(tmp_path / "probe", "p.txt", f"New talks\n\n{PARAGRAPH.replace('Sunday', 'Monday')}\n\n" + (seeds_dir / "000_cc24850338a37891.txt").read_text(encoding="utf-8"))
    from_sqlite, from_parquet = _findings(sqlite, str(probe)), _findings(parquet, str(probe))
    assert from_sqlite == from_parquet
    assert any(r["first"]["path"].endswith("day2/a.txt") and r["first"]["date"] == "2024-05-02" for r in from_parquet[0]["reuse"])
    again = pv("index", "add", str(seeds_dir), "--index-path", str(parquet))
    assert "0 added, 0 replaced, 5 unchanged" in again.stdout
    stats = json.loads(pv("index", "stats", "--index-path", str(parquet), "-f", "json").stdout)
    assert stats["articles"] == 6 and stats["buckets"] == 8


def test_a_path_indexed_again_with_another_text_is_replaced(tmp_path):
    parquet, sqlite = tmp_path / "i.parquet", tmp_path / "i.db"
    folder = tmp_path / "a"
    _write(folder, "x.txt", f"First\n\n{PARAGRAPH}\n")
    for args in (["--index-path", str(parquet), "--index-format", "parquet"], ["--index-path", str(sqlite)]):
        assert pv("index", "add", str(folder), *args).exit_code == 0
    other = "Negotiators in the capital said the next round would start only after the holiday, without naming a date."
    _write(folder, "x.txt", f"Second\n\n{other}\n")
    for index in (parquet, sqlite):
        out = pv("index", "add", str(folder), "--index-path", str(index))
        assert "0 added, 1 replaced" in out.stdout, out.output
    probe = _write(tmp_path / "p", "p.txt", f"Probe\n\n{PARAGRAPH}\n\n{other}\n")
    from_parquet = _findings(parquet, str(probe))
    assert from_parquet == _findings(sqlite, str(probe))
    assert [r["text"] for r in from_parquet[0]["reuse"]] == [other]  # the old text is gone


def test_an_unfinished_batch_is_never_read(tmp_path, seeds_dir):
    parquet = tmp_path / "i.parquet"
    assert pv("index", "add", str(seeds_dir), "--index-path", str(parquet), "--index-format", "parquet").exit_code == 0
    (batch,) = (parquet / "batches").glob("*.json")
    batch.unlink()  # as if the writer had been killed before its last step
    reader = ArticleIndex.open(parquet)
    doc = Document.from_path(seeds_dir / "000_cc24850338a37891.txt")
    assert reader.articles() == 0 and reader.lookup(doc, "x.txt", ReuseSettings()) == []
    out = pv("index", "add", str(seeds_dir), "--index-path", str(parquet))
    assert "5 added" in out.stdout


def test_bad_parquet_input_is_one_line(tmp_path, seeds_dir):
    (tmp_path / "i.parquet").mkdir()
    (tmp_path / "i.parquet" / "meta.json").write_text("{not json", encoding="utf-8")
    out = pv("check", str(seeds_dir), "--index-path", str(tmp_path / "i.parquet"))
    assert out.exit_code == 2 and "not a usable Parquet index" in out.output and "Traceback" not in out.output
    out = pv("index", "add", str(seeds_dir), "--index-path", str(tmp_path / "new"), "--index-format", "arrow")
    assert out.exit_code == 2 and "--index-format must be one of sqlite, parquet" in out.output
    out = pv("index", "remove", "x.txt", "--index-path", str(tmp_path / "i.parquet"))
    assert out.exit_code == 2


def test_many_batches_and_other_buckets_give_the_same_lookups(tmp_path, seeds_dir):
    """An add cut into batches of two articles (several sorted files per bucket, merged at lookup)."""
    config = tmp_path / "provenance.toml"
    config.write_text("[tool.provenance.index]\nbatch-articles = 2\nbuckets = 4\n", encoding="utf-8")
    parquet, sqlite = tmp_path / "i.parquet", tmp_path / "i.db"
    out = runner.invoke(app, ["index", "add", str(seeds_dir), "--index-path", str(parquet), "--index-format", "parquet", "--config", str(config)])
    assert out.exit_code == 0 and "5 added" in out.stdout, out.output
    assert len(list((parquet / "batches").glob("*.json"))) == 3 and len(list((parquet / "keys").iterdir())) == 4
    assert pv("index", "add", str(seeds_dir), "--index-path", str(sqlite)).exit_code == 0
    probe = _write(tmp_path / "p", "p.txt", (seeds_dir / "002_9c8e519b6a91c22e.txt").read_text(encoding="utf-8").replace("Sunday", "Monday"))
    assert _findings(parquet, str(probe)) == _findings(sqlite, str(probe))


def test_compaction_merges_key_files_and_keeps_the_lookups(tmp_path, seeds_dir):
    config = tmp_path / "provenance.toml"
    config.write_text("[tool.provenance.index]\nbatch-articles = 2\nbuckets = 4\n", encoding="utf-8")
    parquet, sqlite = tmp_path / "i.parquet", tmp_path / "i.db"
    runner.invoke(app, ["index", "add", str(seeds_dir), "--index-path", str(parquet), "--index-format", "parquet", "--config", str(config)])
    assert pv("index", "add", str(seeds_dir), "--index-path", str(sqlite)).exit_code == 0
    probe = _write(tmp_path / "p", "p.txt", (seeds_dir / "002_9c8e519b6a91c22e.txt").read_text(encoding="utf-8").replace("Sunday", "Monday"))
    out = pv("index", "compact", "--index-path", str(parquet))
    assert out.exit_code == 0 and "12 key files merged into 4" in out.stdout, out.output
    assert len(list((parquet / "keys").rglob("*.parquet"))) == 4
    assert _findings(parquet, str(probe)) == _findings(sqlite, str(probe))
    later = _write(tmp_path / "day2", "a.txt", f"Talks go on\n\n{PARAGRAPH}\n")
    for index in (parquet, sqlite):
        assert pv("index", "add", str(later.parent), "--index-path", str(index)).exit_code == 0
    probe2 = _write(tmp_path / "p2", "p.txt", f"Probe\n\n{PARAGRAPH}\n")
    assert _findings(parquet, str(probe2)) == _findings(sqlite, str(probe2))
    assert pv("index", "compact", "--index-path", str(sqlite)).exit_code == 2


def test_remove_writes_a_tombstone_and_lookups_leave_the_article_out(tmp_path, seeds_dir):
    parquet, sqlite = tmp_path / "i.parquet", tmp_path / "i.db"
    for args in (["--index-path", str(parquet), "--index-format", "parquet"], ["--index-path", str(sqlite)]):
        assert pv("index", "add", str(seeds_dir), *args).exit_code == 0
    day2 = _write(tmp_path / "day2", "a.txt", f"Talks go on\n\n{PARAGRAPH}\n")
    for index in (parquet, sqlite):
        assert pv("index", "add", str(day2.parent), "--index-path", str(index), "--date", "2024-05-02").exit_code == 0
    gone = seeds_dir / "002_9c8e519b6a91c22e.txt"
    probe = _write(tmp_path / "p", "p.txt", gone.read_text(encoding="utf-8").replace("Sunday", "Monday") + f"\n{PARAGRAPH}\n")
    assert any(r["first"]["path"] == str(gone) for r in _findings(parquet, str(probe))[0]["reuse"])
    before = {p: p.stat().st_mtime_ns for p in parquet.rglob("*") if p.is_file() and ".lock" not in p.name}
    for index in (parquet, sqlite):
        out = pv("index", "remove", str(gone), str(day2.parent), "--index-path", str(index))
        assert out.exit_code == 0 and "2 removed" in out.stdout, out.output
    assert {p: p.stat().st_mtime_ns for p in before} == before  # append-only: one new tombstone file
    (tombstone,) = set(p for p in parquet.rglob("*") if p.is_file() and ".lock" not in p.name) - set(before)
    assert json.loads(tombstone.read_text(encoding="utf-8"))["removed"] and tombstone.parent.name == "batches"
    from_parquet = _findings(parquet, str(probe))
    assert from_parquet == _findings(sqlite, str(probe))
    assert not any(r["first"]["path"] in (str(gone), str(day2)) for r in from_parquet[0]["reuse"])
    stats = json.loads(pv("index", "stats", "--index-path", str(parquet), "-f", "json").stdout)
    assert stats["articles"] == 4
    keys_before = stats["keys"]
    out = pv("index", "remove", str(gone), "--index-path", str(parquet))
    assert out.exit_code == 2 and "not in the index" in out.output and "0 removed" in out.stdout
    # compaction drops the removed articles' key rows; the lookups stay the same
    assert pv("index", "compact", "--index-path", str(parquet)).exit_code == 0
    assert json.loads(pv("index", "stats", "--index-path", str(parquet), "-f", "json").stdout)["keys"] < keys_before
    assert _findings(parquet, str(probe)) == from_parquet
    import pyarrow.parquet as pq  # ... and rewrites the article files that held them, without them

    stored = [p for f in (parquet / "articles").glob("*-p*.parquet") for p in pq.read_table(f, columns=["path"]).column("path").to_pylist()]
    assert len(stored) == 4 and str(gone) not in stored and str(day2) not in stored
    # a removed text indexed again is an addition, found again
    for index in (parquet, sqlite):
        out = pv("index", "add", str(seeds_dir), "--index-path", str(index))
        assert "1 added, 0 replaced, 4 unchanged" in out.stdout, out.output
    assert _findings(parquet, str(probe)) == _findings(sqlite, str(probe))
    assert any(r["first"]["path"] == str(gone) for r in _findings(parquet, str(probe))[0]["reuse"])
    # a second removal and compaction rewrites the already rewritten files again
    other = seeds_dir / "000_cc24850338a37891.txt"
    for index in (parquet, sqlite):
        assert pv("index", "remove", str(other), "--index-path", str(index)).exit_code == 0
    assert pv("index", "compact", "--index-path", str(parquet)).exit_code == 0
    assert pv("index", "compact", "--index-path", str(parquet)).exit_code == 0  # nothing new: nothing changes
    assert _findings(parquet, str(probe)) == _findings(sqlite, str(probe))
    stored = [p for f in (parquet / "articles").glob("*-p*.parquet") for p in pq.read_table(f, columns=["path"]).column("path").to_pylist()]
    assert sorted(stored) == sorted(str(p) for p in seeds_dir.glob("*.txt") if p != other)


def test_key_files_are_read_through_their_sidecars_and_without_them(tmp_path, seeds_dir):
    """The memory-mapped reading (sidecar beside each key file, one identity
    file per batch) and the reading of an index an older version wrote (no
    sidecars, no identity files) give the SQLite index's findings."""
    import numpy as np
    import pyarrow.parquet as pq

    from provenance.index.columnar_keys import KeyFile, sidecar_of

    config = tmp_path / "provenance.toml"
    config.write_text("[tool.provenance.index]\nbatch-articles = 2\nbuckets = 2\n", encoding="utf-8")
    parquet, sqlite = tmp_path / "i.parquet", tmp_path / "i.db"
    runner.invoke(app, ["index", "add", str(seeds_dir), "--index-path", str(parquet), "--index-format", "parquet", "--config", str(config)])
    assert pv("index", "add", str(seeds_dir), "--index-path", str(sqlite)).exit_code == 0
    key_files = sorted((parquet / "keys").rglob("*.parquet"))
    assert key_files and all(sidecar_of(f).is_file() for f in key_files)
    for f in key_files:  # every key's rows, found by binary search in the map, are pyarrow's rows
        table = pq.read_table(f)
        keys, posts = table.column("key").to_numpy(), table.column("posting").to_numpy()
        reader = KeyFile(f)
        probe = np.unique(np.r_[keys[::7], keys[-1], keys[0] - 1, keys[-1] + 1])
        for key, (lo, hi) in zip(probe.tolist(), reader.ranges(probe)):
            assert np.array_equal(reader.postings(lo, hi), posts[keys == key])
    probe = _write(tmp_path / "p", "p.txt", (seeds_dir / "002_9c8e519b6a91c22e.txt").read_text(encoding="utf-8").replace("Sunday", "Monday"))
    expected = _findings(sqlite, str(probe))
    assert expected[0]["reuse"] and _findings(parquet, str(probe)) == expected
    for f in key_files:
        sidecar_of(f).unlink()
    for batch in (parquet / "batches").glob("*.json"):
        data = json.loads(batch.read_text(encoding="utf-8"))
        (parquet / data.pop("identities")).unlink()
        batch.write_text(json.dumps(data), encoding="utf-8")
    assert _findings(parquet, str(probe)) == expected
    assert pv("index", "compact", "--index-path", str(parquet)).exit_code == 0
    assert all(sidecar_of(f).is_file() for f in (parquet / "keys").rglob("*.parquet"))
    assert json.loads((parquet / "compacted.json").read_text(encoding="utf-8"))["identities"]
    assert _findings(parquet, str(probe)) == expected


def test_a_key_file_of_compressed_pages_is_read_through_pyarrow(tmp_path):
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from provenance.index.columnar_keys import KeyFile, layout_of

    rng = np.random.default_rng(3)
    keys = np.sort(rng.integers(-50, 50, 3000)).astype(np.int64)
    posts = np.arange(3000, dtype=np.int64)
    path = tmp_path / "k.parquet"
    pq.write_table(pa.table({"key": keys, "posting": posts}), path, row_group_size=100, compression="zstd")
    assert layout_of(path) is None
    reader = KeyFile(path)
    wanted = np.array([-51, -50, 0, 7, 49, 50], np.int64)
    for key, (lo, hi) in zip(wanted.tolist(), reader.ranges(wanted)):
        assert np.array_equal(reader.postings(lo, hi), posts[keys == key])
