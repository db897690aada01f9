"""Speaker spans of the fifth PolNeAR pass (issue 10), on invented sentences."""

from __future__ import annotations

import pytest

from provenance.attributions.article import build
from provenance.document import Document


def chains(text: str) -> list[tuple[str, list[str]]]:
    doc = Document(text + "\n", "<t>")
    out = []
    for a in build(doc).attributions:
        for link in a["chain"]:
            assert doc.text[link["start"] : link["end"]] == link["text"]
        out.append((a["cue"]["text"], [l["text"] for l in a["chain"]]))
    return out


def speaker_of(text: str, cue: str) -> str | None:
    return next((ch[-1] for c, ch in chains(text) if c == cue and ch), None)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a pronoun with a contracted auxiliary is the speaker without it
        ("The mayor is digging in. She’s suggesting that the council should pay for the bridge.", "suggesting", "She"),
        ("Reed is in Ohio. He's comparing the levy to the old tax and says the fee is unfair.", "says", "He"),
    ],
)
def test_a_contracted_pronoun_is_the_pronoun(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a mixed-case dateline with its agency before the clause a participle or a coordinated verb takes
        ("Springfield (AFP) – Governor Ann Bell has taken aim at the budget, saying the cuts go too far.", "saying", "Governor Ann Bell"),
        ("Lakeview (Reuters) - Mayor Tom Reed met the families of the victims on Monday and said the city must act.", "said", "Mayor Tom Reed"),
    ],
)
def test_a_dateline_is_cut_off_an_inherited_subject(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


@pytest.mark.parametrize(
    "text, cue, head",
    [
        # a relative clause whose subject is "who"/"which" belongs to the speaker's noun phrase
        ("Bell and others who want to close the mine said the vote was rigged.", "said", "Bell and others"),
        ("Ann Bell, head of the Farmers Union which represents about 900 farms, said the fee was too high.", "said", "Ann Bell"),
        ("Many of the county leaders who’d rather be working on the fair said they backed the levy.", "said", "Many of the county leaders"),
    ],
)
def test_a_relative_clause_stays_in_the_subject(text, cue, head):
    speaker = speaker_of(text, cue)
    assert speaker is not None and speaker.startswith(head), chains(text)


def test_who_before_another_subject_is_not_skipped():
    # "who" followed by the subject of its own clause: the speaker is that subject
    assert speaker_of("It was Tom Reed who the police said had fled the town.", "said") == "the police"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # an aside holding a short quoted title: the name before it speaks (a participial aside is skipped)
        ("Ann Bell, host of ABC’s “Morning Talk,” suggested that the mayor was wrong about the levy.", "suggested", "Ann Bell"),
        ("Mr. Reed, citing ''the magic of the county,'' said the levy could pass in May.", "said", "Mr. Reed"),
        ('Bell, the co-author of "Dry Land," about the drought in the valley, said the farms were failing.', "said", "Bell"),
        ("Dan Reed, author of ''Dry Land,'' a novel about the drought, first pointed out the error to me.", "pointed out", "Dan Reed"),
        # a quotation that opens the sentence is what was said, not a title
        ("“We will win the county,” Ann Bell said.", "said", "Ann Bell"),
        # a clause before the quotation is no aside: the name after the cue speaks
        ("Behind the scenes, Reed is ''working the phones all week,'' said Ann Bell, his aide.", "said", "Ann Bell, his aide"),
    ],
)
def test_an_aside_with_a_quoted_title(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a time phrase that opens the sentence is no part of the speaker
        ("On Monday he said the vote was fair.", "said", "he"),
        ("Monday he said the vote was fair.", "said", "he"),
        ("Monday night Tom Reed said the vote was fair.", "said", "Tom Reed"),
        ("Last week the mayor said the vote was fair.", "said", "the mayor"),
        ("In March the mayor announced that the vote was fair.", "announced", "the mayor"),
        # nor a day inside an opening "Asked …" or participial phrase
        ("Asked Tuesday about the levy, Mayor Ann Bell said the vote was fair.", "said", "Mayor Ann Bell"),
        ("Asked about the levy Tuesday, Bell said the vote was fair.", "said", "Bell"),
        ("Pressed Tuesday on the levy, Bell said the vote was fair.", "said", "Bell"),
        ("Speaking Tuesday in Ames, Bell said the vote was fair.", "said", "Bell"),
        # a day that modifies the subject's noun stays in it
        ("Sunday school teachers said the vote was fair.", "said", "Sunday school teachers"),
    ],
)
def test_a_day_is_no_part_of_the_speaker(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


def test_asked_with_a_day_is_a_cue():
    assert any(c == "Asked" for c, _ in chains("Asked Tuesday about the levy, Mayor Ann Bell said the vote was fair."))


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # an inverted cue after a clause: the speaker after it, also after a "but" clause
        ("The camp is hardly formal, but it has drawn a loyal crowd, said Ms. Tan.", "said", "Ms. Tan"),
        # a role after the cue, or descriptors before a name
        ("In Lakeview, the old mill is hanging on, but it is under pressure from imports, said the firm's chief, Ann J. Bell.", "said", "the firm's chief, Ann J. Bell"),
        ("The firm worked for the Reed Group on taxes and other issues, said lobbyist and strategist Tom Black.", "said", "lobbyist and strategist Tom Black"),
    ],
)
def test_an_inverted_cue_takes_the_speaker_after_it(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


def test_an_inverted_anonymous_source_reports_the_clause_before():
    # the official speaks (the outer link); the mayor's warning is what the official reports
    text = "The mayor warned the council not to move on the levy, said an official who was briefed on the talks."
    assert ("said", ["an official who was briefed on the talks", "The mayor"]) in chains(text)


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a subject that opens the sentence keeps the cue: what follows is the content
        ("Reed, 45, said voters in New York, who were angry, had a point.", "said", "Reed, 45"),
        ("Ann Bell, a pollster, said the official, who resigned, was wrong.", "said", "Ann Bell, a pollster"),
        # a place or a day after the cue is no speaker
        ("Their school, Lakeview College, confirmed on Facebook Friday that the pair were safe.", "confirmed", "Their school, Lakeview College"),
    ],
)
def test_an_opening_subject_is_not_inverted(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


def test_an_absolute_with_phrase_names_the_participles_speaker():
    text = 'Republicans were quick to chime in, with Tom Reed tweeting that it was a disaster for Bell and asking, "How can she lead?"'
    found = chains(text)
    assert ("tweeting", ["Tom Reed"]) in found and ("asking", ["Tom Reed"]) in found, found
    assert speaker_of("The city pressed Lakeview on Saturday, with top defense officials saying that the fleet would stay.", "saying") == "top defense officials"


def test_with_after_a_verb_is_no_absolute_phrase():
    assert speaker_of("She met with Tom Reed saying that the levy would pass.", "saying") == "She"


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        # a coordinated cue in a clause of its own takes that clause's pronoun
        ("Bell, though she praised the plan and said the council should vote, stopped short of backing it.", "said", "she"),
        ("Reed has said he will vote for Bell, but he hasn't endorsed her or conceded the race.", "conceded", "he"),
        ('Tom Reed started the debate when he brought up the levy and later said, "It is not just the bridge."', "said", "he"),
        # a pronoun in a reported clause or after another subordinator is not the cue's subject
        ("Reed said he would go and added that the vote was fair.", "added", "Reed"),
        ("The mayor spoke after they voted and said the levy would pass.", "said", "The mayor"),
    ],
)
def test_a_coordinated_cue_takes_its_own_clauses_subject(text, cue, speaker):
    assert speaker_of(text, cue) == speaker, chains(text)


def test_a_coordinated_cue_in_a_relative_clause_takes_its_antecedent():
    text = '"She is an old friend," Tom told Ann Bell, who opened her door on Sunday and said she would vote.'
    assert speaker_of(text, "said") == "Ann Bell", chains(text)
    # a relative clause closed by a comma: the coordinated cue is the main clause's
    assert speaker_of("The mayor met Ann Bell, who is a teacher, and said the levy would pass.", "said") == "The mayor"
