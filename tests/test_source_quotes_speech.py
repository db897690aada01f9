"""PV1005 on invented pairs: where a quotation of the original ends up in the English (issue 11,
third pass: one-word quotations, a quotation the English never closes, a source sentence that
holds two English ones) and what is mentioned rather than said."""

from __future__ import annotations

import pytest

from provenance.bilingual.check_quotes import _split
from tests.source_pairs import rule_texts
from provenance.config import Config
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1005"]))


def _pv1005(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1005")


def test_one_word_quotation_dropped_is_reported(pipeline):
    source = "Министр назвал новый налог «временным» и пообещал отменить его через год."
    quoted = 'The minister called the new tax "temporary" and promised to scrap it within a year.'
    dropped = "The minister called the new tax temporary and promised to scrap it within a year."
    assert _pv1005(pipeline, source, quoted, "ru") == []
    assert _pv1005(pipeline, source, dropped, "ru") == [dropped]


def test_a_letter_in_quotation_marks_is_no_speech(pipeline):
    source = 'وصنف الفندق في الفئة "ب" بعد التفتيش الأخير الذي أجرته البلدية.'
    english = "The hotel was placed in category B after the latest inspection by the municipality."
    assert _pv1005(pipeline, source, english, "ar") == []


def test_a_word_the_english_writes_as_it_is_is_mentioned_not_said(pipeline):
    source = 'En galés, la palabra "hiraeth" expresa una nostalgia profunda por el hogar.'
    english = "In Welsh, the word hiraeth expresses a deep longing for home."
    assert _pv1005(pipeline, source, english, "es") == []
    # a one-word term translated and written bare, with no reporting cue beside it: an accepted
    # difference since the short quotation needs a cue (srcq5); said, it is reported
    translated = 'En galés, la palabra "añoranza" expresa una nostalgia profunda por el hogar.'
    assert _pv1005(pipeline, translated, english, "es") == []
    said = 'En galés, dijo, "añoranza" expresa una nostalgia profunda por el hogar.'
    assert _pv1005(pipeline, said, "In Welsh, he said, longing expresses a deep nostalgia for home.", "es") != []


def test_a_name_after_a_tatweel_prefix_is_set_off_not_quoted(pipeline):
    # بـ"…": the mark opens after the drawn-out prefix; the name is the English's capitalized one
    source = 'واستبدل المدرب اللاعب المصاب بـ"كارلو بنتي" في الدقيقة الستين من المباراة.'
    english = "The coach replaced the injured player with Carlo Benti in the sixtieth minute of the match."
    assert _pv1005(pipeline, source, english, "ar") == []


def test_a_hyphenated_english_name_vouches_for_a_quoted_one(pipeline):
    source = 'ونقل المتهم إلى سجن "ماتسو" في انتظار محاكمته الشهر المقبل.'
    english = "The defendant was taken to the Mat-Su jail to await his trial next month."
    assert _pv1005(pipeline, source, english, "ar") == []


def test_the_next_sentence_opening_a_new_quotation_does_not_close_the_old_one(pipeline):
    source = "«Мы будем работать всю ночь. Мы не уйдём, пока не закончим», — сказал мэр. «Помощь уже в пути»."
    kept = '"We will work all night. We will not leave until we finish," the mayor said. "Help is on the way."'
    lost = '"We will work all night. We will not leave until we finish, the mayor said. "Help is on the way."'
    assert _pv1005(pipeline, source, kept, "ru") == []
    assert "We will not leave until we finish, the mayor said." in _pv1005(pipeline, source, lost, "ru")


def test_an_attributed_quotation_does_not_run_on_to_the_next_paragraph(pipeline):
    # the original closes its quotation and names the speaker: the English that never closes it
    # lost the mark, even though the next paragraph opens with one
    source = "«Мы будем работать всю ночь. Мы не уйдём, пока не закончим», — сказал мэр.\n\n«Помощь уже в пути», — добавил он."
    lost = '"We will work all night. We will not leave until we finish, the mayor said.\n\n"Help is on the way," he added.'
    assert "We will not leave until we finish, the mayor said." in _pv1005(pipeline, source, lost, "ru")


def test_a_source_sentence_holding_two_english_ones_is_cut_at_a_clause_mark(pipeline):
    # the original runs the reporting sentence and the quotation together; the English quotes only
    # the second sentence, so the first one's quoted phrase lost its marks
    source = 'Belediye başkanı "acil durum" ilan ettiklerini duyurdu: "Herkes evinde kalmalı."'
    kept = 'The mayor announced they had declared an "emergency". "Everyone must stay at home."'
    lost = 'The mayor announced they had declared an emergency. "Everyone must stay at home."'
    assert _pv1005(pipeline, source, kept, "tr") == []
    assert _pv1005(pipeline, source, lost, "tr") == ["The mayor announced they had declared an emergency."]


def test_split_cuts_at_the_clause_mark_nearest_the_english_share():
    text = 'Uno dijo: "Dos tres cuatro." Cinco.'
    pieces = _split(text, (0, len(text)), [0.3], 0.15)
    assert [text[a:b] for a, b in pieces] == ["Uno dijo: ", '"Dos tres cuatro." Cinco.']
    assert _split(text, (0, len(text)), [0.6], 0.05) is None
