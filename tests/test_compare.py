"""`provenance compare` and `check --reference`: alignment, sacrebleu scores, differences."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.compare.core import CompareError, compare_documents
from provenance.compare.differences import differences
from provenance.document import Document

runner = CliRunner()
S000, S001 = "000_cc24850338a37891.txt", "001_454c9bb3e80f5ed7.txt"


@pytest.fixture(scope="module")
def result(seeds_dir):
    a, b = seeds_dir / S000, seeds_dir / S001
    return compare_documents(Document.from_path(a), f"seeds/{S000}", Document.from_path(b), f"seeds/{S001}")


def test_shared_paragraphs_align(result):
    lines = [(p["hypothesis"]["line"], p["reference"]["line"]) for p in result["paragraphs"]]
    assert lines == [(5, 11), (7, 13), (9, 15), (17, 25), (19, 27), (29, 29), (31, 31), (33, 33)]
    same = next(p for p in result["paragraphs"] if p["hypothesis"]["line"] == 31)
    assert same["scores"] == {"chrf": 100.0, "chrf++": 100.0, "ter": 0.0, "bleu": 100.0}
    said = next(p for p in result["paragraphs"] if p["hypothesis"]["line"] == 9)
    assert 80 < said["scores"]["bleu"] < 100 and 0 < said["scores"]["ter"] < 10


def test_document_scores_carry_sacrebleu_signatures(result):
    doc = result["document"]
    assert doc["bleu"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:")
    assert "nc:6|nw:0" in doc["chrf"]["signature"] and "nc:6|nw:2" in doc["chrf++"]["signature"]
    assert doc["ter"]["signature"].startswith("nrefs:1|case:lc|tok:tercom")
    assert "eff:yes" in result["segment_signatures"]["bleu"]
    assert 0 < doc["bleu"]["score"] < 100 and 0 < doc["chrf"]["score"] < 100


def test_unaligned_paragraphs_are_added_or_omitted(result):
    assert result["summary"]["added"] == len(result["added"]) == 10
    assert {loc["line"] for loc in result["omitted"]} >= {3, 5, 7, 19, 21}
    # Unaligned text costs: the document scores are below the mean of the aligned pairs.
    mean = sum(p["scores"]["chrf"] for p in result["paragraphs"]) / len(result["paragraphs"])
    assert result["document"]["chrf"]["score"] < mean


def test_spans_slice_the_files(result, seeds_dir):
    texts = {"hypothesis": (seeds_dir / S000).read_text(encoding="utf-8"), "reference": (seeds_dir / S001).read_text(encoding="utf-8")}
    for p in result["paragraphs"]:
        for side in ("hypothesis", "reference"):
            loc = p[side]
            assert texts[side][loc["start"] : loc["end"]] == loc["text"]
    for loc in result["added"]:
        assert texts["hypothesis"][loc["start"] : loc["end"]] == loc["text"]


def test_sentences_align_inside_paragraphs(result):
    oct7 = next(p for p in result["paragraphs"] if p["hypothesis"]["line"] == 33)
    assert len(oct7["sentences"]) == 1
    assert [s["text"] for s in oct7["unaligned_sentences"]["hypothesis"]] == ["Collective."]


def test_differences_numbers_and_names():
    d = differences("CIA Director Bill Burns said 125 prisoners and 8,800 Palestinians", "CIA Director William Burns said 135 prisoners and 8800 Palestinian detainees")
    assert d["numbers"] == {"only_hypothesis": ["125"], "only_reference": ["135"]}
    assert d["names"] == {"only_hypothesis": ["CIA Director Bill Burns"], "only_reference": ["CIA Director William Burns"]}
    same = differences("with Qatari-Egyptian-American mediation in Izz al-Din", "with Qatari-Egyptian-American mediation in Izz al-Din")
    assert same["names"] == {"only_hypothesis": [], "only_reference": []}


def test_a_lone_word_opening_a_sentence_is_a_name_only_where_its_document_says_so():
    hyp_doc = "Hamas rejected it. The court heard charges of genocide. Collective.\n\nTalks with Hamas resumed."
    hyp = hyp_doc.split("\n\n")[0]
    ref = "It was rejected. The court heard charges of collective genocide."
    d = differences(hyp, ref, documents=(hyp_doc, ref))
    # "Collective" is never capitalized inside a sentence: an ordinary word; "Hamas" is.
    assert d["names"]["only_hypothesis"] == ["Hamas"]
    # Without the documents, the passage alone decides (its lower-case words only).
    assert differences(hyp, ref)["names"]["only_hypothesis"] == ["Hamas"]
    assert "Collective" in differences(hyp, "It was rejected.")["names"]["only_hypothesis"]
    assert "Collective" not in differences(hyp, "It was rejected.", documents=(hyp_doc, "It was rejected."))["names"]["only_hypothesis"]


def test_a_moved_paragraph_still_aligns():
    a = "Title\n\nThe first paragraph talks about the talks in Cairo on Sunday.\n\nThe second one is about the aid trucks at the crossing.\n"
    b = "Title\n\nThe second one is about the aid trucks at the crossing.\n\nThe first paragraph talks about the talks in Cairo on Sunday.\n"
    r = compare_documents(Document(a), "a", Document(b), "b")
    assert [(p["hypothesis"]["line"], p["reference"]["line"]) for p in r["paragraphs"]] == [(1, 1), (3, 5), (5, 3)]
    assert r["document"]["chrf"]["score"] == 100.0


def test_empty_sides():
    with pytest.raises(CompareError):
        compare_documents(Document(""), "a", Document("  \n"), "b")
    one_sided = compare_documents(Document("Some text that was translated.\n"), "a", Document(""), "b")
    assert one_sided["summary"]["added"] == 1 and one_sided["document"]["bleu"]["score"] == 0.0


def test_cli_compare_text(seeds_dir):
    out = runner.invoke(app, ["compare", str(seeds_dir / S000), str(seeds_dir / S001), "--isolated"])
    assert out.exit_code == 0
    assert "BLEU   nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:" in out.stdout
    assert "line 9 ↔ line 15" in out.stdout


def test_cli_compare_json_is_deterministic(seeds_dir):
    args = ["compare", str(seeds_dir / S000), str(seeds_dir / S001), "-f", "json", "--isolated"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.stdout == second.stdout and json.loads(first.stdout)["schema"] == "provenance/compare-v1"


@pytest.mark.parametrize(
    "setup, message",
    [
        ("self", "compared with itself"),
        ("empty", "both texts are empty"),
        ("missing", "no such file"),
    ],
)
def test_cli_compare_bad_input(tmp_path, seeds_dir, setup, message):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    if setup == "self":
        a, b = seeds_dir / S000, seeds_dir / "." / S000
    elif setup == "empty":
        a.write_text(""), b.write_text("\n")
    else:
        a = seeds_dir / S000
    out = runner.invoke(app, ["compare", str(a), str(b), "--isolated"])
    assert out.exit_code == 2
    assert message in out.stderr and out.stderr.count("\n") == 1
    assert "Traceback" not in out.output


def test_cli_same_content_is_a_warning(tmp_path, seeds_dir):
    copy = tmp_path / "copy.txt"
    copy.write_bytes((seeds_dir / S000).read_bytes())
    out = runner.invoke(app, ["compare", str(seeds_dir / S000), str(copy), "-f", "json", "--isolated"])
    assert out.exit_code == 0 and "same content" in out.stderr
    assert json.loads(out.stdout)["document"]["bleu"]["score"] == 100.0


def test_check_reference(seeds_dir):
    out = runner.invoke(app, ["check", str(seeds_dir / S000), "--reference", str(seeds_dir / S001), "-f", "json", "--fail-on", "never", "--isolated"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    ref = report["files"][0]["reference"]
    assert ref["path"].endswith(S001) and ref["aligned"] == 8
    assert ref["document"]["bleu"]["signature"].startswith("nrefs:1|")
    assert len(ref["lowest"]) == 3 and ref["lowest"][0]["scores"]["chrf"] <= ref["lowest"][-1]["scores"]["chrf"]
    assert "reference:" in report["signature"]
    text = (seeds_dir / S000).read_text(encoding="utf-8")
    for low in ref["lowest"]:
        assert text[low["start"] : low["end"]] == low["text"]
    assert any("against reference" in n for n in report["files"][0]["notes"])


def test_check_missing_reference(seeds_dir, tmp_path):
    out = runner.invoke(app, ["check", str(seeds_dir / S000), "--reference", str(tmp_path / "ref.txt"), "--isolated"])
    assert out.exit_code == 2
    assert "--reference" in out.stderr and "no such file" in out.stderr and out.stderr.count("\n") == 1


def test_compare_settings_from_config(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["compare", str(seeds_dir / S000), str(seeds_dir / S001), "-f", "json"]
    (tmp_path / "provenance.toml").write_text("[compare]\nalign = 95\n", encoding="utf-8")
    strict = json.loads(runner.invoke(app, args).stdout)
    assert strict["summary"]["aligned"] == 5 and "chrF-beta1>=95" in strict["signature"]
    (tmp_path / "provenance.toml").write_text("[compare]\nalign = 'high'\n", encoding="utf-8")
    out = runner.invoke(app, args)
    assert out.exit_code == 2 and "provenance.toml:2: compare.align: must be a number" in out.stderr


def test_names_are_compared_as_entities_with_a_glossary():
    from provenance.names.glossary import load

    glossary = load()
    d = differences(
        "Reuters quoted a source in the Islamic Resistance Movement as saying CIA Director Bill Burns flew in.",
        "Reuters quoted a source in Hamas as saying CIA Director William Burns flew in.",
        glossary,
    )
    assert d["names"]["only_hypothesis"] == [] and d["names"]["only_reference"] == []
    assert {"hypothesis": "Bill Burns", "reference": "William Burns"} in d["names"]["spelled_differently"]
    other = differences("Mediators met David Barnea on Monday.", "Mediators met Abbas Kamel on Monday.", glossary)
    assert other["names"]["only_hypothesis"] == ["David Barnea"] and other["names"]["only_reference"] == ["Abbas Kamel"]
