"""Where a shared passage first ran: the date of each article and, for each
boilerplate group and each pair of two articles, the earliest copy and the
chain of later copies with what changed from one copy to the next.

An article's date, in this order:

1. ``date:`` in its front matter (``index.dates.front_matter_date``);
2. the first match of ``reuse.date-pattern`` (a regular expression with the
   named groups ``year``, ``month`` and ``day``) in its path as given;
3. the file's modification time (UTC), when it is a file.

Earliest: the earliest date; an article without a date comes after every
dated one; ties go to the article listed first in the run (paths sorted), then
to the earlier position in the article.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.document import Document

FRONT_MATTER = "front-matter"
FILE_NAME = "file-name"
MTIME = "mtime"


def article_date(doc: "Document", display: str, path: str | os.PathLike | None, pattern: str | None) -> tuple[str, str] | None:
    """(ISO date, where it came from) of one article, or None."""
    from provenance.index.dates import front_matter_date

    date = front_matter_date(doc)
    if date is not None:
        return date.isoformat(), FRONT_MATTER
    if pattern:
        found = name_date(display, pattern)
        if found is not None:
            return found.isoformat(), FILE_NAME
    if path is not None:
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            return None
        return dt.datetime.fromtimestamp(mtime, dt.timezone.utc).date().isoformat(), MTIME
    return None


def name_date(name: str, pattern: str) -> dt.date | None:
    """The date that ``pattern`` finds in ``name`` (the first match that is a real date)."""
    for m in re.finditer(pattern, name):
        try:
            return dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except (ValueError, IndexError, TypeError):
            continue
    return None


def check_pattern(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a date pattern, or None."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return f"not a regular expression ({exc})"
    missing = {"year", "month", "day"} - set(compiled.groupindex)
    if missing:
        return f"needs the named groups (?P<year>…), (?P<month>…) and (?P<day>…); missing {', '.join(sorted(missing))}"
    return None


def first_ran(groups: list[dict], pairs: list[dict], files: list[dict]) -> list[dict]:
    """One entry per boilerplate group and per pair of two articles: the
    earliest copy (``first``) and the later ones in order (``copies``), each
    with the words that changed from the copy before it."""
    from provenance.reuse.result import word_changes
    from provenance.reuse.passages import normalize

    order = {f["path"]: n for n, f in enumerate(files)}
    dates = {f["path"]: (f.get("date"), f.get("date_source")) for f in files}

    def key(loc: dict):
        date = dates[loc["path"]][0]
        return (date is None, date or "", order[loc["path"]], loc["start"])

    def chain(label: str, match: str, locations: list[dict]) -> dict:
        ordered = sorted(locations, key=key)
        out, previous = [], None
        for loc in ordered:
            date, source = dates[loc["path"]]
            entry = {"path": loc["path"], "line": loc["line"], "column": loc["column"], "start": loc["start"], "end": loc["end"], "date": date, "date_source": source}
            norm = normalize(loc["text"])
            if previous is not None:
                entry["changes"] = [] if norm == previous else word_changes(previous, norm)
            previous = norm
            out.append(entry)
        return {"label": label, "match": match, "articles": len({x["path"] for x in ordered}), "text": ordered[0]["text"], "first": out[0], "copies": out[1:]}

    out = [chain("boilerplate", g["match"], g["locations"]) for g in groups]
    out += [chain(p["label"], p["label"], [p["a"], p["b"]]) for p in pairs if not p["same_document"]]
    out.sort(key=lambda e: (key(e["first"]), e["first"]["end"], e["label"]))
    return out
