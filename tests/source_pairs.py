"""Shared helper of the source-aware tests: the texts one rule reports on an invented pair."""

from __future__ import annotations

from provenance.bilingual.pair import pair_texts


def rule_texts(pipeline, source: str, english: str, lang: str, rule: str) -> list[str]:
    """Texts of `rule`'s findings when `english` is checked against `source` (in `lang`)."""
    report = pipeline.run_documents([(pair_texts(source, english + "\n", lang), "article.en.txt")])
    return [f.text for f in report.files[0].findings if f.rule == rule]
