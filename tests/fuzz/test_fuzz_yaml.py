"""Fuzz target: YAML text into the rule-pack loader and the glossary loader.

Whatever the text, the loaders end with a one-line reason (PackError, a
glossary Problem) or a result: never another exception, never a traceback.
Aliases and deep nesting are in the mix (the guard must refuse them before
anything expands them). ``make test`` runs a few examples; ``make test-fuzz``
sets PROVENANCE_FUZZ_EXAMPLES for a longer run.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("PROVENANCE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

RULE_KEYS = ["code", "slug", "kind", "category", "mqm", "severity", "summary", "description", "message", "scope",
             "params", "examples", "phrases", "match", "regex", "bad", "good", "flag", "suggestion", "window", "mode"]
ENTRY_KEYS = ["id", "type", "canonical", "variants", "form", "status", "kind", "source_forms", "lang", "notes",
              "context_required", "never_merge_with", "sources", "entries", "description"]
VALUES = ["phrase", "layer", "calque", "warning", "error", "paragraph", "person", "canonical", "deprecated", "", "x y", "PV101"]

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(allow_nan=True), st.sampled_from(VALUES), st.text(max_size=12))


def documents(keys: list[str]):
    return st.recursive(
        scalars,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(keys), st.text(max_size=6)), inner, max_size=5)),
        max_leaves=25,
    )


def yaml_texts(keys: list[str], top: str):
    structured = documents(keys).map(lambda d: json.dumps({top: d} if not isinstance(d, dict) else d, default=str))
    bomb = st.integers(1, 12).map(lambda n: "a: &a [x, x]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n" for i in range(n)))
    deep = st.integers(60, 5000).map(lambda n: f"{top}: " + "[" * n + "]" * n + "\n")
    return st.one_of(structured, st.text(max_size=200), bomb, deep, st.binary(max_size=200).map(lambda b: b.decode("latin-1")))


@FUZZ
@given(yaml_texts(RULE_KEYS, "rules"))
def test_pack_loader_gives_a_one_line_reason(text):
    from provenance.rules.model import PackError, _parse_pack

    raw = text.encode("utf-8", "surrogatepass")
    try:
        _parse_pack(Path("fuzz.yaml"), [(Path("fuzz.yaml"), raw)], "0" * 64)
    except PackError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.yaml")


@FUZZ
@given(yaml_texts(ENTRY_KEYS, "entries"))
def test_glossary_loader_gives_problems_not_exceptions(text):
    from provenance.names.glossary import parse

    entries, problems = parse(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")
    for p in problems:
        assert "\n" not in p.message and str(p).startswith("fuzz.yaml")
