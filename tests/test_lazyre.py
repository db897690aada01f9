"""Patterns compiled on first use (provenance/lazyre.py) behave as the compiled pattern."""

from __future__ import annotations

import copy
import pickle
import re

from provenance.lazyre import LazyPattern, lazy, parse_flags


def test_not_compiled_until_used_then_the_same_answers():
    rx = lazy(r"\bsaid\b", re.IGNORECASE)
    assert rx.pattern == r"\bsaid\b" and "compiled" not in vars(rx)  # .pattern asks for no compile
    text = "He SAID so, and she said it again."
    plain = re.compile(r"\bsaid\b", re.IGNORECASE)
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert rx.search(text, 5).span() == plain.search(text, 5).span()
    assert rx.sub("told", text) == plain.sub("told", text)
    assert rx.flags == plain.flags and rx.compiled is plain  # re's own cache: the very same pattern
    assert parse_flags(rx) == re.IGNORECASE and parse_flags(plain) == plain.flags


def test_a_lazy_pattern_pickles_and_copies_before_and_after_its_first_use():
    rx = lazy(r"(?P<w>\w+)-(?P=w)")
    for _ in range(2):
        for other in (pickle.loads(pickle.dumps(rx)), copy.deepcopy(rx), copy.copy(rx)):
            assert isinstance(other, LazyPattern) and other.pattern == rx.pattern
            assert other.match("bye-bye").group("w") == "bye"
        rx.match("x")  # now compiled


def test_a_bad_pattern_fails_when_first_used():
    rx = lazy("(unclosed")
    try:
        rx.search("text")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise re.error")


def test_compiled_is_the_pattern_even_as_the_first_use():
    rx = lazy(r"\d+")
    assert rx.compiled is re.compile(r"\d+")  # what code hands to re functions, asked for before any match
    assert re.sub(rx.compiled, "#", "a1b22") == "a#b#"
