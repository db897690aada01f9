"""The CI formats of `check`: GitHub workflow commands, GitLab Code Quality,
JUnit XML, reviewdog rdjson, the concise one-line form; --min-severity and
--show-severity; --stdin-filename. Every position is checked against the
article text, not against stored output."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from provenance.render import concise, github, gitlab, junit, rdjson
from provenance.report import FileReport, Finding, Report
from tests.test_cli import run

#: Our own article: non-ASCII before spans (byte columns), one rule twice with
#: the same message (distinct fingerprints), an error, warnings, an info.
ARTICLE = (
    "The minister – Ahmad al-Sa‘di – said yesterday, Friday, that the War Council met in Cairo.\n\n"
    "The spokesman said - in a statement - that the War Council would meet again. "
    "The court heard charges of genocide. Collective.\n\n"
    "In a related context, the concerned authorities said the talks would resume.\n\n"
    "The road reopened - and traffic moved.\n"
)


@pytest.fixture(scope="module")
def report(default_pipeline, tmp_path_factory):
    from provenance.discover import Source

    path = tmp_path_factory.mktemp("ci") / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    rep = default_pipeline.run([Source("desk/article.txt", path)], keep_text=True)
    severities = {f.severity for _, f in rep.all_findings()}
    assert severities == {"error", "warning", "info"}, severities  # the article exercises every level
    return rep


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def findings(rep: Report) -> list[Finding]:
    return [f for _, f in sorted(rep.all_findings(), key=lambda p: (p[0].path, p[1].sort_key()))]


# -- GitHub workflow commands ----------------------------------------------------


def test_github_escaping():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


_COMMAND = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def _unescape(s: str) -> str:
    return s.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def test_github_one_command_per_finding_at_the_span(report):
    import io

    out = io.StringIO()
    github.render(report, out)
    lines = out.getvalue().splitlines()
    expected = findings(report)
    assert len(lines) == len(expected)
    text = report.texts["desk/article.txt"].split("\n")
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines, expected):
        m = _COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert m.group(1) == level[f.severity]
        assert _unescape(props["file"]) == "desk/article.txt"
        assert _unescape(props["title"]) == f"{f.rule} {f.slug}"
        start, end = int(props["col"]), int(props["endColumn"])
        assert props["line"] == props["endLine"] == str(f.line)
        assert text[f.line - 1][start - 1 : end - 1] == f.text  # endColumn exclusive
        assert _unescape(m.group(3)).startswith(f.message)
        assert "\n" not in m.group(3)


def test_github_multiline_finding_has_no_columns_and_message_newlines_are_escaped():
    import io

    f = Finding("PV401", "repeated-paragraph", "repetition", "Accuracy/Addition", "warning", "a: b, 100%\nsecond", "x", 2, 3, 10, 20, "one\ntwo")
    out = io.StringIO()
    github.render(Report("sig", [FileReport("a,b:c.txt", findings=[f])]), out)
    line = out.getvalue()
    assert line.count("\n") == 1
    assert line.startswith("::warning file=a%2Cb%3Ac.txt,line=2,endLine=3,title=PV401 repeated-paragraph::")
    assert "col=" not in line and "a: b, 100%25%0Asecond%0ASuggestion: “x”" in line


def test_github_unreadable_file_is_an_error_annotation():
    import io

    out = io.StringIO()
    github.render(Report("sig", [FileReport("bin.txt", error="binary file (NUL bytes)", error_kind="binary")]), out)
    assert out.getvalue() == "::error file=bin.txt,title=provenance::binary file (NUL bytes)\n"


# -- GitLab Code Quality --------------------------------------------------------


def test_gitlab_code_quality(report):
    issues = json.loads(gitlab.render(report))
    expected = findings(report)
    assert len(issues) == len(expected)
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # the two "War Council" findings too
    for issue, f in zip(issues, expected):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f.rule and f.message in issue["description"]
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[f.severity]
        assert issue["location"]["path"] == "desk/article.txt"
        assert issue["location"]["lines"]["begin"] == f.line


def test_gitlab_fingerprints_are_unique_across_the_seeds(seed_report):
    issues = json.loads(gitlab.render(seed_report))
    assert len(issues) == sum(len(f.findings) for f in seed_report.files)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# -- JUnit --------------------------------------------------------------------------


#: The common JUnit schema (Jenkins junit-10.xsd, pytest's xunit2): the
#: attributes each element may carry and the order of a test case's children.
_ATTRS = {
    "testsuites": {"name", "time", "tests", "failures", "disabled", "errors"},
    "testsuite": {"name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id", "package"},
    "testcase": {"name", "assertions", "time", "classname", "status"},
    "failure": {"message", "type"},
    "error": {"message", "type"},
    "system-out": set(),
}
_CASE_ORDER = ["skipped", "error", "failure", "system-out", "system-err"]


def _valid_junit(root: ET.Element) -> None:
    assert root.tag == "testsuites"
    for el in root.iter():
        assert el.tag in _ATTRS, el.tag
        assert set(el.attrib) <= _ATTRS[el.tag], (el.tag, set(el.attrib) - _ATTRS[el.tag])
    for suite in root:
        assert suite.tag == "testsuite" and {"name", "tests"} <= set(suite.attrib)
        for case in suite:
            assert case.tag == "testcase" and "name" in case.attrib
            order = [_CASE_ORDER.index(c.tag) for c in case]
            assert order == sorted(order)


def _counts(el: ET.Element) -> dict:
    return {k: int(el.get(k)) for k in ("tests", "failures", "errors")}


@pytest.mark.parametrize("fail_on", ["error", "warning", "info", "never"])
def test_junit_per_file(report, fail_on):
    root = ET.fromstring(junit.render(report, group="file", fail_on=fail_on))
    _valid_junit(root)
    rank = {"info": 1, "warning": 2, "error": 3, "never": 99}
    n_fail = sum(1 for f in findings(report) if rank[f.severity] >= rank[fail_on])
    suite = root.find("testsuite")
    assert _counts(root) == _counts(suite) == {"tests": 1, "failures": n_fail, "errors": 0}
    case = suite.find("testcase")
    assert case.get("name") == "desk/article.txt"
    failures = case.findall("failure")
    assert len(failures) == n_fail
    shown = [f.get("type") for f in failures] + [line.split()[2] for line in (case.findtext("system-out") or "").splitlines()]
    assert sorted(shown) == sorted(f.rule for f in findings(report))


def test_junit_per_rule(report):
    root = ET.fromstring(junit.render(report, group="rule", fail_on="warning"))
    _valid_junit(root)
    cases = root.find("testsuite").findall("testcase")
    assert len(cases) == len(report.rules)  # every enabled rule, passing or not
    by_name = {c.get("name"): c for c in cases}
    assert len(by_name["PV602 institution-calque"].findall("failure")) == 2
    assert by_name["PV101 split-modifier"].find("failure").get("type") == "PV101"
    assert not by_name["PV201 doublet"].findall("failure")
    assert int(root.get("failures")) == sum(1 for f in findings(report) if f.severity != "info")


def test_junit_holds_hostile_text_and_unreadable_files():
    f = Finding("PV510", "invisible-character", "characters", "x", "error", "bad \x1b[31m <tag> & \x00", None, 1, 1, 0, 1, "\x1b")
    rep = Report("sig", [FileReport("a.txt", findings=[f]), FileReport("b.txt", error="binary file", error_kind="binary")])
    out = junit.render(rep)
    root = ET.fromstring(out)  # well-formed XML 1.0 despite ESC and NUL
    _valid_junit(root)
    assert _counts(root) == {"tests": 2, "failures": 1, "errors": 1}
    assert "\\x1b[31m <tag> & \\x00" in root.find("testsuite/testcase/failure").get("message")
    assert root.find("testsuite/testcase[@name='b.txt']/error").get("type") == "binary"


# -- reviewdog rdjson ---------------------------------------------------------------


def test_rdjson_ranges_are_utf8_byte_columns(report):
    result = json.loads(rdjson.render(report))
    assert result["source"]["name"] == "provenance"
    lines = report.texts["desk/article.txt"].split("\n")
    expected = findings(report)
    assert len(result["diagnostics"]) == len(expected)
    non_ascii_before = 0
    for d, f in zip(result["diagnostics"], expected):
        r = d["location"]["range"]
        assert r["start"]["line"] == r["end"]["line"] == f.line
        raw = lines[f.line - 1].encode("utf-8")
        assert raw[r["start"]["column"] - 1 : r["end"]["column"] - 1].decode("utf-8") == f.text
        non_ascii_before += r["start"]["column"] != f.column
        assert d["severity"] == f.severity.upper()
        assert d["code"]["value"] == f.rule and d["code"]["url"].endswith(f"#{f.rule.lower()}-{f.slug}")
        if f.suggestion is None:
            assert "suggestions" not in d
        else:
            assert d["suggestions"] == [{"range": r, "text": f.suggestion}]
    assert non_ascii_before  # the dashes and the ‘ in the first line count 3 bytes each


# -- concise ----------------------------------------------------------------------------


def test_concise_is_one_line_a_finding(report):
    import io

    out = io.StringIO()
    concise.render(report, out, quiet=True)
    lines = out.getvalue().splitlines()
    assert lines == [f"desk/article.txt:{f.line}:{f.column}: {f.severity} {f.rule} {f.message} [{f.slug}]" for f in findings(report)]


# -- the command line ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["github", "gitlab", "junit", "rdjson", "concise"])
def test_cli_formats_are_deterministic(article, fmt):
    first = run("check", str(article), "--format", fmt, "--fail-on", "never")
    second = run("check", str(article), "--format", fmt, "--fail-on", "never")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout


def test_min_severity_hides_findings_everywhere(article):
    r = run("check", str(article), "--format", "json", "--min-severity", "warning", "--fail-on", "info")
    data = json.loads(r.stdout)
    sev = {f["severity"] for f in data["files"][0]["findings"]}
    assert sev == {"error", "warning"} and data["summary"]["by_severity"]["info"] == 0
    assert "1 info finding not shown (--min-severity warning)" in r.stderr
    assert r.exit_code == 1  # the warnings still fail --fail-on info


def test_hidden_findings_do_not_fail_the_run(article):
    r = run("check", str(article), "--format", "concise", "--show-severity", "info", "--fail-on", "warning")
    assert r.exit_code == 0, r.stdout
    assert [line.split()[1] for line in r.stdout.splitlines()[:-1]] == ["info"]
    r = run("check", str(article), "--format", "concise", "--show-severity", "warning,error", "--min-severity", "error", "-q")
    assert r.exit_code == 1 and len(r.stdout.splitlines()) == 1 and " error PV101 " in r.stdout


def test_bad_severity_is_a_usage_error(article):
    r = run("check", str(article), "--show-severity", "fatal")
    assert r.exit_code == 2 and "unknown severity 'fatal'" in r.stderr


def test_stdin_filename(article):
    r = runner_stdin(["check", "-", "--stdin-filename", "desk/from-editor.txt", "--format", "concise", "-q"], ARTICLE)
    assert r.exit_code == 1
    assert all(line.startswith("desk/from-editor.txt:") for line in r.stdout.splitlines())
    r = runner_stdin(["check", str(article), "--stdin-filename", "x.txt"], "")
    assert r.exit_code == 2 and "give '-'" in r.stderr


def runner_stdin(args, text):
    import subprocess
    import sys
    from types import SimpleNamespace

    from tests.conftest import ROOT

    p = subprocess.run([sys.executable, "-m", "provenance", *args], input=text.encode(), capture_output=True, cwd=ROOT, timeout=600)
    return SimpleNamespace(exit_code=p.returncode, stdout=p.stdout.decode(), stderr=p.stderr.decode())
