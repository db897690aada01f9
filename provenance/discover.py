"""Which files a run checks: explicit files as given, directories walked for
text files (sorted, hidden and tool folders skipped), ``-`` for stdin."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

STDIN = "-"
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".provenance", ".tox", ".mypy_cache", ".pytest_cache"})


@dataclass(frozen=True)
class Source:
    #: Path as shown in reports: relative paths stay relative to the current directory.
    display: str
    path: Path | None  # None for stdin


@dataclass(frozen=True)
class DiscoveryProblem:
    display: str
    reason: str
    kind: str


def display_path(path: Path) -> str:
    s = os.path.normpath(str(path))
    return s.replace(os.sep, "/")


def discover(paths: list[str], include: list[str], exclude: list[str]) -> tuple[list[Source], list[DiscoveryProblem]]:
    sources: list[Source] = []
    problems: list[DiscoveryProblem] = []
    seen: set[str] = set()

    def add(src: Source) -> None:
        key = str(src.path.resolve()) if src.path is not None else STDIN
        if key not in seen:
            seen.add(key)
            sources.append(src)

    for raw in paths:
        if raw == STDIN:
            add(Source("<stdin>", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = list(_walk(path, include, exclude))
            if not found:
                problems.append(DiscoveryProblem(display_path(path), f"no text files ({', '.join(include)}) in this directory", "empty-directory"))
            for f in found:
                add(Source(display_path(f), f))
        elif path.exists() or path.is_symlink():
            add(Source(display_path(path), path))
        else:
            problems.append(DiscoveryProblem(display_path(path), "no such file or directory", "missing"))
    return sources, problems


def _walk(root: Path, include: list[str], exclude: list[str]):
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = sorted(
            d for d in dirnames if d not in SKIP_DIRS and not d.startswith(".") and not _excluded(os.path.join(rel_dir, d), exclude)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if any(fnmatch.fnmatch(name, pat) for pat in include) and not _excluded(rel, exclude):
                yield Path(dirpath) / name


def _excluded(rel: str, exclude: list[str]) -> bool:
    rel = os.path.normpath(rel).replace(os.sep, "/")
    return any(fnmatch.fnmatch(rel, pat.rstrip("/")) or fnmatch.fnmatch(os.path.basename(rel), pat.rstrip("/")) for pat in exclude)
