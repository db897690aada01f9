"""Settings of reuse detection: ``[tool.provenance.reuse]`` and command-line flags."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

#: Keys the check command sets from its flags (not user settings).
FLAG_KEYS = frozenset({"index", "index-path"})
#: Default ``date-pattern``: a year, month and day with separators (a bare run of
#: digits is too often an id).
DATE_PATTERN = r"(?P<year>(?:19|20)\d\d)[-_/.](?P<month>[01]\d)[-_/.](?P<day>[0-3]\d)"


@dataclass(frozen=True)
class ReuseSettings:
    #: A passage in at least this many articles is boilerplate. 3 makes the
    #: background paragraph that 3 of the 5 seed articles share boilerplate,
    #: while a passage two articles share stays a pair worth reading.
    boilerplate: int = 3
    #: Word-3-shingle Jaccard similarity from which two passages are near-duplicates.
    threshold: float = 0.5
    #: Share of the smaller passage's shingles found in the larger one from which
    #: it counts as a partial copy.
    containment: float = 0.8
    #: Shortest passage compared, in words.
    min_words: int = 6
    #: Cosine similarity of sentence embeddings from which ``--semantic`` reports a paraphrase.
    semantic_threshold: float = 0.85
    #: Where ``reuse`` finds an article's date in its path when its front matter
    #: has none (named groups year, month, day): 2024-03-02, 2024_03_02, 2024/03/02.
    date_pattern: str = DATE_PATTERN

    @classmethod
    def from_section(cls, section: dict[str, Any], where: str = "[tool.provenance.reuse]") -> "ReuseSettings":
        from provenance.config import ConfigError

        known = {f.name.replace("_", "-"): f for f in fields(cls)}
        values = {}
        for key, value in section.items():
            if key in FLAG_KEYS:
                continue
            f = known.get(key)
            if f is None:
                raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(known))})")
            values[f.name] = value
        return cls().with_values(where, **values)

    def with_values(self, where: str = "reuse settings", **values) -> "ReuseSettings":
        from provenance.config import ConfigError

        out = replace(self, **{k: v for k, v in values.items() if v is not None})
        if not (isinstance(out.boilerplate, int) and out.boilerplate >= 2):
            raise ConfigError(f"{where}: 'boilerplate' must be a whole number of articles, at least 2")
        if not (isinstance(out.min_words, int) and out.min_words >= 1):
            raise ConfigError(f"{where}: 'min-words' must be a whole number, at least 1")
        if not isinstance(out.date_pattern, str):
            raise ConfigError(f"{where}: 'date-pattern' must be a regular expression (a string)")
        if out.date_pattern:
            from provenance.reuse.firstran import check_pattern

            problem = check_pattern(out.date_pattern)
            if problem:
                raise ConfigError(f"{where}: 'date-pattern' {problem}")
        for name in ("threshold", "containment", "semantic_threshold"):
            v = getattr(out, name)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 1:
                raise ConfigError(f"{where}: '{name.replace('_', '-')}' must be a number in (0, 1]")
        return out

    def describe(self) -> str:
        return f"k={self.boilerplate},j={self.threshold:g},c={self.containment:g},w={self.min_words}"
