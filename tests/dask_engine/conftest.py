"""A real Dask cluster for the tests of the Dask engine: a LocalCluster of two
worker processes with one thread each, started once per session. Skipped when
the 'dask' extra is not installed (``make test`` installs it)."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed")


@pytest.fixture(scope="session")
def dask_cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        yield cluster


@pytest.fixture(scope="session")
def dask_client(dask_cluster):
    from distributed import Client

    with Client(dask_cluster) as client:
        yield client
