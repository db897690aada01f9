"""The Dask engine of `provenance reuse` on a real LocalCluster (two worker
processes): the same report as the local engine, and the complete report
when a worker dies in the middle of the job."""

from __future__ import annotations

import os
import signal
import threading
import time

from provenance.reuse.distributed import run_reuse_dask
from provenance.reuse.settings import ReuseSettings
from tests.conftest import shared_path
from tests.reuse_corpora import local, seed_items, shape, write_ntrex, write_planted


def test_seeds_same_report_as_local(dask_client, seed_paths):
    items = seed_items(seed_paths)
    remote = run_reuse_dask(items, ReuseSettings(), dask_client, articles_per_partition=2)
    assert remote == local(items)  # the whole report, byte for byte once serialized


def test_ntrex_same_groups_as_local(dask_client, tmp_path):
    shared_path("data", "ntrex")
    items = write_ntrex(tmp_path / "ntrex")
    remote = run_reuse_dask(items, ReuseSettings(), dask_client, articles_per_partition=16)
    assert shape(remote) == shape(local(items))


def test_generated_archive_same_groups_as_local(dask_client, tmp_path):
    items, planted = write_planted(tmp_path / "planted", 240)
    # cap 8 puts the background paragraphs (in about 24 articles each) through the representative path
    remote = run_reuse_dask(items, ReuseSettings(), dask_client, articles_per_partition=30, cap=8)
    mine = local(items, cap=8)
    assert shape(remote) == shape(mine)
    assert remote["boilerplate"] and remote["pairs"]


def test_unreadable_file_is_left_out_like_local(dask_client, seed_paths, tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02 not text")
    items = seed_items(seed_paths[:2]) + [("binary.txt", str(bad))] + seed_items(seed_paths[2:])
    errors: list = []
    remote = run_reuse_dask(items, ReuseSettings(), dask_client, errors=errors, articles_per_partition=2)
    assert [e[0] for e in errors] == ["binary.txt"]
    assert remote == local(seed_items(seed_paths))


def test_zz_killed_worker_still_gives_the_complete_report(dask_client, tmp_path):
    """Runs last in this module: it kills a worker process (the nanny starts a new one)."""
    items, _ = write_planted(tmp_path / "planted", 200, seed=3)
    expected = shape(local(items))
    out: dict = {}

    def job():
        out["result"] = run_reuse_dask(items, ReuseSettings(), dask_client, articles_per_partition=5)

    thread = threading.Thread(target=job)
    thread.start()

    def done_tasks(dask_scheduler=None):
        return sum(1 for ts in dask_scheduler.tasks.values() if ts.state == "memory")

    deadline = time.monotonic() + 120
    while dask_client.run_on_scheduler(done_tasks) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    victim = sorted(dask_client.scheduler_info()["workers"])[0]
    pid = dask_client.run(os.getpid, workers=[victim])[victim]
    assert thread.is_alive(), "the job ended before a worker could be killed"
    os.kill(pid, signal.SIGKILL)  # the worker process, mid-job; its nanny starts another
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert shape(out["result"]) == expected
    dask_client.wait_for_workers(2, timeout=60)
