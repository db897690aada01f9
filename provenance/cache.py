"""A small on-disk cache for parsed data files (rule packs, glossaries, the
attributions lexicon).

Parsing YAML costs more than checking an article, so what was parsed once is
kept under ``$XDG_CACHE_HOME/provenance/<namespace>/`` (``~/.cache`` by
default; a relative ``XDG_CACHE_HOME`` is ignored, as the XDG spec says),
keyed by a hash of the files' contents: an edited file is a new key, never a
stale hit. ``PROVENANCE_NO_CACHE=1`` turns it off.

A cache directory is something other programs can write (CI systems restore
``~/.cache`` from archives other builds made), so nothing read from it can run
code: entries are JSON, and the only objects rebuilt from it are the plain
records registered here (named tuples and dataclasses of parsed data), built
from their fields. The cache is used only in a directory the user owns that
nobody else can write; otherwise it is off (``--verbose`` says why, once). A
missing, unreadable, corrupt or unwritable cache only costs time.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any, Callable

from provenance import __version__

#: Bump when the encoding below changes: old entries are then never read.
_FORMAT = 2
#: Records the cache may rebuild, by "module:qualname". Nothing else is ever constructed.
_RECORDS: dict[str, type] = {}
_said: set[str] = set()


def register(*classes: type) -> None:
    """Allow instances of these named tuples or dataclasses in cached values."""
    for cls in classes:
        if not (dataclasses.is_dataclass(cls) or (issubclass(cls, tuple) and hasattr(cls, "_fields"))):
            raise TypeError(f"{cls!r} is neither a dataclass nor a named tuple")
        _RECORDS[f"{cls.__module__}:{cls.__qualname__}"] = cls


def cache_dir(namespace: str) -> Path | None:
    if os.environ.get("PROVENANCE_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, empty or relative: the XDG default
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance" / namespace


def _notice(reason: str) -> None:
    if os.environ.get("PROVENANCE_VERBOSE") and reason not in _said:
        _said.add(reason)
        sys.stderr.write(f"provenance: cache off: {reason}\n")


def _private(path: Path) -> str | None:
    """Why ``path`` (an existing directory) cannot hold the cache, or None."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    if not stat.S_ISDIR(st.st_mode):
        return f"{path} is not a directory"
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return f"{path} belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{path} is writable by other users"
    return None


def _safe_parent(path: Path) -> str | None:
    """The base directory may be shared (e.g. /tmp) only when it is sticky:
    then nobody else can rename or remove our directory inside it."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"{path}: {exc.strerror or exc}"
    shared = st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    if shared and not st.st_mode & stat.S_ISVTX:
        return f"{path} is writable by other users"
    return None


def _directory(namespace: str, create: bool) -> Path | None:
    directory = cache_dir(namespace)
    if directory is None:
        return None
    top = directory.parent
    try:
        if create:
            top.parent.mkdir(parents=True, exist_ok=True)
            top.mkdir(mode=0o700, exist_ok=True)
            directory.mkdir(mode=0o700, exist_ok=True)
        elif not directory.is_dir():
            return None
    except OSError as exc:
        _notice(f"{directory}: {exc.strerror or exc}")
        return None
    for reason in (_safe_parent(top.parent), _private(top), _private(directory)):
        if reason is not None:
            _notice(reason)
            return None
    return directory


def _name(key: str) -> str:
    return f"{key[:32]}-{__version__}-f{_FORMAT}.json"


def get(namespace: str, key: str) -> Any | None:
    directory = _directory(namespace, create=False)
    if directory is None:
        return None
    path = directory / _name(key)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        stored = json.loads(raw, object_hook=_decode_object)
    except (ValueError, TypeError, KeyError, RecursionError):  # corrupt, foreign or planted: parse instead
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    return stored.get("value")


def put(namespace: str, key: str, value: Any) -> None:
    from provenance.fsutil import atomic_write

    directory = _directory(namespace, create=True)
    if directory is None:
        return
    try:
        payload = json.dumps({"key": key, "value": _encode(value)}, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return  # a value the cache cannot hold is parsed again next time
    try:
        atomic_write(directory / _name(key), payload)
    except OSError:
        pass  # a read-only or full cache directory only costs time


def parsed(name: str, raw: bytes, parse: Callable[[bytes], Any], namespace: str = "data") -> Any:
    """``parse(raw)`` through the cache, keyed by ``name`` and the bytes: a data file
    read on every run (a YAML table, a package's word list) costs its parser (and
    the parser's import) only once. A value the cache cannot hold is parsed again
    next time; ``name`` stands for the parser too, so a new way of reading a file
    takes a new name."""
    import hashlib

    key = hashlib.sha256(name.encode() + b"\0" + raw).hexdigest()
    value = get(namespace, key)
    if value is None:
        value = parse(raw)
        put(namespace, key, value)
    return value


# -- encoding: JSON with tags for what JSON has no type for --------------------------
# A tagged value is an object whose one key starts with "$": {"$t": [...]} a tuple,
# {"$f": [...]} a frozenset, {"$s": [...]} a set, {"$m": [[k, v], ...]} a dict with
# keys that are not strings (or that start with "$"), {"$r": name, "$v": [...]} a
# registered record built from its fields in order.


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        name = _record_name(type(value))
        if name is not None:
            return {"$r": name, "$v": [_encode(v) for v in value]}
        return {"$t": [_encode(v) for v in value]}
    if isinstance(value, dict):
        if all(isinstance(k, str) and not k.startswith("$") for k in value):
            return {k: _encode(v) for k, v in value.items()}
        return {"$m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"$f": [_encode(v) for v in sorted(value, key=repr)]}
    if isinstance(value, set):
        return {"$s": [_encode(v) for v in sorted(value, key=repr)]}
    name = _record_name(type(value))
    if name is not None and dataclasses.is_dataclass(value):
        return {"$r": name, "$v": [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _record_name(cls: type) -> str | None:
    name = f"{cls.__module__}:{cls.__qualname__}"
    return name if _RECORDS.get(name) is cls else None


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _decode_object(obj: dict) -> Any:
    if len(obj) > 2 or not obj or not next(iter(obj)).startswith("$"):
        return obj
    if "$r" in obj:
        cls = _RECORDS[obj["$r"]]  # KeyError: not a registered record, the entry is refused
        values = obj["$v"]
        if dataclasses.is_dataclass(cls):
            fields = [f.name for f in dataclasses.fields(cls)]
            if len(values) != len(fields):
                raise ValueError("record layout changed")
            return cls(**dict(zip(fields, values)))
        return cls._make(values)
    (tag, items), = obj.items()
    if tag == "$t":
        return tuple(items)
    if tag == "$f":
        return frozenset(_hashable(v) for v in items)
    if tag == "$s":
        return {_hashable(v) for v in items}
    if tag == "$m":
        return {_hashable(k): v for k, v in items}
    raise ValueError(f"unknown tag {tag}")
