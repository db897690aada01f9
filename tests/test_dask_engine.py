"""The Dask engine on a real LocalCluster (two worker processes, started by the
session fixture: nothing runs beforehand): the same check findings, shards and
index lookups as the local engine, and a killed worker mid-job still gives the
complete result."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from provenance.cli import app  # noqa: E402

from tests.conftest import ROOT, shared_path  # noqa: E402

runner = CliRunner()
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def scheduler():
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def pv(*args: str):
    return runner.invoke(app, [*args], catch_exceptions=False)


def _config(tmp_path: Path, size: int) -> str:
    path = tmp_path / f"engine-{size}.toml"
    path.write_text(f"[tool.provenance.engine]\npartition-size = {size}\n", encoding="utf-8")
    return str(path)


def _jsonl(*args: str) -> str:
    out = pv("check", *args, "--format", "jsonl", "--fail-on", "never", "-q")
    assert out.exit_code == 0, out.output
    return out.stdout


def _corpus(folder: Path, n: int, seed: int = 3) -> Path:
    from benchmarks.corpus import article

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(article(i, seed), encoding="utf-8")
    return folder


def _names_across_files(folder: Path) -> Path:
    """Four articles, one spelling a name the other way: PV806 from the cross-file pass."""
    folder.mkdir(parents=True, exist_ok=True)
    line = "The negotiator {} said on {} that the delegation would go back to {} next week for more talks."
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Talks in Cairo\n\n{line.format('Khalil Abdel Rahim Hamdan', 'Sunday', 'Cairo')}\n", encoding="utf-8")
    (folder / "b0.txt").write_text(f"Talks in Doha\n\n{line.format('Khaleel Abdel Raheem Hamdan', 'Monday', 'Doha')}\n", encoding="utf-8")
    return folder


def test_check_on_dask_equals_local_on_the_seeds(scheduler, seeds_dir, tmp_path):
    config = _config(tmp_path, 2)
    local = _jsonl(str(seeds_dir), "--config", config)
    assert _jsonl(str(seeds_dir), "--config", config, "--engine", "dask", "--scheduler", scheduler) == local


def test_cross_file_findings_and_shards_on_dask(scheduler, seeds_dir, tmp_path):
    folder = _names_across_files(tmp_path / "names")
    config = _config(tmp_path, 1)  # every file its own partition: PV806 crosses partitions
    local = _jsonl(str(folder), str(seeds_dir), "--config", config)
    assert '"rule": "PV806"' in local and "names_across_files" in local.splitlines()[-1]
    assert _jsonl(str(folder), str(seeds_dir), "--config", config, "--scheduler", scheduler) == local
    out = pv("check", str(folder), str(seeds_dir), "--config", config, "--scheduler", scheduler, "--shards", str(tmp_path / "shards"), "--fail-on", "never")
    assert out.exit_code == 0, out.output
    names = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert len(names) == 10 and names[-1] == "summary.json"
    assert "".join((tmp_path / "shards" / n).read_text(encoding="utf-8") for n in names) == local


def test_generated_corpus_and_index_lookups_on_dask(scheduler, tmp_path, seeds_dir):
    archive = _corpus(tmp_path / "archive", 40, seed=0)
    queries = _corpus(tmp_path / "queries", 12, seed=1)
    config = _config(tmp_path, 7)
    local = _jsonl(str(archive), "--config", config)
    assert _jsonl(str(archive), "--config", config, "--scheduler", scheduler) == local
    sqlite, parquet, parquet_local = tmp_path / "i.db", tmp_path / "i.parquet", tmp_path / "l.parquet"
    for args in (
        ["--index-path", str(sqlite)],
        ["--index-path", str(sqlite), "--scheduler", scheduler],  # the same texts again: nothing changes
        ["--index-path", str(parquet), "--index-format", "parquet", "--scheduler", scheduler],
        ["--index-path", str(parquet_local), "--index-format", "parquet"],
    ):
        out = pv("index", "add", str(seeds_dir), str(archive), "--config", config, *args)
        assert out.exit_code == 0, out.output
    again = pv("index", "add", str(archive), "--index-path", str(parquet), "--config", config, "--scheduler", scheduler)
    assert "0 added, 0 replaced, 40 unchanged" in again.stdout
    found = [_jsonl(str(queries), "--isolated", "--index-path", str(p)).splitlines()[:-1] for p in (sqlite, parquet, parquet_local)]
    assert found[0] == found[1] == found[2]
    assert sum(line.count('"rule": "PV951"') for line in found[0]) > 50


def test_check_on_dask_equals_local_on_ntrex(scheduler, tmp_path):
    source = shared_path("data", "ntrex", "newstest2019-src.eng.txt")
    ids = shared_path("data", "ntrex", "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[str]] = {}
    for doc_id, line in zip(ids, source.read_text(encoding="utf-8").splitlines()):
        docs.setdefault(doc_id.split("\t")[0], []).append(line)
    folder = tmp_path / "ntrex"
    folder.mkdir()
    for n, lines in enumerate(docs.values()):
        (folder / f"{n:04d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    config = _config(tmp_path, 25)
    local = _jsonl(str(folder), "--config", config, "--layers", "rules,names")
    assert _jsonl(str(folder), "--config", config, "--layers", "rules,names", "--scheduler", scheduler) == local


def test_a_killed_worker_mid_job_still_gives_the_complete_result(tmp_path):
    """Its own cluster: one worker process is killed (SIGKILL) while partitions run."""
    import logging

    from provenance.config import Config
    from provenance.discover import Source
    from provenance.engine import EngineSettings
    from provenance.engine.dask import DaskEngine
    from provenance.pipeline import Pipeline

    archive = _corpus(tmp_path / "archive", 60, seed=2)
    sources = [Source(str(p), p) for p in sorted(archive.glob("*.txt"))]
    pipeline = Pipeline(Config())
    expected = pipeline.run(sources).to_json()
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.CRITICAL)
    client = distributed.Client(cluster)
    try:
        engine = DaskEngine(EngineSettings("dask", cluster.scheduler_address, 2), client=client)
        pids = list(client.run(os.getpid).values())
        killed = threading.Event()

        def kill_one():
            while not any(ts.state == "memory" for ts in cluster.scheduler.tasks.values()):
                time.sleep(0.05)  # the job is under way: some partitions done, others running
            os.kill(pids[0], signal.SIGKILL)
            killed.set()

        killer = threading.Thread(target=kill_one, daemon=True)
        killer.start()
        report = pipeline.run(sources, engine=engine)
        killer.join(timeout=60)
        assert killed.is_set()
        assert report.to_json() == expected
        assert len(report.files) == 60
    finally:
        client.close()
        cluster.close()
