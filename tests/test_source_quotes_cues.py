"""PV1005 on invented pairs: a short quotation of the original (under min_speech_words) is speech
only with a reporting cue (a speech verb or a colon beside it, "described … as", or an attribution
of the English) or as a quoted sentence; otherwise it is a term, title or scare quote the English
may write bare (srcq5). And speech the English gives bare while it keeps the marks of a name."""

from __future__ import annotations

import pytest

from provenance.bilingual.pair import pair_texts
from provenance.bilingual.speech_cues import cue_beside, quoted_sentence
from provenance.config import Config
from provenance.pipeline import Pipeline
from tests.source_pairs import rule_texts


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1005"]))


def _pv1005(pipeline, source, english, lang):
    return rule_texts(pipeline, source, english, lang, "PV1005")


def test_a_short_quoted_term_without_a_cue_is_left_alone(pipeline):
    source = "Жители прозвали новый мост «стеклянной лентой» ещё до его открытия."
    english = "Residents nicknamed the new bridge the glass ribbon even before it opened."
    assert _pv1005(pipeline, source, english, "ru") == []
    source = 'Le quartier accueille chaque été le festival "Lumières du port" depuis dix ans.'
    english = "Every summer for ten years the district has hosted the Harbour Lights festival."
    assert _pv1005(pipeline, source, english, "fr") == []


def test_a_short_quote_after_a_speech_verb_is_reported(pipeline):
    source = "Мэр заявил, что ремонт будет «полностью бесплатным» для жителей."
    quoted = 'The mayor said the repairs would be "completely free" for residents.'
    dropped = "The mayor said the repairs would be completely free for residents."
    assert _pv1005(pipeline, source, quoted, "ru") == []
    assert _pv1005(pipeline, source, dropped, "ru") == [dropped]


def test_a_short_quote_before_a_speech_verb_is_reported(pipeline):
    source = 'Belediye başkanı onarımların "tamamen ücretsiz" olacağını söyledi.'
    dropped = "The mayor said the repairs would be completely free."
    assert _pv1005(pipeline, source, dropped, "tr") == [dropped]


def test_described_as_a_short_quotation_is_reported(pipeline):
    # the verb of describing is far from the quotation, its 'as' word next to it
    source = "Die Polizei beschrieb den Brand in der alten Lagerhalle am Hafen als „tragischen Unfall“."
    dropped = "Police described the fire in the old warehouse at the harbour as a tragic accident."
    assert _pv1005(pipeline, source, dropped, "de") == [dropped]


def test_a_short_quoted_sentence_is_speech_without_a_cue(pipeline):
    source = "«Мы готовы». Команда вылетает в пятницу."
    dropped = "We are ready. The team flies out on Friday."
    assert _pv1005(pipeline, source, dropped, "ru") == ["We are ready."]


def test_an_english_attribution_makes_a_short_quote_speech(pipeline):
    source = 'يمثل الاتفاق بحسب الوزير "خطوة تاريخية" للمنطقة بأسرها.'
    english = "The agreement, the minister said, is a historic step for the whole region."
    assert _pv1005(pipeline, source, english, "ar") == [english]


def test_a_capitalized_short_quotation_is_a_title_even_beside_a_verb(pipeline):
    source = "Оркестр исполнил «Зимнюю сказку», сказал дирижёр после концерта."
    english = "The orchestra performed A Winter's Tale, the conductor said after the concert."
    assert _pv1005(pipeline, source, english, "ru") == []


def test_speech_lost_beside_a_name_the_english_still_quotes(pipeline):
    source = 'Su vecino, apodado "Toto", declaró: "Nunca había visto tanta agua en la calle."'
    kept = 'His neighbour, nicknamed "Toto," said: "I had never seen so much water in the street."'
    lost = 'His neighbour, nicknamed "Toto," said he had never seen so much water in the street.'
    assert _pv1005(pipeline, source, kept, "es") == []
    assert _pv1005(pipeline, source, lost, "es") == [lost]


def test_a_term_said_in_more_words_is_not_lost_speech(pipeline):
    # the English quotes its one-word term, the original the same term in a phrase of four words
    source = 'Los vecinos consideran el proyecto "una idea sin ningún sentido" desde el principio.'
    english = 'Residents have considered the project "pointless" from the start.'
    assert _pv1005(pipeline, source, english, "es") == []


def test_cue_window_and_colon():
    text = "Он сказал нам тогда: «да»."
    q = (text.index("«"), text.index("»") + 1)
    assert cue_beside(text, q, (0, len(text)), "ru", 0)  # the colon
    text = "Он сказал нам тогда, «да»."
    q = (text.index("«"), text.index("»") + 1)
    assert cue_beside(text, q, (0, len(text)), "ru", 3)
    assert not cue_beside(text, q, (0, len(text)), "ru", 1)  # three words away


def test_quoted_sentence_shapes():
    text = "Он ответил «нет.» и ушёл."
    q = (text.index("«"), text.index("»") + 1)
    assert quoted_sentence(text, q, (0, len(text)))  # the sentence's stop inside the mark
    text = "Это «новая глава» для города."
    q = (text.index("«"), text.index("»") + 1)
    assert not quoted_sentence(text, q, (0, len(text)))


def test_a_capitalized_quotation_inside_its_sentence_is_a_title(pipeline):
    source = "Вечером театр показал «Новый день в старом городе» для школьников."
    english = "In the evening the theatre staged A New Day in the Old Town for schoolchildren."
    assert _pv1005(pipeline, source, english, "ru") == []


def test_a_short_chinese_term_counts_two_characters_a_word(pipeline):
    # six characters: three words, under min_speech_words, and no reporting cue beside it
    source = "这座城市正在推广“低碳生活方式”以减少污染。"
    english = "The city is promoting a low-carbon way of life to reduce pollution."
    assert _pv1005(pipeline, source, english, "zh") == []


def test_an_arabic_mark_that_lost_its_space_still_closes_the_quotation(pipeline):
    # "…"بعد: the closing mark written against the next word pairs with its opening one
    source = 'وافتتح المتحف قاعة "الفن الحديث"بعد ترميم استمر عامين.'
    english = "The museum opened its modern art hall after a two-year restoration."
    assert _pv1005(pipeline, source, english, "ar") == []


def test_speech_lost_beside_single_quoted_words_the_english_keeps(pipeline):
    # 'ola' then 'wave,': the first closing mark reads as an apostrophe; the English quotes two words in all
    source = "«Creo que 'ola' es la palabra más usada en el puerto, y allí significa 'saludo'», dijo el pescador."
    lost = "I think 'ola' is the word most used at the harbour, and there it means 'greeting,' the fisherman said."
    assert _pv1005(pipeline, source, lost, "es") == [lost]


def test_speech_lost_beside_a_term_the_english_still_quotes(pipeline):
    # the English keeps the marks of a three-word term and loses those of the speech (unmatched_speech)
    source = 'El ministro llamó al plan "una verdadera locura" y añadió que "nadie en el gobierno lo apoyará jamás."'
    kept = 'The minister called the plan "a real madness" and added that "no one in the government will ever support it."'
    lost = 'The minister called the plan "a real madness" and added that no one in the government will ever support it.'
    assert _pv1005(pipeline, source, kept, "es") == []
    assert _pv1005(pipeline, source, lost, "es") == [lost]


def test_a_quotation_the_english_joins_is_not_lost(pipeline):
    # the original cuts the speech around its speaker tag, the English quotes it whole: as many words quoted
    source = "«Мы не отступим, — сказал министр, — и будем работать дальше, несмотря ни на что»."
    english = '"We will not retreat and will keep working whatever happens," the minister said.'
    assert _pv1005(pipeline, source, english, "ru") == []


def test_the_message_says_when_the_english_quotes_other_words():
    # a finding beside marks the English kept must not say the English has none
    pipeline = Pipeline(Config(select=["PV1005"]))

    def messages(source, english):
        report = pipeline.run_documents([(pair_texts(source, english + "\n", "es"), "article.en.txt")])
        return [f.message for f in report.files[0].findings if f.rule == "PV1005"]

    source = 'El ministro llamó al plan "una verdadera locura" y añadió que "nadie en el gobierno lo apoyará jamás."'
    beside = 'The minister called the plan "a real madness" and added that no one in the government will ever support it.'
    bare = "The minister called the plan a real madness and added that no one in the government will ever support it."
    assert messages(source, beside) == ["the original quotes this, the English does not (it quotes only other words here)"]
    assert messages(source, bare) == ["the original quotes this, the English has no quotation marks"]
