"""``index add`` into the SQLite index on an engine: the workers read the
articles and prepare them (passages, signature keys, and the names and
attributions layers' annotations, compressed); the client writes them, in the
order given, into the one SQLite file (a single writer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.index.store import Preparer


def prepare_for_sqlite(items: list[tuple[str, str, str | None]], preparer: "Preparer", config: "Config", annotate: bool) -> tuple[list, list]:
    """items: (display path, file path, ISO date or None) → ([prepared articles], [(path, unreadable reason)])."""
    import datetime as dt
    from pathlib import Path

    from provenance.document import Document, InputError
    from provenance.index.dates import front_matter_date
    from provenance.index.migrate import pack

    annotator = None
    if annotate:
        from provenance.engine.tasks import pipeline_for
        from provenance.index.annotate import LayerAnnotator

        annotator = LayerAnnotator(pipeline_for(config)) or None
    prepared, unreadable = [], []
    for display, file_path, date in items:
        try:
            doc = Document.from_path(Path(file_path))
        except InputError as exc:
            unreadable.append((display, str(exc)))
            continue
        art = preparer(display, doc, dt.date.fromisoformat(date) if date else front_matter_date(doc))
        if annotator is not None:
            art.names, art.attributions = (pack(v) for v in annotator(doc))
        prepared.append(art)
    return prepared, unreadable
