"""Rule packs, rule selection and the mapping from rule kinds to code."""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

from provenance.rules.model import (
    CATEGORIES,
    SEVERITIES,
    SEVERITY_RANK,
    Example,
    Pack,
    PackError,
    Rule,
    load_pack,
    resolve_pack,
)

__all__ = [
    "CATEGORIES",
    "DEFAULT_PACKS",
    "KINDS",
    "SEVERITIES",
    "SEVERITY_RANK",
    "Example",
    "Hit",
    "Pack",
    "PackError",
    "Rule",
    "RuleSet",
    "SelectorError",
]

#: Packs used when the configuration names none.
DEFAULT_PACKS = ("core", "ar-en")

#: Rule kinds applied by the rules layer: kind name -> "module:Class".
#: Kind "layer" marks rules whose findings come from another analyzer layer
#: (names, attributions, reuse); the pack still owns their metadata.
KINDS = {
    "phrase": "provenance.rules.kinds.phrase:PhraseChecker",
    "fragment": "provenance.rules.kinds.fragment:FragmentChecker",
    "verbless": "provenance.rules.kinds.verbless:VerblessChecker",
    "mtqe": "provenance.rules.kinds.mtqe:MachineTranslationChecker",
    "doublet": "provenance.rules.kinds.doublet:DoubletChecker",
    "quotes": "provenance.rules.kinds.quotes:QuotesChecker",
    "orphan-pronoun": "provenance.rules.kinds.pronoun:OrphanPronounChecker",
    "repetition": "provenance.rules.kinds.repetition:RepetitionChecker",
    "foreign-script": "provenance.rules.kinds.untranslated:ForeignScriptChecker",
    "foreign-language": "provenance.rules.kinds.untranslated:ForeignLanguageChecker",
    "invisible": "provenance.rules.kinds.invisible:InvisibleCharacterChecker",
    "romanized": "provenance.rules.kinds.romanized:RomanizedChecker",
    "grammar": "provenance.rules.kinds.grammar:GrammarChecker",
    # checked against the original (check --source): provenance/rules/kinds/source.py
    "source-numbers": "provenance.rules.kinds.source:SourceChecker",
    "source-dates": "provenance.rules.kinds.source:SourceChecker",
    "source-omission": "provenance.rules.kinds.source:SourceChecker",
    "source-addition": "provenance.rules.kinds.source:SourceChecker",
    "source-quotation": "provenance.rules.kinds.source:SourceChecker",
    "source-untranslated": "provenance.rules.kinds.source:SourceChecker",
    "source-names": "provenance.rules.kinds.source:SourceChecker",
}
LAYER_KIND = "layer"


class SelectorError(ValueError):
    """A --select/--ignore/severity selector that names no rule."""


@dataclass(frozen=True, slots=True)
class Hit:
    """What a checker found: a span, and optionally its own message and suggestion."""

    start: int
    end: int
    message: str | None = None
    suggestion: str | None = None
    #: Source-aware rules: the span of the original (doc.source_pair.text) the hit points at.
    source_start: int | None = None
    source_end: int | None = None


class Checker(Protocol):
    def __init__(self, rule: Rule) -> None: ...

    def check(self, doc) -> Iterable[Hit]: ...


def checker_for(rule: Rule) -> Checker:
    target = KINDS.get(rule.kind)
    if target is None:
        raise PackError(f"rule {rule.code}: unknown kind {rule.kind!r} (known: {', '.join(sorted(KINDS))}, {LAYER_KIND})")
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)(rule)


def _specificity(selector: str, rule: Rule) -> int:
    """How specifically a selector names a rule (0: not at all)."""
    s = selector.strip()
    if s.upper() == "ALL":
        return 1
    if s == rule.slug or s.upper() == rule.code.upper():
        return 1000
    if s == rule.category:
        return 50
    if len(s) >= 2 and rule.code.upper().startswith(s.upper()):
        return 100 + len(s)
    return 0


def code_order(code: str) -> tuple[str, int, str]:
    """Rule codes in numeric order (PV101 before PV1001), not string order."""
    digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return (code[: len(code) - len(digits)], int(digits) if digits.isdigit() else -1, code)


class RuleSet:
    """The rules of the loaded packs, after selection and severity overrides."""

    def __init__(self, packs: list[Pack], select=("ALL",), ignore=(), severity: dict[str, str] | None = None):
        self.packs = packs
        self.all_rules: dict[str, Rule] = {}
        for pack in packs:
            for rule in pack.rules:
                if rule.code in self.all_rules:
                    other = self.all_rules[rule.code]
                    raise PackError(f"rule code {rule.code} is defined twice (packs {other.pack} and {rule.pack})")
                self.all_rules[rule.code] = rule
        rules = list(self.all_rules.values())
        for sel in [*select, *ignore, *(severity or {})]:
            if not any(_specificity(sel, r) for r in rules):
                raise SelectorError(f"unknown rule selector {sel!r} (a code such as PV101, a code prefix, a slug or a category)")
        for sev in (severity or {}).values():
            if sev not in SEVERITIES:
                raise SelectorError(f"unknown severity {sev!r} (use {', '.join(SEVERITIES)})")
        self.select = tuple(select)
        self.ignore = tuple(ignore)
        self.severity_overrides = dict(severity or {})
        self.enabled: dict[str, Rule] = {}
        for rule in rules:
            sel = max((_specificity(s, rule) for s in self.select), default=0)
            ign = max((_specificity(s, rule) for s in self.ignore), default=0)
            if sel and sel > ign:
                override = max(((_specificity(s, rule), v) for s, v in self.severity_overrides.items()), default=(0, None))
                self.enabled[rule.code] = rule.with_severity(override[1]) if override[0] else rule
        self.enabled = dict(sorted(self.enabled.items(), key=lambda item: code_order(item[0])))

    @classmethod
    def load(cls, packs: Iterable[str] = DEFAULT_PACKS, base: Path | None = None, **kwargs) -> "RuleSet":
        return cls([load_pack(resolve_pack(p, base)) for p in packs], **kwargs)

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled

    def enabled_of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.enabled.values() if r.kind in kinds]

    def signature(self) -> str:
        packs = ",".join(f"{p.name}@{p.sha256[:8]}" for p in self.packs)
        chosen = "|".join(f"{r.code}={r.severity}" for r in self.enabled.values())
        rules = hashlib.sha256(chosen.encode()).hexdigest()[:8]
        return f"packs:{packs}|rules:{len(self.enabled)}@{rules}"
