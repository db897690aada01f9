"""Analyzer layers and how they report.

An analyzer reads a Document and fills its FileReport: findings through an
Emitter (so rule selection, severity overrides and exact spans are handled in
one place), and its own section (``names``, ``attributions``, ``extra[...]``).
Layers never call each other directly; a later layer may read what an earlier
one left in ``doc.annotations``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from provenance.report import FileReport, Finding
from provenance.rules.model import SEVERITY_RANK

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.document import Document
    from provenance.rules import RuleSet

#: The layers, in the order they run ("module:Class"). A layer that is not
#: wanted for a run says so from ``enabled``.
ANALYZERS: list[str] = [
    "provenance.rules.engine:RulesAnalyzer",
    "provenance.names.analyzer:NamesAnalyzer",
    "provenance.attributions.analyzer:AttributionsAnalyzer",
    "provenance.reuse.layer:ReuseLayer",
]


class Emitter:
    """Turns (rule code, span, message, suggestion) into a Finding on one file."""

    def __init__(self, doc: "Document", report: FileReport, ruleset: "RuleSet"):
        self.doc = doc
        self.report = report
        self.ruleset = ruleset

    def __call__(
        self, code: str, start: int, end: int, message: str | None = None, suggestion: str | None = None,
        source: tuple[int, int] | None = None,
    ) -> Finding | None:
        """``source``: the span of the original (``doc.source_pair``) a source-aware finding points at."""
        rule = self.ruleset.enabled.get(code)
        if rule is None:
            return None
        text = self.doc.text
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"{code}: span {start}..{end} outside the text ({len(text)} characters)")
        line, column = self.doc.line_col(start)
        severity = rule.severity
        quoted = rule.params.get("quoted_severity")
        if quoted is not None and SEVERITY_RANK[quoted] < SEVERITY_RANK[severity]:
            from provenance.rules.kinds.quotes import inside_quotation

            if inside_quotation(self.doc, start, end):
                severity = quoted  # reported speech, not the article's own voice
        finding = Finding(
            rule=rule.code,
            slug=rule.slug,
            category=rule.category,
            mqm=rule.mqm,
            severity=severity,
            message=message or rule.summary,
            suggestion=suggestion,
            line=line,
            column=column,
            start=start,
            end=end,
            text=getattr(self.doc, "source", text)[start:end],  # the file's own characters, markup included
        )
        if source is not None:
            pair = self.doc.source_pair
            s, e = source
            if not (0 <= s <= e <= len(pair.text)):
                raise ValueError(f"{code}: source span {s}..{e} outside the original ({len(pair.text)} characters)")
            from dataclasses import replace

            finding = replace(finding, source_path=pair.display, source_start=s, source_end=e, source_text=pair.text[s:e])
        self.report.findings.append(finding)
        return finding


class Analyzer(Protocol):
    name: str

    def __init__(self, config: "Config", ruleset: "RuleSet") -> None: ...

    @classmethod
    def enabled(cls, config: "Config") -> bool: ...

    def signature(self) -> str | None:
        """A short description of the data this layer used (hashes), or None."""

    def analyze(self, doc: "Document", report: FileReport, emit: Emitter) -> None: ...

    def finish(self, files: list[tuple["Document", FileReport, Emitter]]) -> dict | None:
        """Cross-file pass after every file was analyzed; may return report-level extras."""


#: Layer names, as `--layers` and the `layers` setting take them.
LAYER_NAMES = ("rules", "names", "attributions", "reuse")


class LayerError(ValueError):
    """A layer name that does not exist."""


def load_analyzers(config: "Config", ruleset: "RuleSet") -> list[Analyzer]:
    wanted = config.layers
    if wanted is not None:
        unknown = [w for w in wanted if w not in LAYER_NAMES]
        if unknown:
            raise LayerError(f"unknown layer {unknown[0]!r} (layers: {', '.join(LAYER_NAMES)})")
    out = []
    for target in ANALYZERS:
        module, _, name = target.partition(":")
        cls = getattr(importlib.import_module(module), name)
        if (wanted is None or cls.name in wanted) and cls.enabled(config):
            out.append(cls(config, ruleset))
    return out
