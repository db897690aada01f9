"""The development gold of translation artifacts (benchmarks/data/artifacts-gold.jsonl)
and its scorer (benchmarks/artifacts_eval.py). The file checks run always; the
offsets and the scorer's run need ../shared (the articles are not in the repository)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from benchmarks.artifacts_eval import CATEGORIES, GOLD, Span, credit_spans, load_gold, overlaps, score
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_gold_file_is_valid(gold):
    files, items = gold
    assert len(files) >= 52
    for name, header in files.items():
        assert re.fullmatch(r"p\d{3}\.txt", name)
        assert header["split"] == ("heldout" if int(name[1:4]) % 4 == 0 else "tune"), name
        assert isinstance(header["words"], int) and header["words"] > 0
    assert {n for n in files if files[n]["split"] == "heldout"} == {f"p{i:03d}.txt" for i in range(4, 69, 4)}
    seen = set()
    for item in items:
        assert item["category"] in CATEGORIES
        assert re.fullmatch(r"[0-9a-f]{10}", item["sha1"])
        assert isinstance(item["line"], int) and item["line"] >= 1
        key = (item["file"], item["start"], item["end"], item["category"])
        assert key not in seen, key
        seen.add(key)
    # no text: every value is a number, a name from a closed set or a short hash
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        for value in json.loads(line).values():
            assert not isinstance(value, str) or re.fullmatch(r"[a-z0-9.\-]{1,24}", value), value
    assert {i["category"] for i in items} == set(CATEGORIES)


def test_gold_loader_rejects_text_and_unknown_categories(tmp_path):
    header = {"file": "p001.txt", "annotated": True, "split": "tune", "words": 10}
    item = {"file": "p001.txt", "start": 0, "end": 4, "line": 1, "category": "calque", "severity": "info", "split": "tune", "sha1": "0" * 10}
    for bad in ({**item, "text": "word"}, {**item, "category": "grammar"}, {**item, "end": 0}, {**item, "split": "heldout"}):
        path = tmp_path / "g.jsonl"
        path.write_text(json.dumps(header) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
        with pytest.raises(ValueError):
            load_gold(path)


def test_scoring_on_an_invented_case():
    gold = [
        {"file": "a.txt", "start": 0, "end": 10, "line": 1, "category": "calque", "severity": "warning"},
        {"file": "a.txt", "start": 20, "end": 25, "line": 2, "category": "quotes", "severity": "info"},
        {"file": "a.txt", "start": 40, "end": 50, "line": 3, "category": "credit", "severity": "info"},
        {"file": "b.txt", "start": 5, "end": 9, "line": 1, "category": "calque", "severity": "error"},
    ]
    findings = [
        Span("a.txt", 8, 12, "warning", "PV601", 1),  # overlaps the calque: found at warning level
        Span("a.txt", 25, 30, "error", "PV111", 2),  # touches the quotes item's end only: no overlap, a false error
        Span("a.txt", 21, 21, "info", "PV112", 2),  # an empty span inside the quotes item: found (info)
        Span("b.txt", 6, 7, "info", "PV601", 1),  # the error-level calque found only at info level
        Span("c.txt", 0, 3, "error", "PV999", 1),  # not an annotated file: ignored
    ]
    credits = [Span("a.txt", 44, 48, "info", "credit")]
    s = score(gold, {"a.txt": 100, "b.txt": 50}, findings, credits)
    f = s.figures()
    assert f["by_category"]["calque"] == {"found": 2, "warned": 1, "total": 2}
    assert f["by_category"]["quotes"] == {"found": 1, "warned": 0, "total": 1}
    assert f["by_category"]["credit"] == {"found": 1, "warned": 0, "total": 1}
    assert (f["found_any"], f["gold"]) == (4, 4)
    assert (f["found_warning"], f["gold_warning"]) == (1, 2)  # credits and info items do not need a warning
    assert (f["correct"], f["warnings_errors"]) == (1, 2)
    assert f["precision_warning"] == 0.5
    assert s.false == ["a.txt:2:PV111"]
    assert "b.txt:1:calque:error (found below warning level)" in s.misses
    # one file only: b.txt's item and a.txt's findings are out of scope
    only_b = score(gold, {"b.txt": 50}, findings, credits).figures()
    assert (only_b["gold"], only_b["found_any"], only_b["warnings_errors"]) == (1, 1, 0)
    assert only_b["precision_warning"] is None


def test_overlap_and_credit_spans():
    assert overlaps(0, 5, 4, 9) and not overlaps(0, 5, 5, 9) and overlaps(3, 3, 0, 5) and not overlaps(5, 5, 0, 5)
    text = "Body text.\n\nSource: Agency One + Agency One\n"
    credits = {"footer": ["Agency One"], "captions": [{"line": 1, "text": "Body text.", "credit": None}], "translation": [{"start": 0, "end": 4}]}
    spans = sorted((c.start, c.end) for c in credit_spans("x.txt", text, credits))
    first = text.index("Agency One")
    assert spans == [(0, 4), (first, first + 10), (text.rindex("Agency One"), text.rindex("Agency One") + 10)]


@pytest.mark.shared
def test_gold_offsets_slice_to_the_annotated_needles(gold):
    from provenance.document import Document

    translated = shared_path("data", "translated")
    files, items = gold
    docs = {name: Document.from_path(translated / name) for name in files}
    for name, header in files.items():
        assert docs[name].word_count() == header["words"], name
    for item in items:
        doc = docs[item["file"]]
        needle = doc.text[item["start"] : item["end"]]
        assert needle.strip() == needle and needle, item
        assert hashlib.sha1(needle.encode("utf-8")).hexdigest()[:10] == item["sha1"], item
        assert doc.line_col(item["start"])[0] == item["line"], item


@pytest.mark.shared
def test_scorer_runs_on_two_files(gold):
    from benchmarks.artifacts_eval import make_pipeline, run_files

    translated = shared_path("data", "translated")
    files, items = gold
    names = ["p004.txt", "p017.txt"]
    _, findings, credits, words = run_files(make_pipeline(), [translated / n for n in names])
    assert set(words) == set(names) and all(words[n] == files[n]["words"] for n in names)
    f = score(items, words, findings, credits).figures()
    assert f["gold"] == sum(1 for i in items if i["file"] in names) > 0
    assert f["files"] == 2 and f["words"] == sum(words.values())
    for key in ("recall_any", "recall_warning", "precision_warning"):
        assert f[key] is None or 0.0 <= f[key] <= 1.0
    assert 0 <= f["found_warning"] <= f["found_any"] <= f["gold"]
    assert f["correct"] <= f["warnings_errors"] == sum(1 for x in findings if x.severity in ("warning", "error"))
