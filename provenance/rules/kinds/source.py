"""Kinds ``source-*``: checks of an article against its original.

They apply only when the article has one (``check --source``, ``--source-dir``,
front matter ``source:``, ``name.en.txt`` beside ``name.XX.txt``): the
pipeline attaches it as ``doc.source_pair`` (provenance.bilingual.pair). Each
hit points at the English and at the original (``source_start``/``source_end``).
The bilingual modules are imported only for a paired article, so a check
without an original loads nothing more.

Kinds: source-numbers, source-dates, source-omission, source-addition,
source-quotation, source-untranslated, source-names (provenance.bilingual.checks, check_quotes
and provenance.bilingual.names hold the logic; params are listed there).
"""

from __future__ import annotations

from typing import Iterable

from provenance.rules import Hit
from provenance.rules.model import Rule

#: kind -> (module, function) of the check
CHECKS = {
    "source-numbers": ("checks", "numbers"),
    "source-dates": ("checks", "dates"),
    "source-omission": ("checks", "omissions"),
    "source-addition": ("checks", "additions"),
    "source-quotation": ("checks", "quotations"),
    "source-untranslated": ("checks", "untranslated"),
    "source-names": ("names", "names"),
}


class SourceChecker:
    def __init__(self, rule: Rule):
        self.rule = rule
        self.params = {k: v for k, v in rule.params.items() if k != "examples_need"}

    def check(self, doc) -> Iterable[Hit]:
        pair = getattr(doc, "source_pair", None)
        if pair is None:
            return []
        import importlib

        module, func = CHECKS[self.rule.kind]
        check = getattr(importlib.import_module(f"provenance.bilingual.{module}"), func)
        hits, seen = [], set()
        issues = check(pair, self.params, doc) if module == "names" else check(pair, self.params)
        for issue in issues:
            key = (issue.start, issue.end, issue.source_start, issue.source_end)
            if key in seen:
                continue
            seen.add(key)
            hits.append(Hit(issue.start, issue.end, issue.message, None, issue.source_start, issue.source_end))
        return hits
