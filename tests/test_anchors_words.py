"""Word-skeleton anchors: a name written in another script shares its skeleton with the
English; unrelated words do not. Own examples, no corpus text."""

from provenance.bilingual.anchors import english_words, source_words


def _src(text, lang):
    return source_words(text, 0, len(text), lang)


def _en(text, lang):
    return english_words(text, 0, len(text), lang)


def test_cyrillic_name_matches_latin_name():
    ru = "Вчера Петросян приехал в Мадрид."
    en = "Yesterday Petrosyan arrived in Madrid."
    assert _src(ru, "ru") & _en(en, "ru")


def test_cyrillic_unrelated_words_do_not_match():
    ru = "Вчера Петросян приехал в Мадрид."
    en = "The weather was cold and wet all week."
    assert not (_src(ru, "ru") & _en(en, "ru"))


def test_arabic_unrelated_words_do_not_match():
    ar = "قال الوزير إن الطقس بارد."
    en = "Cows graze on the hill."
    assert not (_src(ar, "ar") & _en(en, "ar"))


def test_arabic_names_match_latin_names():
    ar = "زار ماكرون برلين أمس."
    en = "Macron visited Berlin yesterday."
    assert _src(ar, "ar") & _en(en, "ar") >= {"brn"}
