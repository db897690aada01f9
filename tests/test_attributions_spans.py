"""Speaker spans, cues and PV901 of issue 10, on invented sentences."""

from __future__ import annotations

import pytest

from provenance.attributions.article import build
from provenance.document import Document


def chains(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    doc = Document(text + "\n", "<t>")
    return [(a["cue"]["text"], [(l["text"], l["kind"]) for l in a["chain"]]) for a in build(doc).attributions]


@pytest.mark.parametrize(
    "text, cue, chain",
    [
        ("“The levy will pass in the spring,” said Sen. Jane Doe (R-Ohio).", "said", [("Sen. Jane Doe (R-Ohio)", "person")]),
        ("“The levy will pass,” said Lt. Gen. Ray Tan.", "said", [("Lt. Gen. Ray Tan", "person")]),
        ("Gov. Ann Bell claimed that the levy would fall.", "claimed", [("Gov. Ann Bell", "person")]),
        ("“We are ready to raise what we need,” Tom Reed, the campaign’s manager, said in a statement.", "said", [("Tom Reed, the campaign’s manager", "person")]),
        ("The senator left the room and instead argued that the rule was clear.", "argued", [("The senator", "person")]),
        ("“She is too far behind,” said an Iowa farmer.", "said", [("an Iowa farmer", "anonymous")]),
        ("“It will not work,” said pollster Ray Tan.", "said", [("pollster Ray Tan", "person")]),
        ("CAIRO (AP) — The minister on Tuesday accused the rebels of breaking the truce.", "accused", [("AP", "outlet"), ("The minister", "person")]),
        ("Occupied Jerusalem-WAFA-The ministry announced that the crossing would open.", "announced", [("WAFA", "outlet"), ("The ministry", "organization")]),
        ("LYON, Aug 31 (Reuters) - The mayor said the bridge would reopen.", "said", [("Reuters", "outlet"), ("The mayor", "person")]),
        ("The Interfax agency quoted Mr. Ivanov, the deputy minister, as saying that the talks would resume.", "quoted",
         [("The Interfax agency", "outlet"), ("Mr. Ivanov, the deputy minister", "person")]),
        ("Tom Reed suggested the council should pay for the bridge.", "suggested", [("Tom Reed", "person")]),
        ("Jim Lehrer asked, “Do you think the deal will hold?”", "asked", [("Jim Lehrer", "person")]),
        ("The lawyers asked the court to delay the trial.", "asked", [("The lawyers", "anonymous")]),  # a request: the asker
        ("The result did not surprise the pollster Ray Tan: “Lesser-known candidates often win early.”", ":", [("Ray Tan", "person")]),
    ],
)
def test_speaker_spans(text, cue, chain):
    assert (cue, chain) in chains(text)


@pytest.mark.parametrize(
    "text",
    [
        "The lawyers were asked to delay the trial.",  # the passive; the request itself is a cue since pol19
        "The noted author Tom Reed opened the bridge.",
        "It gets better: “The plan will cost nothing at all.”",
    ],
)
def test_no_attribution(text):
    assert chains(text) == []


def test_a_title_case_first_line_is_a_headline():
    assert chains("Mayor Ray Lin Says He Will Run Again.\n\nThe city agreed.")[0][0] == "Says"


def _pv901(pipeline, text):
    return [f.text for f in pipeline.check_text(text).files[0].findings if f.rule == "PV901"]


def test_pv901_only_on_a_quoted_paragraph_with_no_speaker_around(default_pipeline):
    lone = "The council met on Monday.\n\n“Nobody will lose their home because of this plan.”\n"
    assert _pv901(default_pipeline, lone) == ["“Nobody will lose their home because of this plan.”"]
    tagged = "The council met on Monday.\n\n“Will anybody lose their home because of this plan?” Tom Reed asked.\n"
    colon = "Tom Reed wrote to the council:\n\n“Nobody will lose their home because of this plan.”\n"
    inside = "The mayor called it “a fair deal for every family in the city” on Monday.\n"
    after_text = "The council met. It read the plan aloud. “Nobody will lose their home because of this plan.”\n"
    # the splitter ends a sentence at "!”": the tag is the next sentence, its verb in any case
    split_tag = "The council met on Monday.\n\n“Nobody will lose a home over this plan!” Ray Tan, the head of the fund, Tweeted on Friday with a photo of the sign.\n"
    for text in (tagged, colon, inside, after_text, split_tag):
        assert _pv901(default_pipeline, text) == [], text


def test_a_that_only_cue_closes_a_quotation_but_needs_that_otherwise():
    assert ("declared", [("Tom Reed", "person")]) in chains("“We are nowhere near the end,” Tom Reed declared. “It comes later.”")
    assert ("declared", [("Senator Ray Tan", "person")]) in chains("“I will not vote for him,” declared Senator Ray Tan.")
    assert chains("Tom Reed declared war on the rebels.") == []
    assert [c for c, _ in chains("Tom Reed asked the crowd whether they would vote.")] == ["asked"]


def test_the_as_before_a_postposed_speaker_is_not_content():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    text = "The bridge reopened on Monday, as the minister had said.\n"
    [a] = Pipeline(Config()).check_text(text, "as.txt").files[0].attributions
    assert a["content"]["text"] == "The bridge reopened on Monday"
    assert text[a["content"]["start"] : a["content"]["end"]] == a["content"]["text"]
