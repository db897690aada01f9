"""The reuse layer of ``check``: ``--index`` (passages that already ran in an
indexed article, ``files[].reuse``, rule PV951) and ``--reference`` (sacrebleu
scores against a reference translation, ``files[].reference``).

Enabled only when one of those flags is given; imported on every ``check``, so
everything heavy is imported inside the methods.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.config import Config

REUSED = "PV951"


def configure(config: "Config", *, index: bool, index_path: Path | None, reference: Path | None) -> None:
    """Check the flags' targets and record them for the layer; raises ConfigError with a one-line reason."""
    from provenance.config import ConfigError

    if index or index_path is not None:
        from provenance.index import index_settings
        from provenance.index.store import ArticleIndex, IndexStoreError

        path, _ = index_settings(config, index_path)
        try:
            ArticleIndex.open(path).close()
        except IndexStoreError as exc:
            raise ConfigError(str(exc)) from None
        config.sections.setdefault("reuse", {})["index-path"] = str(path)
    if reference is not None:
        from provenance.discover import display_path
        from provenance.document import Document, InputError

        try:
            Document.from_path(reference)
        except InputError as exc:
            raise ConfigError(f"--reference {reference}: {exc}") from None
        config.sections.setdefault("compare", {})["reference"] = display_path(reference)


class ReuseLayer:
    name = "reuse"
    needs_finish = False
    fork_safe = False  # holds an SQLite connection, which must not cross a fork

    def __init__(self, config: "Config", ruleset):
        from provenance.reuse.settings import ReuseSettings

        self.settings = ReuseSettings.from_section(config.section("reuse"))
        self.config = config
        self._names_glossary = None
        self.index = None
        self.reference = None
        index_path = config.section("reuse").get("index-path")
        if index_path:
            from provenance.index.store import ArticleIndex

            self.index = ArticleIndex.open(Path(index_path))
        reference = config.section("compare").get("reference")
        if reference:
            from provenance.document import Document

            self.reference_path = reference
            self.reference = Document.from_path(reference)

    @classmethod
    def enabled(cls, config: "Config") -> bool:
        return bool(config.section("reuse").get("index-path") or config.section("compare").get("reference"))

    def signature(self) -> str | None:
        parts = []
        if self.index is not None:
            parts.append(f"{self.index.signature()}|{self.settings.describe()}")
        if self.reference is not None:
            parts.append(f"reference:{self.reference.sha256[:12]}")
        return "|".join(parts) or None

    def analyze(self, doc, report, emit) -> None:
        if self.index is not None:
            found = self.index.lookup(doc, report.path, self.settings)
            report.extra["reuse"] = found
            for f in found:
                emit(REUSED, f["start"], f["end"], _message(f))
        if self.reference is not None:
            from provenance.compare.core import CompareError, compare_documents, reference_summary

            try:
                result = compare_documents(doc, report.path, self.reference, self.reference_path, glossary=self._glossary())
            except CompareError as exc:
                report.notes.append(f"reference {self.reference_path}: {exc}")
                return
            summary = reference_summary(result)
            report.extra["reference"] = summary
            d = summary["document"]
            report.notes.append(
                f"against reference {self.reference_path}: BLEU {d['bleu']['score']:.1f}, chrF {d['chrf']['score']:.1f}, "
                f"TER {d['ter']['score']:.1f} ({summary['aligned']} paragraphs aligned, {summary['added']} added, {summary['omitted']} omitted)"
            )

    def _glossary(self):
        if self._names_glossary is None:
            from provenance.names.glossary import load_for_config

            self._names_glossary = load_for_config(self.config)
        return self._names_glossary

    def finish(self, files):
        return None


def _message(found: dict) -> str:
    first = found["first"]
    when = f", {first['date']}" if first["date"] else ""
    message = f"this {found['kind']} first ran in {first['path']} (line {first['line']}{when}; {found['match']})"
    if found["label"] == "boilerplate":
        from provenance.index.store import COPIES_CAP

        copies = found["indexed_copies"]
        message += f"; boilerplate: word for word in this and {copies}{'+' if copies >= COPIES_CAP else ''} indexed articles"
    return message
