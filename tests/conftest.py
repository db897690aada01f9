"""Shared fixtures. Tests that need ../shared skip when it is absent (a
user's clone does not have it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)}")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def default_pipeline():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    return Pipeline(Config())


@pytest.fixture(scope="session")
def seed_report(default_pipeline, seed_paths):
    from provenance.discover import Source, display_path

    return default_pipeline.run([Source(display_path(p.relative_to(ROOT)), p) for p in seed_paths], keep_text=True)
