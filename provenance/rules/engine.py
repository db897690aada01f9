"""The artifacts layer: runs every enabled rule whose kind lives in code."""

from __future__ import annotations

from provenance.rules import LAYER_KIND, checker_for


class RulesAnalyzer:
    name = "rules"

    def __init__(self, config, ruleset):
        self.ruleset = ruleset
        self.checkers = [
            (rule, checker_for(rule)) for rule in ruleset.enabled.values() if rule.kind != LAYER_KIND
        ]

    @classmethod
    def enabled(cls, config) -> bool:
        return True

    def signature(self) -> str | None:
        return None  # the rule packs are already in the report signature

    def analyze(self, doc, report, emit) -> None:
        for rule, checker in self.checkers:
            for hit in checker.check(doc):
                emit(rule.code, hit.start, hit.end, hit.message, hit.suggestion)

    def finish(self, files):
        return None
