"""Broken configurations, rule packs and YAML bombs: each case runs in its own
process with a timeout and must end with one line on stderr and exit 2 (no
traceback, no hang); valid files keep loading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE = "The minister said on Tuesday that the talks would resume.\n"
TIMEOUT = 60  # a hang fails the test; the cases themselves take well under a second of work


def run(args: list[str], cwd: Path, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PROVENANCE_NO_CACHE": "1", "PYTHONPATH": str(ROOT), "HOME": str(cwd)}
    return subprocess.run([sys.executable, "-m", "provenance", *args], cwd=cwd, env=env, capture_output=True, timeout=timeout)


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    for needle in needles:
        assert needle in err, err
    return err


CONFIG_CASES = {
    "non-utf8": (b'select = ["PV1"]\n\xff\xfe = 1\n', ["provenance.toml:2:", "not UTF-8"]),
    "tool-number": (b"tool = 5\n", ["provenance.toml:1: tool: must be a table"]),
    "tool-provenance-list": (b"tool.provenance = []\n", ["provenance.toml:1: tool.provenance: must be a table"]),
    "enabled-string": (b'[tool.provenance.attributions]\nenabled = "no"\n', ["provenance.toml:2: tool.provenance.attributions.enabled: must be true or false"]),
    "unknown-top-key": (b'selct = ["PV1"]\n', ["provenance.toml:1: selct: unknown key 'selct'", "did you mean 'select'"]),
    "unknown-section-key": (b"[attributions]\nenabeld = true\n", ["provenance.toml:2: attributions.enabeld", "did you mean 'enabled'"]),
    "inline-table-key": (b"attributions = {enabeld = true}\n", ["provenance.toml:1: attributions.enabeld"]),
    "section-not-table": (b"names = 3\n", ["provenance.toml:1: names: must be a table"]),
    "wrong-list-type": (b"select = 5\n", ["provenance.toml:1: select: must be a list"]),
    "fail-on-value": (b'fail-on = "eror"\n', ["fail-on: must be one of", "did you mean 'error'"]),
    "severity-value": (b'[severity]\nPV101 = "warn"\n', ["severity: PV101: must be one of", "did you mean 'warning'"]),
    "reuse-range": (b"[reuse]\nthreshold = 2\n", ["provenance.toml:2: reuse.threshold: must be at most 1"]),
    "names-cache-type": (b'[names]\ncache = "yes"\n', ["names.cache: must be true or false"]),
    "index-timeout-type": (b'[index]\ntimeout = "long"\n', ["index.timeout: must be a number"]),
    "invalid-toml": (b"select = [\n", ["invalid TOML"]),
}


@pytest.mark.parametrize("case", sorted(CONFIG_CASES))
def test_broken_configuration_is_one_line(tmp_path, case):
    content, needles = CONFIG_CASES[case]
    (tmp_path / "provenance.toml").write_bytes(content)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    one_line_error(run(["check", "a.txt"], tmp_path), *needles)  # found by the upward search
    one_line_error(run(["check", "--config", "provenance.toml", "a.txt"], tmp_path), *needles)


def test_pyproject_tool_provenance_list(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "x"\n[tool]\nprovenance = []\n')
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    one_line_error(run(["check", "a.txt"], tmp_path), "pyproject.toml:4: tool.provenance: must be a table")


def test_valid_configuration_still_loads(tmp_path):
    (tmp_path / "provenance.toml").write_bytes(
        b'select = "PV1"\nfail-on = "never"\n[attributions]\nenabled = false\n[names]\ncache = false\n[reuse]\nthreshold = 0.6\n'
    )
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(["check", "a.txt"], tmp_path)
    assert result.returncode == 0, result.stderr


RULE = """rules:
  - code: XX101
    slug: x-rule
    kind: {kind}
    category: calque
    mqm: fluency
    severity: warning
    summary: s
    description: d
{extra}"""
EXAMPLES = "    examples: [{bad: a b, good: c}]\n"
PHRASES = "    phrases: [{match: a b}]\n"

PACK_CASES = {
    "examples-number": ("phrase", "    examples: 5\n" + PHRASES, ["pack.yaml:10: rule XX101: examples: must be a list"]),
    "scope-number": ("phrase", "    scope: 5\n" + EXAMPLES + PHRASES, ["pack.yaml:10: rule XX101: scope: must be a list"]),
    "scope-value": ("phrase", "    scope: [body]\n" + EXAMPLES + PHRASES, ["scope: item 1 must be one of"]),
    "params-list": ("phrase", "    params: [1, 2]\n" + EXAMPLES + PHRASES, ["pack.yaml:10: rule XX101: params: must be a table"]),
    "phrase-without-match": ("phrase", EXAMPLES + "    phrases: [{suggestion: x}]\n", ["pack.yaml:11: rule XX101: phrases[1]: a phrase needs 'match' or 'regex'"]),
    "phrase-unknown-key": ("phrase", EXAMPLES + "    phrases: [{match: x, sugestion: y}]\n", ["phrases[1].sugestion: unknown key", "did you mean 'suggestion'"]),
    "phrase-kind-without-phrases": ("phrase", EXAMPLES, ["kind 'phrase' needs a 'phrases' list"]),
    "param-type": ("phrase", "    params: {window: fast}\n" + EXAMPLES + PHRASES, ["params.window: must be a whole number"]),
    "param-unknown": ("repetition", "    params: {mode: paragraph, min_word: 3}\n" + EXAMPLES, ["params.min_word: unknown key", "did you mean 'min_words'"]),
    "param-value": ("quotes", "    params: {mode: crooked}\n" + EXAMPLES, ["params.mode: must be one of"]),
    "rule-unknown-key": ("phrase", EXAMPLES + PHRASES + "    sevrity: info\n", ["sevrity: unknown key", "did you mean 'severity'"]),
    "example-unknown-key": ("phrase", "    examples: [{bad: a, good: b, flg: a}]\n" + PHRASES, ["examples[1].flg: unknown key", "did you mean 'flag'"]),
    "example-missing-good": ("phrase", "    examples: [{bad: a}]\n" + PHRASES, ["good: is missing"]),
    "severity-value": ("phrase", EXAMPLES + PHRASES + "    message: 5\n", ["message: must be a string"]),
}


def _pack_run(tmp_path: Path, text: str | bytes) -> subprocess.CompletedProcess:
    data = text.encode() if isinstance(text, str) else text
    (tmp_path / "pack.yaml").write_bytes(data)
    (tmp_path / "provenance.toml").write_text('extend-packs = ["pack.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return run(["check", "--layers", "rules", "a.txt"], tmp_path)


@pytest.mark.parametrize("case", sorted(PACK_CASES))
def test_broken_rule_pack_is_one_line(tmp_path, case):
    kind, extra, needles = PACK_CASES[case]
    one_line_error(_pack_run(tmp_path, RULE.format(kind=kind, extra=extra)), *needles)


def test_kind_without_param_table_is_permissive(tmp_path):
    """A kind that declares no params table (a new one) loads with any params;
    the kind itself must exist, so this checks the loader through the API."""
    from provenance.rules.model import PackError, _rule_from_yaml
    from provenance.rules.params import KIND_PARAMS

    item = {"code": "XX1", "slug": "x", "kind": "brand-new-kind", "category": "calque", "mqm": "m", "severity": "info",
            "summary": "s", "description": "d", "examples": [{"bad": "a", "good": "b"}], "params": {"anything": [1, {"x": 2}]}}
    assert "brand-new-kind" not in KIND_PARAMS
    assert _rule_from_yaml(item, Path("p.yaml"), 0, "p").params == {"anything": [1, {"x": 2}]}
    with pytest.raises(PackError, match="params.anything: unknown key"):
        _rule_from_yaml({**item, "kind": "invisible"}, Path("p.yaml"), 0, "p")


def test_every_shipped_kind_has_a_param_table():
    from provenance.rules import KINDS, LAYER_KIND
    from provenance.rules.params import KIND_PARAMS

    assert set(KINDS) | {LAYER_KIND} >= set(KIND_PARAMS)


def _bomb(levels: int = 9) -> str:
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_in_pack_fails_fast(tmp_path):
    one_line_error(_pack_run(tmp_path, _bomb() + RULE.format(kind="phrase", extra=EXAMPLES + PHRASES)), "pack.yaml:2:", "YAML aliases are not allowed")


def test_alias_bomb_inside_a_rule(tmp_path):
    text = RULE.format(kind="phrase", extra="    examples: [{bad: &b [a, a, a], good: *b}]\n" + PHRASES)
    one_line_error(_pack_run(tmp_path, text), "YAML aliases are not allowed")


def test_deep_nesting_in_pack_is_refused(tmp_path):
    # 200,000 levels overflow the C stack of the compiled YAML composer (a segfault)
    one_line_error(_pack_run(tmp_path, "rules: " + "[" * 200_000 + "]" * 200_000 + "\n"), "nested more than")


def test_alias_bomb_in_glossary_fails_fast(tmp_path):
    (tmp_path / "g.yaml").write_text(_bomb() + "entries: []\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    one_line_error(run(["check", "--isolated", "--glossary", "g.yaml", "a.txt"], tmp_path), "g.yaml:2", "YAML aliases are not allowed")
    lint = run(["glossary", "lint", "g.yaml"], tmp_path)  # lint reports problems as its findings: exit 1
    assert lint.returncode == 1 and b"g.yaml:2: YAML aliases are not allowed" in lint.stdout and b"Traceback" not in lint.stderr


def test_deep_nesting_in_glossary_is_refused(tmp_path):
    (tmp_path / "g.yaml").write_text("entries: " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    one_line_error(run(["check", "--isolated", "--glossary", "g.yaml", "a.txt"], tmp_path), "nested more than")


def test_guard_leaves_syntax_errors_to_the_loader():
    from provenance.yamlguard import YAMLRefused, guard

    guard("a: [1\n")  # not refused: the loader reports the syntax error with its own line
    guard("a: &x 1\nb: 2\n")  # an anchor alone is harmless
    with pytest.raises(YAMLRefused):
        guard("a: &x 1\nb: *x\n")
