"""`check --source`: an article checked against its original (rules PV1001-PV1007).

Own small pairs in Arabic, Chinese, Hindi and Russian (no ../shared needed):
each clean pair raises no source-aware finding, each changed English raises
the rule meant for it, with exact spans in both texts; the CLI pairs files
by option, front matter and name.en.txt beside name.XX.txt, reports an
unreadable original in one line with exit 2 and still checks the others.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest
from typer.testing import CliRunner

from provenance.bilingual.pair import pair_texts
from provenance.cli import app
from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules import RuleSet
from tests.conftest import ROOT

SOURCE_RULES = sorted(c for c, r in RuleSet.load().all_rules.items() if r.kind.startswith("source-"))
runner = CliRunner()

AR = "أعلنت وزارة الصحة يوم الثلاثاء أن 120 شخصا أصيبوا بالفيروس. وقال الوزير خالد عبد الغفار: \"الوضع تحت السيطرة تماما\". وستفتح المدارس أبوابها في 5 أكتوبر.\n"
AR_EN = 'The health ministry said on Tuesday that 120 people had been infected with the virus. Minister Khaled Abdel Ghaffar said: "The situation is completely under control." Schools will reopen on October 5.\n'
ZH = "警方周五表示，已有3名嫌疑人被捕。调查仍在进行中。\n"
ZH_EN = "Police said on Friday that three suspects had been arrested. The investigation is continuing.\n"
HI = "सरकार ने सोमवार को 2 करोड़ रुपये की सहायता की घोषणा की।\n"
HI_EN = "The government announced aid of 20 million rupees on Monday.\n"
RU = "Президент Владимир Путин встретился в среду с 40 губернаторами.\n"
RU_EN = "President Vladimir Putin met 40 governors on Wednesday.\n"

CLEAN = [("ar", AR, AR_EN), ("zh", ZH, ZH_EN), ("hi", HI, HI_EN), ("ru", RU, RU_EN)]
ERRORS = [
    ("ar", AR, AR_EN.replace("120", "210"), "PV1001", "210", "120"),
    ("ar", AR, AR_EN.replace("Tuesday", "Thursday"), "PV1002", "Thursday", "الثلاثاء"),
    ("ar", AR, AR_EN.replace('"', ""), "PV1005", None, None),
    ("ar", AR, AR_EN.replace("Khaled Abdel Ghaffar", "Mostafa Madbouly"), "PV1007", "Mostafa Madbouly", None),
    ("ar", AR, AR_EN.replace("Schools will reopen on October 5.", "وستفتح المدارس أبوابها في 5 أكتوبر."), "PV1006",
     "وستفتح المدارس أبوابها في 5 أكتوبر", "وستفتح المدارس أبوابها في 5 أكتوبر."),
    ("zh", ZH, ZH_EN.replace("three", "five"), "PV1001", None, "3"),
    ("zh", ZH, ZH_EN.replace("Friday", "Sunday"), "PV1002", "Sunday", "周五"),
    ("hi", HI, HI_EN.replace("20 million", "200 million"), "PV1001", "200 million", "2 करोड़"),
    ("hi", HI, HI_EN.replace("Monday", "Tuesday"), "PV1002", "Tuesday", "सोमवार"),
    ("ru", RU, RU_EN.replace("Wednesday", "Friday"), "PV1002", "Friday", "среду"),
    ("ru", RU, RU_EN.replace("Vladimir Putin", "Dmitry Medvedev"), "PV1007", "Dmitry Medvedev", None),
    ("ru", RU, RU_EN.replace("40", "14"), "PV1001", None, "40"),
]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=SOURCE_RULES))


def _findings(pipeline, source, english, lang):
    doc = pair_texts(source, english, lang)
    report = pipeline.run_documents([(doc, "article.en.txt")])
    return report.files[0].findings


@pytest.mark.parametrize("lang,source,english", CLEAN, ids=[c[0] for c in CLEAN])
def test_clean_pair_has_no_source_findings(pipeline, lang, source, english):
    assert [(f.rule, f.text, f.message) for f in _findings(pipeline, source, english, lang)] == []


@pytest.mark.parametrize("lang,source,english,rule,text,source_text", ERRORS, ids=[f"{e[0]}-{e[3]}-{i}" for i, e in enumerate(ERRORS)])
def test_changed_translation_is_found_on_both_sides(pipeline, lang, source, english, rule, text, source_text):
    found = [f for f in _findings(pipeline, source, english, lang) if f.rule == rule]
    assert found, f"{rule} not raised"
    for f in found:
        assert english[f.start : f.end] == f.text
        assert source[f.source_start : f.source_end] == f.source_text
        assert f.source_path
    if text is not None:
        assert text in [f.text for f in found]
    if source_text is not None:
        assert source_text in [f.source_text for f in found]


def test_omitted_sentence_is_found():
    source = (
        "Der Minister kam am Montag in Berlin an. Er traf dort die Vertreter von vierzehn Gewerkschaften und sprach "
        "mit ihnen über die geplante Reform der Renten, die seit Monaten umstritten ist. Am Abend flog er zurück.\n"
    )
    english = "The minister arrived in Berlin on Monday. In the evening he flew back.\n"
    pipeline = Pipeline(Config(select=["PV1003"]))
    found = _findings(pipeline, source, english, "de")
    assert [f.source_text for f in found] == [source.split(". ")[1] + "."]


# -- the command line ---------------------------------------------------------------------------


def _check(*args, cwd):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, ["check", "--isolated", "--no-cache", "--format", "json", *args])
    finally:
        os.chdir(old)


def test_check_source_option_reports_both_spans(tmp_path):
    (tmp_path / "orig.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "article.txt").write_text(AR_EN.replace("120", "210"), encoding="utf-8")
    r = _check("article.txt", "--source", "orig.txt", "--source-lang", "ar", "--select", "PV1001", cwd=tmp_path)
    data = json.loads(r.stdout)
    f = data["files"][0]
    assert f["source"]["path"] == "orig.txt" and f["source"]["language"] == "ar"
    [finding] = f["findings"]
    assert finding["text"] == "210" and finding["source_text"] == "120"
    assert AR[finding["source_start"] : finding["source_end"]] == "120"
    schema = json.loads(resources.files("provenance").joinpath("schema/report-v1.json").read_text())
    jsonschema.validate(data, schema)
    assert r.exit_code == 1


def test_name_en_beside_name_xx_pairs_and_the_original_is_not_checked_as_an_article(tmp_path):
    (tmp_path / "story.ru.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "story.en.txt").write_text(RU_EN.replace("Wednesday", "Friday"), encoding="utf-8")
    r = _check(".", "--select", "PV1002", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert [f["path"] for f in data["files"]] == ["story.en.txt"]
    assert data["files"][0]["source"]["language"] == "ru"
    assert [x["source_text"] for x in data["files"][0]["findings"]] == ["среду"]


def test_front_matter_source_and_an_unreadable_one(tmp_path):
    (tmp_path / "orig.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nsource: orig.zh.txt\n---\n\n" + ZH_EN.replace("Friday", "Sunday"), encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nsource: missing.ar.txt\n---\n\n" + AR_EN, encoding="utf-8")
    (tmp_path / "c.txt").write_text("The talks resumed on Monday.\n", encoding="utf-8")
    r = _check("a.md", "b.md", "c.txt", "--select", "PV1002", cwd=tmp_path)
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    by_path = {f["path"]: f for f in data["files"]}
    assert [x["text"] for x in by_path["a.md"]["findings"]] == ["Sunday"]
    assert "missing.ar.txt" in by_path["b.md"]["error"] and "\n" not in by_path["b.md"]["error"]
    assert by_path["c.txt"]["findings"] == [] and "error" not in by_path["c.txt"]


def test_bad_source_options_fail_in_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(AR_EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AR_EN, encoding="utf-8")
    for args in (["a.txt", "--source", "nope.txt"], ["a.txt", "b.txt", "--source", "a.txt"], ["a.txt", "--source-dir", "nodir"],
                 ["a.txt", "--source", "b.txt", "--source-lang", "xx"]):
        r = _check(*args, cwd=tmp_path)
        assert r.exit_code == 2, args
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_source_dir(tmp_path):
    (tmp_path / "orig").mkdir()
    (tmp_path / "orig" / "note.hi.txt").write_text(HI, encoding="utf-8")
    (tmp_path / "note.txt").write_text(HI_EN.replace("20 million", "200 million"), encoding="utf-8")
    r = _check("note.txt", "--source-dir", "orig", "--select", "PV1001", cwd=tmp_path)
    [f] = json.loads(r.stdout)["files"][0]["findings"]
    assert f["source_text"] == "2 करोड़" and f["source_path"].endswith("note.hi.txt")


def test_sarif_related_location(tmp_path):
    (tmp_path / "orig.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "article.txt").write_text(RU_EN.replace("Wednesday", "Friday"), encoding="utf-8")
    import os

    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        r = runner.invoke(app, ["check", "--isolated", "--no-cache", "-f", "sarif", "article.txt", "--source", "orig.txt", "--select", "PV1002"])
    finally:
        os.chdir(old)
    [result] = json.loads(r.stdout)["runs"][0]["results"]
    [related] = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "orig.txt"
    region = related["physicalLocation"]["region"]
    assert RU[region["charOffset"] : region["charOffset"] + region["charLength"]] == "среду" == region["snippet"]["text"]


def test_check_without_source_does_not_load_the_bilingual_modules():
    code = (
        "import sys; from provenance.config import Config; from provenance.pipeline import Pipeline; "
        "Pipeline(Config()).check_text('The minister said on Tuesday that talks would resume.', 'a.txt'); "
        "print(sorted(m for m in sys.modules if m.startswith('provenance.bilingual')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"
