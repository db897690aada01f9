"""New glossary entries written as text after the file's own, in the layout
the round-trip dumper gives them (``store._yaml``: mappings indented 2, list
items 4 with the dash at 2, a blank line between entries, short string lists
in flow style).

The round-trip parse and dump of ruamel.yaml take about 10 ms per entry: a
``glossary add`` on a 50,000-entry file took longer than the 60 s lock
timeout, and an import of N entries was quadratic (each added entry was also
looked up in a list). Appending leaves every byte of the existing file as it
was, costs microseconds per entry, and is checked: the editor parses the
result and falls back to the round trip when the appended entries do not read
back as written (see ``store.editing``).
"""

from __future__ import annotations

import json
import re
from typing import Any

#: Plain scalars: a letter first (no indicator can start it); after it, any
#: printable text without ": " or " #" (which would end the scalar).
_PLAIN = re.compile(r"[^\W\d_].*", re.UNICODE | re.DOTALL)
#: Keys: letters, digits and underscores.
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Plain words the YAML 1.2 core schema reads as booleans or null.
_RESERVED = {"true", "false", "null"}
#: Characters that end or split a plain scalar inside a flow list.
_FLOW_UNSAFE = set(",[]{}#:\"'")


def scalar(value: str, *, flow: bool = False) -> str:
    if (
        value
        and _PLAIN.fullmatch(value)
        and value.isprintable()
        and ": " not in value
        and " #" not in value
        and not value.endswith((" ", ":"))
        and "  " not in value
        and value.lower() not in _RESERVED
        and not (flow and _FLOW_UNSAFE & set(value))
    ):
        return value
    if value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    out = json.dumps(value, ensure_ascii=False)
    # YAML double quotes read JSON escapes; characters YAML takes as line breaks
    # or refuses raw (U+2028, U+0085, BOM...) are escaped too.
    return "".join(c if c.isprintable() or c in "\\\"" else f"\\u{ord(c):04x}" for c in out)


def render_entry(data: dict[str, Any], dash: int) -> list[str] | None:
    """Lines of one entry as a list item with its dash at column ``dash``; None
    for data this renderer does not handle (the caller falls back)."""
    lines: list[str] = []
    if not _block_map(data, dash, lines, first_prefix=" " * dash + "- "):
        return None
    return lines


def _block_map(data: dict, indent: int, lines: list[str], first_prefix: str) -> bool:
    pad = " " * (indent + 2)
    for i, (key, value) in enumerate(data.items()):
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            return False
        prefix = first_prefix if i == 0 else pad
        if isinstance(value, str):
            lines.append(f"{prefix}{key}: {scalar(value)}")
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value) and len(value) <= 4:
            lines.append(f"{prefix}{key}: [{', '.join(scalar(v, flow=True) for v in value)}]")
        elif isinstance(value, (list, tuple)) and value:
            lines.append(f"{prefix}{key}:")
            for item in value:
                if isinstance(item, str):
                    lines.append(f"{pad}  - {scalar(item)}")
                elif isinstance(item, dict) and item:
                    if not _block_map(item, indent + 4, lines, first_prefix=f"{pad}  - "):
                        return False
                else:
                    return False
        else:
            return False
    return True


def append_point(text: str) -> int | None:
    """The dash column of the entries of a file whose last top-level key is a
    non-empty block list ``entries:`` (so new items can follow the text);
    None when the file has another shape."""
    lines = text.splitlines()
    top = [i for i, line in enumerate(lines) if line and not line[0].isspace() and line[0] not in "#-"]
    if not top or not re.fullmatch(r"entries:\s*(#.*)?", lines[top[-1]]):
        return None
    if any(line.startswith(("---", "...")) for line in lines[top[-1] :]):
        return None
    for line in lines[top[-1] + 1 :]:
        m = re.match(r"(\s*)- \S", line)
        if m:
            return len(m.group(1))
        if line.strip() and not line.lstrip().startswith("#"):
            return None
    return None


def header(description: str) -> list[str]:
    return [f"description: {scalar(description)}", "entries:"]
