"""The PolNeAR scorer (benchmarks/attributions_polnear.py) on invented data,
and a smoke run on a few PolNeAR articles when ../shared is present."""

from __future__ import annotations

import pytest

from benchmarks import attributions_polnear as pn
from tests.conftest import shared_path

ANN = "\n".join(
    [
        "T1\tSource 0 9\tThe mayor",
        "T2\tCue 10 14\tsaid",
        "T3\tContent 15 40\tthe bridge would reopen s",
        "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1",
        "T4\tSource 42 44\tHe",
        "T5\tCue 45 52;60 62\tbelieve in",
        "T6\tContent 63 70\tthe plan",
        "E2\tAttribution:T8 Content:T6 Cue:T5 Source:T4",
        "T7\tCue 80 92\taccording to",
        "E3\tAttribution-no-source:T10 Cue:T7",
        "#1\tAnnotatorNotes T1\tnot a span",
    ]
)


def test_parse_ann_reads_fragments_roles_and_cue_text():
    gold = pn.parse_ann(ANN)
    assert [g.cue for g in gold] == [[(10, 14)], [(45, 52), (60, 62)], [(80, 92)]]
    assert gold[0].source == [(0, 9)] and gold[0].content == [(15, 40)]
    assert gold[2].source == []
    assert [g.speech for g in gold] == [True, False, True]


@pytest.mark.parametrize(
    "cue, expected",
    [
        ("said", True), ("has claimed", True), ("urged", True), ("admitted", True), ("told reporters", True),
        ("called for", True), ("called", False), ("pointed out", True), ("According to", True), (":", True), ("—", True),
        ("believes", False), ("wants", False), ("thinks", False), ("hopes", False), ("criticized", False), ("spoke about", False),
    ],
)
def test_the_subset_is_saying_writing_and_reporting(cue, expected):
    assert pn.in_subset(cue) is expected


def _attr(cs, ce, chain):
    return {"cue": {"start": cs, "end": ce}, "chain": chain}


def _link(text, start, kind="person", resolves_to=None, canonical=None):
    return {"text": text, "start": start, "end": start + len(text), "kind": kind, "resolves_to": resolves_to, "canonical": canonical}


TEXT = "Gov. Ann Park said taxes would fall. Later she added that schools would gain. \"A plan nobody asked for\" appeared."
#       0         1         2         3         4         5         6         7         8


def _gold():
    return [
        pn.GoldAttr([(14, 18)], [(0, 13)], [(19, 35)], "said"),
        pn.GoldAttr([(47, 52)], [(43, 46)], [(53, 77)], "added"),
    ]


def test_score_counts_cues_speakers_and_resolved_pronouns():
    predicted = [
        _attr(14, 18, [_link("Ann Park", 5)]),
        _attr(47, 52, [_link("she", 43, resolves_to=0)]),
        _attr(93, 98, [_link("nobody", 86)]),  # no gold cue here
    ]
    t = pn.score("a", TEXT, _gold(), predicted, [(78, 103)])
    assert (t.gold, t.gold_found, t.predicted, t.predicted_right) == (2, 2, 3, 2)
    assert (t.gold_sources, t.speakers_predicted, t.speaker_right) == (2, 2, 2)
    assert t.pv901 == 1 and t.pv901_right == 1
    assert "a:93:extra-cue" in t.misses


def test_a_pronoun_resolved_elsewhere_or_a_wrong_span_is_wrong():
    gold = [pn.GoldAttr([(47, 52)], [(0, 13)], [(53, 77)], "added")]  # the gold Source is the name
    right = [_attr(14, 18, [_link("Ann Park", 5)]), _attr(47, 52, [_link("she", 43, resolves_to=0)])]
    wrong = [_attr(14, 18, [_link("taxes", 19)]), _attr(47, 52, [_link("she", 43, resolves_to=0)])]
    assert pn.score("a", TEXT, gold, right, []).speaker_right == 1
    t = pn.score("a", TEXT, gold, wrong, [])
    assert t.speaker_right == 0 and "a:43:wrong-speaker" in t.misses


def test_missed_cues_and_pv901_on_attributed_content_are_counted():
    t = pn.score("a", TEXT, _gold(), [], [(19, 35)])
    assert t.gold_found == 0 and t.figures()["cue_recall"] == 0.0
    assert t.pv901 == 1 and t.pv901_right == 0
    assert sorted(m.rsplit(":", 1)[1] for m in t.misses) == ["missed-cue", "missed-cue", "pv901-has-speaker"]


def test_lemma_handles_inflections_of_the_list():
    assert [pn.lemma(w) for w in ("says", "denied", "insisting", "urges", "promised", "written", "replies")] == [
        "say", "deny", "insist", "urge", "promise", "write", "reply"]


@pytest.mark.shared
def test_smoke_on_a_few_polnear_articles(capsys):
    shared_path("data", "polnear", "train", "text")
    assert pn.main(["--split", "dev", "--limit", "5", "--misses", "3"]) == 0
    out = capsys.readouterr().out
    assert "signature: provenance" in out and "dev ours" in out


def test_a_relative_pronoun_source_accepts_its_antecedent_and_numbers_are_words():
    text = "Voters, who said they were tired, left. About 4 in 10 said no."
    who = text.index("who")
    assert pn.speaker_ok(text, _link("Voters", 0), [(who, who + 3)], [])
    assert not pn.speaker_ok(text, _link("tired", text.index("tired")), [(who, who + 3)], [])
    four = text.index("About")
    assert pn.speaker_ok(text, _link("4 in 10", text.index("4")), [(four, four + len("About 4 in 10"))], [])


def test_a_cue_inside_a_gold_content_is_nested_not_wrong():
    # PolNeAR is univocal: a cue inside another attribution's content is never marked
    text = 'Ann Park said "they told me so" on Monday.'
    gold = [pn.GoldAttr([(9, 13)], [(0, 8)], [(14, 31)], "said")]
    predicted = [_attr(9, 13, [_link("Ann Park", 0)]), _attr(20, 24, [_link("they", 15)])]
    t = pn.score("a", text, gold, predicted, [])
    assert (t.predicted, t.predicted_right, t.nested) == (2, 1, 1)
    f = t.figures()
    assert f["cue_precision"] == 0.5 and f["cue_precision_univocal"] == 1.0
    assert "a:20:nested-cue" in t.misses


def test_misses_are_counted_by_cause():
    text = "Ann Park: taxes will fall.\nLater she urged voters to stay home. Tom Reed said no."
    gold = [
        pn.GoldAttr([(8, 9)], [(0, 8)], [(10, 25)], ":"),
        pn.GoldAttr([(37, 42)], [(33, 36)], [(43, 63)], "urged"),
        pn.GoldAttr([(74, 78)], [(65, 73)], [(79, 81)], "said"),
    ]
    t = pn.score("a", text, gold, [_attr(74, 78, [_link("Reed", 69)])], [])
    assert t.causes == {("missed-cue", "headline"): 1, ("missed-cue", "call/urge/vow/pledge/promise"): 1}
    t = pn.score("a", text, gold[2:], [_attr(74, 78, [_link("no", 79)])], [])
    assert t.causes == {("wrong-speaker", "span elsewhere: adverb, clause or object"): 1}


def test_a_source_of_stop_words_only_is_compared_word_for_word():
    text = "A: We will pay."
    assert pn.speaker_ok(text, _link("A", 0), [(0, 1)], [])
    assert not pn.speaker_ok(text, _link("We", 3), [(0, 1)], [])


def test_per_hop_scoring_matches_inner_cues_to_their_own_link():
    text = "The agency reported that an aide said the bridge would reopen."
    #       0         1         2         3         4
    gold = [
        pn.GoldAttr([(11, 19)], [(0, 10)], [(20, 61)], "reported"),
        pn.GoldAttr([(34, 38)], [(25, 33)], [(39, 61)], "said"),
    ]
    agency = dict(_link("The agency", 0, kind="outlet"), cue={"start": 11, "end": 19})
    aide = dict(_link("an aide", 25, kind="anonymous"), cue={"start": 34, "end": 38})
    predicted = [_attr(11, 19, [agency, aide])]
    t = pn.score("a", text, gold, predicted, [])
    assert (t.gold_found, t.predicted, t.predicted_right, t.speaker_right) == (2, 2, 2, 2)
    # the innermost-link rule sees one cue and scores the agency's Source against the aide
    old = pn.score("a", text, gold, predicted, [], per_hop=False)
    assert (old.gold_found, old.predicted, old.speaker_right) == (1, 1, 0)
    assert old.causes["wrong-speaker", "relay: another link of the chain is the source"] == 1
