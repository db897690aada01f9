"""JUnit XML, for CI systems that show test reports (GitLab ``artifacts:
reports:junit``, Jenkins, Azure Pipelines, CircleCI).

One ``<testcase>`` a file (``group="file"``, the default) or a rule
(``group="rule"``: every enabled rule, passing when it found nothing). Each
finding at or above the ``fail_on`` severity is one ``<failure>`` (``type``
the rule code, ``message`` the one-line finding); findings below it are
listed in the test case's ``<system-out>``, so the test report and the exit
code agree. A file that could not be checked is an ``<error>``. Only the
elements and attributes of the common JUnit schema (Jenkins'
``junit-10.xsd``, pytest's ``xunit2``) are written: no ``file`` attribute. Characters
XML 1.0 cannot hold (control characters from a hostile file) are written as
``\\xNN``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from provenance.report import Finding, Report
from provenance.rules.model import SEVERITY_RANK

GROUPS = ("file", "rule")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def _line(path: str, f: Finding) -> str:
    return f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message} [{f.slug}]"


def _detail(path: str, f: Finding) -> str:
    lines = [_line(path, f), f"text: “{f.text}”"]
    if f.suggestion is not None:
        lines.append(f"suggestion: {f'“{f.suggestion}”' if f.suggestion else '(delete)'}")
    lines.append(f"category: {f.category}; MQM: {f.mqm}")
    return "\n".join(lines)


def _case(suite: ET.Element, classname: str, name: str, items: list[tuple[str, Finding]], fail_rank: int) -> tuple[int, int]:
    case = ET.SubElement(suite, "testcase", {"classname": _clean(classname), "name": _clean(name)})
    failures, below = 0, []
    for path, f in items:
        if SEVERITY_RANK[f.severity] >= fail_rank:
            failure = ET.SubElement(case, "failure", {"type": f.rule, "message": _clean(_line(path, f))})
            failure.text = _clean(_detail(path, f))
            failures += 1
        else:
            below.append(_clean(_line(path, f)))
    if below:
        ET.SubElement(case, "system-out").text = "\n".join(below) + "\n"
    return 1, failures


def render(report: Report, *, group: str = "file", fail_on: str = "error") -> str:
    if group not in GROUPS:
        raise ValueError(f"unknown JUnit grouping {group!r} (known: {', '.join(GROUPS)})")
    fail_rank = SEVERITY_RANK.get(fail_on, 10**6)  # "never": nothing fails
    root = ET.Element("testsuites", {"name": "provenance"})
    suite = ET.SubElement(root, "testsuite", {"name": f"provenance ({group})"})
    tests = failures = errors = 0
    error_files = [fr for fr in report.files if fr.error is not None]
    if group == "file":
        for fr in report.files:
            if fr.error is not None:
                continue
            items = [(fr.path, f) for f in sorted(fr.findings, key=Finding.sort_key)]
            n, k = _case(suite, "provenance.files", fr.path, items, fail_rank)
            tests, failures = tests + n, failures + k
    else:
        by_rule: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
        for fr in report.files:
            for f in sorted(fr.findings, key=Finding.sort_key):
                by_rule[f.rule].append((fr.path, f))
        slugs = {r.code: r.slug for r in report.rules}
        for _, f in report.all_findings():
            slugs.setdefault(f.rule, f.slug)
        for code in sorted(slugs):
            n, k = _case(suite, "provenance.rules", f"{code} {slugs[code]}", by_rule.get(code, []), fail_rank)
            tests, failures = tests + n, failures + k
    for fr in error_files:
        case = ET.SubElement(suite, "testcase", {"classname": "provenance.files", "name": _clean(fr.path)})
        ET.SubElement(case, "error", {"type": fr.error_kind or "error", "message": _clean(fr.error or "")})
        tests, errors = tests + 1, errors + 1
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(errors)}
    root.attrib.update(counts)
    suite.attrib.update(counts | {"skipped": "0"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
