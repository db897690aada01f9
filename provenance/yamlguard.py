"""A guard run before any YAML the tool reads (rule packs, glossaries, the lexicon).

YAML aliases let a few hundred bytes stand for billions of nodes (an "alias
bomb"): the loader shares the nodes, but anything that walks the result (str(),
validation, a copy) expands them. Nesting a hundred thousand levels deep
overflows the C stack of the compiled composer (a segmentation fault, not an
exception). Neither has a use in hand-written packs or glossaries, so both are
refused before the document is composed: the libyaml parser emits events
without recursion, and this pass stops at the first alias or at ``MAX_DEPTH``.
Its cost is about a fifth of the load it protects, and only on a cache miss.
"""

from __future__ import annotations

#: Deepest nesting of mappings and sequences accepted (the shipped files need 5).
MAX_DEPTH = 64


class YAMLRefused(ValueError):
    """A YAML document refused before loading; ``line`` is 1-based (or None)."""

    def __init__(self, line: int | None, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


def guard(raw: bytes | str, *, max_depth: int = MAX_DEPTH) -> None:
    """Raise YAMLRefused for an alias or nesting deeper than ``max_depth``.

    Syntax errors are left to the loader that runs next (it reports them with
    its own message and line)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

    depth = 0
    try:
        for event in YAML(typ="safe", pure=False).parse(raw):
            cls = type(event)
            if issubclass(cls, CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    raise YAMLRefused(_line(event), f"nested more than {max_depth} levels deep")
            elif issubclass(cls, CollectionEndEvent):
                depth -= 1
            elif cls is AliasEvent:
                raise YAMLRefused(_line(event), f"YAML aliases are not allowed (*{event.anchor})")
    except YAMLError:
        return


def _line(event) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None
