"""PV1005 on invented pairs: how the English quotations are paired with the original's (issue 11,
srcq6): a partial quotation stands for the whole one, a nested quotation for a nested one, an English
quotation of words the original writes bare for none."""

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


def test_a_partial_quotation_stands_for_the_whole_one(pipeline):
    # one quotation on each side: the English quotes two words of the quoted sentence
    source = "Il a dit qu'ils étaient « profondément déçus par la décision du tribunal »."
    english = 'He said they were "deeply disappointed" by the court\'s ruling.'
    assert _pv1005(pipeline, source, english, "fr") == []


def test_a_nested_quotation_left_is_not_the_speech_around_it(pipeline):
    # the original nests 'yes' in its speech; the English lost the outer marks and kept the nested ones
    source = "Ella explicó: \"En mi pueblo 'sí' es la palabra más usada, y allí significa 'no'\"."
    lost = "In my village 'yes' is the most used word, and there it means 'no,' she explained."
    assert _pv1005(pipeline, source, lost, "es") == [lost]


def test_an_english_quotation_of_a_name_the_original_writes_bare_stands_for_nothing(pipeline):
    source = "Selon le journal, M. Lee a déclaré que « les routes étaient fermées depuis deux jours »."
    lost = 'The roads had been closed for two days, the man, known as "Lee," said, according to the paper.'
    assert _pv1005(pipeline, source, lost, "fr") == [lost]


def test_a_turkish_case_suffix_after_a_closing_mark(pipeline):
    # "Kuzey Yıldızı"nın: the suffix joined to the closing mark; the speech beside it lost its marks
    source = 'Yazar, "Kuzey Yıldızı"nın yaratıcısı olarak "Her gece yeni bir bölüm yazıyorum," dedi.'
    lost = 'I write a new chapter every night, said the author, the creator of "North Star."'
    assert _pv1005(pipeline, source, lost, "tr") == [lost]


def test_a_name_of_four_words_the_english_writes_capitalized(pipeline):
    # four words but no cue, no sentence: half of them are the English's capitalized names (the
    # Arabic article taken off: الكرملين is Kremlin), so a name, not speech
    source = 'وزار الوفد "مركز هاميلتون ستيوارت للفنون" صباح أمس.'
    english = "The delegation visited the Hamilton Stewart Arts Centre yesterday morning."
    assert _pv1005(pipeline, source, english, "ar") == []
    source = 'وقال المتحدث: "مركز هاميلتون ستيوارت للفنون مغلق اليوم."'
    english = "The Hamilton Stewart Arts Centre is closed today, the spokesman said."
    assert _pv1005(pipeline, source, english, "ar") == [english]  # a quoted sentence: speech, names or not


def test_a_closing_shape_typed_for_an_opening_mark(pipeline):
    # ”…”: nothing open before the first mark and a letter after it, so it opens; the quoted name
    # (the English's capitalized Paddington by its romanization) is no speech
    source = "ويخشى ناشرو ”الدب بادينغتون” من ردود فعل القراء."
    english = "The publishers of Paddington fear how readers will react."
    assert _pv1005(pipeline, source, english, "ar") == []


def test_a_reversed_chinese_pair_and_a_gloss(pipeline):
    # ”…“ typed the wrong way round, the name glossed in Latin letters: an institution by its last character
    source = "很多人将收看”国际法院（ICJ）“的裁决。"
    english = "Many people will watch the ICJ ruling."
    assert _pv1005(pipeline, source, english, "zh") == []


def test_a_lone_chinese_opening_mark_against_a_word(pipeline):
    # the closing mark of a stadium's name lost: no cue, the mark against a word, not speech running on
    source = "周六在曼彻斯特“阿提哈德球场，主队以二比零获胜。"
    english = "On Saturday at Etihad Stadium in Manchester, the home side won 2-0."
    assert _pv1005(pipeline, source, english, "zh") == []
    said = "周六他说“我们在主场以二比零获胜。"
    english = "On Saturday he said we won 2-0 at home."
    assert _pv1005(pipeline, said, english, "zh") == [english]


def test_according_to_right_beside_a_quotation_makes_it_speech(pipeline):
    # four words, no speech verb, beside a title the English still quotes: 'according to' right after
    # the closing mark makes them the paper's
    source = "Pour son livre «\u00a0Peur\u00a0», il portait une veste de cuir («\u00a0un habit plein de vanité\u00a0» selon le journal)."
    lost = 'For his book "Fear," he wore a leather jacket (a garment full of vanity, the paper said).'
    assert _pv1005(pipeline, source, lost, "fr") == [lost]
    # a term of two words beside 'according to the plans' stays a term
    source = 'El dinero se usará para ayudar a los "sin techo", según los planes del gobierno.'
    english = "The money will be used to help the homeless under the government's plans."
    assert _pv1005(pipeline, source, english, "es") == []


def test_a_quoted_sentence_in_english_words_is_said_not_mentioned(pipeline):
    source = 'Los manifestantes gritaban "Never again!" en el pasillo del Senado.'
    lost = "Protesters shouted Never again! in the Senate hallway."
    assert _pv1005(pipeline, source, lost, "es") == [lost]
    source = 'En galés, la palabra "hiraeth" expresa una nostalgia profunda.'
    assert _pv1005(pipeline, source, "In Welsh, the word hiraeth expresses a deep longing.", "es") == []


def test_quoted_elsewhere_in_the_bead():
    from provenance.bilingual.check_quotes import _quoted_elsewhere

    src = "Sie riefen „We will be back!“, als die Sitzung begann."
    tgt = 'They chanted "We will be back!" The session began.'
    q = (src.index("„"), src.index("“") + 1)
    assert _quoted_elsewhere(src, q, tgt, (0, len(tgt)))
    assert not _quoted_elsewhere(src, q, tgt.replace('"', ""), (0, len(tgt) - 2))


def test_a_film_title_with_a_latin_name_the_english_writes_as_it_is(pipeline):
    source = "Die Reihe begann 2003 mit „Bobby Simpson – Der Agent, der verlor“ im Kino."
    english = "The series started in cinemas in 2003 with Bobby Simpson."
    assert _pv1005(pipeline, source, english, "de") == []


def test_a_gloss_in_brackets_and_a_figure_are_no_speech(pipeline):
    source = "Он заявил, что теперь его зовут Лав («любовь»)."
    english = "He said his name is now Love."
    assert _pv1005(pipeline, source, english, "ru") == []
    source = "Она заявила, что на «90 процентов» уверена в этом."
    english = "She said she is 90 percent sure of it."
    assert _pv1005(pipeline, source, english, "ru") == []
    source = "Министр заявил, что налог будет «временным»."
    english = "The minister said the tax would be temporary."
    assert _pv1005(pipeline, source, english, "ru") == [english]  # a word after a cue is still said


def test_one_name_alike_does_not_make_four_words_a_title(pipeline):
    source = 'ودعا إلى إنهاء "عار السكن في بريطانيا" في أقرب وقت.'
    lost = "He called for an end to Britain's housing disgrace as soon as possible."
    assert _pv1005(pipeline, source, lost, "ar") == [lost]


def test_a_one_word_name_quoted_beside_lost_speech_stands_for_nothing(pipeline):
    # the English keeps the quoted surname (the original writes it bare, in its own script) and loses the speech
    source = "Его двоюродный брат по фамилии Ву заявил: «Ноги моего брата были в крови и сильно изранены»."
    lost = 'My cousin\'s legs were bloody and badly hurt, said the cousin, surnamed "Wu."'
    assert _pv1005(pipeline, source, lost, "ru") == [lost]


def test_a_chinese_title_counts_as_a_quotation(pipeline):
    # the English quotes the programme's title (《今日》 in the original) and lost the speech's marks
    source = "他在《今日》节目中说：“我们需要达成协议，越快越好。”"
    lost = 'We need to reach a deal, the sooner the better, he told the "Today" programme.'
    assert _pv1005(pipeline, source, lost, "zh") == [lost]
