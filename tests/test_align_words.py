"""Word anchors of the aligner in a cognate language: a capitalized name of three consonants
counts ("Джейнс" = "Jaynes"), a common word of three does not. Own examples."""

from provenance.bilingual.anchors import english_words, source_words


def _shared(src, en, lang):
    return source_words(src, 0, len(src), lang) & english_words(en, 0, len(en), lang)


def test_a_short_name_is_an_anchor_in_a_cognate_language():
    assert _shared("— добавил Джейнс.", '"Good," said Jaynes.', "ru")
    assert _shared("Am Abend sagte Ramos nichts.", "In the evening, Ramos said nothing.", "de")


def test_a_short_common_word_is_not():
    # "said"/"sagte" and the like (three consonants, lower case) match too often by chance
    assert not _shared("он сказал нет", "he said not", "ru")
    # a capitalized common word opening the English sentence is no name either
    assert not _shared("Später ging er.", "Later he left.", "de")
