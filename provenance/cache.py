"""A small on-disk cache for parsed data files (rule packs, glossaries).

Parsing YAML costs more than checking an article, so what was parsed once is
kept under ``$XDG_CACHE_HOME/provenance/<namespace>/`` (``~/.cache`` by
default), keyed by a hash of the files' contents: an edited file is a new key,
never a stale hit. Writes are atomic; a missing, unreadable or unwritable
cache only costs time. ``PROVENANCE_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

from provenance import __version__


def cache_dir(namespace: str) -> Path | None:
    if os.environ.get("PROVENANCE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance" / namespace


def _path(namespace: str, key: str) -> Path | None:
    directory = cache_dir(namespace)
    return None if directory is None else directory / f"{key[:32]}-{__version__}.pickle"


def get(namespace: str, key: str) -> Any | None:
    path = _path(namespace, key)
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # missing, unreadable or from another layout: parse instead
        return None
    return value if stored_key == key else None


def put(namespace: str, key: str, value: Any) -> None:
    from provenance.fsutil import atomic_write

    path = _path(namespace, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only or full cache directory only costs time
