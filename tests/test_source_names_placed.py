"""PV1007 on invented pairs: in an original without case a common word that romanizes like a name
does not vouch for it (a surname of three consonants must read alike vowels and all, or stand next
to another word of the name); in a cased one a short surname needs the same; Chinese names are
placed (two words next to each other, or the whole last part of a dotted name); new readings of
English and source letters."""

from __future__ import annotations

import pytest

from provenance.bilingual import names
from provenance.config import Config
from provenance.pipeline import Pipeline
from tests.source_pairs import rule_texts


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1007"]))


def _names(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1007")


def test_common_word_like_a_short_surname_does_not_vouch(pipeline):
    # ملحمة (an epic) has Moualem's consonants m-l-m, but not its vowels; الذي has Walid's l-d
    source = "وقال الكاتب الذي عاش طويلا في المدينة القديمة إن ملحمة الحرب ستصدر قريبا."
    assert _names(pipeline, source, "Walid al-Moualem, who wrote an epic about the war, said the book would be out soon.", "ar") == ["Walid al-Moualem"]


def test_surname_of_three_consonants_that_reads_alike_vouches(pipeline):
    # the original writes the surname only: جونس reads like Jones vowels and all
    source = "وقالت جونس إن الاجتماع سيعقد غدا."
    assert _names(pipeline, source, "Elin Jones said the meeting would be held tomorrow.", "ar") == []


def test_two_words_of_the_name_next_to_each_other_vouch(pipeline):
    source = "وقال روبرت بلاك للصحفيين إنه سعيد بالنتيجة."
    assert _names(pipeline, source, "Robert Black told reporters he was happy with the result.", "ar") == []


def test_two_words_found_far_apart_do_not_vouch(pipeline):
    # Paul's p-l and Casey's k-s are in the sentence, but in two common words apart (فيل, الجيش)
    source = "قال الجيش في بيان صدر صباح اليوم إن الفيل هرب من الحديقة."
    assert _names(pipeline, source, "Paul Casey said the elephant escaped from the zoo this morning.", "ar") == ["Paul Casey"]


def test_cased_sentence_initial_word_is_no_short_surname(pipeline):
    # Вони ("they") starts the sentence: capitalized, but no Bone
    source = "Вони забили гол на останній хвилині матчу."
    assert _names(pipeline, source, "Peter Bone scored a goal in the last minute of the match.", "uk") == ["Peter Bone"]
    source = "Пітер Боун забив гол на останній хвилині матчу."
    assert _names(pipeline, source, "Peter Bone scored a goal in the last minute of the match.", "uk") == []


def test_chinese_stretch_inside_another_name_does_not_vouch(pipeline):
    # 格兰 of 英格兰 (England) reads k-r-n like Corcoran, but it is the end of another word
    source = "查尔斯·科克伦在英格兰的比赛中进了一球。"
    assert _names(pipeline, source, "Charles Corcoran scored a goal in the match in England.", "zh") == []
    source = "马克·史密斯在英格兰的比赛中进了一球。"
    assert _names(pipeline, source, "Charles Corcoran scored a goal in the match in England.", "zh") == ["Charles Corcoran"]


@pytest.mark.parametrize(
    "word, skeleton",
    [
        ("McIlroy", "mklr"),  # a c before i that is a k
        ("Kovacic", "kbk"),  # a Slavic ć written ch (کواچیچ)
        ("Ballesteros", "bstrs"),  # a Spanish ll is a y
        ("Kavanaugh", "kbn"),  # a silent final gh
    ],
)
def test_english_readings(word, skeleton):
    assert skeleton in names._english_keys(word, True, "ar")


def test_hebrew_double_vav_and_clitic_with_vav(pipeline):
    assert "=kbn" in names._source_skeletons("קוואנו", 0, 6, "he")  # וו read as v
    assert "=sbl" in names._source_skeletons("לסייפולו", 0, 8, "he")  # the clitic off, the vav a vowel


def test_russian_g_as_h(pipeline):
    source = "Мяч получил Грегор Генри и отдал пас."
    assert _names(pipeline, source, "The ball went to Gregor Henry, who passed it on.", "ru") == []
