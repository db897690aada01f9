"""Regular expressions compiled on first use.

Python's ``re`` parses and compiles a pattern in Python code: some 0.1 to 4 ms
a pattern here, and a one-article check compiled about 500 of them (0.13 s of
its 0.45 s). Many serve constructions that a given article does not have (a
rare attribution shape, another script, a blocked verb sense), so a module
keeps such a pattern as ``lazy(...)``: it is compiled when it is first used,
and never in a run that does not need it.

A LazyPattern answers ``.pattern`` and ``.given_flags`` (the flags passed to
``lazy``; re's parser reads a pattern's inline flags itself) without
compiling. Its first use of anything else compiles it and puts the compiled
pattern's methods on the instance itself, so later calls cost what calls on
the pattern cost. It is not an ``re.Pattern``: code that hands a pattern to
``re`` functions (``re.sub(p, ...)``), to ``isinstance`` or to C code takes
``.compiled``.
"""

from __future__ import annotations

import re

#: What the first use copies from the compiled pattern onto the instance.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "flags", "groups", "groupindex")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.given_flags = flags

    def __getattr__(self, name: str):
        # called only for what the instance does not hold yet: before the first use
        if name.startswith("__") or name in ("pattern", "given_flags"):  # copy and pickle probing a bare instance
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.given_flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        self.compiled = compiled
        return compiled if name == "compiled" else getattr(compiled, name)

    def __reduce__(self):
        return (LazyPattern, (self.pattern, self.given_flags))

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.given_flags})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(pattern, flags)


def parse_flags(pattern) -> int:
    """The flags to parse a compiled or lazy pattern's source with (``re._parser``
    readers), without compiling a lazy one."""
    return pattern.given_flags if isinstance(pattern, LazyPattern) else pattern.flags
