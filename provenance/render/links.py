"""Links the renderers put on rules: the repository (``[project.urls]
Repository`` in pyproject.toml; a test keeps the two equal) and each rule's
entry in docs/rules.md (the anchor ``provenance rules --format markdown``
writes: ``#pv101-split-modifier``)."""

from __future__ import annotations

REPOSITORY_URL = "https://github.com/provenance-news/provenance"
RULES_DOC_URL = f"{REPOSITORY_URL}/blob/main/docs/rules.md"


def rule_anchor(code: str, slug: str) -> str:
    return f"{code.lower()}-{slug}"


def rule_url(code: str, slug: str) -> str:
    return f"{RULES_DOC_URL}#{rule_anchor(code, slug)}"
