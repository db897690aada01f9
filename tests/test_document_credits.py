"""Credit lines as structure: translation credits, bylines and datelines (document/credits.py).
Invented texts only."""

from __future__ import annotations

import pytest

from provenance.config import Config
from provenance.document import BYLINE, FOOTER, Document
from provenance.document.credits import (
    dateline_credits,
    parse_byline,
    parse_dateline,
    parse_end_tag,
    parse_translation,
)
from provenance.pipeline import Pipeline


def parts(parser, line):
    found = parser(line)
    return None if found is None else [(role, line[s:e]) for role, s, e in found]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Translated by Jane Roe", [("translator", "Jane Roe")]),
        ("(Translated by Jane Roe)", [("translator", "Jane Roe")]),
        ("Translation: Jane Roe", [("translator", "Jane Roe")]),
        ("Edited translation from Al-Ahram", [("source", "Al-Ahram")]),
        ("Translated from the Arabic edition.", [("source", "the Arabic edition")]),
        ("Translated from Arabic by Jane Roe", [("source", "Arabic"), ("translator", "Jane Roe")]),
        ("This article was translated from Arabic.", [("source", "Arabic")]),
        ("Translation by machines is common now", None),
        ("Translated texts are often hard to read, he said by phone.", None),
        ("The translation of the book took years.", None),
        # labels and lists of translators, a desk, the publisher between "translated" and "by"
        ("Translated by: Jane Roe", [("translator", "Jane Roe")]),
        ("Translator: Sami Haddad", [("translator", "Sami Haddad")]),
        ("Translators: Jane Roe and Sami Haddad", [("translator", "Jane Roe"), ("translator", "Sami Haddad")]),
        ("English translation: Nour Haddad", [("translator", "Nour Haddad")]),
        ("Translated by the editorial team", [("translator", "the editorial team")]),
        ("Translated for The Valley Courier by Jane Roe", [("translator", "Jane Roe")]),
        ("Translated by the time he left, the letter was lost.", None),
        ("Translated by Jane Roe and others", None),
        # notes that the copy first ran in another language or outlet: the outlet, else the language
        ("This article was originally published in Arabic by Al-Wadi Al-Jadid.", [("source", "Al-Wadi Al-Jadid")]),
        ("This article was first published in Arabic.", [("source", "Arabic")]),
        ("A version of this article appeared in Persian on Sahar Online.", [("source", "Sahar Online")]),
        ("This is an edited translation of an article published in Al-Nahar Al-Jadid on May 3, 2024.",
         [("source", "Al-Nahar Al-Jadid")]),
        ("Read the original in Arabic", [("source", "Arabic")]),
        ("Arabic original: Al-Wadi", [("source", "Al-Wadi")]),
        ("The article appeared in May 2024 in Al-Wadi", [("source", "Al-Wadi")]),
        ("The article was first published in Arabic, and officials denied it.", None),
        ("This article was published on Monday.", None),
        ("The original article is longer.", None),
        ("This article is a translation from the Arabic original.", [("source", "Arabic")]),
        ("Read the Arabic version of this article here.", [("source", "Arabic")]),
        ("The original article can be read in Arabic here.", [("source", "Arabic")]),
        ("The Arabic version of the report was longer.", None),
        ("This article is a translation problem for the desk.", None),
        # an outlet that translated; a machine
        ("Translated and edited by the Valley Monitor", [("translator", "the Valley Monitor")]),
        ("Translated by Valley Monitor staff", [("translator", "Valley Monitor staff")]),
        ("This article was machine translated.", [("translator", "machine")]),
        ("(Machine-translated)", [("translator", "Machine")]),
        ("Translated.", None),
        # reworked translations, and credits fenced with pipes
        ("Adapted from the Arabic by Mona Saleh", [("source", "the Arabic"), ("translator", "Mona Saleh")]),
        ("Abridged from Persian", [("source", "Persian")]),
        ("Adapted from a novel by Mona Saleh", None),
        ("Translated by: Sami Haddad | Edited by: Jane Roe", [("translator", "Sami Haddad")]),
        ("Edited by: Jane Roe | Translated by: Sami Haddad", [("translator", "Sami Haddad")]),
        ("Politics | World | Opinion", None),
    ],
)
def test_parse_translation(line, expected):
    assert parts(parse_translation, line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Staff, Agencies", [("by", "Staff"), ("by", "Agencies")]),
        ("Books – Sami al-Khatib:", [("by", "Sami al-Khatib")]),
        ("Written by: Jane Roe", [("by", "Jane Roe")]),
        ("By Jane Roe and John Doe", [("by", "Jane Roe"), ("by", "John Doe")]),
        ("By Tuesday, the army had withdrawn.", None),
        ("By the numbers", None),
        ("Jane Roe | Sami al-Khatib| Nour Haddad", [("by", "Jane Roe"), ("by", "Sami al-Khatib"), ("by", "Nour Haddad")]),
        ("Prices | Markets", None),
        ("Reporting by Jane Roe; Editing by John Doe", [("by", "Jane Roe"), ("by", "John Doe")]),
        ("Yes or no | the vote on Monday", None),
        # the credit formulas of interviews and features (أجرى الحوار, إعداد, تحرير)
        ("Beirut/ The interview was conducted by: Sami Haddad and Jane Roe", [("by", "Sami Haddad"), ("by", "Jane Roe")]),
        ("Prepared by Nour Haddad", [("by", "Nour Haddad")]),
        ("Edited by: Jane Roe", [("by", "Jane Roe")]),
        ("Edited by the board, the report ran long.", None),
        ("The interview was conducted by phone on Monday.", None),
        ("Author: Jane Roe", [("by", "Jane Roe")]),
        ("Correspondent: Sami Haddad and Nour Haddad", [("by", "Sami Haddad"), ("by", "Nour Haddad")]),
        ("Author: the minister", None),
        ("By Jane Roe, for The Valley Courier", [("by", "Jane Roe")]),
        ("By Jane Roe, for the first time", None),
    ],
)
def test_parse_byline(line, expected):
    assert parts(parse_byline, line) == expected


TEXT = """Talks on the port resume after a month of delays

Books - Sami al-Khatib:

The minister said on Monday that the talks on the port would resume next week.

Officials in the capital welcomed the news, the ministry added.

Translated from the Arabic edition.
"""


def test_credit_lines_are_segments_without_sentences():
    doc = Document(TEXT, "t.txt")
    kinds = [s.kind for s in doc.segments]
    assert kinds == ["title", BYLINE, "paragraph", "paragraph", FOOTER]
    byline, footer = doc.segments[1], doc.segments[-1]
    assert byline.credit_kind == "byline" and not byline.sentences
    assert [TEXT[s:e] for _, s, e in byline.credit_parts] == ["Sami al-Khatib"]
    assert footer.credit_kind == "translation" and not footer.sentences
    assert all(s.segment.kind == "paragraph" for s in doc.body_sentences())


def test_byline_only_at_the_top_or_the_end():
    paragraphs = [f"Paragraph {i} says that the talks went on for hours on Monday." for i in range(10)]
    text = "\n\n".join(paragraphs[:7] + ["By Jane Roe"] + paragraphs[7:]) + "\n"
    assert BYLINE not in [s.kind for s in Document(text, "t.txt").segments]


def test_credit_lines_are_not_checked_as_prose():
    pipeline = Pipeline(Config())
    report = pipeline.check_document(Document(TEXT, "t.txt"))
    credits = report.files[0].credits
    assert credits["translation"][0]["source"]["text"] == "the Arabic edition"
    assert credits["bylines"][0]["names"][0]["text"] == "Sami al-Khatib"
    # as prose, "Books - Sami al-Khatib:" raised PV121 (a hyphen for a dash)
    assert not [f for f in report.files[0].findings if f.line in (3, 9)]
    assert "Sami al-Khatib" in {n["text"] for n in report.files[0].names}


def dateline(line):
    found = parse_dateline(line)
    if found is None:
        return None
    end, found_parts = found
    return line[:end], [(role, line[s:e]) for role, s, e in found_parts]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("HEBRON, Sunday, May 5, 2024 (WAFA) – Farmers said the road was closed.",
         ("HEBRON, Sunday, May 5, 2024 (WAFA) –", [("place", "HEBRON"), ("agency", "WAFA")])),
        ("BEIRUT, Oct. 3 (NNA) - The minister arrived.", ("BEIRUT, Oct. 3 (NNA) -", [("place", "BEIRUT"), ("agency", "NNA")])),
        ("Mosul, April 2 / April (Rn) - The council met.", ("Mosul, April 2 / April (Rn) -", [("place", "Mosul"), ("agency", "Rn")])),
        ("Aug 3 (Reuters) - Oil rose.", ("Aug 3 (Reuters) -", [("agency", "Reuters")])),
        ("Governorates, SNA – Army units advanced.", ("Governorates, SNA –", [("place", "Governorates"), ("agency", "SNA")])),
        ("ABC – The agency reported a fire.", ("ABC –", [])),  # an agency or a place: the line does not say
        ("Taiz - Saba: The council met.", ("Taiz - Saba:", [("place", "Taiz"), ("agency", "Saba")])),
        ("Aden (Al Ayyam)", ("Aden (Al Ayyam)", [("place", "Aden"), ("agency", "Al Ayyam")])),
        ("Jeddah, Safar 3, 1440, Oct 12, 2018, XPA -- The council met.",
         ("Jeddah, Safar 3, 1440, Oct 12, 2018, XPA --", [("place", "Jeddah"), ("agency", "XPA")])),
        ("Doha, May 3 /ABC/ The minister arrived.", ("Doha, May 3 /ABC/", [("place", "Doha"), ("agency", "ABC")])),
        ("Nablus-ABC- The council met.", ("Nablus-ABC-", [("place", "Nablus"), ("agency", "ABC")])),
        ("ABC-TV reported a fire.", None),
        ("Valley News/ special", ("Valley News/ special", [("agency", "Valley News")])),
        ("Tripoli - Jane Roe", ("Tripoli - Jane Roe", [])),
        ("US – China talks resume in Geneva", None),
        ("Rep. Jane Roe (D-Ohio): We will vote.", None),
        ("The minister (right) - said the talks would resume.", None),
        ("Washington - The president said on Monday that the talks would resume.", None),
        ("EXCLUSIVE – Jane Roe: the interview", None),
        # a city and its country or state; a dash between place and bracket; no dash after a dated bracket
        ("AMMAN, Jordan (ABC) — The council met.", ("AMMAN, Jordan (ABC) —", [("place", "AMMAN, Jordan"), ("agency", "ABC")])),
        ("SPRINGFIELD, Ill., March 3 (ABC) — The council met.",
         ("SPRINGFIELD, Ill., March 3 (ABC) —", [("place", "SPRINGFIELD, Ill."), ("agency", "ABC")])),
        ("Taiz - (Saba) - The council met.", ("Taiz - (Saba) -", [("place", "Taiz"), ("agency", "Saba")])),
        ("Manama, Jan. 2 (ABC) The council met.", ("Manama, Jan. 2 (ABC)", [("place", "Manama"), ("agency", "ABC")])),
        ("Manama (ABC) The council met.", None),  # no date, no dash: a place and a bracket in a sentence
        # the acronym's dash glued to it, or a slash for the comma
        ("Provinces, SNA– Army units advanced.", ("Provinces, SNA–", [("place", "Provinces"), ("agency", "SNA")])),
        ("Mosul/ABC - The council met.", ("Mosul/ABC -", [("place", "Mosul"), ("agency", "ABC")])),
        ("Jeddah, Saudi Arabia, XPA -- The council met.",
         ("Jeddah, Saudi Arabia, XPA --", [("place", "Jeddah, Saudi Arabia"), ("agency", "XPA")])),
        ("Hebron - Valley Press - The council met.", ("Hebron - Valley Press -", [("place", "Hebron"), ("agency", "Valley Press")])),
        ("Valley News/ The council met on Monday.", ("Valley News/", [])),  # a place or an outlet: the line does not say
        ("The road to Mosul/ Erbil is open.", None),
    ],
)
def test_parse_dateline(line, expected):
    assert dateline(line) == expected


def test_parse_end_tag():
    line = "The emir received the delegation on Monday. –KNA"
    start, found = parse_end_tag(line)
    assert line[start:] == "–KNA" and [(r, line[s:e]) for r, s, e in found] == [("agency", "KNA")]
    assert parse_end_tag("The talks with the US ended - KNA said nothing") is None
    assert parse_end_tag("It was a good year for the US.") is None
    line = "The minister left on Monday. (ABC)"
    start, found = parse_end_tag(line)
    assert line[start:] == "(ABC)" and [(r, line[s:e]) for r, s, e in found] == [("agency", "ABC")]
    line = "The minister left on Monday. /ABC/"
    start, found = parse_end_tag(line)
    assert line[start:] == "/ABC/" and [(r, line[s:e]) for r, s, e in found] == [("agency", "ABC")]


def test_long_runs_of_date_material_are_no_dateline():
    # (lines a pattern with two ways to split the same spaces would take hours on)
    for line in ["Aden" + " ," * 150 + " (", "Aden" + " 1" * 190 + " (", "Aden" + "  , / " * 60 + "(x", "Aden Bay" * 40,
                 "Aden, Bay" * 60 + " (", "Aden, " * 80 + "Jan 2 (x", "Aden Bay, " * 50 + "ABC"]:
        assert parse_dateline(line) is None


DATELINED = """Farmers report damage after a night of raids

HEBRON, Sunday, May 5, 2024 (WAFA) – Farmers said their olive trees were damaged overnight.

The village council asked for help, the agency added. –WAFA
"""


def test_datelines_are_credits_with_exact_spans():
    doc = Document(DATELINED, "a.txt")
    found = dateline_credits(doc)
    assert [(d["line"], d["text"], d["place"] and d["place"]["text"], d["agency"]["text"]) for d in found] == [
        (3, "HEBRON, Sunday, May 5, 2024 (WAFA) –", "HEBRON", "WAFA"),
        (5, "–WAFA", None, "WAFA"),
    ]
    for d in found:
        assert DATELINED[d["start"] : d["end"]] == d["text"]
        assert DATELINED[d["agency"]["start"] : d["agency"]["end"]] == d["agency"]["text"]
    report = Pipeline(Config()).run_documents([(doc, "a.txt")])
    assert report.files[0].credits["datelines"] == found


def test_a_sentence_is_no_dateline():
    doc = Document("Talks resume\n\nThe minister said on Monday (in Cairo) - as expected - that talks resume.\n", "b.txt")
    assert dateline_credits(doc) == []


def test_two_translators_are_one_span_in_the_report():
    text = "Talks on the port resume\n\nThe minister said on Monday that the talks would resume.\n\nTranslated by Jane Roe and Sami Haddad\n"
    report = Pipeline(Config()).check_document(Document(text, "t.txt"))
    credit = report.files[0].credits["translation"][0]
    assert credit["translator"]["text"] == "Jane Roe and Sami Haddad"
    assert text[credit["translator"]["start"]:credit["translator"]["end"]] == "Jane Roe and Sami Haddad"
    assert {"Jane Roe", "Sami Haddad"} <= {n["text"] for n in report.files[0].names}


ENDING = "The council said on Sunday that the bridge would reopen next week after repairs.\n\nOfficials added that traffic would resume in stages.\n\n"


@pytest.mark.parametrize(
    "last, footer",
    [
        ("(Agencies)", ["Agencies"]),
        ("Agencies", ["Agencies"]),
        ("— Agencies", ["Agencies"]),
        ("The Valley Courier + agencies", ["The Valley Courier", "agencies"]),
        ("The agencies said the bridge would reopen.", []),
    ],
)
def test_an_agencies_sign_off_is_a_footer_credit(last, footer):
    report = Pipeline(Config()).check_document(Document(ENDING + last + "\n", "a.txt"))
    assert report.files[0].credits["footer"] == footer


def test_a_photo_credit_line_is_a_caption_credit():
    text = ENDING + "Photo: Jane Roe/Valley Agency\n"
    report = Pipeline(Config()).check_document(Document(text, "p.txt"))
    (caption,) = report.files[0].credits["captions"]
    assert caption["credit"] == "Jane Roe/Valley Agency"


@pytest.mark.parametrize(
    "line, expected",
    [
        # credit lines read by shape: roles, each with "by" or a colon, then names
        ("Translated into English by Mona Saleh", [("translator", "Mona Saleh")]),
        ("— Translated by Mona Saleh", [("translator", "Mona Saleh")]),
        ("Arabic to English translation by Mona Saleh", [("translator", "Mona Saleh")]),
        ("Translated by Mona Saleh for The Valley Courier", [("translator", "Mona Saleh")]),
        ("Written by Karim Aboud, translated by Mona Saleh", [("translator", "Mona Saleh")]),
        ("Translated by Mona Saleh and reviewed by Karim Aboud", [("translator", "Mona Saleh")]),
        ("Translated by Mona Saleh from the Arabic edition of Al-Wadi",
         [("translator", "Mona Saleh"), ("source", "the Arabic edition of Al-Wadi")]),
        ("He translated by hand the letters of the mayor", None),
        ("Written by Karim Aboud, translated by the time he left", None),
    ],
)
def test_parse_translation_by_shape(line, expected):
    assert parts(parse_translation, line) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("(Reporting by Karim Aboud; Editing by Mona Saleh)", [("by", "Karim Aboud"), ("by", "Mona Saleh")]),
        ("Reporting by Karim Aboud in Amman; Writing by Mona Saleh", [("by", "Karim Aboud"), ("by", "Mona Saleh")]),
        ("Follow-up: Karim Aboud | Editing: Mona Saleh", [("by", "Karim Aboud"), ("by", "Mona Saleh")]),
        ("Reporting: Karim Aboud", [("by", "Karim Aboud")]),
        ("— Karim Aboud", None),  # the speaker of the quotation above, no byline
        ("Amman / Karim Aboud", [("by", "Karim Aboud")]),
        ("Amman/ Karim Aboud", [("by", "Karim Aboud")]),
        ("Compiled: the ministry said it would respond", None),
        ("Edited by the sources in the field", None),
        ("Facebook/Karim Aboud", None),  # a photo credit, no byline
        ("Photo: Karim Aboud", None),
    ],
)
def test_parse_byline_by_shape(line, expected):
    assert parts(parse_byline, line) == expected


def _credits_of_last_line(line):
    text = "Talks on the port resume\n\nThe minister said on Monday that the talks would resume.\n\n" + line + "\n"
    return Pipeline(Config()).check_document(Document(text, "c.txt")).files[0].credits


def test_copyright_and_file_photo_lines_are_credits():
    assert _credits_of_last_line("Copyright 2021 The Valley Times. All rights reserved.")["footer"] == ["The Valley Times"]
    assert _credits_of_last_line("© Valley Courier")["footer"] == ["Valley Courier"]
    assert _credits_of_last_line("Copyright laws were changed in 2019 by the parliament.")["footer"] == []
    assert [c["credit"] for c in _credits_of_last_line("File photo: Jane Roe/ABC")["captions"]] == ["Jane Roe/ABC"]
