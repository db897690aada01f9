"""Which files a run checks: explicit files as given, directories walked for
text files (sorted, hidden and tool folders skipped), ``-`` for stdin."""

from __future__ import annotations

import fnmatch
import os
import stat
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
    """The path as reports show it: normalized, "/" separators, and any byte that is
    not UTF-8 shown as ``\\xNN`` (so every report can still be written)."""
    from provenance.termsafe import display_name

    s = os.path.normpath(str(path))
    return display_name(s.replace(os.sep, "/"))


def discover_for(config, paths: list[str], *, force_exclude: bool | None = None) -> tuple[list[Source], list[DiscoveryProblem]]:
    """``discover`` with a configuration's include/exclude: exclude patterns are read
    relative to the configuration file's folder (as in ruff), and files named
    explicitly are excluded too with ``force-exclude`` (so a pre-commit hook, which
    names every file, honours exclude)."""
    force = config.force_exclude if force_exclude is None else force_exclude
    base = config.base if config.source is not None else None
    return discover(paths, config.include, config.exclude, base=base, force_exclude=force)


def discover(paths: list[str], include: list[str], exclude: list[str], *, base: Path | None = None, force_exclude: bool = False) -> tuple[list[Source], list[DiscoveryProblem]]:
    """Sources for ``paths``. ``exclude`` patterns match a path relative to ``base``
    (the configuration's folder) when the file lies under it, else relative to the
    directory walked, and any file or folder name alone."""
    from provenance.safeio import stdin_usable

    base = Path(os.path.abspath(base)) if base is not None else None

    sources: list[Source] = []
    problems: list[DiscoveryProblem] = []
    seen: set[str] = set()

    def add(src: Source) -> None:
        key = os.path.realpath(src.path) if src.path is not None else STDIN
        if key not in seen:
            seen.add(key)
            sources.append(src)

    for raw in paths:
        if raw == STDIN:
            reason = stdin_usable()
            if reason is not None:
                problems.append(DiscoveryProblem("<stdin>", reason, "unreadable"))
            else:
                add(Source("<stdin>", None))
            continue
        path = Path(raw)
        try:
            st = os.stat(path)
        except (OSError, ValueError) as exc:
            if not isinstance(exc, FileNotFoundError) or os.path.islink(path):
                add(Source(display_path(path), path))  # reading it says why (a loop, permission…)
            else:
                problems.append(DiscoveryProblem(display_path(path), "no such file or directory", "missing"))
            continue
        if stat.S_ISDIR(st.st_mode):
            if force_exclude and exclude and _excluded(_relative(path, base, path), exclude):
                continue
            found, walk_problems = _walk(path, include, exclude, base)
            problems += walk_problems
            if not found and not walk_problems:
                problems.append(DiscoveryProblem(display_path(path), f"no text files ({', '.join(include)}) in this directory", "empty-directory"))
            for f in found:
                add(Source(display_path(f), f))
        elif force_exclude and exclude and _excluded(_relative(path, base, path.parent), exclude):
            continue  # named explicitly, excluded only with force-exclude (as in ruff)
        else:
            add(Source(display_path(path), path))  # a special file is refused when read, with its reason
    return sources, problems


def _relative(path: Path, base: Path | None, root: Path) -> str:
    """The path exclude patterns see: relative to ``base`` when under it, else to ``root``."""
    absolute = os.path.abspath(path)
    for anchor in (base, root):
        if anchor is None:
            continue
        rel = os.path.relpath(absolute, os.path.abspath(anchor))
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return rel
    return os.path.basename(absolute)


def _walk(root: Path, include: list[str], exclude: list[str], base: Path | None = None) -> tuple[list[Path], list[DiscoveryProblem]]:
    """Text files under ``root`` (sorted), following symlinked directories once:
    a directory already on the way down (by device and inode) is a loop,
    reported and not entered. Unreadable directories and matching names that are
    not regular files (FIFOs, sockets, devices, broken links) are reported, never opened."""
    from provenance.safeio import os_reason, refusal

    found: list[Path] = []
    problems: list[DiscoveryProblem] = []

    def visit(directory: Path, rel_dir: str) -> list[tuple[Path, str, tuple[int, int]]]:
        """Collect the files of one directory; return its subdirectories (sorted)."""
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            reason, _ = os_reason(exc)
            problems.append(DiscoveryProblem(display_path(directory), f"cannot read this directory: {reason}; skipped", "unreadable-directory"))
            return []
        subdirs = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            full = directory / name
            rel = _relative(full, base, root) if base is not None else os.path.normpath(os.path.join(rel_dir, name))
            try:
                st = entry.stat()  # follows a symlink
            except OSError as exc:
                if any(fnmatch.fnmatch(name, pat) for pat in include) and not _excluded(rel, exclude, ancestors=False):
                    reason, _ = os_reason(exc)
                    problems.append(DiscoveryProblem(display_path(full), f"{reason}; skipped", "unreadable"))
                continue
            if stat.S_ISDIR(st.st_mode):
                if name not in SKIP_DIRS and not _excluded(rel, exclude, ancestors=False):
                    subdirs.append((full, rel, (st.st_dev, st.st_ino)))
                continue
            if not any(fnmatch.fnmatch(name, pat) for pat in include) or _excluded(rel, exclude, ancestors=False):
                continue
            problem = refusal(full, st)
            if problem is not None and problem[1] == "special":
                problems.append(DiscoveryProblem(display_path(full), problem[0].split(";")[0] + "; skipped", "special"))
                continue
            found.append(full)  # too large: reading it says so, in the report
        return subdirs

    try:
        root_st = os.stat(root)
    except OSError as exc:
        reason, _ = os_reason(exc)
        problems.append(DiscoveryProblem(display_path(root), f"cannot read this directory: {reason}", "unreadable-directory"))
        return found, problems
    root_key = (root_st.st_dev, root_st.st_ino)
    visited = {root_key}
    # Depth first, in sorted order, without recursion (any depth of nesting); each
    # stack item carries the directories above it, so a link back up is named a loop,
    # while a directory reached a second time another way is just not walked again.
    stack = [(root, ".", (root_key,))]
    while stack:
        directory, rel_dir, above = stack.pop()
        subdirs = visit(directory, rel_dir)
        todo = []
        for full, rel, key in subdirs:
            if key in above:
                problems.append(DiscoveryProblem(display_path(full), "directory loop (a symlink back to a directory above it); not entered", "loop"))
            elif key not in visited:
                visited.add(key)
                todo.append((full, rel, above + (key,)))
        stack.extend(reversed(todo))
    return found, problems


def _excluded(rel: str, exclude: list[str], *, ancestors: bool = True) -> bool:
    """Whether a pattern matches the path or its name, or (``ancestors``) one of the
    folders above it, so an excluded folder also excludes a file under it named
    explicitly. A walk prunes excluded folders itself and looks at the leaf only, so
    a folder named on the command line is walked (as in ruff)."""
    parts = os.path.normpath(rel).replace(os.sep, "/").split("/")
    patterns = [pat.rstrip("/") for pat in exclude]
    for i in range(0 if ancestors else len(parts) - 1, len(parts)):
        prefix = "/".join(parts[: i + 1])
        if any(fnmatch.fnmatch(prefix, pat) or fnmatch.fnmatch(parts[i], pat) for pat in patterns):
            return True
    return False
