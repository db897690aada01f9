"""One entry of a large glossary edited in place, as text.

A round-trip load and dump of a whole 50,000-entry file (ruamel.yaml, about
10 ms per entry) took longer than the 60 s lock timeout for one
``glossary add ID --variant``. Here the entry's lines are found by a scan of
the text, only those lines go through the round trip (comments and quoting
in them kept), and the result is spliced back; every other byte of the file
stays as it was. The editor checks each step (the fragment must read back
as the entry the whole file held, the edited one as a valid entry) and falls
back to the whole-file round trip when a check fails (``store.Editor``).
"""

from __future__ import annotations

import io
import re
from typing import Any


class Fragment:
    """Lines ``start:end`` of the file's text: one list item of ``entries``."""

    def __init__(self, start: int, end: int, text: str, doc: Any):
        self.start, self.end = start, end
        self.text = text  # "entries:\n" and the item's lines: a glossary of one entry
        self.doc = doc
        self.removed = False

    @property
    def node(self):
        return self.doc["entries"][0]


_ID_LINE = re.compile(r"[ -]*id: *(['\"]?)(.*?)\1 *(#.*)?\n?")


def index(lines: list[str]) -> dict[str, list[int]]:
    """Line numbers of the lines that look like ``id: VALUE``, by value: one scan
    of the file for all the entries an import edits (not one scan each)."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if "id:" in line:
            m = _ID_LINE.fullmatch(line)
            if m:
                found.setdefault(m.group(2), []).append(i)
    return found


def locate(lines: list[str], entry_id: str, dash: int, ids: dict[str, list[int]]) -> tuple[int, int] | None:
    """Line range of the single list item (dash at column ``dash``) holding
    ``id: ENTRY_ID`` (``ids`` from index()); None when there is not exactly one such line."""
    hits = ids.get(entry_id, [])
    if len(hits) != 1:
        return None
    item = " " * dash + "- "
    start = hits[0]
    while start >= 0 and not lines[start].startswith(item):
        if _ends_item(lines[start], dash):
            return None
        start -= 1
    if start < 0:
        return None
    end = start + 1
    while end < len(lines) and not _ends_item(lines[end], dash):
        end += 1
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1  # blank lines and comments after the item stay where they are
    return start, end


def _ends_item(line: str, dash: int) -> bool:
    """A line at or left of the dash column that is not blank or a comment."""
    stripped = line.lstrip(" ")
    return bool(stripped.strip()) and not stripped.startswith("#") and len(line) - len(stripped) <= dash


def load(lines: list[str], start: int, end: int) -> Fragment | None:
    from ruamel.yaml.error import YAMLError

    from provenance.names.store import _yaml

    text = "entries:\n" + "".join(lines[start:end])
    if not text.endswith("\n"):
        text += "\n"
    try:
        doc = _yaml().load(text)
    except YAMLError:
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list) or len(doc["entries"]) != 1:
        return None
    return Fragment(start, end, text, doc)


def dump(fragment: Fragment, dash: int) -> list[str] | None:
    """The edited item's lines (without the ``entries:`` line), or None when the
    dumper did not put the dash where the file has it."""
    from provenance.names.store import _yaml

    out = io.StringIO()
    _yaml().dump(fragment.doc, out)
    got = out.getvalue().splitlines(keepends=True)
    if not got or got[0].rstrip() != "entries:" or len(got) < 2 or not got[1].startswith(" " * dash + "- "):
        return None
    return got[1:]


def splice(lines: list[str], fragments: list[Fragment], new: dict[int, list[str]]) -> list[str]:
    """``lines`` with each fragment replaced by its new lines (or removed, with
    the blank lines that separated it from its neighbour)."""
    out: list[str] = []
    pos = 0
    for f in sorted(fragments, key=lambda f: f.start):
        out += lines[pos : f.start]
        pos = f.end
        if f.removed:
            while pos < len(lines) and not lines[pos].strip():
                pos += 1  # the gap after it goes with it
            if pos == len(lines):
                while out and not out[-1].strip():
                    out.pop()  # the last item: the gap before it
        else:
            out += new[f.start]
    out += lines[pos:]
    return out
