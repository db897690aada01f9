"""Small value schemas for configuration tables and rule packs.

A spec checks one value and returns a reason ("must be true or false") or None.
``check_table`` checks a mapping against a table of specs: unknown keys are an
error with a "did you mean" when a known key is close. Callers add where the
value is (``file:line: key:``); see ``provenance.config`` and
``provenance.rules.model``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterable, Iterator


class Spec:
    """What a value must be; ``problem`` returns why it is not, or None."""

    def problem(self, value: Any) -> str | None:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Spec):
    nonempty: bool = False

    def problem(self, value):
        if not isinstance(value, str):
            return f"must be a string, not {_kind(value)}"
        if self.nonempty and not value.strip():
            return "must not be empty"
        return None


@dataclass(frozen=True)
class Bool(Spec):
    def problem(self, value):
        return None if isinstance(value, bool) else f"must be true or false, not {_kind(value)}"


@dataclass(frozen=True)
class Int(Spec):
    min: int | None = None

    def problem(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be a whole number, not {_kind(value)}"
        if self.min is not None and value < self.min:
            return f"must be at least {self.min}"
        return None


@dataclass(frozen=True)
class Number(Spec):
    low: float | None = None
    high: float | None = None
    #: The low bound itself is allowed (else the range is open at the bottom).
    low_inclusive: bool = True

    def problem(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"must be a number, not {_kind(value)}"
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return f"must be {'at least' if self.low_inclusive else 'greater than'} {self.low:g}"
        if self.high is not None and value > self.high:
            return f"must be at most {self.high:g}"
        return None


@dataclass(frozen=True)
class OneOf(Spec):
    values: tuple

    def problem(self, value):
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and value in self.values:
            return None
        hint = _did_you_mean(value, [str(v) for v in self.values]) if isinstance(value, str) else ""
        return f"must be one of {', '.join(map(str, self.values))}, not {_show(value)}{hint}"


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    nonempty: bool = False
    #: A single string stands for a list of one.
    single: bool = False

    def problem(self, value):
        if self.single and isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return f"must be a list{' or a string' if self.single else ''}, not {_kind(value)}"
        if self.nonempty and not value:
            return "must not be empty"
        for i, v in enumerate(value):
            reason = self.item.problem(v)
            if reason:
                return f"item {i + 1} {reason}"
        return None


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping of string keys to values of one spec."""

    value: Spec

    def problem(self, value):
        if not isinstance(value, dict):
            return f"must be a table, not {_kind(value)}"
        for k, v in value.items():
            reason = self.value.problem(v)
            if reason:
                return f"{k!s}: {reason}"
        return None


@dataclass(frozen=True)
class Size(Spec):
    """A number of bytes, or a size such as "256MB" (``provenance.safeio.parse_size``)."""

    def problem(self, value):
        from provenance.safeio import parse_size

        try:
            parse_size(value)
        except ValueError as exc:
            return str(exc)
        return None


@dataclass(frozen=True)
class Any_(Spec):
    def problem(self, value):
        return None


STR_LIST = ListOf(Str())


def check_table(table: Any, specs: dict[str, Spec], *, required: Iterable[str] = (), open_keys: bool = False) -> Iterator[tuple[str | None, str]]:
    """(key, reason) for every problem of ``table``; key None: the table itself."""
    if not isinstance(table, dict):
        yield None, f"must be a table, not {_kind(table)}"
        return
    for key, value in table.items():
        spec = specs.get(key)
        if spec is None:
            if not open_keys:
                yield str(key), f"unknown key '{key}'{_did_you_mean(str(key), specs)} (known: {', '.join(sorted(specs)) or 'none'})"
            continue
        reason = spec.problem(value)
        if reason:
            yield str(key), reason
    for key in required:
        if key not in table:
            yield key, "is missing (required)"


def _did_you_mean(word: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    return _did_you_mean(word, known)


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."



def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, so a
    key or value quoted in a reason cannot break it over lines."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
