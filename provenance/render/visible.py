"""What a run shows: ``--min-severity`` (this severity and above) and
``--show-severity`` (exactly these severities). Hidden findings are left out
of every format, of the summary and of the exit code (a CI job never fails on
a finding nobody can see); how many were hidden is said on stderr."""

from __future__ import annotations

from collections import Counter

from provenance.report import Report
from provenance.rules.model import SEVERITY_RANK

SEVERITIES = ("error", "warning", "info")


class SeverityError(ValueError):
    pass


def shown_severities(min_severity: str | None, show: list[str] | None) -> set[str] | None:
    """The severities to show, or None for all. Both options together: the
    listed severities at or above the minimum."""
    if min_severity is None and not show:
        return None
    chosen = set(SEVERITIES)
    if show:
        unknown = [s for s in show if s not in SEVERITIES]
        if unknown:
            raise SeverityError(f"--show-severity: unknown severity '{unknown[0]}' (known: {', '.join(SEVERITIES)})")
        chosen = set(show)
    if min_severity is not None:
        if min_severity not in SEVERITIES:
            raise SeverityError(f"--min-severity: unknown severity '{min_severity}' (known: {', '.join(SEVERITIES)})")
        chosen = {s for s in chosen if SEVERITY_RANK[s] >= SEVERITY_RANK[min_severity]}
    return chosen


def keep_shown(findings, severities: set[str] | None, hidden: Counter) -> list:
    """The findings whose severity is shown; the others counted in ``hidden``.
    The pipeline applies it to each file as it joins the report (so a run kept
    on disk is filtered as well), after suppression."""
    if severities is None:
        return findings
    kept = []
    for f in findings:
        if f.severity in severities:
            kept.append(f)
        else:
            hidden[f.severity] += 1
    return kept


def hide(report: Report, severities: set[str] | None) -> Counter:
    """Drop the findings whose severity is not shown from a report held in memory,
    in place; return how many of each severity were dropped."""
    hidden: Counter = Counter()
    for file_report in report.files:
        file_report.findings = keep_shown(file_report.findings, severities, hidden)
    return hidden


def hidden_note(hidden: Counter, because: str = "--min-severity/--show-severity") -> str | None:
    if not hidden:
        return None
    parts = [f"{hidden[s]} {s}" for s in SEVERITIES if hidden[s]]
    total = sum(hidden.values())
    return f"{' and '.join(parts)} finding{'s' if total != 1 else ''} not shown ({because})"
