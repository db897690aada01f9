"""Run the analyzer layers over files and collect a Report."""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import Iterable

from provenance import __version__
from provenance.analyzers import Emitter, load_analyzers
from provenance.config import Config
from provenance.discover import Source
from provenance.document import CAPTION, FOOTER, Document
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
        report.notes += credit_notes(report.credits)
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
    def run(self, sources: Iterable[Source], *, keep_text: bool = False, jobs: int = 1, engine=None) -> Report:
        """Check the sources on ``engine`` (default: the local engine; with
        ``jobs`` > 1 files are analyzed in that many forked processes). Every
        engine gives the same report, file order included."""
        if engine is None:
            from provenance.engine.local import LocalEngine

            engine = LocalEngine()
        return engine.check(self, list(sources), keep_text=keep_text, jobs=jobs)

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
                kept_doc = summarize(doc, finishing)  # the Document itself is dropped here
                kept.append((kept_doc, file_report, emit if kept_doc is doc else Emitter(kept_doc, file_report, self.ruleset)))
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
    translation = []
    bylines = []
    for seg in doc.segments:
        if seg.credit_kind == "translation":
            roles = {r: _span(text, a, b) for r, a, b in seg.credit_parts}
            translation.append(
                {
                    "line": doc.line_col(seg.start)[0],
                    "text": text[seg.start : seg.end],
                    "translator": roles.get("translator"),
                    "source": roles.get("source"),
                }
            )
        elif seg.credit_kind == "byline":
            bylines.append(
                {
                    "line": doc.line_col(seg.start)[0],
                    "text": text[seg.start : seg.end],
                    "names": [_span(text, a, b) for _, a, b in seg.credit_parts],
                }
            )
    return {"footer": footer, "captions": captions, "translation": translation, "bylines": bylines}


def _span(text: str, start: int, end: int) -> dict:
    return {"text": text[start:end], "start": start, "end": end}


def credit_notes(credits: dict) -> list[str]:
    """One-line notes on the translation credits of a file (bylines stay in the JSON)."""
    notes = []
    for t in credits.get("translation") or []:
        what = []
        if t["translator"]:
            what.append(f"translated by {t['translator']['text']}")
        if t["source"]:
            what.append(f"from {t['source']['text']}")
        notes.append(f"translation credit on line {t['line']}: {', '.join(what)}")
    return notes


class DocumentStub:
    """What a cross-file pass needs of a document analyzed in another process:
    its text (for exact spans), line numbers and the layers' annotations."""

    def __init__(self, text: str, path: str, annotations: dict):
        self.text = text
        self.path = path
        self.annotations = annotations
        self._line_starts: list[int] | None = None

    def line_col(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        i = bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1


class DocumentSummary:
    """What the cross-file passes (``finish``) keep of a document once its report
    is made: the annotations they asked for, and the text and line of the spans
    they may report. Memory stays flat in the number and size of the files."""

    def __init__(self, doc, annotations: dict, spans):
        self.path = doc.path
        self.annotations = annotations
        text = doc.text
        spans = sorted(set(spans))
        self.text = _SpanText(len(text), {(s, e): text[s:e] for s, e in spans})
        self._line_col = {s: doc.line_col(s) for s, _ in spans}

    def line_col(self, offset: int) -> tuple[int, int]:
        return self._line_col[offset]


class _SpanText:
    """A text of which only some spans are kept: len() and those slices."""

    def __init__(self, length: int, spans: dict[tuple[int, int], str]):
        self.length = length
        self.spans = spans

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key: slice) -> str:
        return self.spans[(key.start, key.stop)]


def summarize(doc, finishing) -> "Document | DocumentSummary":
    """A DocumentSummary when every finishing layer says what it needs
    (``summary(doc) -> (annotations, spans)``); else the document itself."""
    annotations: dict = {}
    spans: list[tuple[int, int]] = []
    for analyzer in finishing:
        summary = getattr(analyzer, "summary", None)
        if summary is None:
            return doc
        kept, kept_spans = summary(doc)
        annotations.update(kept)
        spans += kept_spans
    return DocumentSummary(doc, annotations, spans)
