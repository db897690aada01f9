"""Sentence splitting of originals: a period before a lower-case word, after a title or a dotted
abbreviation, or after a German or Turkish ordinal does not end a sentence. Own examples."""

from provenance.bilingual.align import all_sentences


def _sentences(text, lang):
    return [text[s:e] for s, e in all_sentences(text, lang)]


def test_a_period_before_a_lower_case_word_runs_on():
    text = "En su carta, la Sra. dijo que no vendría. Nadie la esperaba."
    assert _sentences(text, "es") == ["En su carta, la Sra. dijo que no vendría.", "Nadie la esperaba."]
    text = 'Они кричали «Мы здесь!». и разошлись только к вечеру.'
    assert len(_sentences(text, "ru")) == 1


def test_titles_and_dotted_abbreviations_run_on():
    assert len(_sentences("Der Gottesdienst in der Kirche St. Martin begann um neun Uhr.", "de")) == 1
    assert len(_sentences("El equipo de EE. UU. ganó el sábado.", "es")) == 1
    assert len(_sentences("यू.के. सरकार ने कहा कि योजना जारी रहेगी।", "hi")) == 1
    assert len(_sentences("Храм Св. Николая открыли после ремонта.", "ru")) == 1


def test_ordinals_run_on_in_german_and_turkish_only():
    assert len(_sentences("Er diente im 1. Weltkrieg als Sanitäter.", "de")) == 1
    assert len(_sentences("Dede 1. Dünya Savaşı sırasında doğdu.", "tr")) == 1
    assert _sentences("Il est arrivé le 1. Puis il est reparti.", "fr") == ["Il est arrivé le 1.", "Puis il est reparti."]


def test_a_real_sentence_end_still_splits():
    assert _sentences("Der Minister kam an. Er sprach lange.", "de") == ["Der Minister kam an.", "Er sprach lange."]
    assert _sentences("Die Zahl stieg auf 40. Niemand war überrascht.", "de") == ["Die Zahl stieg auf 40.", "Niemand war überrascht."]


def test_common_words_that_look_like_abbreviations_still_end_a_sentence():
    assert len(_sentences("Dijo que no. Nadie lo creyó.", "es")) == 2
    assert len(_sentences("Мы помогли им. Они ушли.", "ru")) == 2
