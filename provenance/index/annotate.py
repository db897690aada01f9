"""Name mentions and attributions for the index, from those analyzer layers
when this installation has them (``names``, ``attributions``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from provenance.analyzers import Emitter
from provenance.report import FileReport

if TYPE_CHECKING:
    from provenance.document import Document
    from provenance.pipeline import Pipeline

INDEXED_LAYERS = ("names", "attributions")


class LayerAnnotator:
    def __init__(self, pipeline: "Pipeline"):
        self.ruleset = pipeline.ruleset
        self.layers = [a for a in pipeline.analyzers if getattr(a, "name", None) in INDEXED_LAYERS]
        self.names = {a.name for a in self.layers}

    def __bool__(self) -> bool:
        return bool(self.layers)

    def __call__(self, doc: "Document") -> tuple[str | None, str | None]:
        report = FileReport(path=doc.path)
        emit = Emitter(doc, report, self.ruleset)
        for layer in self.layers:
            layer.analyze(doc, report, emit)
        return (
            json.dumps(report.names, ensure_ascii=False, sort_keys=True) if "names" in self.names else None,
            json.dumps(report.attributions, ensure_ascii=False, sort_keys=True) if "attributions" in self.names else None,
        )
