"""The syntax rules of issue 9: verbless attributions and fragments (PV104,
PV105), phrase doublets (PV202), displaced quotation marks (PV114), and the
boundaries where each must keep quiet. Examples are invented."""

from __future__ import annotations

import functools

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline
from provenance.rules.kinds.verbless import finite_forms, is_finite

NEW_RULES = ("PV104", "PV105", "PV114", "PV202")


@functools.lru_cache(maxsize=None)
def _pipeline(codes: str) -> Pipeline:
    return Pipeline(Config(select=codes.split(",")))


def hits(code: str, text: str) -> list[str]:
    report = _pipeline(code).check_text("A headline for the test\n\n" + text + "\n", "t.txt")
    return [f.text for f in report.files[0].findings if f.rule == code]


# -- the lexicon --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,index,finite",
    [
        ("He reports to the minister", 1, True),
        ("the reports were late", 1, False),  # after a determiner: a noun
        ("the letter addressed to the speaker", 2, False),  # a reduced relative
        ("Trump addressed the crowd", 1, True),
        ("a statement issued by the ministry", 2, False),
        ("Husted continued by saying", 1, True),  # after a name it is the verb
        ("the United Nations", 1, False),  # capitalized inside a sentence: a name
        ("It doesn\u2019t matter", 1, True),  # curly apostrophe
        ("there's a threat", 0, True),
        ("as stated in the statement", 1, False),
        ("officials say the talks failed", 1, True),  # a base form after a plural subject
        ("the final say belongs to them", 2, False),
    ],
)
def test_finite_verb_lookup(sentence, index, finite):
    words = sentence.split()
    assert is_finite(words, index, finite_forms()) is finite


def test_lexicon_is_compact_and_holds_the_auxiliaries():
    forms = finite_forms()
    assert 5_000 < len(forms) < 30_000
    for w in ("is", "was", "said", "says", "told", "would", "went"):
        assert w in forms
    for w in ("committee", "spokesman", "monday", "the"):
        assert w not in forms


# -- PV104 verbless attribution ------------------------------------------------


@pytest.mark.parametrize(
    "text,flag",
    [
        ("A deputy for the southern bloc, on Tuesday, that the session was adjourned to next week.",
         "A deputy for the southern bloc, on Tuesday, that"),
        ("She Haddad that the committee will meet again next month.", "She Haddad that"),
        ('The head of the water authority in the province and the mayor of the city, "We have repaired the main pipes."',
         'The head of the water authority in the province and the mayor of the city, "'),
        ('Council member Rami Saleh, "Radio Nour": "The electricity lines will be repaired within days."',
         'Council member Rami Saleh, "Radio Nour": "'),
        # no verb at all, the dateline left out of the span
        ("TRIPOLI / .. A deputy for the western bloc, Thursday, on the expansion of the port, calling for a review of the contracts.",
         "A deputy for the western bloc, Thursday,"),
    ],
)
def test_verbless_attribution_found(text, flag):
    assert hits("PV104", text) == [flag]


@pytest.mark.parametrize(
    "text",
    [
        # a real verb after a long subject
        "The head of the committee for water, energy and the environment in the northern province said on Monday that the plant would close.",
        "The deputy for the southern bloc in the provincial council warned, on Tuesday, that the session was adjourned.",
        # "that" completing a noun, or a relative clause
        "The fact that the session was adjourned angered the deputies.",
        "The minister's announcement Monday that the border would reopen surprised traders.",
        "The committee that oversees the elections met on Monday.",
        "The bill, that was passed last year, is now in force.",
        # quotations after a colon, titles in quotes, transcript style
        'The minister said: "We will not allow the markets to close."',
        'Donald Trump: "We are going to win this state by a lot."',
        'The slogan, "Bread and freedom for all of us," was painted on the wall.',
        # adverbials and headings that look like subjects
        "Thirteen years later, that promise has not been kept.",
        "Unfortunately for the mayor, that plan has failed.",
        "ROADS CLOSED AFTER THE STORM - Regional Office, that the roads are closed until Friday.",
        'In a statement, "We are ready," the ministry said.',
        "Officials say Monday that the plant will close.",
        "The mayor, Thursday, in a statement to reporters, said the plant will close.",
        "TRIPOLI - A deputy for the western bloc said, on Thursday, that the port will expand.",
    ],
)
def test_verbless_attribution_quiet(text):
    assert hits("PV104", text) == []


def test_verbless_attribution_only_in_body_paragraphs():
    report = _pipeline("PV104").check_text("A member of the committee, on Monday, that the vote was postponed\n\nThe vote was postponed.\n", "t.txt")
    assert not report.files[0].findings


# -- PV105 verbless fragment ---------------------------------------------------


def test_verbless_fragment_found_and_quiet():
    assert hits("PV105", "The shelling went on while the blockade enters its third day. After the sixtieth.") == ["day. After the sixtieth."]
    assert hits("PV105", "The talks went on. After all.") == []  # two words: an idiom
    assert hits("PV105", "The talks went on. As it happened, nobody came.") == []  # a clause
    assert hits("PV105", "Prices rose. As a result.") == []  # allowed idiom
    assert hits("PV105", "He arrived from the U.S. As Refugees Arrive.") == []  # split at U.S.


# -- PV102 and Title Case ------------------------------------------------------


def test_stranded_word_quiet_on_title_case_and_runs():
    assert hits("PV102", "Talks Resume Between Officials From The U.S. And Iran.") == []
    assert hits("PV102", "Sanctions Return As Talks Stall In Geneva. Tehran.") == []
    assert hits("PV102", "They called him names. Bigot. Liar. Fraud.") == []
    assert hits("PV102", "Everyone expected him to win. He didn't.") == []
    assert hits("PV102", "The delegation waited for hours before the talks in the capital. Cairo.") == ["capital. Cairo."]


# -- PV202 phrase doublet ------------------------------------------------------


def test_phrase_doublet():
    assert hits("PV202", "They reviewed the security situation and the security situation in the north.") == [
        "the security situation and the security situation"
    ]
    assert hits("PV202", "The Finance Committee and the Finance Committee met.") == ["The Finance Committee and the Finance Committee"]
    assert hits("PV202", "It was the best of times and the worst of times.") == []
    assert hits("PV202", "You drive it and drive it until it breaks.") == []
    assert hits("PV202", "There's hatred and there's hatred.") == []
    assert hits("PV202", "confusion and confusion") == []  # one word: PV201's


# -- PV114 displaced quotation marks -------------------------------------------


def test_displaced_quotes():
    assert hits("PV114", 'They called it a" grave breach "by the council.') == ['" grave breach "']
    report = _pipeline("PV111,PV114").check_text('Head\n\nThey called it a" grave breach "by the council.\n', "t.txt")
    assert [f.rule for f in report.files[0].findings] == ["PV114"]  # one finding, not two unbalanced marks
    assert hits("PV114", 'He said "we are ready" and "we will win" today.') == []
    assert hits("PV114", 'The Lakers" coach said "we will be ready" on Friday.') == []


def test_spans_are_exact():
    text = 'Head\n\nA deputy of the bloc, on Tuesday, that the session was adjourned to next week. They called it a" grave breach "by him.\n'
    report = _pipeline(",".join(NEW_RULES)).check_text(text, "t.txt")
    assert report.files[0].findings
    for f in report.files[0].findings:
        assert text[f.start : f.end] == f.text


# -- native news: no new warnings ----------------------------------------------


@pytest.mark.shared
def test_new_rules_quiet_on_ntrex():
    from tests.test_ntrex_control import ntrex_articles

    pipeline = _pipeline(",".join(NEW_RULES) + ",PV101,PV102")
    docs = ((Document(text, f"ntrex/{i}.txt"), f"ntrex/{i}.txt") for i, text in ntrex_articles())
    report = pipeline.run_documents(docs)
    found = [(f.path, x.rule, x.text) for f, x in report.all_findings()]
    assert found == []


# -- native look-alikes found on the PolNeAR control (own sentences) ------------------


def _codes(text: str, select: str) -> list[str]:
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    report = Pipeline(Config(select=[select])).check_text(text, "t.txt")
    return [x.rule for _, x in report.all_findings()]


def test_quotation_marks_inside_markup_tags_are_not_prose():
    text = 'The senator posted a message.\n\n<tweet id="12" author="@someone" datetime="2016-01-02">We won tonight</tweet>\n\nShe said "thanks" later.\n'
    assert _codes(text, "PV111") == []
    assert _codes('He said "thanks later.\n', "PV111") == ["PV111"]  # a real unclosed mark still counts


def test_doublet_with_a_shared_head_or_for_emphasis_is_not_reported():
    assert _codes("They argued about his birth and birth certificate for years.\n", "PV201") == []
    assert _codes("The storm kept raining and raining and raining all week.\n", "PV201") == []
    assert _codes("The minister spoke of confusion and confusion in the ranks.\n", "PV201") == ["PV201"]


def test_english_repetition_idioms_are_not_doublets():
    for text in ("The deal may or may not survive the vote.\n", "Millions and millions of dollars went to ads.\n",
                 "She laughed and laughed at the joke.\n", "The two are neck and neck in the polls.\n"):
        assert _codes(text, "PV201") == [], text
