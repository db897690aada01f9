"""The record of one name mention, as every source of mentions yields it.

It carries the attributes the report's ``names[]`` needs (text, start, end,
line, entry, canonical, status, type) and a few that the checks use (how it
was found, the glossary status and note, the full mention a surname resolves
to).
"""

from __future__ import annotations

from typing import Any, NamedTuple

#: Report statuses: what names[].status may be.
STATUSES = ("canonical", "admitted", "variant", "forbidden", "unknown")
#: The glossary's status of a form -> the report's status.
REPORT_STATUS = {"canonical": "canonical", "admitted": "admitted", "deprecated": "variant", "forbidden": "forbidden"}


class NameMention(NamedTuple):
    """One mention of a name (a named tuple: a document has thousands)."""

    start: int
    end: int
    text: str
    line: int
    #: Glossary id, or None for a name the glossary does not list.
    entry: str | None
    #: The form to use: the glossary's canonical form, or for an unlisted name
    #: the full or more frequent spelling it resolves to; None when unknown.
    canonical: str | None
    #: canonical | admitted | variant | forbidden | unknown
    status: str
    #: person | organization | outlet | place | title | term, or None
    type: str | None
    # -- detail for the checks (not in the report) --
    #: "glossary", "context" (a context_required short form), "name" (an unlisted
    #: run of capitalized words), "surname" (a bare surname), "fuzzy" (an unlisted
    #: spelling matched to a glossary entry or to another name in the document).
    via: str = "glossary"
    #: The glossary's status of the form: canonical, admitted, deprecated, forbidden.
    glossary_status: str | None = None
    kind: str | None = None
    note: str | None = None
    #: Surnames: the text of the full mention it resolves to, and its offset.
    full: str | None = None
    full_start: int | None = None
    #: Number of words (after titles are removed).
    words: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "entry": self.entry,
            "canonical": self.canonical,
            "status": self.status,
            "type": self.type,
        }
