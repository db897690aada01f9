"""PV1005 on invented pairs: the classes of misses found by dropping the speech marks of every
candidate line of the tuned NTREX articles (issue 11, srcq7): speech beside an excused quotation, an
English sentence that kept only its nested single marks, a straight closing mark after a comma, a
Chinese closing mark typed with the opening shape, a quoted Chinese sentence ending like a name."""

from __future__ import annotations

import pytest

from tests.source_pairs import rule_texts
from provenance.config import Config
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1005"]))


def _pv1005(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1005")


def test_speech_beside_an_excused_name_is_still_checked(pipeline):
    # the longest quotation is a title (capitalized, no cue); the speech beside it lost its marks
    source = "Der Verlag von „Die Stadt am Fluss im Winter“ sagte: „Wir drucken das Buch im Herbst neu.“"
    lost = "The publisher of The City on the River in Winter said: We will reprint the book in the autumn."
    assert _pv1005(pipeline, source, lost, "de") == [lost]
    kept = 'The publisher of The City on the River in Winter said: "We will reprint the book in the autumn."'
    assert _pv1005(pipeline, source, kept, "de") == []


def test_only_the_nested_single_marks_left(pipeline):
    # English nests single marks inside double ones: the outer marks were lost, the nested kept
    source = '"Якби ви мене спитали торік, я б думала лише про те, що маю виграти кубок",\xa0– сказала вона.'
    lost = "If you had asked me last year, it was all about 'I have to win the cup', she said."
    assert _pv1005(pipeline, source, lost, "uk") == [lost]
    kept = "\"If you had asked me last year, it was all about 'I have to win the cup',\" she said."
    assert _pv1005(pipeline, source, kept, "uk") == []


def test_british_single_marks_quoting_the_speech_are_kept(pipeline):
    # as many words before the single mark as the original's before its speech: the speech's own marks
    source = 'Müfettiş Ayla Demir şöyle dedi: "Soruşturma henüz başında ama tanıkları bekliyoruz."'
    english = "Inspector Ayla Demir said: 'The inquiry is only starting but we are waiting for witnesses.'"
    assert _pv1005(pipeline, source, english, "tr") == []


def test_a_straight_mark_after_a_comma_closes(pipeline):
    # the quotation opened in the sentence before; its English lost the closing mark here
    source = '"Seçime üç hafta kaldı. Aday değilim ama gerçekten adayım," dedi.'
    lost = '"Three weeks to the election. I am not a candidate, but I really am a candidate, he said.'
    assert _pv1005(pipeline, source, lost, "tr") == [lost[lost.index("I am"):]]


def test_a_chinese_closing_mark_typed_as_an_opening_one(pipeline):
    # “ then a space after a stop closes the sentence before (the splitter keeps it there); the English of the
    # quotation's second sentence lost its closing mark
    source = "墙上写着口号：“河流属于每个人。保护河流是我们的责任。“ 村民们每天都能看到它。"
    lost = 'The wall carries the slogan: "The river belongs to everyone. Protecting it is a duty. Villagers see it every day.'
    assert _pv1005(pipeline, source, lost, "zh") == ["Protecting it is a duty."]
    kept = 'The wall carries the slogan: "The river belongs to everyone. Protecting it is a duty." Villagers see it every day.'
    assert _pv1005(pipeline, source, kept, "zh") == []


def test_a_quoted_chinese_sentence_that_ends_like_a_name(pipeline):
    # 赛 ends names of contests, but a quotation that says "you" is speech
    source = "教练说“你只需要专心打好自己的比赛”。"
    lost = "You just have to focus on playing your own match, the coach said."
    assert _pv1005(pipeline, source, lost, "zh") == [lost]
    source = "他们报名参加了“全国青年围棋比赛”。"
    english = "They signed up for the National Youth Go Championship."
    assert _pv1005(pipeline, source, english, "zh") == []


def test_a_new_quotation_after_one_the_english_never_closed(pipeline):
    # the English left the sentence before open; the original closed it and opens a new one after words of
    # its own, so the English sentence is not inside a quotation, and it lost its marks
    source = "她说：“我们每天都在等消息。”发言人表示：“我们已经提出了一份新的计划。"
    lost = 'She said: "We wait for news every day. A spokesman said: We have put forward a new plan.'
    assert _pv1005(pipeline, source, lost, "zh") == ["A spokesman said: We have put forward a new plan."]
