"""PV1005 on invented pairs: English quotation conventions and what the original quotes that
is no speech (issue 11: false findings on clean NTREX pairs)."""

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


SPEECH_AR = 'وقال الوزير: "سنبقى هنا حتى النهاية ولن نغادر المدينة أبدا".'


def test_english_single_quotation_marks_count(pipeline):
    # a house style that quotes with single marks: the closing one after the full stop is no apostrophe
    english = "The minister said: 'We will stay here until the end and never leave the city.'"
    assert _pv1005(pipeline, SPEECH_AR, english, "ar") == []


def test_apostrophes_alone_do_not_count_as_quotation_marks(pipeline):
    english = "The minister said the ministers' staff will stay here until the end and never leave the city."
    assert _pv1005(pipeline, SPEECH_AR, english, "ar") == [english]


def test_chinese_second_opening_mark_closes_the_first(pipeline):
    # “…“ typed for “…”: the quoted stretch is the stadium's name, not a quotation running on
    source = "比赛在“北山体育场“举行，主队以二比零获胜，球迷们十分高兴。"
    english = "The match was played at North Hill Stadium, and the home side won two-nil, to the delight of the fans."
    assert _pv1005(pipeline, source, english, "zh") == []


def test_chinese_lone_opening_mark_runs_on_to_the_sentence_end(pipeline):
    source = "他说：“我们不会离开这座城市，无论发生什么，我们都会留下来。"
    english = "He said they would not leave the city and would stay whatever happened."
    assert _pv1005(pipeline, source, english, "zh") == [english]


def test_chinese_opening_mark_then_a_space_at_the_start_closes_the_sentence_before(pipeline):
    source = "他说：“我们会留下来。\n\n“ 市长今天在议会发表讲话，并宣布了新的预算计划。"
    english = 'He said: "We will stay."\n\nThe mayor spoke to the council today and announced a new budget plan.'
    assert _pv1005(pipeline, source, english, "zh") == []


DE_TWO = "„Wir bleiben hier bis zum Ende der Woche.“ Der Minister sagte, er sei „von allen sehr enttäuscht“."


def test_quoted_sentence_beside_a_quoted_one_in_the_same_bead(pipeline):
    # the source splitter keeps „…“ Der … together (one sentence, the English two): compared
    # sentence by sentence, the first English sentence lost its marks
    english = 'We will stay here until the end of the week. The minister said he was "very disappointed with everyone."'
    assert _pv1005(pipeline, DE_TWO, english, "de") == ["We will stay here until the end of the week."]


def test_both_sentences_quoted_in_the_same_bead(pipeline):
    english = '"We will stay here until the end of the week." The minister said he was "very disappointed with everyone."'
    assert _pv1005(pipeline, DE_TWO, english, "de") == []


DE_JOINED = ("Der Bürgermeister sprach mit den Bewohnern: „Wir haben die Brücke in zwei Monaten wieder aufgebaut, und "
             "niemand hielt das für möglich. Jetzt warten wir auf das Geld.“ Als die Nacht über die Stadt hereinbrach, "
             "hofften die Familien noch immer.")


def test_quotation_tail_joined_to_the_next_sentence_is_not_reported(pipeline):
    # the aligner puts „…Geld.“ Als die Nacht … against the English sentence after the quotation,
    # whose English sentence before closes it
    english = ('The mayor told residents: "We rebuilt the bridge in two months, and nobody thought it would be possible, '
               'but we are still waiting for the money." As night fell on the town, the families were still hoping.')
    assert _pv1005(pipeline, DE_JOINED, english, "de") == []


def test_quotation_tail_joined_but_the_english_never_quoted_is_reported(pipeline):
    english = ('The mayor told residents they rebuilt the bridge in two months, and nobody thought it would be possible, '
               'but they are still waiting for the money. As night fell on the town, the families were still hoping.')
    assert _pv1005(pipeline, DE_JOINED, english, "de")
