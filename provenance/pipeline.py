"""Run the analyzer layers over files and collect a Report."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from typing import Iterable

from provenance import __version__
from provenance.analyzers import Emitter, load_analyzers
from provenance.config import Config
from provenance.discover import Source
from provenance.document import CAPTION, FOOTER, Document, InputError
from provenance.document.language import identify
from provenance.report import FileReport, Report
from provenance.rules import RuleSet

_CREDIT_SPLIT = re.compile(r"\s*(?:\+|,|/|&|\band\b)\s*")
_LANGUAGE_SAMPLE = 25  # sentences: enough to tell the language of a file of any size


class Pipeline:
    def __init__(self, config: Config):
        self.config = config
        self.ruleset = RuleSet.load(
            config.all_packs(),
            base=config.base,
            select=config.all_select(),
            ignore=config.ignore,
            severity=config.severity,
        )
        self.analyzers = load_analyzers(config, self.ruleset)

    def signature(self) -> str:
        parts = [f"provenance:{__version__}", self.ruleset.signature()]
        parts += [s for a in self.analyzers if (s := a.signature())]
        return "|".join(parts)

    # -- one document ------------------------------------------------------
    def analyze(self, doc: Document, display: str | None = None) -> tuple[FileReport, Emitter]:
        report = FileReport(
            path=display or doc.path,
            sha256=doc.sha256,
            encoding=doc.encoding,
            encoding_detected=doc.encoding_detected,
            words=doc.word_count(),
        )
        counts = Counter(s.kind for s in doc.segments)
        report.segments = {k: counts[k] for k in sorted(counts)} | {"sentences": len(doc.sentences)}
        sample = [doc.text[s.start : s.end] for s in doc.body_sentences()][:_LANGUAGE_SAMPLE]
        report.language = identify(sample or [doc.text[:3000]])
        report.credits = credits_of(doc)
        if doc.encoding_detected:
            report.notes.append(f"encoding {doc.encoding} was detected, not declared (no UTF-8 or byte-order mark)")
        if not doc.text.strip():
            report.notes.append("empty file: nothing to check")
        emit = Emitter(doc, report, self.ruleset)
        for analyzer in self.analyzers:
            analyzer.analyze(doc, report, emit)
        return report, emit

    def check_document(self, doc: Document, display: str | None = None) -> Report:
        return self.run_documents([(doc, display or doc.path)])

    def check_text(self, text: str, path: str = "<text>") -> Report:
        return self.check_document(Document(text, path))

    # -- many files ---------------------------------------------------------
    def run(self, sources: Iterable[Source], *, keep_text: bool = False) -> Report:
        def documents():
            for src in sources:
                try:
                    if src.path is None:
                        raw = sys.stdin.buffer.read()
                        yield Document.from_bytes(raw, src.display), src.display
                    else:
                        yield Document.from_path(src.path), src.display
                except InputError as exc:
                    yield FileReport(path=src.display, error=str(exc), error_kind=exc.kind), src.display

        return self.run_documents(documents(), keep_text=keep_text)

    def run_documents(self, items, *, keep_text: bool = False) -> Report:
        report = Report(signature=self.signature(), rules=list(self.ruleset.enabled.values()))
        finishing = [a for a in self.analyzers if getattr(a, "needs_finish", False)]
        kept: list[tuple[Document, FileReport, Emitter]] = []
        for doc, display in items:
            if isinstance(doc, FileReport):
                report.files.append(doc)
                continue
            try:
                file_report, emit = self.analyze(doc, display)
            except Exception as exc:  # one bad file must not stop the run
                if os.environ.get("PROVENANCE_DEBUG"):
                    raise
                message = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
                report.files.append(FileReport(path=display, error=message, error_kind="internal"))
                continue
            report.files.append(file_report)
            if keep_text:
                report.texts[display] = doc.text
            if finishing:
                kept.append((doc, file_report, emit))
        for analyzer in finishing:
            extra = analyzer.finish(kept)
            if extra:
                report.extra.update(extra)
        return report


def credits_of(doc: Document) -> dict:
    text = doc.text
    footer: list[str] = []
    for seg in doc.segments_of(FOOTER):
        if seg.footer_value:
            value = text[seg.footer_value[0] : seg.footer_value[1]]
            footer += [p for p in _CREDIT_SPLIT.split(value) if p]
    captions = []
    for seg in doc.segments_of(CAPTION):
        captions.append(
            {
                "line": doc.line_col(seg.start)[0],
                "text": text[seg.start : seg.prose_end].rstrip(),
                "credit": text[seg.credit[0] : seg.credit[1]] if seg.credit else None,
            }
        )
    return {"footer": footer, "captions": captions}
