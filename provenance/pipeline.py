"""Run the analyzer layers over files and collect a Report."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from typing import Iterable, NamedTuple

from provenance import __version__, windows
from provenance.analyzers import Emitter, load_analyzers
from provenance.config import Config
from provenance.discover import Source
from provenance.document import CAPTION, FOOTER, Document, InputError
from provenance.document.credits import dateline_credits
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
        from provenance.suppress import known_selector

        for pattern, selectors in config.per_file_ignores.items():
            for sel in selectors:
                if not known_selector(sel, self.ruleset.all_rules.values()):
                    from provenance.config import ConfigError

                    raise ConfigError(f"{config.source or 'configuration'}: per-file-ignores: {pattern}: unknown rule selector {sel!r}")
        #: A baseline (provenance.suppress.Baseline) whose findings are not reported.
        self.baseline = None
        #: Keep each reported finding's fingerprint (FileReport.hold), to write a baseline.
        self.keep_fingerprints = False
        #: Severities shown (None: all; --min-severity/--show-severity) and how many were not.
        self.shown: set[str] | None = None
        self.hidden: Counter = Counter()
        #: How originals are found (provenance.bilingual.pair.PairOptions), set by
        #: `check --source/--source-dir`; None: only a name.en.* file or front matter pairs.
        self.pairing = None

    def signature(self) -> str:
        parts = [f"provenance:{__version__}", self.ruleset.signature()]
        parts += [s for a in self.analyzers if (s := a.signature())]
        return "|".join(parts)

    # -- one document ------------------------------------------------------
    def analyze(self, doc: Document, display: str | None = None) -> tuple[FileReport, Emitter | None]:
        if self.pairing is not None or _maybe_paired(doc):
            from provenance.bilingual.pair import attach
            from provenance.bilingual.pairing import PairingError

            try:
                pair = attach(doc, self.pairing)
            except PairingError as exc:  # this file is not checked; the others are
                return FileReport(path=display or doc.path, error=str(exc), error_kind="source"), None
            if pair is not None:
                report, emit = self._analyze(doc, display)
                if report.error is None:
                    report.extra["source"] = pair.summary()
                return report, emit
        return self._analyze(doc, display)

    def _analyze(self, doc: Document, display: str | None = None) -> tuple[FileReport, Emitter]:
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
        from provenance.suppress import gather

        gather(doc, report, self.ruleset, self.config, keep_contexts=self.baseline is not None or self.keep_fingerprints)
        return report, emit

    def _finalize_file(self, file_report: FileReport) -> None:
        if getattr(file_report, "finalized", False):  # a file checked in windows: sifted window by window
            return
        self.finalize_window(file_report)

    def can_stream_windows(self) -> bool:
        """Whether a windowed file's findings can be sifted a window at a time: not
        when fingerprints count occurrences across the file (a baseline)."""
        return self.baseline is None and not self.keep_fingerprints

    def finalize_window(self, file_report: FileReport) -> None:
        """Suppression and the shown severities, on one file (or one window of a file)."""
        from provenance.suppress import finalize_file

        finalize_file(file_report, self.ruleset, self.baseline, keep_fingerprints=self.keep_fingerprints)
        if self.shown is not None:
            from provenance.render.visible import keep_shown

            file_report.findings = keep_shown(file_report.findings, self.shown, self.hidden)

    def _finalize_late(self, hold: dict, findings):
        from provenance.suppress import finalize_late

        kept, counts = finalize_late(hold, findings, self.ruleset, keep_fingerprints=self.keep_fingerprints)
        if self.shown is not None:
            from provenance.render.visible import keep_shown

            kept = keep_shown(kept, self.shown, self.hidden)
        return kept, counts

    def check_document(self, doc: Document, display: str | None = None) -> Report:
        return self.run_documents([(doc, display or doc.path)])

    def check_text(self, text: str, path: str = "<text>") -> Report:
        return self.check_document(Document(text, path))

    # -- many files ---------------------------------------------------------
    def run(self, sources: Iterable[Source], *, keep_text: bool = False, jobs: int = 1, cache: bool = False, progress=None, engine=None) -> Report:
        """Check the sources; with ``jobs`` > 1 files are analyzed in that many
        forked processes (the report is the same, file order included). With
        ``cache``, a file checked before under the same signature, configuration
        and code is not checked again (``provenance.results_cache``).
        ``progress(n)`` is called as files are done."""
        sources = list(sources)
        self.hidden.clear()  # counted per run (a --fix re-check is a new run)
        if engine is not None and engine.name != "local":
            return engine.check(self, sources, keep_text=keep_text, jobs=jobs)  # e.g. Dask (provenance/engine)
        results = None
        if cache and self.pairing is None:  # a report checked against an original is never cached
            from provenance.results_cache import ResultCache

            results = ResultCache.for_pipeline(self)
        try:
            return self._run(sources, keep_text, jobs, results, progress)
        finally:
            if results is not None:
                results.close()

    def _run(self, sources: list[Source], keep_text: bool, jobs: int, results, progress) -> Report:
        if jobs > 1 and len(sources) > 1 and self._can_fork() and all(s.path is not None for s in sources):
            return self._run_parallel(sources, keep_text, jobs, results, progress)

        def documents():
            for src in sources:
                try:
                    if src.path is None:
                        raw = sys.stdin.buffer.read()
                        yield windows.read_bytes(raw, src.display), src.display
                    elif results is not None:
                        yield _lookup(results, src, keep_text), src.display
                    else:
                        yield windows.read_path(src.path), src.display
                except InputError as exc:
                    yield FileReport(path=src.display, error=str(exc), error_kind=exc.kind), src.display

        return self.run_documents(documents(), keep_text=keep_text, results=results, progress=progress)

    def _can_fork(self) -> bool:
        import multiprocessing

        # a layer holding a database connection must not be forked
        unsafe = any(getattr(a, "fork_safe", True) is False for a in self.analyzers)
        return not unsafe and "fork" in multiprocessing.get_all_start_methods()

    def _run_parallel(self, sources: list[Source], keep_text: bool, jobs: int, results=None, progress=None) -> Report:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _FORKED
        done: dict[int, tuple] = {}
        if results is not None:  # hits are read here; only the misses go to the workers
            for i, src in enumerate(sources):
                try:
                    hit = _lookup(results, src, keep_text)
                except InputError:
                    continue  # the worker reports it
                if isinstance(hit, CachedFile):
                    done[i] = (hit.report, _stub_of(hit))
                    if progress:
                        progress(1)
        todo = [src for i, src in enumerate(sources) if i not in done]
        report = self._new_report()
        finishing = [a for a in self.analyzers if getattr(a, "needs_finish", False)]
        kept = []
        _FORKED = (self, keep_text, results)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                # in order, as they come: the reports go to the spool, not into one list
                fresh = pool.map(_analyze_in_worker, todo, chunksize=max(1, min(16, len(todo) // (jobs * 4))))
                for i in range(len(sources)):
                    if i in done:
                        file_report, stub = done.pop(i)
                    else:
                        file_report, stub = next(fresh)
                        if file_report is _LARGE:  # checked here, its records on disk, not sent whole from a worker
                            file_report, text = self._analyze_large(sources[i])
                            stub = None  # as in a serial run: no cross-file pass over a file checked in windows
                            if keep_text and text is not None:
                                report.texts[file_report.path] = text
                        if progress:
                            progress(1)
                    report.files.append(file_report)
                    if stub is not None:
                        if keep_text:
                            report.texts[file_report.path] = stub.text
                        if finishing:
                            kept.append((len(report.files) - 1, stub))
        finally:
            _FORKED = None
        if results is not None:
            results.written += len(todo)  # the workers wrote them
        self._finish(report, finishing, kept)
        return report

    def _analyze_large(self, src: Source) -> tuple[FileReport, str | None]:
        """A file too large for one Document that a worker met: checked in windows
        here, its records on disk (a worker's report would come to this process
        whole). (report, its text)."""
        try:
            big = windows.read_path(src.path)
        except InputError as exc:
            return FileReport(path=src.display, error=str(exc), error_kind=exc.kind), None
        if not isinstance(big, windows.LargeText):  # it shrank since the worker read it
            file_report, stub = analyze_source(self, src, True)
            return file_report, getattr(stub, "text", None)
        return windows.analyze(self, big, src.display, stream=True), big.text

    def assemble(self, results, keep_text: bool) -> Report:
        """The Report of files analyzed elsewhere (another engine's workers):
        (FileReport, stub or None) in file order, then the cross-file passes."""
        report = self._new_report()
        finishing = [a for a in self.analyzers if getattr(a, "needs_finish", False)]
        kept = []
        for file_report, stub in results:
            report.files.append(file_report)
            if stub is not None:
                if keep_text:
                    report.texts[file_report.path] = stub.text
                if finishing:
                    kept.append((len(report.files) - 1, stub))
        self._finish(report, finishing, kept)
        return report

    def _new_report(self) -> Report:
        from provenance.spool import FileSpool, TextStore, spill_after_from_env

        # a baseline being written keeps every file's fingerprints: that run stays in memory
        spill_after = None if self.keep_fingerprints else spill_after_from_env()
        files = FileSpool(spill_after=spill_after, finalize=self._finalize_file, finalize_late=self._finalize_late)
        return Report(signature=self.signature(), rules=list(self.ruleset.enabled.values()), files=files, texts=TextStore(files))

    def _finish(self, report: Report, finishing, kept) -> None:
        """The cross-file passes: findings on earlier files go to late reports that
        the spool merges into those files."""
        if not finishing:
            return
        lates = [(i, report.files.late(i)) for i, _ in kept]
        items = [(doc, late, Emitter(doc, late, self.ruleset)) for (_, doc), (_, late) in zip(kept, lates)]
        for analyzer in finishing:
            extra = analyzer.finish(items)
            if extra:
                report.extra.update(extra)
        for i, late in lates:
            report.files.add_late(i, late)

    def run_documents(self, items, *, keep_text: bool = False, results=None, progress=None) -> Report:
        from provenance.progress import ticking

        report = self._new_report()
        finishing = [a for a in self.analyzers if getattr(a, "needs_finish", False)]
        kept: list[tuple[int, Document | DocumentSummary]] = []
        for doc, display in ticking(items, progress):  # advanced as each file is done
            if isinstance(doc, FileReport):
                report.files.append(doc)
                continue
            if isinstance(doc, windows.LargeText):  # too large for one Document: in windows, no cross-file pass
                report.files.append(windows.analyze(self, doc, display, stream=True))
                if keep_text:
                    report.texts[display] = doc.text
                continue
            if isinstance(doc, CachedFile):  # checked before: its report, and what finish() reads
                report.files.append(doc.report)
                if keep_text:
                    report.texts[display] = doc.text
                if finishing:
                    kept.append((len(report.files) - 1, doc.summary))
                continue
            try:
                file_report, _ = self.analyze(doc, display)
            except Exception as exc:  # one bad file must not stop the run
                if os.environ.get("PROVENANCE_DEBUG"):
                    raise
                message = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
                report.files.append(FileReport(path=display, error=message, error_kind="internal"))
                continue
            if file_report.error is not None:  # its original could not be read
                report.files.append(file_report)
                continue
            if results is not None and _cacheable(doc, file_report):  # before the spool's suppression takes findings out
                results.put(results.key(doc.sha256, display), file_report, doc)
            report.files.append(file_report)
            if keep_text:
                report.texts[display] = doc.source
            if finishing:
                kept.append((len(report.files) - 1, summarize(doc, finishing)))  # the Document itself is dropped here
        self._finish(report, finishing, kept)
        return report


def _maybe_paired(doc) -> bool:
    """Whether an article may have an original with no option naming one: a
    ``name.en.*`` file or front matter (the bilingual modules load only then)."""
    return ".en." in os.path.basename(doc.path) or (doc.source.startswith("---") and "\nsource:" in doc.source[:8192])


def _cacheable(doc, file_report: FileReport) -> bool:
    """A paired article's report depends on its original too: never cached."""
    return file_report.error is None and getattr(doc, "source_pair", None) is None


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
            # two translators ("Jane Roe and Sami Haddad") are one span, from the first name to the last
            bounds: dict[str, tuple[int, int]] = {}
            for r, a, b in seg.credit_parts:
                lo, hi = bounds.get(r, (a, b))
                bounds[r] = (min(lo, a), max(hi, b))
            roles = {r: _span(text, a, b) for r, (a, b) in bounds.items()}
            translation.append(
                {
                    "line": doc.line_col(seg.start)[0],
                    "text": text[seg.start : seg.end],
                    "start": seg.start,
                    "end": seg.end,
                    "translator": roles.get("translator"),
                    "source": roles.get("source"),
                }
            )
        elif seg.credit_kind == "byline":
            bylines.append(
                {
                    "line": doc.line_col(seg.start)[0],
                    "text": text[seg.start : seg.end],
                    "start": seg.start,
                    "end": seg.end,
                    "names": [_span(text, a, b) for _, a, b in seg.credit_parts],
                }
            )
    return {"footer": footer, "captions": captions, "translation": translation, "bylines": bylines,
            "datelines": dateline_credits(doc)}


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


# The pipeline a forked worker inherits from its parent (set only during a parallel run).
_FORKED: tuple["Pipeline", bool] | None = None


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
        text = getattr(doc, "source", doc.text)
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


class CachedFile(NamedTuple):
    """A file whose report came from the result cache."""

    report: FileReport
    summary: object  # results_cache.CachedSummary, or None without finishing layers
    text: str | None  # the decoded text, when the renderer needs it


def _lookup(results, src: Source, keep_text: bool):
    """The cached report of a file, or its Document to check (InputError as from_path)."""
    import hashlib

    from provenance.document.decode import decode_bytes
    from provenance.safeio import read_input

    raw = read_input(src.path)
    if ".en." in src.path.name or (raw.lstrip(b"\xef\xbb\xbf").startswith(b"---") and b"\nsource:" in raw[:8192]):
        return windows.read_bytes(raw, str(src.path))  # may be paired with an original: its report is never cached
    hit = results.get(results.key(hashlib.sha256(raw).hexdigest(), src.display))
    if hit is None:
        return windows.read_bytes(raw, str(src.path))
    return CachedFile(hit[0], hit[1], decode_bytes(raw).text if keep_text else None)


def _stub_of(hit: CachedFile):
    """A cached file as a parallel run's worker result: (report, what finish() and the renderer read)."""
    if hit.text is not None:
        return DocumentStub(hit.text, hit.summary.path if hit.summary else "", hit.summary.annotations if hit.summary else {})
    return hit.summary


class _Large:
    """A forked worker's answer for a file to be checked in windows by the parent
    (pickled by name: the parent gets its own ``_LARGE``)."""

    def __reduce__(self):
        return "_LARGE"


_LARGE = _Large()


def _analyze_in_worker(src: Source) -> tuple[FileReport, DocumentStub | None]:
    pipeline, keep_text, results = _FORKED
    return analyze_source(pipeline, src, keep_text, results, large=_LARGE)


def analyze_source(pipeline: "Pipeline", src: Source, keep_text: bool, results=None, large=None) -> tuple[FileReport, DocumentStub | None]:
    """(FileReport, what the cross-file passes and the text renderer need of the
    document, or None) for one file read from its path: the work of a forked or
    Dask worker. With ``large``, a file too large for one Document is not
    checked: (large, None) says so."""
    try:
        doc = windows.read_path(src.path)
    except InputError as exc:
        return FileReport(path=src.display, error=str(exc), error_kind=exc.kind), None
    if isinstance(doc, windows.LargeText) and large is not None:
        return large, None
    if isinstance(doc, windows.LargeText):
        return windows.analyze(pipeline, doc, src.display), (DocumentStub(doc.text, doc.path, {}) if keep_text else None)
    try:
        file_report, _ = pipeline.analyze(doc, src.display)
    except Exception as exc:  # one bad file must not stop the run
        if os.environ.get("PROVENANCE_DEBUG"):
            raise
        message = f"internal error ({type(exc).__name__}: {exc}); please report it with this file"
        return FileReport(path=src.display, error=message, error_kind="internal"), None
    if file_report.error is not None:  # its original could not be read
        return file_report, None
    if results is not None and _cacheable(doc, file_report):
        results.put(results.key(doc.sha256, src.display), file_report, doc)
    finishing = [a for a in pipeline.analyzers if getattr(a, "needs_finish", False)]
    if finishing and not keep_text:
        kept = summarize(doc, finishing)
        if kept is not doc:
            return file_report, kept
    needs_annotations = bool(finishing)
    annotations = {k: v for k, v in doc.annotations.items() if not k.startswith("_")} if needs_annotations else {}
    return file_report, DocumentStub(doc.source, doc.path, annotations) if (keep_text or needs_annotations) else None
