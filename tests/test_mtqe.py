"""Rule kind mtqe (PV140 raw-machine-translation): each sign of Arabic word
order on its own, the weak signs that need company, the English sentences
that look alike but are not hits, exact spans, and the NTREX control.
All sentences are invented."""

from __future__ import annotations

import pytest

from provenance.document import Document
from provenance.rules import RuleSet
from provenance.rules.kinds.mtqe import MachineTranslationChecker

RULE = RuleSet.load().all_rules["PV140"]


def found(text: str) -> list[tuple[str, str]]:
    doc = Document(text, "t.txt")
    return [(text[h.start : h.end], h.message) for h in MachineTranslationChecker(RULE).check(doc)]


def flagged(text: str) -> list[str]:
    return [span for span, _ in found(text)]


@pytest.mark.parametrize(
    "sentence, evidence",
    [
        ('He added Samir Haddad that "the port will open in May."', "verb stands before its subject"),
        ("She stressed Haddad, that the port will open in May.", "verb stands before its subject"),
        ("And noted al-Haddad, that the port will open in May.", "verb stands before its subject"),
        ("Confirmed the head of the port authority that the port will open in May.", "opens with its verb"),
        ('Said al-Haddad\'s office that "the port will open in May."', "opens with its verb"),
        ('She Haddad that "the port will open in May."', "pronoun stands before the name"),
        ('And "Haddad" added that the port will open in May.', "name in quotation marks"),
        ("It revealed a member of the port board that the port will open in May.", "“It” stands for"),
        ("The director pointed to: that the port will open in May.", "quoting particle"),
        ("The head of the port authority, Sunday, that the port will open in May.", "bare weekday"),
        ("Ships were docking, Tuesday, at the new basin of the port.", "bare weekday"),
    ],
)
def test_each_strong_sign_is_a_hit_on_its_own(sentence, evidence):
    hits = found(sentence + "\n")
    assert [span for span, _ in hits] == [sentence]
    assert evidence in hits[0][1]
    assert "rewrite it from the original" in hits[0][1]


def test_lower_case_start_after_a_sentence_the_splitter_did_not_cut():
    text = "The board met late. said the board in a statement that the vote was put off.\n"
    assert flagged(text) == ["said the board in a statement that the vote was put off."]


def test_lower_case_start_after_a_dateline():
    text = "HARBOURTOWN / .. spokesman denied the head of the board his claims about the port budget.\n"
    assert flagged(text) == [text.strip()]


@pytest.mark.parametrize(
    "sentence",
    [
        "He told the Gazette that the port will open in May.",  # "told" takes an object
        "He said Haddad would visit the port in May.",  # no comma or "that" after the name
        "Said the harbour master: the port will open in May.",  # US news writes "Said X:"
        "Added Haddad, with a smile, that the port would open in May.",  # "Added" + name, no possessive
        "It said the port will open in May.",
        "It said the minister would open the port in May.",  # "said" + object clause is English
        "It revealed a plan to open the port in May.",  # no person noun after the determiner
        "\u2022 He added Samir to the list of speakers for May.",  # a list item, and "to" after the name
        "The meeting ran until 9 a.m. and the board then voted to open the port in May.",  # a.m. is no break
        "He hoped, he said, that the port would open in May.",
        "She called for the port to open in May.",
        "and so on.",  # too short to be a split-off attribution
        "The list was sent to Gov. and the governor said it would be read by the board.",  # "Gov." is no break
        "The port opened yesterday, Tuesday, after repairs.",  # a day calque, PV210's
        "The port will open on Tuesday, the board said, after repairs.",  # "on" before the day
        "The port opened Tuesday, May 4, after repairs.",  # a date follows, not a lower-case word
    ],
)
def test_english_that_looks_alike_is_no_hit(sentence):
    assert flagged(sentence + "\n") == []


def test_one_weak_sign_is_not_enough_two_are():
    assert flagged("The budget of the the port was cut in May.\n") == []
    assert flagged("The budget of the port was cut , and the board met in May.\n") == []
    two = "The budget of the the port was cut , and the board met in May."
    assert flagged(two + "\n") == [two]


def test_quoted_speech_is_not_checked():
    text = 'Haddad said: "He added Samir that the port is closed." The board disagreed.\n'
    assert flagged(text) == []


def test_titles_and_captions_are_not_checked():
    text = "He added Samir that the port is closed\n\nThe board met on Sunday to discuss the port.\n"
    assert flagged(text) == []


def test_spans_are_exact_and_repeat():
    text = "The board met.\n\nHe added Samir Haddad that the port is closed. The board disagreed.\n"
    doc = Document(text, "t.txt")
    hits = [(h.start, h.end, h.message) for h in MachineTranslationChecker(RULE).check(doc)]
    assert [text[s:e] for s, e, _ in hits] == ["He added Samir Haddad that the port is closed."]
    again = [(h.start, h.end, h.message) for h in MachineTranslationChecker(RULE).check(Document(text, "t.txt"))]
    assert hits == again


@pytest.mark.shared
def test_no_false_alarm_on_ntrex():
    from tests.test_ntrex_control import ntrex_articles

    checker = MachineTranslationChecker(RULE)
    hits = []
    for doc_id, text in ntrex_articles():
        hits += [(doc_id, text[h.start : h.end]) for h in checker.check(Document(text, f"ntrex/{doc_id}.txt"))]
    assert hits == []


GATED = RuleSet.load().all_rules["PV143"]
MT_OPENING = (
    "Explained a member of the port board, Samir Haddad, that the cranes had stopped. "
    "Confirmed the head of the port authority that repairs would take a week.\n\n"
)


def gated(text: str) -> list[str]:
    return [text[h.start : h.end] for h in MachineTranslationChecker(GATED).check(Document(text, "t.txt"))]


def test_gated_tier_reports_weaker_signs_in_a_raw_mt_article():
    text = MT_OPENING + "The decision of the board on the cranes of the eastern basin. The cranes will move in May.\n"
    assert gated(text) == ["The decision of the board on the cranes of the eastern basin."]
    # the two sentences in Arabic order are PV140's, not reported again
    assert flagged(text) == [text[: text.index(" Confirmed")], text[text.index("Confirmed") : text.index("\n")]]


def test_gated_tier_is_silent_without_a_raw_mt_sentence():
    one = MT_OPENING.split(" Confirmed")[0] + "\n\n"
    body = "The decision of the board on the cranes of the eastern basin. The budget of the the port was cut.\n"
    assert gated(body) == []
    assert gated("The board met on Sunday.\n\n" + body) == []
    assert gated(one + body) == [
        "The decision of the board on the cranes of the eastern basin.",
        "The budget of the the port was cut.",
    ]


def test_gated_tier_counts_quoted_sentences_run_ons_and_run_together_sentences():
    quoted = '"The cranes of the basin will move And the board decided the the price."'
    run_on = " ".join(["the cranes moved and the tugs waited"] * 7).capitalize() + "."
    text = MT_OPENING + quoted + " " + run_on + " The cranes will move in May.\n"
    assert gated(text) == [quoted, run_on]
    (hit,) = [h for h in MachineTranslationChecker(GATED).check(Document(text, "t.txt")) if text[h.start : h.end] == run_on]
    assert "runs on for 49 words" in hit.message
    assert gated(quoted + " " + run_on + "\n") == []  # no raw-MT sentence: no gate



def test_run_on_gate_opens_where_half_the_sentences_run_on():
    run_on = " ".join(["the cranes moved and the tugs waited"] * 7).capitalize() + "."
    other = " ".join(["the trucks left and the ships docked"] * 7).capitalize() + "."
    short = "The cranes will move in May."
    # two run-ons of three sentences, no sentence in Arabic order: the article was never cut into sentences
    assert gated(run_on + " " + short + " " + other + "\n") == [run_on, other]
    (hit, _) = MachineTranslationChecker(GATED).check(Document(run_on + " " + other + "\n", "t.txt"))
    assert "2 of its 2 sentences run on for 45 words or more" in hit.message
    # one run-on alone, or two among five sentences: an edited article with long sentences
    assert gated(run_on + " " + short + "\n") == []
    assert gated(" ".join([run_on, short, short, other, short]) + "\n") == []


MARKED = RuleSet.load().all_rules["PV144"]
# Invented: four structural markers of Arabic news ("stressed that", ", indicating that",
# "the need to", "in order to") in some sixty words, no sentence in Arabic order.
MARKED_OPENING = (
    "The port director stressed that the cranes would move next week, indicating that the repairs were done. "
    "He said the board saw the need to widen the road in order to let the trucks reach the quay.\n\n"
)
DOUBLED = "The committee will repair the the roads of the eastern district."
VERBLESS = "The work of the committee on the roads of the eastern district."
RUN_ON = " ".join(["the tugs waited and the cranes moved"] * 7).capitalize() + "."


def marked(text: str) -> list[str]:
    return [text[h.start : h.end] for h in MachineTranslationChecker(MARKED).check(Document(text, "t.txt"))]


def test_marker_tier_reports_a_weak_sign_in_an_article_dense_in_markers():
    run_on = " ".join(["the cranes moved and the tugs waited"] * 7).capitalize() + "."
    text = MARKED_OPENING + DOUBLED + " " + VERBLESS + " " + run_on + " The cranes will move in May.\n"
    # a verbless sentence is PV104/PV105/PV125's, not this tier's (signs: long, doubled)
    assert marked(text) == [DOUBLED, run_on]
    hits = list(MachineTranslationChecker(MARKED).check(Document(text, "t.txt")))
    assert all("connectives of translation from Arabic (4 in" in h.message for h in hits)
    assert "function word is doubled" in hits[0].message and "runs on for 49 words" in hits[1].message
    assert marked(MARKED_OPENING + "The board met on Sunday , and the cranes And the tugs moved.\n") == []
    assert marked(text) == marked(text)  # same input, same spans


def test_marker_tier_is_silent_with_too_few_markers_or_too_thin_a_rate():
    plain = (
        "The port director said the cranes would move next week once the repairs were done. "
        "He said the board wanted to widen the road so that the trucks could reach the quay.\n\n"
    )
    assert marked(plain + RUN_ON + "\n") == []
    assert marked(MARKED_OPENING + RUN_ON + "\n") == [RUN_ON]
    # one marker only: below the count, whatever the rate
    assert marked("The director stressed that the cranes had moved.\n\n" + RUN_ON + "\n") == []
    # four markers in a long article: below 4 per 1,000 words
    filler = "The cranes moved along the quay while the tugs waited in the basin for the tide. " * 80
    assert marked(MARKED_OPENING + filler + "\n\n" + RUN_ON + "\n") == []


def test_marker_tier_leaves_raw_mt_articles_to_pv143():
    text = MT_OPENING + MARKED_OPENING + RUN_ON + "\n"
    assert marked(text) == []
    assert RUN_ON in gated(text)


def test_marker_tier_reports_a_shorter_run_on_that_holds_a_marker():
    # invented: 32 words, under long_words (45) but over marked_long_words (30), with ", noting that"
    marked_run_on = (
        "The harbour master told the crews to wait at the outer basin until the tide turned, noting that the "
        "new tugs from the southern yard would take the cranes across the channel before the next storm."
    )
    plain_run_on = (
        "The harbour master told the crews to wait at the outer basin until the tide turned, and the new tugs "
        "from the southern yard took the cranes across the channel before the storm arrived at dusk."
    )
    text = MARKED_OPENING + marked_run_on + " " + plain_run_on + "\n"
    assert marked(text) == [marked_run_on]
    (hit,) = MachineTranslationChecker(MARKED).check(Document(text, "t.txt"))
    assert "holds a connective of translation from Arabic" in hit.message
    assert marked("The harbour master met the crews.\n\n" + marked_run_on + "\n") == []  # no gate


def test_marker_tier_reports_a_very_long_sentence_in_any_article():
    # invented: no marker at all; one sentence of 70 words or more (ungated_long_words), one of 49
    very_long = " ".join(["the cranes moved and the tugs waited"] * 10).capitalize() + "."
    text = "The harbour master met the crews.\n\n" + very_long + " " + RUN_ON + "\n"
    assert marked(text) == [very_long]
    (hit,) = MachineTranslationChecker(MARKED).check(Document(text, "t.txt"))
    assert "runs on for 70 words" in hit.message and "dense in the connectives" not in hit.message
    assert marked(MT_OPENING + very_long + "\n") == []  # raw machine output: PV143's


def test_marker_tier_reports_a_run_on_in_raw_mt_that_pv143_leaves_alone():
    # invented: 36 words, a main verb, no weak sign of PV143's, in an article with two sentences in Arabic order
    medium = (
        "The harbour master told the crews to wait at the outer basin until the tide turned and the new tugs "
        "from the southern yard took the cranes across the channel before the storm arrived at dusk."
    )
    text = MT_OPENING + medium + " The cranes will move in May.\n"
    assert marked(text) == [medium]
    (hit,) = MachineTranslationChecker(MARKED).check(Document(text, "t.txt"))
    assert "raw machine translation (2 sentences" in hit.message and "runs on for 36 words" in hit.message
    assert medium not in gated(text)  # PV143 has no sign for it: no warning and info on one sentence
    assert marked("The harbour master met the crews.\n\n" + medium + "\n") == []  # not raw, no gate, under 70


def test_marker_tier_reports_the_headline_of_raw_mt():
    headline = "The board of the port on the cranes of the basin decided"
    body = MT_OPENING + "The cranes will move in May.\n"
    text = headline + "\n\n" + body
    assert headline in marked(text)
    assert marked("Port news\n\n" + body) == []  # a headline under min_words (6)
    assert headline not in marked(headline + "\n\nThe harbour master met the crews.\n")  # not raw output
