"""An article's date: from ``--date`` or from ``date:`` in its front matter."""

from __future__ import annotations

import datetime as dt
import re

from provenance.document import FRONT_MATTER, Document

_FRONT_DATE = re.compile(r"^date\s*:\s*['\"]?(?P<value>[0-9][0-9T:.+\- ]*[0-9Z])['\"]?\s*$", re.M | re.I)


def parse_date(value: str) -> dt.date:
    """A calendar date from ISO 8601 (``2024-03-02``, or a date-time whose date part is used)."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def front_matter_date(doc: Document) -> dt.date | None:
    for seg in doc.segments:
        if seg.kind != FRONT_MATTER:
            continue
        m = _FRONT_DATE.search(doc.text, seg.start, seg.end)
        if m:
            try:
                return parse_date(m.group("value"))
            except ValueError:
                return None
    return None
