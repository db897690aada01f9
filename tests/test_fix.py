"""check --fix / --diff / --unsafe-fixes: planning, applying, encodings, the seeds."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document.decode import decode_bytes
from provenance.fix import Edit, FixError, apply, encode_like, plan
from provenance.rules import DEFAULT_PACKS, RuleSet
from tests.conftest import SEEDS

runner = CliRunner()
DOUBLET = "The talks ended in confusion and confusion after midnight.\n"  # PV201, a safe fix
LOADED = "Three men were martyred in the raid, officials said.\n"  # PV701, an unsafe fix


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab \n\r—é", max_size=60))
    n = len(text)
    edits = []
    for _ in range(draw(st.integers(0, 12))):
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, min(n, s + 8)))
        edits.append(Edit(s, e, draw(st.text(alphabet="xyz—\n", max_size=5)), draw(st.sampled_from(["PV1", "PV2"]))))
    return text, edits


@given(text_and_edits())
@settings(max_examples=300, deadline=None)
def test_planned_edits_never_overlap_and_apply_exactly(case):
    text, edits = case
    planned = plan(edits)
    assert all(e in edits for e in planned)
    for a, b in zip(planned, planned[1:]):
        assert a.end <= b.start  # disjoint, in order
        assert a.end < b.start or (a.start < a.end and b.start < b.end)  # an insertion never touches another edit
    out = apply(text, planned)
    # rebuild: every character outside the edits is kept, in order, and each edit's text is in its place
    pos, built = 0, []
    for e in planned:
        built += [text[pos : e.start], e.replacement]
        pos = e.end
    assert out == "".join(built) + text[pos:]
    assert len(out) == len(text) + sum(len(e.replacement) - (e.end - e.start) for e in planned)
    # an edit left out overlaps a kept one (it waits for the next pass), so no fix is lost silently
    for e in edits:
        if e not in planned:
            assert any(e.start <= k.end and k.start <= e.end for k in planned)


@given(text_and_edits())
@settings(max_examples=100, deadline=None)
def test_apply_refuses_overlapping_edits(case):
    text, edits = case
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    overlapping = any(a.end > b.start for a, b in zip(ordered, ordered[1:]))
    if overlapping:
        with pytest.raises(ValueError):
            apply(text, ordered)


@pytest.mark.parametrize(
    "raw",
    [
        DOUBLET.encode(),
        b"\xef\xbb\xbf" + DOUBLET.encode(),
        DOUBLET.replace("\n", "\r\n").encode(),
        b"\xff\xfe" + DOUBLET.encode("utf-16-le"),
        b"\xfe\xff" + DOUBLET.encode("utf-16-be"),
        b"\xff\xfe\x00\x00" + DOUBLET.encode("utf-32-le"),
    ],
    ids=["utf8", "bom", "crlf", "utf16le", "utf16be", "utf32le"],
)
def test_fix_keeps_encoding_bom_and_newlines(tmp_path, raw):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    result = runner.invoke(app, ["check", str(path), "--fix", "--select", "PV201"])
    assert result.exit_code == 0, result.output
    fixed = path.read_bytes()
    decoded = decode_bytes(raw)
    expected_text = decoded.text.replace("confusion and confusion", "confusion")
    assert fixed == encode_like(expected_text, raw, decoded)
    assert fixed[:4] == raw[:4]
    assert (b"\r\n" in fixed) == (b"\r\n" in raw)


def test_encode_like_round_trips_and_refuses_what_it_cannot_hold():
    raw = "Caf\xe9 talks \u201cbegan\u201d in confusion and confusion today, the minister said.".encode("cp1252") * 3
    decoded = decode_bytes(raw)
    assert encode_like(decoded.text, raw, decoded) == raw
    with pytest.raises(FixError):
        encode_like(decoded.text + "\u0628", raw, decoded)  # an Arabic letter cp1252 cannot hold


def test_file_with_replaced_bytes_is_left_alone(tmp_path):
    path = tmp_path / "a.txt"
    raw = "Caf\u00e9 and na\u00efve.\n".encode() + b"\xff " + DOUBLET.encode()
    path.write_bytes(raw)
    result = runner.invoke(app, ["check", str(path), "--fix", "--select", "PV201"])
    assert "not fixed" in result.stderr and "U+FFFD" in result.stderr
    assert path.read_bytes() == raw


def test_safe_and_unsafe(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DOUBLET + LOADED)
    result = runner.invoke(app, ["check", str(path), "--fix", "--select", "PV201,PV701"])
    assert "fixed 1 finding in 1 file; 1 more fix with --unsafe-fixes" in result.stderr
    assert "confusion and confusion" not in path.read_text() and "martyred" in path.read_text()
    assert "PV701" in result.stdout and "PV201" not in result.stdout  # the re-check reports what remains
    result = runner.invoke(app, ["check", str(path), "--fix", "--unsafe-fixes", "--select", "PV201,PV701"])
    assert "martyred" not in path.read_text() and "killed" in path.read_text()


def test_diff_changes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DOUBLET)
    before = path.read_bytes()
    result = runner.invoke(app, ["check", str(path), "--diff", "--select", "PV201"])
    assert result.exit_code == 1
    assert f"--- {path}" in result.stdout and "-The talks ended in confusion and confusion after midnight." in result.stdout
    assert "+The talks ended in confusion after midnight." in result.stdout
    assert path.read_bytes() == before
    clean = tmp_path / "b.txt"
    clean.write_text("Nothing to fix in this sentence at all.\n")
    result = runner.invoke(app, ["check", str(clean), "--diff"])
    assert result.exit_code == 0 and result.stdout == ""


def test_usage_errors(tmp_path):
    assert runner.invoke(app, ["check", str(SEEDS), "--unsafe-fixes"]).exit_code == 2
    result = runner.invoke(app, ["check", "-", "--fix"], input=DOUBLET)
    assert result.exit_code == 2 and "standard input" in result.stderr


def test_suppressed_findings_are_not_fixed(tmp_path):
    path = tmp_path / "a.txt"
    text = DOUBLET.rstrip("\n") + " <!-- provenance: ignore-line PV201 -->\n"
    path.write_text(text)
    runner.invoke(app, ["check", str(path), "--fix"])
    assert path.read_text() == text


def test_every_rule_declares_fix_safety():
    rules = RuleSet.load(DEFAULT_PACKS).all_rules
    assert all(r.fix in ("safe", "unsafe") for r in rules.values())
    assert rules["PV201"].fix == "safe" and rules["PV110"].fix == "safe"  # kind defaults: doublet, quotes
    assert rules["PV701"].fix == "unsafe" and rules["PV603"].fix == "unsafe"  # phrase default
    assert rules["PV120"].fix == "safe" and rules["PV801"].fix == "safe"  # set in the packs


def test_rules_shows_fix():
    out = runner.invoke(app, ["rules", "PV201", "--isolated"]).stdout
    assert "fix safe" in out
    data = json.loads(runner.invoke(app, ["rules", "--format", "json", "--isolated"]).stdout)
    assert {r["fix"] for r in data} == {"safe", "unsafe"}


def test_seeds_fix_applies_every_safe_suggestion(tmp_path):
    """Done-when of issue 12: --fix on (a copy of) the seeds applies every safe
    suggestion, and a re-check shows none of them again."""
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    rules = RuleSet.load(DEFAULT_PACKS).all_rules

    def safe_fixables():
        data = json.loads(runner.invoke(app, ["check", str(tmp_path), "-f", "json", "--isolated"]).stdout)
        return [(f["path"], x["rule"], x["text"]) for f in data["files"] for x in f["findings"]
                if x["suggestion"] is not None and x["suggestion"] != x["text"] and rules[x["rule"]].fix == "safe"]

    before = safe_fixables()
    assert len(before) >= 10
    result = runner.invoke(app, ["check", str(tmp_path), "--fix", "--isolated", "-f", "json"])
    assert f"fixed {len(before)} findings" in result.stderr
    remaining = json.loads(result.stdout)  # the report after the fix is the re-check
    assert not [x for f in remaining["files"] for x in f["findings"] if x["suggestion"] is not None and rules[x["rule"]].fix == "safe"]
    assert safe_fixables() == []
