"""Cue finding, fifth pass of issue 10 (PolNeAR): quotations over several sentences
and the other mechanisms of that pass, on invented sentences."""

from __future__ import annotations

import pytest

from provenance.attributions.article import build
from provenance.attributions.quote_regions import QuoteRegions, paragraph_quotations
from provenance.document import Document
from tests.attribution_cues import cues


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence wholly inside a longer quotation: the quoted person's "I said" is no cue
        ('"The vote was close. I said we would wait for the count. We will," Ann Bell said.', [("said", "Ann Bell")]),
        # curly marks, the quotation opened in an earlier sentence and closed after the inner verb
        ("“We asked twice. Tom told me the deck was safe,” the mayor said.", [("said", "the mayor")]),
        # a straight opener closed by a curly mark (mixed styles)
        ('"It was late. She warned us about it,” Tom Reed said.', [("said", "Tom Reed")]),
        # the doubled apostrophe of the New York Times style
        ("''The board met once. He claimed the money was gone,'' Ann Bell said.", [("said", "Ann Bell")]),
        # a quotation left open runs to the end of its paragraph (it goes on in the next one)
        ('Ann Bell said: "The count went on. Tom said it was over.\n\n"Then we left," she added.', [("said", "Ann Bell"), ("added", "she")]),
    ],
)
def test_cue_inside_a_quotation_over_sentences_is_none(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tag between two quotations is outside both
        ('"The deck is safe," Ann Bell said. "We checked it twice."', [("said", "Ann Bell")]),
        # a closing mark with nothing open (the quotation began on an earlier line) opens nothing
        ('more than 300 homes were lost," the agency said, adding that crews were on their way.', [("said", "the agency"), ("adding", "the agency")]),
        # an inch mark after a digit is no quotation mark
        ('The player is 6\'2" tall. His coach said he would start.', [("said", "His coach")]),
    ],
)
def test_cue_outside_quotations_stays(text, expected):
    assert cues(text) == expected


def test_markup_attribute_quotes_are_no_quotation():
    text = '<post author="@annbell" date="May 2">Tom Reed said the road will close.</post>'
    assert [c for c, _ in cues(text)] == ["said"]
    assert paragraph_quotations(text) == []


def test_paragraph_quotations_spans():
    text = '"One. Two," he said. "Three\nFour." Five "six'
    spans = paragraph_quotations(text)
    assert [text[s:e] for s, e in spans] == ['"One. Two,"', '"Three', '"six']
    q = QuoteRegions(text)
    assert q.inside(text.index("Two"), text.index("Two") + 3)
    assert not q.inside(text.index("said"), text.index("said") + 4)
    assert not q.inside(text.index("Four"), text.index("Four") + 4)  # a new paragraph, its closer alone opens nothing


@pytest.mark.parametrize(
    "text, expected",
    [
        # "noted" with a plain object reports what was noted (PolNeAR marks it: 33 of 46 on train)
        ("Tom Reed noted the closure of the bridge.", [("noted", "Tom Reed")]),
        ("The editorial noted the mayor's plan for the bridge.", [("noted", "The editorial")]),
    ],
)
def test_object_reports(text, expected):
    assert cues(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "reports" after a name or a pronoun is the verb
        ("The Valley Courier reports that the bridge will close in May.", [("reports", "The Valley Courier")]),
        ("The bridge will close in May, the Valley Courier reports.", [("reports", "the Valley Courier")]),
        ("CNN reports the bridge will close in May.", [("reports", "CNN")]),
        # after a noun, an agency's acronym or a press noun opening the sentence it is the noun
        ("Media reports say the bridge will close.", [("say", "Media reports")]),
        ("IRS reports show the fund spent little.", [("show", "IRS reports")]),  # the filings show
        ("The council read the reports that the bridge was unsafe.", []),
        # the subject walk does not stop at the noun (a relay: Channel 9 <- leaked reports)
        ("Channel 9 said that leaked reports revealed the plan.", [("said", "leaked reports")]),
    ],
)
def test_reports_as_a_verb(text, expected):
    assert cues(text) == expected


def test_asked_with_a_longer_listener_before_its_question():
    text = "Ann Bell asked the chairman of the county board on Monday whether the bridge was safe."
    assert cues(text) == [("asked", "Ann Bell")]
    # a request is a cue since pol19 (issue 10: PolNeAR marks it, the asker speaking); it stayed out before
    assert cues("Ann Bell asked the board to delay the vote if it could.") == [("asked", "Ann Bell")]


def test_participle_after_by_with_an_object():
    assert cues("Ann Bell struck back by accusing the council of waste.") == [("accusing", "Ann Bell")]
    assert cues("Tom Reed answered in writing.") == []  # "in" + participle: how it was done


def test_told_closing_its_sentence_after_a_comma():
    doc = Document("The bridge will close in May, the mayor told her.\n", "<t>")
    (a,) = build(doc).attributions
    assert (a["cue"]["text"], [l["text"] for l in a["chain"]], a["content"]["text"]) == ("told", ["the mayor"], "The bridge will close in May")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the base form "note" after its subject
        ("Budget analysts note that the levy raised less than planned.", [("note", "Budget analysts")]),
        # the noun: after a determiner, a label before a colon, and the subject of another verb
        ("The mayor left a note for the council.", []),
        ("Editor's note: the bridge reopened on Monday.", []),
        ("A handwritten note from the mayor says the bridge will reopen.", [("says", "A handwritten note from the mayor")]),
    ],
)
def test_note_base_form(text, expected):
    assert cues(text) == expected
