"""Every rule's documented examples, run through the whole pipeline with only
that rule selected: the bad text must raise it (at the documented span, with
the documented suggestion), the good text must not."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline
from provenance.rules import RuleSet
from tests.conftest import SEEDS

ALL_RULES = RuleSet.load().all_rules
CASES = [(code, i) for code, rule in sorted(ALL_RULES.items()) for i in range(len(rule.examples))]
_PIPELINES: dict[str, Pipeline] = {}


NEXT_FILE = "<<< next file >>>\n"  # cross-file rules show their examples as several articles


def _config_for(code: str) -> Config:
    config = Config(select=[code])
    if ALL_RULES[code].params.get("examples_need") == "seed-index":
        config.sections["reuse"] = {"index-path": str(_seed_index())}
    return config


@functools.lru_cache(maxsize=1)
def _seed_index() -> Path:
    """An article index of seeds/, for rules that report passages seen before."""
    from provenance.index.store import ArticleIndex

    path = Path(tempfile.mkdtemp(prefix="provenance-examples-")) / "index.db"
    index = ArticleIndex.open(path, write=True)
    index.add([(f"seeds/{p.name}", Document.from_path(p), None) for p in sorted(SEEDS.glob("*.txt"))])
    index.close()
    return path


def _document(part: str, i: int, source: str | None, lang: str | None) -> Document:
    if source is None:
        return Document(part, f"example{i}.txt")
    from provenance.bilingual.pair import pair_texts

    return pair_texts(source, part, lang, f"example{i}.txt", f"example{i}.{lang}.txt")


def findings_for(code: str, text: str, source: str | None = None, lang: str | None = None):
    """Findings of one rule on an example; a multi-file example is one run over its parts;
    a pair example (``source`` and ``lang``) is checked against its original."""
    pipeline = _PIPELINES.get(code)
    if pipeline is None:
        pipeline = _PIPELINES[code] = Pipeline(_config_for(code))
    parts = text.split(NEXT_FILE)
    report = pipeline.run_documents((_document(part, i, source, lang), f"example{i}.txt") for i, part in enumerate(parts))
    found = []
    for part, file_report in zip(parts, report.files):
        assert file_report.error is None, file_report.error
        found += [(part, f) for f in file_report.findings if f.rule == code]
    return found


def test_every_rule_has_examples_and_docs():
    assert ALL_RULES, "no rules loaded"
    for code, rule in ALL_RULES.items():
        assert rule.examples, f"{code} has no examples"
        assert len(rule.description) > 40, f"{code} needs a real description"
        assert rule.slug and rule.mqm and rule.summary


def test_codes_and_slugs_are_unique():
    slugs = [r.slug for r in ALL_RULES.values()]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize("code,index", CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_bad_example_is_flagged(code, index):
    example = ALL_RULES[code].examples[index]
    found = findings_for(code, example.bad, example.source, example.lang)
    assert found, f"{code} did not flag its bad example: {example.bad!r}"
    for part, f in found:
        assert part[f.start : f.end] == f.text
        if example.source is not None:  # a source-aware finding points at the original exactly
            assert f.source_start is not None and example.source[f.source_start : f.source_end] == f.source_text
    found = [f for _, f in found]
    if example.source_flag is not None:
        assert example.source_flag in [f.source_text for f in found], f"{code} pointed at {[f.source_text for f in found]} in the original"
    if example.flag is not None:
        assert example.flag in [f.text for f in found], f"{code} flagged {[f.text for f in found]}, expected {example.flag!r}"
    if example.suggestion is not None:
        flagged = [f for f in found if example.flag is None or f.text == example.flag]
        assert example.suggestion in [f.suggestion for f in flagged], f"{code} suggested {[f.suggestion for f in flagged]}"


@pytest.mark.parametrize("code,index", CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_good_example_is_clean(code, index):
    example = ALL_RULES[code].examples[index]
    found = findings_for(code, example.good, example.source, example.lang)
    assert not found, f"{code} flagged its good example: {[(f.text, f.message) for _, f in found]}"
