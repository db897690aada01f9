"""The result cache of ``check``: an unchanged article is not checked again.

A file's report (as the analyzer layers left it, before the cross-file
passes) is kept in the JSON cache of ``provenance/cache.py`` (namespace
``results``; never pickle: only the records registered below are rebuilt),
keyed by

- the sha256 of the file's bytes and the path it is shown under,
- the run's signature (version, packs, rules and severities, glossary and
  lexicon digests: ``Pipeline.signature()``),
- a digest of the whole configuration (layers' settings included), and
- a digest of the installed package (size and modification time of each of
  its files), so a code change in a checkout is never answered from the cache.

With it goes what the cross-file passes (``finish``) read of the document (the
annotations and spans the layers' ``summary()`` names), so a cached file takes
part in them as a checked one does, and the report is byte-identical with and
without the cache. It is off (every file checked) when a finishing layer
cannot summarize a document, when the reuse layer runs (the index it reads
changes without changing the signature), with a baseline (its fingerprints
read the text around each finding), with ``--no-cache`` and with
``PROVENANCE_NO_CACHE=1``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from provenance import cache
from provenance.report import FileReport, Finding

NAMESPACE = "results"
#: Most entries kept: past it, a run that wrote entries removes the least
#: recently used down to PRUNE_TO (an entry is a file's report, about 10 kB).
MAX_ENTRIES = 10_000
PRUNE_TO = 0.8

cache.register(Finding, FileReport)


def _register_annotations() -> None:
    """The records the finishing layers' summaries hold (the names layer's mentions)."""
    from provenance.names.name_mention import NameMention

    cache.register(NameMention)


_register_annotations()


def _package_digest() -> str:
    """Size and mtime of every file of the package (a few ms): an edited module is a new key."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _config_digest(config) -> str:
    data = dataclasses.asdict(config) if dataclasses.is_dataclass(config) else vars(config)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8", "surrogateescape")).hexdigest()


class ResultCache:
    def __init__(self, pipeline, finishing):
        self.finishing = finishing
        parts = [pipeline.signature(), _config_digest(pipeline.config), _package_digest()]
        parts += sorted(type(a).__qualname__ for a in pipeline.analyzers)
        self.run_key = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
        self.written = 0

    @classmethod
    def for_pipeline(cls, pipeline) -> "ResultCache | None":
        """The cache for this pipeline's runs, or None where it cannot be used."""
        if cache.cache_dir(NAMESPACE) is None:
            return None
        if any(a.name == "reuse" for a in pipeline.analyzers):
            return None  # the index changes under the same signature
        if getattr(pipeline, "baseline", None) is not None or getattr(pipeline, "keep_fingerprints", False):
            return None  # baseline fingerprints read the text around each finding, which is not kept
        finishing = [a for a in pipeline.analyzers if getattr(a, "needs_finish", False)]
        if any(getattr(a, "summary", None) is None for a in finishing):
            return None  # finish() needs the whole Document, which is not kept
        return cls(pipeline, finishing)

    def key(self, sha256: str, display: str) -> str:
        return hashlib.sha256(f"{self.run_key}\0{display}\0{sha256}".encode("utf-8", "surrogateescape")).hexdigest()

    def get(self, key: str):
        """(FileReport, summary or None) of a file checked before, or None."""
        value = cache.get(NAMESPACE, key)
        if not isinstance(value, dict) or not isinstance(value.get("report"), FileReport):
            return None
        summary = value.get("summary")
        if self.finishing and not isinstance(summary, dict):
            return None
        _touch(key)
        return value["report"], (CachedSummary(summary) if summary is not None else None)

    def put(self, key: str, file_report: FileReport, doc) -> None:
        """Keep a file's report (before the cross-file passes) and what they read of doc."""
        summary = None
        if self.finishing:
            annotations: dict = {}
            spans: list = []
            for analyzer in self.finishing:
                kept, kept_spans = analyzer.summary(doc)
                annotations.update(kept)
                spans += kept_spans
            spans = sorted(set(spans))
            summary = {
                "path": doc.path,
                "length": len(doc.text),
                "annotations": annotations,
                "spans": [[s, e, doc.text[s:e], *doc.line_col(s)] for s, e in spans],
            }
        cache.put(NAMESPACE, key, {"report": file_report, "summary": summary})  # encoded now, before finish() adds to it
        self.written += 1

    def close(self) -> None:
        """After a run: keep the cache under MAX_ENTRIES (only when this run added to it)."""
        if self.written:
            prune()


def _touch(key: str) -> None:
    """Mark an entry as used (its mtime), for pruning the least recently used."""
    directory = cache._directory(NAMESPACE, create=False)
    if directory is not None:
        try:
            os.utime(directory / cache._name(key))
        except OSError:
            pass


def prune(limit: int | None = None) -> int:
    """Remove the least recently used entries when there are more than ``limit``; how many were removed."""
    limit = MAX_ENTRIES if limit is None else limit
    directory = cache._directory(NAMESPACE, create=False)
    if directory is None:
        return 0
    try:
        with os.scandir(directory) as it:
            entries = [(e.stat(follow_symlinks=False).st_mtime_ns, e.name, e.path) for e in it if e.name.endswith(".json")]
    except OSError:
        return 0
    if len(entries) <= limit:
        return 0
    entries.sort()
    removed = 0
    for _, _, path in entries[: len(entries) - int(limit * PRUNE_TO)]:
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass
    return removed


class CachedSummary:
    """A ``pipeline.DocumentSummary`` rebuilt from the cache."""

    def __init__(self, stored: dict):
        from provenance.pipeline import _SpanText

        self.path = stored["path"]
        self.annotations = stored["annotations"]
        spans = {(s, e): text for s, e, text, _, _ in stored["spans"]}
        self.text = _SpanText(stored["length"], spans)
        self._line_col = {s: (line, col) for s, _, _, line, col in stored["spans"]}

    def line_col(self, offset: int) -> tuple[int, int]:
        return self._line_col[offset]
