"""Shapes of issue 9 measured on the tune passages and the native controls:
quotation marks in text laid out one sentence a line (PV111), and the new
phrase rules' boundaries. Examples are invented."""

from __future__ import annotations

import functools

from provenance.config import Config
from provenance.pipeline import Pipeline


@functools.lru_cache(maxsize=None)
def _pipeline(codes: str) -> Pipeline:
    return Pipeline(Config(select=codes.split(",")))


def found(code: str, text: str) -> list[str]:
    report = _pipeline(code).check_text(text, "t.txt")
    out = []
    for f in report.files[0].findings:
        if f.rule == code:
            assert text[f.start : f.end] == f.text
            out.append(f.text)
    return out


_LINES = [
    "The storm reached the coast on Monday night.",
    "Roads were closed across the region.",
    "Schools will stay shut until Wednesday, officials said.",
    "The mayor, speaking at the town hall, said: \"We have never seen water this high.",
    "Power was cut to about 4,000 homes.",
    "Crews were working through the night to restore it.",
    "Some families are still waiting on their roofs for boats,\" the aid group said.",
    "The river is expected to peak on Tuesday.",
    "Forecasters warned of more rain later in the week.",
]


def test_one_sentence_a_line_quote_edges_are_not_unbalanced():
    # a sentence-aligned excerpt: the quotation's other lines are not all there
    text = "\n".join(_LINES) + "\n"
    assert found("PV111", text) == []


def test_one_sentence_a_line_still_reports_a_mark_inside_a_line():
    lines = list(_LINES)
    lines[1] = 'Roads were "closed across the region, the police said.'  # a quotation opened inside a sentence
    assert found("PV111", "\n".join(lines) + "\n") == ['"']


def test_ordinary_paragraphs_still_report_an_unclosed_quote():
    text = (
        "The storm reached the coast on Monday night. Roads were closed across the region.\n\n"
        "The mayor said: \"We have never seen water this high. Power was cut to about 4,000 homes.\n\n"
        "Crews were working through the night. The river is expected to peak on Tuesday.\n"
    )
    assert found("PV111", text) == ['"']


def test_double_period_is_not_an_ellipsis():
    assert found("PV122", "Harbour talks.. the ministry sets a date\n\nHe paused... and went on.\n") == [".."]


def test_space_before_comma_not_in_numbers():
    assert found("PV123", "Patrols entered the town ,searched two houses.\n\nThe count was 1 ,200 people.\n") == [" ,"]


def test_wrong_preposition_spares_days_and_nouns():
    text = "He stressed on Monday that calm was needed. Officials ignored requests for comment and demands for change.\n"
    assert found("PV141", text) == []
    assert found("PV141", "She stressed on the need for calm.\n") == ["stressed on"]


def test_article_form_spares_capitals_and_h():
    assert found("PV322", "He met an MP and waited an hour with an heir to the throne.\n") == []
    assert found("PV322", "The court heard an witness on Monday.\n") == ["an"]


def test_doubled_function_word_spares_that_that_and_had_had():
    assert found("PV321", "He said that that was wrong; she had had enough.\n") == []
    assert found("PV321", "He said the the port was shut.\n") == ["the the"]


def test_dateline_run_in_spares_title_case_headlines():
    assert found("PV107", "Obama The Candidate Returns To Chicago\n\nThe rally began at noon.\n") == []
    assert found("PV107", "Headline here\n\nTripoli The port authority said the ships would dock.\n") == ["Tripoli The "]


def test_lost_object_needs_the_punctuation_right_after():
    assert found("PV106", "He told reporters after a long interview with the paper that he would run.\n") == []
    assert found("PV106", "He told reporters after a long interview with, on Sunday, that he would run.\n") == ["interview with"]


def test_stranded_participle():
    assert found("PV108", 'The council met.\n\nAdding, "there is no reason to wait."\n') == ["Adding"]
    assert found("PV108", "The council met. Also stressing that the deadline stands.\n") == ["Also stressing that"]
    assert found("PV108", 'The council met. Adding, "there is no reason to wait," the mayor left.\n') == []
    assert found("PV108", "The council met. Adding to the confusion, the mayor left.\n") == []
    assert found("PV108", "Noting that turnout was low, the mayor called for a second vote.\n") == []


def test_adjective_doublet_before_its_noun():
    assert found("PV201", "Headline\n\nThey praised regional and regional talks on the dam.\n") == [
        "regional and regional"
    ]
    assert found("PV201", "Headline\n\nThe fire spared the farm and farm buildings nearby.\n") == []


def test_restating_noun_phrase_is_no_stranded_word():
    assert found("PV102", "Headline\n\nThe envoy was not from here. He was a stranger. A newcomer. Nobody knew him.\n") == []
    assert found("PV102", "Headline\n\nThe council met on the first day of the month. Ramadan. It ended late.\n") == ["month. Ramadan."]


def test_quote_mark_glued_to_the_introducing_word():
    assert found("PV115", 'Headline\n\nHe spoke at length, noting that" the plan holds."\n') == ['that" t']
    assert found("PV115", 'Headline\n\n"We will see," he said. "The plan holds."\n') == []


def test_missing_preposition_spares_inversions_and_time():
    assert found("PV142", "Headline\n\nTwelve countries participated the meeting.\n") == ["participated the"]
    assert found("PV142", 'Headline\n\n"We will see," replied the minister. He apologized the next day.\n') == []


def test_spaced_name_particle_is_a_name_not_a_dash():
    text = "Headline\n\nThe governor, Karim al - Tamimi, denied it - and left.\n\nThe envoy - a veteran - spoke.\n"
    assert found("PV124", text) == ["al - Ta"]
    # one note per document, at the first: the dash before "and"; it counts the aside too, not the name
    assert found("PV121", text) == ["-"]
    (note,) = [f for f in _pipeline("PV121").check_text(text, "t.txt").files[0].findings if f.rule == "PV121"]
    assert note.message.endswith("(the first of 2 in this document)")


def test_opening_glyph_in_the_closing_place_is_a_mismatch_not_unbalanced():
    text = "Headline\n\nThe mayor called the buses “late“ again and promised more of them.\n"
    assert found("PV111", text) == []
    assert found("PV110", text) == ["“late“"]
    assert found("PV111", "Headline\n\nThe mayor called the buses “late again and promised more of them.\n") == ["“"]


def test_closing_glyph_that_opens_is_a_mismatch():
    text = "Headline\n\nViewers answered at once.\n\n”Thanks for nothing,” one reader wrote back.\n"
    assert found("PV111", text) == []
    assert found("PV110", text) == ["”"]


def test_markup_tag_broken_over_two_lines_is_not_prose():
    text = 'The senator posted a message.\n\n<tweet author="@someone" date="May 9,\n2016">We won tonight</tweet>\n\nShe said "thanks" later.\n'
    assert found("PV111", text) == []


def test_closing_mark_spaced_off_a_nested_single_quote():
    text = "Headline\n\n\"Traders call it 'a safe bet,' \" she said.\n"
    assert found("PV111", text) == []


def test_live_blog_repeats_are_by_design():
    update = "The count of ballots resumes at dawn in the northern districts."
    blog = "The latest on the primaries\n\n" + "".join(
        f"{t}\n\nCandidates spoke in three states tonight, the campaigns said.\n\n{update}\n\n___\n\n" for t in ("8:35 p.m.", "8:10 p.m.", "7:45 p.m.")
    )
    assert found("PV401", blog) == []
    article = "A headline here\n\n" + update + "\n\nThe vote went on late.\n\n" + update + "\n"
    assert found("PV401", article) == [update]
    # times in the prose (not lines of their own) make no live blog
    timed = article.replace("The vote went on late.", "The vote opened at 8:35, paused at 9:10 and closed at 10:45.")
    assert found("PV401", timed) == [update]


def test_headline_english_without_function_words_is_english():
    assert found("PV502", "Ferry strike halts island trade; unions vow longer walkout.\n\nThe strike began on Monday.\n") == []
    foreign = "Le gouvernement a annoncé une nouvelle trêve dans la bande de Gaza."
    assert found("PV502", f"Headline\n\nThe minister spoke. {foreign}\n") == [foreign]


def test_closing_mark_spaced_off_at_the_end_of_a_paragraph():
    # '… next week. "' ending the paragraph: the translation spaced the closing mark off its
    # sentence; it closes the quotation (no "never closed" on the opening mark) and is reported itself
    text = 'Headline\n\nThe mayor said, "The buses will run again, "adding that" the depot is ready next week. "\n'
    assert found("PV111", text) == ['. "']
    (f,) = [f for f in _pipeline("PV111").check_text(text, "t.txt").files[0].findings if f.rule == "PV111"]
    assert f.suggestion == '."' and "set off by a space" in f.message
    assert found("PV111", text.replace(". \"\n", ". \" The depot opened.\n")) == [". \""]
    # a mark after a space with words after it still opens a quotation
    assert found("PV111", 'Headline\n\nThe mayor said, "The buses will run. "Trains too\n') == ['"', '"']


def test_numbered_clause_of_a_decree_repeated_by_design():
    clause = "Article (2) states that this decree takes effect on the day after its publication."
    gazette = (
        "Two decrees issued\n\nDecree No 4 sets the fees of the port authority.\n\n" + clause
        + "\n\nDecree No 5 names the members of the water board.\n\n" + clause + "\n"
    )
    assert found("PV401", gazette) == []
    plain = "The decree takes effect on the day after its publication, the ministry said."
    assert found("PV401", gazette.replace(clause, plain)) == [plain]


def test_split_adjective_fragment_needs_a_bare_word_or_two():
    base = "Headline\n\nThe court heard the charges of deliberate flooding of the farms."
    assert found("PV101", base + " Collective.\n") == ["farms. Collective."]
    # spaced-out words are more than words: no bare fragment
    assert found("PV101", base + " Collective   ,   .\n") == []
