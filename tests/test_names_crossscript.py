"""Names across scripts (provenance.names.crossscript): Arabic, Persian, Urdu and
Hebrew through letter units, other scripts through anyascii; the glossary's
source forms; finding a source name in English text; `names match`."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from provenance.names.crossscript import THRESHOLD, find_in_text, match_any, match_cross, score_cross, source_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "src, latin",
    [
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("محمد بن سلمان", "Muhammad Salman"),  # "bin" left out
        ("عبد الرحمن الشمري", "Abdulrahman al-Shammari"),
        ("عبد الرحمن الشمري", "Abd al-Rahman Shammari"),
        ("عبدالله", "Abdallah"),
        ("فاطمة الزهراء", "Fatimah al-Zahraa"),  # ta marbuta as -ah
        ("أبو الخير", "Abul-Khair"),
        ("أبو الخير", "Abu al-Khair"),
        ("خالد القاسم", "Khaled al-Qassem"),  # kh, q
        ("خالد القاسم", "Khalid Kasim"),
        ("جمال عبد الناصر", "Gamal Abdel Nasser"),  # Egyptian g for jim
        ("ذكريات الظاهري", "Zikrayat al-Dhahiri"),  # dh / z
        ("عزالدين", "Izzeddin"),
        ("حسن روحانی", "Hassan Rouhani"),  # Persian
        ("مژگان رحیمی", "Mozhgan Rahimi"),
        ("عمران خان", "Imran Khan"),  # Urdu
        ("בנימין נתניהו", "Benjamin Netanyahu"),  # Hebrew
        ("Владимир Путин", "Vladimir Putin"),  # Cyrillic
        ("Αλέξης Τσίπρας", "Alexis Tsipras"),  # Greek
        ("नरेंद्र मोदी", "Narendra Modi"),  # Devanagari
        ("习近平", "Xi Jinping"),  # Chinese
    ],
)
def test_spellings_across_scripts_match(src, latin):
    result = match_cross(src, latin)
    assert result.same, (src, latin, result)


@pytest.mark.parametrize(
    "src, latin",
    [
        ("محمد بن سلمان", "Mohammed bin Nayef"),
        ("سلمان العودة", "Sultan al-Ouda"),
        ("محمد عباس", "Mahmoud Abbas"),  # m-h-m-d in both: the given-name table tells them apart
        ("محمود عباس", "Mohammed Abbas"),
        ("حسن نصر الله", "Hussein Nasrallah"),
        ("سامر العلي", "Amer al-Ali"),
        ("حسن إبراهيم التكريتي", "Ali Hassan Ibrahim al-Tikriti"),  # the son is not the father
        ("יצחק רבין", "Yitzhak Shamir"),
        ("Владимир Путин", "Vladimir Potanin"),
    ],
)
def test_different_names_do_not_match(src, latin):
    result = match_cross(src, latin)
    assert not result.same, (src, latin, result)


def test_scores_are_bounded_and_reasons_given():
    for src, latin in [("محمد", "Mohammed"), ("محمد", "Xyz"), ("", "Ali"), ("علي", "")]:
        score, reason = score_cross(src, latin)
        assert 0.0 <= score <= 1.0 and reason
    assert score_cross("", "Ali")[0] == 0.0


def test_latin_on_both_sides_is_the_latin_matcher():
    from provenance.names.matcher import match

    assert match_cross("Yahya Sinwar", "Yehia Sinwar") == match("Yahya Sinwar", "Yehia Sinwar")


def test_source_key_folds_letter_shapes():
    assert source_key("أحمد") == source_key("احمد")
    assert source_key("مُحَمَّد") == source_key("محمد")
    assert source_key("علی") == source_key("علي")  # Persian ya


def test_find_in_text_returns_exact_spans():
    text = "On Sunday, the minister Khalid al-Qassem met Hamid Qassem and Khaled Kasim."
    spans = find_in_text("خالد القاسم", "ar", text)
    assert [text[s:e] for s, e, _ in spans] == ["Khalid al-Qassem", "Khaled Kasim"]
    assert all(score >= THRESHOLD for _, _, score in spans)
    assert find_in_text("سلمان", "ar", "Nobody is named here.") == []


def test_find_in_text_prefers_the_whole_name():
    text = "Yesterday Yahya Sinwar spoke; Sinwar said more."
    spans = find_in_text("يحيى السنوار", None, text)
    assert [text[s:e] for s, e, _ in spans][0] == "Yahya Sinwar"


def _glossary(tmp_path):
    from provenance.names.glossary import load

    f = tmp_path / "g.yaml"
    f.write_text(
        "entries:\n"
        "  - id: sami-khouri\n    type: person\n    canonical: Sami Khouri\n"
        "    forms: {ar: سامي خوري, he: סמי ח'ורי}\n"
        "  - id: samir-khoury\n    type: person\n    canonical: Samir Khoury\n",
        encoding="utf-8",
    )
    return load([f], default=False, use_cache=False)


def test_glossary_source_forms_decide_first(tmp_path):
    g = _glossary(tmp_path)
    same = match_cross("سامي خوري", "Sami Khouri", "ar", g)
    assert same.same and "glossary" in same.reason
    other = match_cross("سامي خوري", "Samir Khoury", "ar", g)
    assert not other.same and "samir-khoury" in other.reason
    spelled = match_cross("سامي خوري", "Samy Khoury", "ar", g)  # unlisted spelling of the entry
    assert spelled.same and "sami-khouri" in spelled.reason
    assert match_cross("סמי ח'ורי", "Sami Khouri", "he", g).same


def test_match_any_handles_both_orders_and_two_scripts():
    assert match_any("Mohammed bin Salman", "محمد بن سلمان").same
    assert match_any("محمد بن سلمان", "Mohammed bin Salman").same
    assert match_any("أحمد", "احمد").same  # the same written name
    assert match_any("Ahmed Said", "Ahmad Saeed").same


def test_crossscript_held_out_figures_on_a_sample():
    """benchmarks/names_crossscript_eval.py on one eighth of its held-out pairs (Wikidata, CC0)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.names_crossscript_eval import build_pairs, load

    pairs = [p for p in build_pairs(load()) if p[3] == "test" and hashlib.sha256(p[1].encode()).digest()[0] % 8 == 0]
    pos = [p for p in pairs if p[2]]
    neg = [p for p in pairs if not p[2]]
    assert len(pos) > 1500 and len(neg) > 800
    recall = sum(score_cross(a, b)[0] >= THRESHOLD for a, b, *_ in pos) / len(pos)
    fmr = sum(score_cross(a, b)[0] >= THRESHOLD for a, b, *_ in neg) / len(neg)
    assert recall >= 0.85 and fmr <= 0.05, (recall, fmr)


# -- the command ----------------------------------------------------------------------------------


def run(*args):
    from typer.testing import CliRunner

    from provenance.cli import app

    return CliRunner().invoke(app, list(args))


def test_names_match_accepts_any_script(tmp_path):
    r = run("names", "match", "محمد بن عبد الرحمن", "Mohammed bin Abdulrahman", "--no-glossary")
    assert r.exit_code == 0 and r.output.startswith("same"), r.output
    r = run("names", "match", "Хасан Роухани", "Hassan Rouhani", "--format", "json", "--no-glossary")
    assert json.loads(r.output)["same"] is True
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("a\tb\nيحيى السنوار\tYahya Sinwar\nمحمود عباس\tMohammed Abbas\n", encoding="utf-8")
    r = run("names", "match", "--pairs", str(tsv), "--format", "json", "--source-lang", "ar")
    assert [json.loads(line)["same"] for line in r.output.splitlines()] == [True, False]
