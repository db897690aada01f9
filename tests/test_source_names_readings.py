"""PV1007 on invented pairs: how scripts write a foreign name's sounds (a Persian or Urdu final و a
vowel, a Hindi ज without its nukta a z, a Hebrew ה a vowel letter, a German or Polish j a y, a French
final -ier an -ié, a Russian soft t or d a Chinese j), a given name in its short form, Korean names in a
Chinese original, a Latin-script original's own spelling of a Slavic name, and runs that are no person."""

from __future__ import annotations

import pytest

from provenance.bilingual import names
from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline
from tests.source_pairs import rule_texts


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1007"]))


def _names(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1007")


def test_short_given_name_before_the_surname_vouches(pipeline):
    # جفری دیهل is Jeffrey Diehl: Geoff is the beginning of Jeffrey, and the surname reads alike
    source = "نامزد جمهوری‌خواه جفری دیهل دیروز در شهر سخنرانی کرد."
    assert _names(pipeline, source, "Republican candidate Geoff Diehl spoke in the city yesterday.", "fa") == []


def test_short_given_name_needs_a_surname_that_reads_alike(pipeline):
    # پولیس اور ("police and") has Paul's p-l and Barreira's b-r by chance: no name
    source = "ریاستی پولیس اور شہریوں کا شکریہ ادا کیا گیا۔"
    assert _names(pipeline, source, "Director Paul Barreira thanked the state police and the citizens.", "ur") == ["Paul Barreira"]


def test_urdu_final_vav_is_a_vowel():
    # کیوانو: the inner و a v, the final one an o: Kavanaugh's k-v-n (every و a v makes k-v-n-v)
    source = "جج کیوانو نے کہا۔"
    assert {"kbn", "=kbn"} & names._source_skeletons(source, 0, len(source), "ur")


def test_hindi_ja_without_nukta_is_a_z(pipeline):
    # कैलाजिला: Calzadilla with ज for ज़, the nukta left out as it often is
    source = "राजनयिक रॉबर्टो कैलाजिला ने कल एक बयान दिया।"
    assert _names(pipeline, source, "The diplomat Roberto Calzadilla made a statement yesterday.", "hi") == []


def test_hebrew_he_after_tsadi_is_a_vowel(pipeline):
    # ולצה: ts-e, not anyascii's "tsh" (read as one sound, ch)
    source = "השופט ולצה אמר כי ההחלטה תתקבל מחר."
    assert _names(pipeline, source, "Judge Eduardo Veltzé said the decision would be made tomorrow.", "he") == []


def test_german_j_written_with_ya(pipeline):
    source = "Об этом рассказала дочь писателя Янкель."
    assert _names(pipeline, source, "The writer's daughter Karen Jankel said so.", "ru") == []


def test_french_final_ier_reads_without_its_r():
    assert "bl" in names._english_keys("Beauvillier", True)
    assert "lb" in names._english_keys("Olivier", True)


def test_chinese_soft_t_of_a_russian_name(pipeline):
    source = "俄罗斯总统弗拉基米尔·普京周一在莫斯科发表讲话。"
    assert _names(pipeline, source, "Russian President Vladimir Putin spoke in Moscow on Monday.", "zh") == []


def test_korean_name_with_its_surname_hanja(pipeline):
    source = "朝鲜领导人金正恩周一会见了斯图尔特。"
    assert _names(pipeline, source, "North Korean leader Kim Jong Un met Stewart on Monday.", "zh") == []
    # no 金 in the original: the name is checked, and a Korean name is not in 科尔宾
    source = "工党领袖科尔宾周一发表了讲话。"
    assert _names(pipeline, source, "Labour leader Kim Jong Un spoke on Monday.", "zh") == ["Kim Jong Un"]


def test_latin_original_spells_a_russian_name_its_own_way(pipeline):
    source = "Le président Poutine a déclaré lundi que les négociations continueraient."
    assert _names(pipeline, source, "President Vladimir Putin said on Monday that the talks would continue.", "fr") == []
    source = "Le président Loukachenko a déclaré lundi que les négociations continueraient."
    assert _names(pipeline, source, "President Vladimir Putin said on Monday that the talks would continue.", "fr") == ["Vladimir Putin"]


def test_a_station_is_no_person(pipeline):
    # Victoria is a given name too: the names layer types the run as a person
    source = "أغلقت الشرطة المحطة يوم الاثنين بعد الحادث."
    assert _names(pipeline, source, "Victoria Station was closed on Monday after the accident.", "ar") == []


def test_capitalized_role_before_a_name_is_not_one_of_its_words():
    doc = Document("Rapper Kanye West changed his name on Monday.", "a.en.txt")
    assert [w for _, _, w in names._english_names(doc)] == [["Kanye", "West"]]


def test_a_name_the_article_gives_in_full_once_is_vouched_by_its_surname_later(pipeline):
    # two sentences apart (not a neighbour of the first), the original writes the surname alone
    source = (
        "قال مايكل كافانو للجنة إنه بريء من التهم.\n\nوتستمر الجلسات حتى نهاية الأسبوع المقبل."
        "\n\nوقد تابع الملايين البث المباشر على التلفزيون.\n\nوأضاف كافانو أنه سيواصل عمله في المحكمة."
    )
    before = (
        "Michael Kavanaugh told the committee he was innocent of the charges.\n\n"
        "The hearings continue until the end of next week.\n\nMillions watched the live broadcast on television.\n\n"
    )
    assert _names(pipeline, source, before + "Michael Kavanaugh added that he would continue his work at the court.", "ar") == []
    # a name the article has nowhere is still no Kavanaugh
    assert _names(pipeline, source, before + "John Howard added that he would continue his work at the court.", "ar") == ["John Howard"]
