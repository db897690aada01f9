"""PV1001 and PV1002 on faithful translations that read a number or weekday otherwise, and the
changes they must still find; the quotation-mark anchor of the aligner. Own examples."""

from __future__ import annotations

import pytest

from provenance.bilingual.align import QUOTE_MISS, _Side, align_texts, anchor_cost
from provenance.bilingual.pair import pair_texts
from provenance.config import Config
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1001", "PV1002"]))


def _rules(pipeline, source, english, lang):
    report = pipeline.run_documents([(pair_texts(source, english + "\n", lang), "article.en.txt")])
    return [(f.rule, f.text) for f in report.files[0].findings]


def test_a_two_digit_year_glued_to_letters_is_the_originals_year(pipeline):
    src = "Die Marke zeigte ihre Kollektion für Frühjahr und Sommer 2019 in Mailand."
    assert _rules(pipeline, src, "The label showed its SS19 collection in Milan.", "de") == []
    assert _rules(pipeline, src, "The label showed its SS18 collection in Milan.", "de") == [("PV1001", "18")]


def test_one_hundred_percent_sure_is_an_idiom(pipeline):
    src = "Sie sagte, sie sei sich absolut sicher, dass er es gewesen sei."
    assert _rules(pipeline, src, "She said she was 100 percent sure it had been him.", "de") == []
    # a real percentage the original lacks is still reported
    assert _rules(pipeline, src, "She said 100 percent of the staff had seen him.", "de") == [("PV1001", "100")]


def test_a_possessive_weekday_beside_the_originals_weekday_is_no_change(pipeline):
    src = "Die Mannschaft machte die Niederlage vom Vortag mit einem Sieg am Samstag wett."
    assert _rules(pipeline, src, "The team made up for Friday's defeat with a win on Saturday.", "de") == []
    # the original's own weekday changed is still an error (and then "Friday's" is reported too)
    assert ("PV1002", "Sunday") in _rules(pipeline, src, "The team made up for Friday's defeat with a win on Sunday.", "de")


def test_quotation_marks_on_one_side_only_cost_the_bead_more():
    src = "Dann sagte er: „Wir geben nicht auf.“"
    quoted, plain = 'Then he said: "We will not give up."', "Then he said they would not give up."
    s_side = _Side(src, [(0, len(src))], "de", False)
    cost = {}
    for name, en in (("quoted", quoted), ("plain", plain)):
        t_side = _Side(en, [(0, len(en))], "de", True)
        cost[name] = anchor_cost(s_side.group(0, 1), t_side.group(0, 1))
    assert cost["plain"] - cost["quoted"] == pytest.approx(QUOTE_MISS)


def test_a_german_closing_quotation_mark_ends_the_sentence():
    src = "Dann sagte er: „Wir geben nicht auf.“ Niemand widersprach."
    en = 'Then he said: "We will not give up." Nobody objected.'
    assert [b.kind for b in align_texts(src, en, "de").beads] == ["1-1", "1-1"]


def test_a_small_number_changed_is_found_though_a_neighbour_repeats_the_original(pipeline):
    # The headline repeats the 32; the sentence's own 32 became 36 (under min_english_value).
    src = "اعتقال رجل عمره 32 عاما.\n\nقالت الشرطة إن الرجل البالغ من العمر 32 عاما اعتقل مساء أمس في المدينة."
    good = "Man, 32, arrested.\n\nPolice said the 32-year-old man was arrested in the city last night."
    bad = "Man, 32, arrested.\n\nPolice said the 36-year-old man was arrested in the city last night."
    assert _rules(pipeline, src, good, "ar") == []
    assert _rules(pipeline, src, bad, "ar") == [("PV1001", "36")]


def test_a_score_is_compared_number_by_number(pipeline):
    src = "Das Spiel endete 2:2 unentschieden, sagte der Trainer nach dem Abpfiff."
    assert _rules(pipeline, src, "The match ended in a 2-2 draw, the coach said after the final whistle.", "de") == []
    assert _rules(pipeline, src, "The match ended in a 7-2 draw, the coach said after the final whistle.", "de") == [("PV1001", "7")]


def test_times_and_ranges_of_years_vouch_for_the_original(pipeline):
    assert _rules(pipeline, "Der Zug kam um 04:40 Uhr an, sagte die Bahn.", "The train arrived at 4.40am, the railway said.", "de") == []
    assert _rules(pipeline, "Der Koreakrieg von 1950 bis 1953 endete ohne Vertrag.", "The 1950-53 Korean War ended without a treaty.", "de") == []


def test_a_weekday_changed_to_one_a_neighbour_names_is_still_found(pipeline):
    src = "Die Mannschaft spielt am Donnerstag in Wien. Am Sonntag folgt das Heimspiel gegen Graz."
    good = "The team plays in Vienna on Thursday. On Sunday comes the home game against Graz."
    bad = "The team plays in Vienna on Sunday. On Sunday comes the home game against Graz."
    assert _rules(pipeline, src, good, "de") == []
    assert _rules(pipeline, src, bad, "de") == [("PV1002", "Sunday")]


def test_number_words_with_a_unit_are_converted(pipeline):
    assert _rules(pipeline, "Der Hut hat eine 60 Zentimeter breite Krempe.", "The hat has a two-foot wide brim.", "de") == []
    assert _rules(pipeline, "Der Unfall geschah etwa 1,6 Kilometer entfernt.", "The crash happened about a mile away.", "de") == []
    # a number in digits the English has not converted is still reported
    assert _rules(pipeline, "Der Unfall geschah etwa 9 Kilometer entfernt.", "The crash happened about a mile away.", "de") != []


def test_thousands_groups_do_not_vouch_for_a_changed_number(pipeline):
    # "10,040" has groups 10 and 40, but they are no reading of it: the original's 10 000 is changed
    src = "Draußen warteten 10.000 Menschen, drinnen standen nur 200."
    assert _rules(pipeline, src, "Outside 10,000 people waited; inside stood only 200.", "de") == []
    assert _rules(pipeline, src, "Outside 10,040 people waited; inside stood only 200.", "de") == [("PV1001", "10,040")]
