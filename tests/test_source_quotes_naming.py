"""PV1005 on invented pairs: a quotation a naming word introduces or follows (под названием «…»,
名为“…”, “…” adlı) is a name, title or term, and so is a quotation the English writes as a
capitalized name of its own ("Joint Marine Research Centre"); speech without either is still
reported (srcq8)."""

from __future__ import annotations

import pytest

from provenance.bilingual.check_quotes import _speech_words
from provenance.bilingual.speech_cues import named
from provenance.config import Config
from provenance.pipeline import Pipeline
from tests.source_pairs import rule_texts


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1005"]))


def _pv1005(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1005")


def _quoted(text: str, opening: str, closing: str) -> tuple[int, int]:
    start = text.index(opening)
    return start, text.index(closing, start + 1) + 1


def test_a_quotation_after_a_naming_word_is_a_name(pipeline):
    named_source = "В мае компания запустила программу под названием «чистый город без мусора и шума» для жителей."
    bare_source = "В мае компания запустила «чистый город без мусора и шума» для жителей района."
    english = "In May the company launched a programme, a clean city without rubbish and noise, for residents."
    assert _pv1005(pipeline, named_source, english, "ru") == []
    assert _pv1005(pipeline, bare_source, english, "ru") == [english]  # no naming word: the quotation is still reported


def test_a_naming_word_after_the_quotation_turkish_and_hindi():
    text = 'Yazar, "kayıp şehrin son günleri" adlı kitabını dün tanıttı.'
    assert named(text, _quoted(text, '"', '"'), (0, len(text)), "tr")
    text = "उन्होंने “हर बच्चे के लिए एक किताब” नामक अभियान शुरू किया।"
    assert named(text, _quoted(text, "“", "”"), (0, len(text)), "hi")


def test_chinese_naming_word_against_the_mark():
    text = "他们发起了名为“让每个孩子都能上学读书”的活动。"
    assert named(text, _quoted(text, "“", "”"), (0, len(text)), "zh")
    text = "他们说“让每个孩子都能上学读书”。"
    assert not named(text, _quoted(text, "“", "”"), (0, len(text)), "zh")


def test_a_verb_of_calling_or_a_colon_is_not_a_naming_word():
    # назвал «временным» reports an evaluation (speech_cues), not a name
    text = "Министр назвал новый налог «временным»."
    assert not named(text, _quoted(text, "«", "»"), (0, len(text)), "ru")
    # a colon after the naming word introduces speech again
    text = "היא כינתה אותו בשם אחר: „אוצר תרבותי של העיר כולה“."
    assert not named(text, _quoted(text, "„", "“"), (0, len(text)), "he")


def test_a_quotation_the_english_writes_as_a_capitalized_name(pipeline):
    source = 'أنشأت الوزارة هذا العام "مركز مشترك للبحوث البحرية" بالتعاون مع الجامعات.'
    titled = "This year the ministry set up a Joint Marine Research Centre with the universities."
    plain = "This year the ministry set up a joint centre for marine research with the universities."
    assert _pv1005(pipeline, source, titled, "ar") == []
    assert _pv1005(pipeline, source, plain, "ar") == [plain]


def test_a_dash_is_no_word_of_a_quotation():
    assert _speech_words("„Johnny English – Der Spion“") == 4
    assert _speech_words("«\u00a0Évidemment\u00a0»") == 1


def test_a_stray_opening_mark_does_not_pair_with_the_next_opening_one(pipeline):
    from provenance.bilingual.check_quotes import _straight_pairs

    source = '"وأبلغ الوزير الصحفيين صباح اليوم أن "الحكومة ستواصل دعم المزارعين في كل المناطق خلال العام المقبل.'
    marks = [i for i, c in enumerate(source) if c == '"']
    assert _straight_pairs(source, marks, "ar") == ([], [marks[1]])  # the first a stray, the second opens
    text = '"نعم" قال "لا".'
    marks = [i for i, c in enumerate(text) if c == '"']
    assert _straight_pairs(text, marks, "ar") == ([(marks[0], marks[1]), (marks[2], marks[3])], [])
    english = "The government will keep supporting farmers in every region next year, the minister told reporters this morning."
    assert _pv1005(pipeline, source, english, "ar") == [english]


def test_verbs_of_telling_are_reporting_cues():
    from provenance.bilingual.speech_cues import cue_beside

    # рассказал, розповів, أخبر: 'told', whose stem is no word-initial сказа
    for lang, text, opening, closing in (
        ("ru", "Жители «устали от шума», рассказал глава района.", "«", "»"),
        ("uk", "Мешканці «втомилися від шуму», розповів голова району.", "«", "»"),
        ("ar", 'وأخبر الصحفيين أنهم "متعبون جدا".', '"', '"'),
        ("tr", 'Muhtar, "gürültüden bıktık" şeklinde anlattı.', '"', '"'),
    ):
        assert cue_beside(text, _quoted(text, opening, closing), (0, len(text)), lang, 3), lang


def test_one_quoted_word_is_no_speech_for_an_english_attribution(pipeline):
    # the English attributes the sentence; a single word the original sets off is a scare quote in it
    source = 'كان على متن الطائرة راكب "ذكر" واحد فقط في تلك الرحلة.'
    english = "There was only one male passenger on the plane on that flight, the airline said."
    assert _pv1005(pipeline, source, english, "ar") == []
    source = 'كان على متن الطائرة "راكب واحد فقط" في تلك الرحلة.'
    english = "There was only one passenger on the plane on that flight, the airline said."
    assert _pv1005(pipeline, source, english, "ar") == [english]  # three words: the attribution makes them reported
