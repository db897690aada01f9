"""`provenance reuse`: shared passages across the seed articles."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.document import Document
from provenance.reuse.detect import detect
from provenance.reuse.passages import Passage, classify, normalize, words
from provenance.reuse.settings import ReuseSettings

S000, S001, S003, S004 = "000_cc24850338a37891.txt", "001_454c9bb3e80f5ed7.txt", "003_54dceafa2da45155.txt", "004_59207b13c45324ed.txt"


@pytest.fixture(scope="module")
def seed_docs(seed_paths):
    return [Document.from_path(p) for p in seed_paths], [f"seeds/{p.name}" for p in seed_paths]


@pytest.fixture(scope="module")
def result(seed_docs):
    return detect(*seed_docs, ReuseSettings())


def _pair(result, a, b):
    for p in result["pairs"]:
        if (p["a"]["path"].endswith(a[0]), p["a"]["line"], p["b"]["path"].endswith(b[0]), p["b"]["line"]) == (True, a[1], True, b[1]):
            return p
    raise AssertionError(f"no pair {a} {b}")


def test_background_paragraph_is_boilerplate(result):
    groups = result["boilerplate"]
    assert len(groups) == 1
    g = groups[0]
    assert g["articles"] == 3 and g["match"] == "verbatim"
    assert [(loc["path"][-24:], loc["line"]) for loc in g["locations"]] == [(S000, 31), (S001, 31), (S004, 63)]
    assert g["locations"][0]["text"].startswith("A truce previously prevailed between Hamas and Israel for a week")


def test_statement_paragraphs_are_near_duplicates(result):
    said = _pair(result, (S000, 9), (S001, 15))
    assert said["label"] == "near-duplicate" and said["jaccard"] >= 0.9
    assert {"a": "added,", "b": "said,"} in said["changes"]
    friday = _pair(result, (S000, 5), (S001, 11))
    assert friday["label"] == "near-duplicate"
    assert {"a": "yesterday (Friday)", "b": ""} in friday["changes"]
    assert {"a": "", "b": "on Friday"} in friday["changes"]
    assert 0 < friday["chrf"] < 100


def test_seed_003_repeats_are_verbatim_and_partial(result):
    verbatim = _pair(result, (S003, 2), (S003, 4))
    assert verbatim["label"] == "verbatim" and verbatim["same_document"] and verbatim["chrf"] == 100.0
    partial = _pair(result, (S003, 7), (S003, 13))
    assert partial["label"] == "partial" and partial["containment"] == 1.0


def test_same_document_pairs_are_the_repetition_findings(result, seed_report):
    from_reuse = {(p["b"]["path"], p["b"]["line"]) for p in result["pairs"] if p["same_document"]}
    from_check = {(f.path, x.line) for f in seed_report.files for x in f.findings if x.rule in ("PV401", "PV402", "PV403")}
    assert from_reuse == from_check


def test_every_location_slices_its_file(result, seed_docs):
    texts = dict(zip(seed_docs[1], (d.text for d in seed_docs[0])))
    locs = [p[s] for p in result["pairs"] for s in ("a", "b")] + [loc for g in result["boilerplate"] for loc in g["locations"]]
    for loc in locs:
        assert texts[loc["path"]][loc["start"] : loc["end"]] == loc["text"]


def test_boilerplate_threshold_is_configurable(seed_docs):
    strict = detect(*seed_docs, ReuseSettings(boilerplate=4))
    assert strict["boilerplate"] == []
    truce = [p for p in strict["pairs"] if p["a"]["text"].startswith("A truce previously")]
    assert len(truce) == 3 and {p["label"] for p in truce} == {"verbatim"}


def _passage(text: str) -> Passage:
    norm = normalize(text)
    return Passage(0, "paragraph", 0, len(text), 1, 1, norm, words(norm))


@pytest.mark.parametrize(
    "a, b, label",
    [
        ("The talks resumed in Cairo on Sunday with both delegations.", "The talks  resumed in Cairo on Sunday with both delegations.", "verbatim"),
        ("He added that the talks resumed in Cairo on Sunday with both delegations present.", "He said that the talks resumed in Cairo on Sunday with both delegations present.", "near-duplicate"),
        ("The talks resumed in Cairo on Sunday.", "The talks resumed in Cairo on Sunday, and the mediators presented a new proposal to both sides.", "partial"),
        ("The talks resumed in Cairo on Sunday with both delegations.", "Aid trucks crossed into the north of the Strip for the first time in weeks.", None),
    ],
)
def test_classify(a, b, label):
    pair = classify(_passage(a), _passage(b), ReuseSettings())
    assert (pair.match if pair else None) == label


runner = CliRunner()


def test_cli_json_is_deterministic(seeds_dir):
    first = runner.invoke(app, ["reuse", str(seeds_dir), "--format", "json", "--isolated"])
    second = runner.invoke(app, ["reuse", str(seeds_dir), "--format", "json", "--isolated"])
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["schema"] == "provenance/reuse-v1"
    assert data["summary"]["by_label"]["boilerplate"] == 1


def test_cli_text_names_the_boilerplate_and_k(seeds_dir):
    out = runner.invoke(app, ["reuse", str(seeds_dir), "-k", "3", "--isolated"])
    assert out.exit_code == 0
    assert "Boilerplate (in 3 or more articles)" in out.stdout
    assert "changed: “added,” → “said,”" in out.stdout


def test_cli_missing_file_is_an_input_error(seeds_dir, tmp_path):
    out = runner.invoke(app, ["reuse", str(seeds_dir / S000), str(tmp_path / "nope.txt"), "--isolated"])
    assert out.exit_code == 2
    assert "nope.txt: no such file or directory" in out.stderr
    assert "Traceback" not in out.output


def test_cli_bad_setting(seeds_dir):
    out = runner.invoke(app, ["reuse", str(seeds_dir), "--threshold", "1.5", "--isolated"])
    assert out.exit_code == 2
    assert out.stderr.count("\n") == 1 and "'threshold' must be a number in (0, 1]" in out.stderr
