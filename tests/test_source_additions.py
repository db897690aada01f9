"""PV1004 (and PV1003's mirror) on given beads: an English sentence with no counterpart that the
lengths alone do not show (issue 11, src7a). Own invented German examples; Chinese length units."""

from __future__ import annotations

from provenance.bilingual import checks
from provenance.bilingual.align import _Side, _unread, length_units
from provenance.bilingual.checks import _zl
from tests.test_source_omissions import A, _pair

PARAMS = {"min_chars": 15, "max_z": 4.0, "merge_z": 1.5, "part_z": 1.5, "anchored": True, "anchor_merge_z": 1.5,
          "anchor_part_z": 2.5, "anchor_foreign": True, "shifted": True, "shift_foreign": False, "short_absorb": True,
          "orphan_unabsorbed": True}
E_SHORT = "Minister Petrosyan came to Madrid on Tuesday."  # A, loosely (z about -2)
E_A = "Minister Petrosyan arrived in Madrid on Tuesday with a large delegation."
OSLO = "The weather office in Oslo expects 40 centimetres of snow this week."  # from elsewhere: a name and a number A lacks
OSLO_SHORT = "Snow is expected in Oslo, 40 centimetres."


def _added(pair, params=PARAMS):
    return [pair.alignment.target_text[i.start:i.end] for i in checks.additions(pair, params)]


def test_a_1_2_bead_reports_the_sentence_that_shares_nothing_with_the_original():
    assert 1.5 <= abs(_zl(len(A), len(E_SHORT), "de")) < 2.5  # the translation fits A only loosely,
    assert abs(_zl(len(A), len(OSLO), "de")) < 1.5  # the added sentence better: lengths alone would pick the wrong one
    assert _zl(len(A), len(E_SHORT) + len(OSLO) + 1, "de") > 1.5
    pair = _pair([A], [E_SHORT, OSLO], [((0, 1), (0, 2))])
    assert _added(pair) == [OSLO]
    assert _added(pair, {**PARAMS, "anchored": False}) == []
    # A sentence with no name or number of its own is not reported: a translator's split looks the same.
    bare = "The office expects a great deal of snow to fall on the hills this week."
    assert _added(_pair([A], [E_SHORT, bare], [((0, 1), (0, 2))])) == []


def test_a_0_1_bead_beside_a_shifted_1_1_bead_reports_the_neighbour():
    # The aligner paired A with the added sentence (its length fits as well) and left A's translation over.
    pair = _pair([A], [OSLO, E_A], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert _added(pair) == [OSLO]
    assert _added(pair, {**PARAMS, "shifted": False}) == [E_A]


def test_an_orphan_is_not_absorbed_by_a_short_neighbour():
    # A's English is short and the 0-1 sentence would make it fit, but its name and number are nowhere in the original.
    assert _zl(len(A), len(E_SHORT), "de") < -1.5 and abs(_zl(len(A), len(E_SHORT) + len(OSLO_SHORT) + 1, "de")) < 1.5
    pair = _pair([A], [E_SHORT, OSLO_SHORT], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert _added(pair) == [OSLO_SHORT]
    assert _added(pair, {**PARAMS, "orphan_unabsorbed": False}) == []
    # The translation's own second half (its names in the original) is absorbed as before.
    half = "He came with a delegation to Madrid."
    assert _added(_pair([A], [E_SHORT, half], [((0, 1), (0, 1)), ((1, 1), (1, 2))])) == []


def test_chinese_lengths_count_latin_letters_and_digits_as_a_third():
    text = "特朗普说Trump 2018。"
    assert length_units(text, 0, len(text), "zh") == 4 + 9 / 3 + 2 * 0.5
    assert length_units(text, 0, len(text), "en") == len(text)
    assert length_units(text, 0, len(text), "de") == len(text)


def test_names_the_english_repeats_are_the_articles_own():
    from provenance.bilingual.names import skeleton

    text = "Minister Petrosyan came to Madrid. Petrosyan met the king. The office expects snow."
    spans = [(0, 34), (35, 59), (60, len(text))]
    unread = _unread(_Side(text, spans, "ar", True))
    assert skeleton("Petrosyan") in unread  # in two sentences
    assert skeleton("Madrid") not in unread  # once


C = "Die Verhandlungen dauerten bis spät in die Nacht hinein."
E_C = "The negotiations went on until late into the night."
X = "The weather stayed cold and grey for most of the week."  # from elsewhere, with no name or number


def test_a_0_1_bead_whose_neighbour_fits_the_original_as_well_spans_both():
    # Neither English sentence has an anchor: the aligner's 1-1 bead could as well be the other one's.
    pair = _pair([C], [E_C, X], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert _added(pair) == [X]
    both = [i for i in checks.additions(pair, {**PARAMS, "swap_margin": 1.5})]
    assert [pair.alignment.target_text[i.start:i.end] for i in both] == [E_C + " " + X]
    assert "most likely the second" in both[0].message
    # A neighbour whose length fits far better stays the translation.
    far = _pair([C], [E_C, OSLO_SHORT], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert _added(far, {**PARAMS, "swap_margin": 1.5}) == [OSLO_SHORT]


def test_foreign_alone_a_1_2_bead_whose_translation_shares_nothing():
    short = "The talks lasted until late."
    assert 1.5 <= abs(_zl(len(C), len(short), "de")) < 2.5 and _zl(len(C), len(short) + len(OSLO) + 1, "de") > 1.5
    pair = _pair([C], [short, OSLO], [((0, 1), (0, 2))])
    assert _added(pair) == []  # the kept sentence shares no anchor of its own with the original
    assert _added(pair, {**PARAMS, "foreign_alone": True}) == [OSLO]


def test_the_orphan_of_a_1_2_bead_is_reported_though_the_lengths_fit_it_better():
    params = {**PARAMS, "anchored": False, "orphan_merge_z": 1.0}
    pair = _pair([A], [E_SHORT, OSLO], [((0, 1), (0, 2))])
    assert abs(_zl(len(A), len(OSLO), "de")) < abs(_zl(len(A), len(E_SHORT), "de"))  # OSLO fits A's length better
    assert pair.alignment.orphans == [False, True]  # its number is nowhere in the original
    assert _added(pair, params) == [OSLO]
    assert _added(pair, {**params, "orphan_merge_z": None}) == []
    # A translator's split: the second sentence names nothing the original lacks.
    split = _pair([A], [E_SHORT, "He brought a large delegation with him."], [((0, 1), (0, 2))])
    assert _added(split, params) == []
    # Two sentences that together fall short of the original: no room for an added one.
    short = _pair([A], ["Petrosyan came.", OSLO_SHORT], [((0, 1), (0, 2))])
    assert _added(short, params) == []


def test_a_chinese_original_tells_an_orphan_by_its_number_only():
    from provenance.bilingual.check_omissions import _orphan_of_two

    src = ["代表团昨天上午经过长途旅行抵达该市。"]
    en = "The delegation arrived in the city yesterday morning after a long journey."
    params = {"min_chars": 15, "orphan_merge_z": 1.0}
    named = _pair(src, [en, "Maria Lindqvist and Johan Berg opened a gallery in Uppsala."], [((0, 1), (0, 2))], "zh")
    assert named.alignment.orphans == [False, True]
    assert _orphan_of_two(named, named.alignment.beads[0], params) is None  # Han names are not read: no evidence
    numbered = _pair(src, [en, OSLO], [((0, 1), (0, 2))], "zh")
    assert _orphan_of_two(numbered, numbered.alignment.beads[0], params) == 1


D_SRC = ["Der Minister Petrosyan kam am Dienstag mit einer großen Delegation in Madrid an.", "Die Gespräche dauerten lange.",
         "Sie endeten erst am späten Abend mit einer gemeinsamen Erklärung der beiden Regierungen.",
         "Am Mittwoch reiste die Delegation weiter nach Lissabon."]
D_EN = ["Minister Petrosyan arrived in Madrid on Tuesday with a large delegation.",
        "The talks lasted a long time and ended only late in the evening with a joint statement by the two governments.",
        "On Wednesday the delegation travelled on to Lisbon."]


def _aligned(src, en, lang="de"):
    from types import SimpleNamespace

    from provenance.bilingual.align import align_texts

    s_text, e_text = " ".join(src) + "\n", " ".join(en) + "\n"
    return SimpleNamespace(alignment=align_texts(s_text, e_text, lang), text=s_text, lang=lang)


def test_a_sentence_the_aligner_paired_in_place_of_a_translation_is_reported():
    # The added sentence takes the short first half of a sentence the English merges, its length
    # fitting: a 1-1 bead, the merged translation paired with the second half alone.
    pair = _aligned(D_SRC, D_EN[:1] + [X] + D_EN[1:])
    assert [b.kind for b in pair.alignment.beads] == ["1-1"] * 4
    params = {**PARAMS, "left_out_margin": 2.0}
    assert _added(pair, params) == [X]
    assert _added(pair, {**PARAMS, "left_out_margin": None}) == []
    # The translation alone: the merge is a 2-1 bead and nothing is reported.
    assert _added(_aligned(D_SRC, D_EN), params) == []


def test_a_sentence_sharing_a_quotation_with_its_original_is_not_left_out():
    from provenance.bilingual.bead_realign import _left_out

    quoted = '"The weather stayed cold and grey all week."'
    wide = {**PARAMS, "left_out_margin": 6.0}  # a margin the costs pass either way: the marks decide
    plain = _aligned(D_SRC, D_EN[:1] + [quoted] + D_EN[1:])
    assert _left_out(plain, plain.alignment.beads[1], wide) == [1]
    src = D_SRC[:1] + ["«Die Gespräche dauerten lange.»"] + D_SRC[2:]
    pair = _aligned(src, D_EN[:1] + [quoted] + D_EN[1:])
    b = pair.alignment.beads[1]
    assert b.kind == "1-1" and pair.alignment.target_text[slice(*b.target)] == quoted
    assert _left_out(pair, b, wide) == []  # a quotation for a quotation: translated there
