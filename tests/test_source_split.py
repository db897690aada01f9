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


# A heading line: no final stop, shorter than the line after it. Own invented examples.
AR_TITLE = "فيضانات في جنوب البلاد"
AR_BODY = "أعلنت السلطات يوم الأربعاء أن الفيضانات أجبرت آلاف الأشخاص على مغادرة منازلهم في المحافظة."
EN_TITLE = "Floods in the south of the country"
EN_BODY = "Authorities said on Wednesday that the floods had forced thousands of people from their homes in the province."


def test_a_heading_line_is_a_sentence_of_its_own_on_both_sides():
    assert _sentences(f"{AR_TITLE}\n{AR_BODY}\n", "ar") == [AR_TITLE, AR_BODY]
    assert _sentences(f"{EN_TITLE}\n{EN_BODY} More rain came.\n", "en") == [EN_TITLE, EN_BODY, "More rain came."]
    assert _sentences("南方发生洪水\n当局周三宣布，洪水迫使数千人离开家园。他们说。\n", "zh") == [
        "南方发生洪水", "当局周三宣布，洪水迫使数千人离开家园。", "他们说。"]


def test_wrapped_lines_and_lines_that_go_on_are_not_headings():
    wrapped = ("The minister said on Monday that the talks with the\n"
               "government had gone well and that a deal could be\n"
               "close, according to two officials.\n")
    assert len(_sentences(wrapped, "en")) == 1
    assert len(_sentences("Le ministre a parlé,\nEt tout le monde a écouté sa déclaration jusqu'à la fin.\n", "fr")) == 1
    assert len(_sentences("Der Minister und\nDie Delegation reisten am Dienstag gemeinsam nach Madrid weiter.\n", "de")) == 2
    assert len(_sentences("Der Minister und die\ndelegation reisten am Dienstag gemeinsam nach Madrid weiter.\n", "de")) == 1
    # A heading longer than its next line is a wrapped line as far as the splitter can tell.
    assert len(_sentences(f"{EN_TITLE}\nIt rained.\n", "en")) == 1


def test_a_heading_left_out_of_the_english_is_reported_and_a_kept_one_is_not():
    from types import SimpleNamespace

    from provenance.bilingual import checks
    from provenance.bilingual.align import align_texts

    params = {"min_chars": 15, "max_z": 4.0, "merge_z": 1.5, "part_z": 1.5}
    src = f"{AR_TITLE}\n{AR_BODY}\n"

    def omitted(english):
        al = align_texts(src, english, "ar")
        pair = SimpleNamespace(alignment=al, text=src, lang="ar")
        return [src[i.source_start:i.source_end] for i in checks.omissions(pair, params)]

    assert omitted(f"{EN_BODY}\n") == [AR_TITLE]
    assert omitted(f"{EN_TITLE}\n{EN_BODY}\n") == []
    # The original ends its title with a stop, the English does not: still one sentence each.
    src = f"{AR_TITLE}.\n{AR_BODY}\n"
    assert omitted(f"{EN_TITLE}\n{EN_BODY}\n") == []


def test_any_stop_before_a_lower_case_word_runs_on():
    # A question the speaker tag goes on after, an ellipsis inside a hesitation (srcomit3).
    assert _sentences("Et alors ? a-t-il répondu en riant. Personne ne bougea.", "fr") == [
        "Et alors ? a-t-il répondu en riant.", "Personne ne bougea."]
    assert len(_sentences("Ну... может быть, завтра придём.", "ru")) == 1
    assert len(_sentences('"Wir kommen morgen." sagte sie leise.', "de")) == 1


def test_a_turkish_number_before_its_noun_is_an_ordinal():
    # Turkish ends its sentences with the verb: "40. Sokak" is Fortieth Street, not an end.
    assert len(_sentences("Dükkan 40. Sokak üzerinde açıldı.", "tr")) == 1
    assert _sentences("Er wartete auf 40. Niemand kam.", "de") == ["Er wartete auf 40.", "Niemand kam."]


def test_an_abbreviation_written_with_spaces_runs_on():
    assert len(_sentences("Он работал на ТВ. ЦК., а потом уехал в Киев.", "ru")) == 1
    assert len(_sentences("Термин MVP (от англ. Most Valuable Player) знают все.", "ru")) == 1
    # A short last word before a longer next sentence still ends it.
    assert _sentences("Он пришёл сам. Потом пришли другие.", "ru") == ["Он пришёл сам.", "Потом пришли другие."]
