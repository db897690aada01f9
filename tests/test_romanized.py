"""Rule kind romanized (PV503/PV504): the classifier on invented words, the
name contexts that keep romanized names out, and the NTREX false-alarm count."""

from __future__ import annotations

import pytest

from provenance.document import Document
from provenance.rules import RuleSet
from provenance.rules.kinds.romanized import RomanizedChecker, _words

RULES = RuleSet.load().all_rules


@pytest.fixture(scope="module")
def words():
    return _words()


# Invented: Latin spellings of Arabic words (hospital, ministry of foreign affairs, laboratories, the case,
# cards, the employees, the government, the school) and invented English-looking words.
ROMANIZED = ["almustashfa", "wzartalkharjia", "mkhtbrat", "alqadiyah", "bitaqat", "almuwazzafin", "alhukuma", "almadrasa"]
ENGLISHLIKE = ["blorfing", "glimmerous", "trumpish", "snorkelish", "plinthwork", "overbudgeting"]


@pytest.mark.parametrize("word", ROMANIZED)
def test_romanizations_score_as_arabic(words, word):
    assert not words.is_english(word)
    assert words.score(word) > 0.3


@pytest.mark.parametrize("word", ENGLISHLIKE)
def test_english_shaped_words_score_as_english(words, word):
    assert words.score(word) < 0


@pytest.mark.parametrize("word", ["counterstrikes", "reopenings", "stopped", "unfriendliness", "houseboats"])
def test_inflections_prefixes_and_compounds_are_english(words, word):
    assert words.is_english(word)


@pytest.mark.parametrize("word", ["democratc", "parliment", "negotiatons"])
def test_one_edit_from_a_common_word_is_a_typo(words, word):
    assert not words.is_english(word) or words.is_typo(word)
    assert words.is_typo(word)


def test_a_romanization_is_not_a_typo(words):
    assert not words.is_typo("almustashfa")


def hits(text: str, code: str = "PV503") -> list[str]:
    doc = Document(text, "t.txt")
    return [text[h.start : h.end] for h in RomanizedChecker(RULES[code]).check(doc)]


def test_lower_case_romanization_mid_sentence():
    text = "The minister said the almustashfa project would open next year.\n"
    assert hits(text) == ["almustashfa"]


def test_capitalized_romanization_in_a_common_noun_position():
    text = "The council said the plan needs Alqadiyah funds before the summer.\n"
    assert hits(text) == ["Alqadiyah"]


def test_glued_end_tag():
    text = "The talks will resume on Sunday, 14 Almqadim.anthy\n"
    assert hits(text) == ["Almqadim", "anthy"]


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters, Mr. Alqadiyah said the talks would go on.\n",  # title
        "The talks will go on, Alqadiyah said on Monday after the meeting.\n",  # speech verb
        "The governor, Hamid Alqadiyah, said the talks would go on.\n",  # multi-word name
        "Shelling hit the Alqadiyah camp and two nearby farms on Monday.\n",  # place noun
        "Shelling hit Kafr Batna, Alqadiyah and Zamalka on Monday.\n",  # list of names
        "The office of Abdel-Alqadiyah and al-Mkhtbrat issued a statement.\n",  # hyphenated names
        "Fighters of Alqadiyah, a village near the border, fled on Monday.\n",  # apposition
        "Alqadiyah opened the meeting of the council on Monday morning.\n",  # sentence start
        "The sheikh of the souk spoke of the intifada and the hijab at the mosque.\n",  # adopted terms
        "Details are at www.almustashfa.org and @almustashfa on social media.\n",  # URL, handle
        "The Minister Met Officials In Alqadiyah On Monday Morning\n",  # title case headline
    ],
)
def test_names_and_adopted_terms_do_not_fire(text):
    assert hits(text) == [] and hits(text, "PV504") == []


def test_a_name_anywhere_is_a_name_everywhere():
    text = "Shelling hit the Mkhtbrat district on Monday.\n\nResidents said the army then entered Mkhtbrat and arrested two men.\n"
    assert hits(text) == [] and hits(text, "PV504") == []


def test_after_a_preposition_only_info():
    text = "The army said the damage caused to Mkhtbrat by the storm was repaired.\n"
    assert hits(text) == []
    assert hits(text, "PV504") == ["Mkhtbrat"]


def test_spans_are_exact_and_repeat():
    text = "The ministry said the new terminal was Mjhza for passengers, and the alosmah plan was ready.\n"
    doc = Document(text, "t.txt")
    found = [(h.start, h.end, h.message) for h in RomanizedChecker(RULES["PV503"]).check(doc)]
    assert [text[s:e] for s, e, _ in found] == ["Mjhza", "alosmah"]
    again = [(h.start, h.end, h.message) for h in RomanizedChecker(RULES["PV503"]).check(Document(text, "t.txt"))]
    assert found == again


@pytest.mark.shared
def test_no_false_alarm_on_ntrex():
    from tests.test_ntrex_control import ntrex_articles

    checkers = [RomanizedChecker(RULES[c]) for c in ("PV503", "PV504")]
    found = []
    for doc_id, text in ntrex_articles():
        doc = Document(text, f"ntrex/{doc_id}.txt")
        found += [(doc_id, c.rule.code, text[h.start : h.end]) for c in checkers for h in c.check(doc)]
    assert found == []
