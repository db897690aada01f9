"""PV810: outlet and bloc names translated as words, and the ordinary uses of
the same words it must leave alone. Examples are invented."""

from __future__ import annotations

import functools

import pytest

from provenance.config import Config
from provenance.names.outlets import find, outlets
from provenance.pipeline import Pipeline


@functools.lru_cache(maxsize=None)
def _pipeline() -> Pipeline:
    return Pipeline(Config(select=["PV810"]))


def hits(text: str) -> list[tuple[str, str | None]]:
    report = _pipeline().check_text(text + "\n", "t.txt")
    return [(f.text, f.suggestion) for f in report.files[0].findings if f.rule == "PV810"]


@pytest.mark.parametrize(
    "text,flag,suggestion",
    [
        ('The minister told the "Information" agency that talks went well.', '"Information" agency', "Al-Maalouma"),
        ("The MP spoke to balances News about the budget.", "balances News", "Mawazin"),
        ('He said in an interview with the program "pillar" that he would run.', 'program "pillar"', "Al-Amoud"),
        ("Information/special\n\nThe bloc met on Monday.", "Information/", "Al-Maalouma"),
        ("Two deputies of victory left the bloc on Monday.", "deputies of victory", "Al-Nasr"),
        ("A leader of the wisdom movement said the list was ready.", "the wisdom movement", "Al-Hikma"),
    ],
)
def test_translated_names_are_reported_with_the_romanized_name(text, flag, suggestion):
    assert hits(text) == [(flag, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        "The agency shared the information with the press on Monday.",
        "Fox News and the Associated Press reported the victory of the coalition.",
        "The coalition of forces claimed victory in the election after a long campaign.",
        "Information about the vote will be posted online tomorrow.",
        "The network will show the debate tomorrow on TV.",
    ],
)
def test_ordinary_uses_of_the_words_are_left_alone(text):
    assert hits(text) == []


def test_every_entry_has_a_name_and_a_lower_case_word():
    table = outlets()
    assert len(table) >= 30
    for word, entry in table.items():
        assert word == word.lower() and entry.name[:1].isupper()


def test_spans_are_exact():
    text = 'Reports reached the "Information" agency and balances News.'
    for start, end, _, message in find(text):
        assert text[start:end] in message
