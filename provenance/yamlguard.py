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


_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_SPECIAL = frozenset("tTfFnN~=<.+-0123456789")


def load(raw: bytes | str, *, max_depth: int = MAX_DEPTH):
    """The document as plain data (dict, list, str, int, float, bool, None),
    built from the libyaml parser's events in one pass: the guard and the
    loader at once, and about five times faster than ruamel's composer and
    constructor (which are Python), for large glossaries.

    Plain scalars resolve as the YAML 1.2 core schema of ruamel's safe loader
    (a plain word that starts with a letter other than t, f, n is a string;
    anything else asks its resolver). Aliases, nesting beyond ``max_depth``,
    explicit tags other than ``!!str`` and collection keys raise YAMLRefused;
    duplicate keys too. Syntax errors raise ruamel's YAMLError, as its loader does."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    resolve = _scalar_resolver()
    stack: list = []  # open containers: _Map or _Seq
    root: list = []
    documents = 0

    def add(value, event) -> None:
        if not stack:
            root.append(value)
            return
        top = stack[-1]
        if type(top) is _Map:
            if top.key is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise YAMLRefused(_line(event), "a mapping key must be a plain value, not a collection")
                if value in top.data:
                    raise YAMLRefused(_line(event), f"invalid YAML (found duplicate key {value!r})")
                top.key = value
            else:
                top.data[top.key] = value
                top.key = _NO_KEY
        else:
            top.append(value)

    for event in YAML(typ="safe", pure=False).parse(raw):
        cls = type(event)
        if cls is ScalarEvent:
            tag = event.tag
            if tag is not None and tag not in (_STR_TAG, "!!str", "!"):
                raise YAMLRefused(_line(event), f"YAML tags are not allowed ({tag})")
            value = event.value
            if tag is None and event.implicit[0] and not event.style:
                value = resolve(value)
            add(value, event)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            _no_tag(event)
            if len(stack) >= max_depth:
                raise YAMLRefused(_line(event), f"nested more than {max_depth} levels deep")
            stack.append(_Map() if cls is MappingStartEvent else _Seq())
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            done = stack.pop()
            add(done.data if cls is MappingEndEvent else list(done), event)
        elif cls is AliasEvent:
            raise YAMLRefused(_line(event), f"YAML aliases are not allowed (*{event.anchor})")
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YAMLRefused(_line(event), "expected a single document, found another")
    return root[0] if root else None


class _Seq(list):
    """An open sequence."""


class _Map:
    """An open mapping and the key waiting for its value."""

    __slots__ = ("data", "key")

    def __init__(self):
        self.data: dict = {}
        self.key = _NO_KEY


_NO_KEY = object()


def _no_tag(event) -> None:
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!!map", "!!seq"):
        raise YAMLRefused(_line(event), f"YAML tags are not allowed ({tag})")


def _scalar_resolver():
    """value -> Python value for plain scalars, as ruamel's safe loader (YAML 1.2) reads them."""
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    class _Resolver(VersionedResolver):
        @property
        def processing_version(self):
            return (1, 2)

    resolver = _Resolver()
    single = YAML(typ="safe", pure=False)
    cache: dict[str, object] = {}

    def resolve(value: str):
        if not value:
            return None
        if value[0] not in _PLAIN_SPECIAL:
            return value
        if value in cache:
            return cache[value]
        tag = resolver.resolve(ScalarNode, value, (True, False))
        # not a string: the value read alone as a document, by ruamel's loader (rare: numbers, booleans, dates)
        out = value if str(tag) == _STR_TAG else single.load(value)
        if len(cache) < 10_000:
            cache[value] = out
        return out

    return resolve
