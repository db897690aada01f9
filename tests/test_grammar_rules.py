"""The ``grammar`` kind (PV330-PV345): word sequences English does not allow,
found with the shipped part-of-speech lexicon, and the English they must leave
alone. Every sentence here is written for the test."""

from __future__ import annotations

import functools
import gzip
import re

import pytest

from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules import RuleSet
from provenance.rules.kinds import grammar
from provenance.rules.model import PackError, Rule


@functools.cache
def _pipeline(code: str) -> Pipeline:
    return Pipeline(Config(select=[code]))


def found(code: str, body: str) -> list[str]:
    text = "Headline\n\n" + body + "\n"
    out = []
    for f in _pipeline(code).check_text(text, "t.txt").files[0].findings:
        if f.rule == code:
            assert text[f.start : f.end] == f.text  # every span exact
            out.append(f.text)
    return out


def test_lexicon_knows_word_classes_and_number():
    lex = grammar.lexicon()
    assert len(lex) > 30_000
    assert "p" in lex["officials"] and "n" not in lex["officials"]
    assert "n" in lex["week"] and "p" not in lex["week"]
    assert lex["went"] == "d"
    # a regular past is also the participle (lemminflect files it once)
    assert {"d", "e"} <= set(lex["occupied"])
    assert "c" in lex["the"] and "x" in lex["will"]
    assert grammar.flags_of("minister's", lex) == "s" and grammar.flags_of("25", lex) == "#"
    assert grammar.flags_of("Houseof", lex) is None


def test_lexicon_file_is_small_and_deterministic():
    raw = grammar._DATA.read_bytes()
    assert len(raw) < 1_000_000
    assert raw[4:8] == b"\0\0\0\0"  # gzip mtime 0: a rebuild gives the same bytes
    assert gzip.decompress(raw).decode("utf-8").startswith("# lemminflect")


@pytest.mark.parametrize(
    "code,bad,flag,good",
    [
        ("PV330", "A ruling is due in the next few week.", "few week", "A ruling is due in the next few weeks."),
        ("PV330", "These decision were taken in private.", "These decision", "These decisions were taken in private."),
        ("PV331", "The court heard a witnesses from the port.", "a witnesses", "The court heard the witnesses from the port."),
        ("PV332", "Each ministries sent a delegate.", "Each ministries", "Each ministry sent a delegate."),
        ("PV333", "It was a important vote.", "a", "It was an important vote."),
        ("PV333", "The hearing took a hour.", "a", "The hearing took an hour."),
        ("PV334", "The decision was an unilateral one.", "an", "The decision was a unilateral one."),
        ("PV335", "The envoy read a the letter aloud.", "a the", "The envoy read the letter aloud."),
        ("PV336", "He said the was closed by noon.", "the was", "He said the road was closed by noon."),
        ("PV337", "The bloc can cabinet a new premier.", "can cabinet", "The bloc can form a new cabinet."),
        ("PV338", "The envoy is due to went on Monday.", "to went", "The envoy is due to go on Monday."),
        ("PV339", "Shelling hit villages northern of the city.", "northern of", "Shelling hit villages north of the city."),
        ("PV340", "The fund is part ofthe plan.", "ofthe", "The fund is part of the plan."),
        ("PV341", "The convoy left    before dawn.", "left    before", "The convoy left before dawn."),
        ("PV343", "Power cuts hit entire Lebanon.", "entire Lebanon", "Power cuts hit the whole of Lebanon."),
        ("PV344", "The town was besieged during 12 years.", "during 12 years", "The town was besieged for 12 years."),
        ("PV345", "No one has left during since the war.", "during since", "No one has left since the war."),
    ],
)
def test_bad_is_found_good_is_not(code, bad, flag, good):
    hits = found(code, bad)
    assert hits and (flag is None or hits == [flag])
    assert found(code, good) == []


@pytest.mark.parametrize(
    "code,english",
    [
        # compounds, plurals that are singular too, verbs and adjectives after quantity words
        ("PV330", "Several period dramas and many local GOP officials were there; these kind of things, those responsible."),
        ("PV330", "Many hope the talks will resume, and few doubt it."),
        ("PV331", "It is a means to an end, a series of votes, a sales tax and a farmers' market."),
        ("PV332", "Each other's claims came in another two reports, every three years."),
        ("PV333", "A euro, a one-year deal, a union and a university were named; a USB stick too."),
        ("PV335", "The the is PV321's business."),
        ("PV336", "The will of the voters and the said property were a planned move."),
        # a modal that is a noun, a question that inverts subject and verb
        ("PV337", "The political will to act exists. Why would voters care? Where will reporters go?"),
        ("PV337", "She said the will matters and that a must-win race could kind of decide it."),
        ("PV338", "He pleaded guilty to aggravated theft and turned to encrypted apps."),
        ("PV339", "The western part of the city and most of the eastern suburbs."),
        ("PV340", "Ask @thehill about Andrea, Inman and Theodore in New Zealand; the informant was there."),
        ("PV341", "Two spaces  between words are common in web copy."),
        ("PV343", "Israel's entire cabinet met; the entire Gaza Strip and whole families were hit."),
        ("PV344", "During the 10 years of the war, prices rose."),
        ("PV345", "The vote was put off until after the summit."),
    ],
)
def test_native_english_is_left_alone(code, english):
    assert found(code, english) == []


def test_glued_words_suggest_the_split():
    report = _pipeline("PV340").check_text("Headline\n\nIt went to the Houseof Lords.\n", "t.txt")
    (f,) = [f for f in report.files[0].findings if f.rule == "PV340"]
    assert f.text == "Houseof" and f.suggestion == "House of"


def test_article_fix_keeps_the_word():
    report = _pipeline("PV333").check_text("Headline\n\nThey signed a agreement.\n", "t.txt")
    (f,) = [f for f in report.files[0].findings if f.rule == "PV333"]
    assert f.text == "a" and f.suggestion == "an"  # the fix replaces the article, not the word after it


def _rule(params: dict) -> Rule:
    base = RuleSet.load().all_rules["PV330"]
    from dataclasses import replace

    return replace(base, params=params)


@pytest.mark.parametrize(
    "params",
    [
        {"mode": "sequence", "sequence": [{"words": ["a"]}]},  # one slot
        {"mode": "sequence", "sequence": [{"has": "n"}, {"has": "n"}]},  # first slot without words
        {"mode": "sequence", "sequence": [{"words": ["a"]}, {"colour": "red"}]},  # unknown test
        {"mode": "sequence", "sequence": [{"words": ["a"]}, {"case": "title"}]},
        {"mode": "sequence", "sequence": [{"words": ["a"]}, {"has": "n"}], "flag": [0, 2]},
        {"mode": "glued"},
        {"mode": "parse"},
    ],
)
def test_bad_params_are_pack_errors(params):
    with pytest.raises(PackError):
        grammar.GrammarChecker(_rule(params))


def test_first_word_trie_matches_the_flat_alternation():
    # the sequence rules' first words are scanned by one trie-shaped regex: the same spans as the alternation
    words = {"a", "an", "and", "the", "they", "them", "of", "other", "others", "in", "into", "will", "would"}
    trie = re.compile(grammar._BOUNDED.format(grammar._trie(words)), re.IGNORECASE)
    flat = re.compile(grammar._BOUNDED.format("|".join(sorted(words, key=len, reverse=True))), re.IGNORECASE)
    text = "A an The they them and of other others in into inn theme Will would'nt an-other wouldst"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_documents_checked_in_turn_do_not_share_token_lookups():
    # the sequence rules keep the words around offsets of the document being checked: the next one reads its own
    pipeline = Pipeline(Config(select=["PV336"]))
    texts = ["Officials said the was delayed by a week.", "Officials said the vote delayed by a week."]
    got = [[t[f.start : f.end] for f in pipeline.check_text(t).files[0].findings] for t in texts + texts]
    assert got == [["the was"], [], ["the was"], []]
