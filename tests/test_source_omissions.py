"""PV1003/PV1004 at the level of the checks: the beads are given (as the aligner might have made
them), so each suppression is tested on its own. A 1-0 (0-1) bead whose sentence a neighbour's
other side already translates is no omission (addition); in a 2-1 (1-2) bead, a sentence with a
number or name of its own in the single side is translated. Own invented German examples."""

from __future__ import annotations

from types import SimpleNamespace

from provenance.bilingual import checks
from provenance.bilingual.align import Alignment, Bead, length_units
from provenance.bilingual.checks import _zl
from tests.source_pairs import bead_pair, layout

PARAMS = {"min_chars": 15, "max_z": 4.0, "merge_z": 1.5, "part_z": 1.5}

A = "Der Minister Petrosyan kam am Dienstag mit einer großen Delegation in Madrid an."
B = "Die Gespräche mit der spanischen Regierung dauerten bis zum späten Abend."
B40 = "Am Abend empfing ihn das Außenministerium mit genau 40 Beamten."
E_A = "Minister Petrosyan arrived in Madrid on Tuesday with a large delegation."
E_AB = ("Minister Petrosyan arrived in Madrid on Tuesday with a large delegation, and his talks "
        "with the Spanish government went on until late in the evening.")
E_A40 = "Minister Petrosyan came to Madrid with a delegation and 40 officials."


def _pair(src, en, groups, lang: str = "de"):
    return bead_pair(src, en, groups, lang)


def _omissions(pair):
    return [(pair.text[i.source_start:i.source_end], i.message) for i in checks.omissions(pair, PARAMS)]


def _additions(pair):
    return [(pair.alignment.target_text[i.start:i.end], i.message) for i in checks.additions(pair, PARAMS)]


def test_a_sentence_the_neighbouring_english_translates_too_is_not_left_out():
    # The preconditions of the suppression: the English is far too long for A alone and fits A + B.
    assert _zl(len(A), len(E_AB), "de") > PARAMS["merge_z"]
    assert abs(_zl(len(A) + len(B) + 1, len(E_AB), "de")) < PARAMS["part_z"]
    absorbed = _pair([A, B], [E_AB], [((0, 1), (0, 1)), ((1, 2), (1, 1))])
    assert _omissions(absorbed) == []
    # The same 1-0 bead beside an English that translates A only: B is reported, its span exact.
    left_out = _pair([A, B], [E_A], [((0, 1), (0, 1)), ((1, 2), (1, 1))])
    found = _omissions(left_out)
    assert [text for text, _ in found] == [B]
    assert "no translation after this sentence" in found[0][1]


def test_a_sentence_of_a_2_1_bead_with_its_own_number_in_the_english_is_translated():
    # The English is too short for both sentences and fits A alone ...
    assert _zl(len(A) + len(B40) + 1, len(E_A40), "de") < -PARAMS["merge_z"]
    assert abs(_zl(len(A), len(E_A40), "de")) < PARAMS["part_z"]
    # ... but B40's 40 is in it: a condensed translation, not an omission.
    assert _omissions(_pair([A, B40], [E_A40], [((0, 2), (0, 1))])) == []
    # Without the 40 the English has nothing of B40: B40 is reported as left out.
    found = _omissions(_pair([A, B40], [E_A], [((0, 2), (0, 1))]))
    assert [text for text, _ in found] == [B40]
    assert "seems left out" in found[0][1]


S_LONG = ("Der Minister Petrosyan kam am Dienstag mit einer großen Delegation in Madrid an, "
          "wo das Wetter die ganze Woche über kalt und nass gewesen war.")
E_WEATHER = "The weather in the capital had been cold and wet all week long."
E_40 = "He was received there by exactly 40 officials."
S_40 = "Der Minister Petrosyan kam mit einer Delegation und 40 Beamten in Madrid an."


def test_an_english_sentence_the_neighbouring_original_covers_is_no_addition():
    assert _zl(len(S_LONG), len(E_A), "de") < -PARAMS["merge_z"]
    assert abs(_zl(len(S_LONG), len(E_A) + len(E_WEATHER) + 1, "de")) < PARAMS["part_z"]
    absorbed = _pair([S_LONG], [E_A, E_WEATHER], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert _additions(absorbed) == []
    # Beside an original that has only the arrival, the weather sentence is an addition.
    added = _pair([A], [E_A, E_WEATHER], [((0, 1), (0, 1)), ((1, 1), (1, 2))])
    assert [text for text, _ in _additions(added)] == [E_WEATHER]


def test_an_english_sentence_of_a_1_2_bead_with_its_own_number_in_the_original_is_no_addition():
    assert _zl(len(S_40), len(E_A) + len(E_40) + 1, "de") > PARAMS["merge_z"]
    assert abs(_zl(len(S_40), len(E_A), "de")) < PARAMS["part_z"]
    assert _additions(_pair([S_40], [E_A, E_40], [((0, 1), (0, 2))])) == []
    # The original without the 40 (A): the second English sentence has no counterpart.
    found = _additions(_pair([A], [E_A, E_40], [((0, 1), (0, 2))]))
    assert [text for text, _ in found] == [E_40]


B_NUMBER = "Am Abend sprach er vor genau 340 Gästen im Rathaus der Stadt."
E_A_LONG = ("Minister Petrosyan arrived in Madrid on Tuesday with a large delegation of "
            "advisers and officials.")


def test_a_sentence_whose_number_the_english_lacks_is_left_out_though_lengths_do_not_decide():
    params = {**PARAMS, "number_merge_z": 0.0, "number_part_z": 2.5}
    both, alone = len(A) + len(B_NUMBER) + 1, len(A)
    # Lengths alone: short of both but not beyond merge_z, and A alone fits only loosely.
    assert -PARAMS["merge_z"] < _zl(both, len(E_A_LONG), "de") < 0
    assert PARAMS["part_z"] <= abs(_zl(alone, len(E_A_LONG), "de")) < 2.5
    pair = _pair([A, B_NUMBER], [E_A_LONG], [((0, 2), (0, 1))])
    assert [pair.text[i.source_start:i.source_end] for i in checks.omissions(pair, params)] == [B_NUMBER]
    assert list(checks.omissions(pair, {**params, "number_part_z": 1.0})) == []
    # The English with the 340: a merge that kept the number, nothing is reported.
    e_kept = E_A_LONG.replace("advisers and officials", "advisers; 340 guests")
    assert _zl(both, len(e_kept), "de") < 0 and abs(_zl(alone, len(e_kept), "de")) < 2.5
    assert list(checks.omissions(_pair([A, B_NUMBER], [e_kept], [((0, 2), (0, 1))]), params)) == []


def test_merge_z_of_the_language_applies_to_its_own_pairs_only():
    # A 2-1 bead whose English falls short of both by a z between 1.0 and 1.5, fitting one alone.
    # (Chinese lengths in the model's units: align.length_units.)
    src = ["美国总统周二在白宫会见了来访的法国外交部长和他的代表团。", "双方讨论了气候问题和贸易关系。"]
    en = ["The US president met the visiting French foreign minister and his delegation at the White House on Tuesday."]
    pair = _pair(src, en, [((0, 2), (0, 1))], lang="zh")
    units = [length_units(s, 0, len(s), "zh") for s in src]
    z = _zl(units[0] + units[1] + 0.5, len(en[0]), "zh")
    assert -1.5 < z < -1.0 and abs(_zl(units[0], len(en[0]), "zh")) < 1.5
    assert list(checks.omissions(pair, PARAMS)) == []
    found = list(checks.omissions(pair, {**PARAMS, "merge_z_lang": {"zh": 1.0}}))
    assert [pair.text[i.source_start:i.source_end] for i in found] == [src[1]]
    assert list(checks.omissions(pair, {**PARAMS, "merge_z_lang": {"ar": 1.0}})) == []


def test_a_2_1_bead_across_a_paragraph_break_reports_the_sentence_the_english_does_not_fit():
    title = "Besuch aus Armenien"
    s_text = f"{title}\n\n{A}\n"
    e_text = f"{E_A}\n"
    s_spans = [(0, len(title)), (len(title) + 2, len(title) + 2 + len(A))]
    e_spans = [(0, len(E_A))]
    bead = Bead(source=(0, s_spans[1][1]), target=e_spans[0], source_sentences=(0, 2), target_sentences=(0, 1), cost=0.0)
    pair = SimpleNamespace(alignment=Alignment(s_text, e_text, "de", s_spans, e_spans, [bead]), text=s_text, lang="de")
    # Lengths alone do not decide: the English is not too short for both.
    assert _zl(len(title) + len(A), len(E_A), "de") > -PARAMS["merge_z"]
    assert [s_text[i.source_start:i.source_end] for i in checks.omissions(pair, PARAMS)] == [title]
    assert list(checks.omissions(pair, {**PARAMS, "across_break": False})) == []
    # The same two sentences in one paragraph: a merge, not reported.
    s_text = f"{title} {A}\n"
    s_spans = [(0, len(title)), (len(title) + 1, len(title) + 1 + len(A))]
    bead = Bead(source=(0, s_spans[1][1]), target=e_spans[0], source_sentences=(0, 2), target_sentences=(0, 1), cost=0.0)
    pair = SimpleNamespace(alignment=Alignment(s_text, e_text, "de", s_spans, e_spans, [bead]), text=s_text, lang="de")
    assert list(checks.omissions(pair, PARAMS)) == []


S_THREE = ("Der Minister Petrosyan kam am Dienstag mit einer großen Delegation in Madrid an, wo das Wetter die ganze Woche "
           "über kalt und nass gewesen war, und er sprach am Abend lange mit den Vertretern der spanischen Regierung über "
           "den Handel, die Energiepreise, die Löhne und die Zukunft der Häfen im Süden.")
E_TRADE = "In the evening he spoke at length with Spanish officials about trade."


def test_an_english_sentence_beside_a_1_2_bead_still_short_of_its_original_is_no_addition():
    # One long sentence of the original translated by three English ones (a 1-3 the aligner cannot
    # bead: it makes a 1-2 and a 0-1). The 1-2's English is far too short for its original, and
    # still short with the third sentence (so the plain absorbed test, |z| < part_z, fails).
    alone = _zl(len(S_THREE), len(E_A) + len(E_WEATHER) + 1, "de")
    merged = _zl(len(S_THREE), len(E_A) + len(E_WEATHER) + len(E_TRADE) + 2, "de")
    assert alone < -PARAMS["merge_z"] and merged < -PARAMS["part_z"]
    beads = [((0, 1), (0, 2)), ((1, 1), (2, 3))]
    pair = _pair([S_THREE], [E_A, E_WEATHER, E_TRADE], beads)
    assert [text for text, _ in _additions(pair)] == [E_TRADE]  # without short_absorb
    assert list(checks.additions(pair, {**PARAMS, "short_absorb": True})) == []
    # Beside a 1-2 bead whose English fits its original (S_LONG), the same sentence is an addition.
    fits = _pair([S_LONG], [E_A, E_WEATHER, E_TRADE], beads)
    found = [fits.alignment.target_text[i.start:i.end] for i in checks.additions(fits, {**PARAMS, "short_absorb": True})]
    assert found == [E_TRADE]


E_REACHED = "Minister Petrosyan reached Madrid on Tuesday."
E_COUNCIL = "The city council met later."


def _break_pair(src: str, first: str, second: str, sep: str):
    """One sentence of the original in a 1-2 bead with two English sentences joined by sep."""
    e_text = first + sep + second + "\n"
    s2 = len(first) + len(sep)
    spans = [(0, len(first)), (s2, s2 + len(second))]
    beads = [Bead(source=(0, len(src)), target=(0, spans[1][1]), source_sentences=(0, 1), target_sentences=(0, 2), cost=0.0)]
    al = Alignment(src + "\n", e_text, "de", [(0, len(src))], spans, beads)
    return SimpleNamespace(alignment=al, text=src + "\n", lang="de")


def test_an_english_sentence_of_a_1_2_bead_across_a_paragraph_break_the_original_does_not_fit_is_an_addition():
    # Lengths alone do not decide (both fit below merge_z; the kept one only loosely, |z| between
    # part_z and break_part_z), but the two English sentences lie either side of a paragraph break.
    assert _zl(len(A), len(E_REACHED) + len(E_COUNCIL) + 2, "de") < PARAMS["merge_z"]
    assert PARAMS["part_z"] < abs(_zl(len(A), len(E_REACHED), "de")) < 2.5
    params = {**PARAMS, "across_break": True, "break_part_z": 2.5}
    across = _break_pair(A, E_REACHED, E_COUNCIL, "\n\n")
    found = [(across.alignment.target_text[i.start:i.end]) for i in checks.additions(across, params)]
    assert found == [E_COUNCIL]
    assert list(checks.additions(across, PARAMS)) == []  # across_break off
    # Inside a paragraph the same bead is a translator's split: not reported.
    assert list(checks.additions(_break_pair(A, E_REACHED, E_COUNCIL, " "), params)) == []
    # The second sentence with a name of the original (Petrosyan) that the first lacks: translated;
    # the same sentence without the name is reported.
    keep = "The minister reached Madrid on Tuesday morning."
    assert abs(_zl(len(A), len(keep), "de")) < 2.5
    assert list(checks.additions(_break_pair(A, keep, "Petrosyan had come with aides.", "\n\n"), params)) == []
    assert len(list(checks.additions(_break_pair(A, keep, "They had come with aides.", "\n\n"), params))) == 1


# -- srcomit3: null beads whose content a neighbour carries, 3-1 beads, far-short exceptions --------

LONG_A = ("Der armenische Minister Petrosyan kam am Dienstag nach einer langen Reise mit einer großen "
          "Delegation von Beratern in Madrid an.")
VISIT = "Es war sein erster Besuch seit dem Treffen mit Schwarzenberg im Jahr 1998."
E_VISIT = "Minister Petrosyan reached Madrid on Tuesday, his first visit since meeting Schwarzenberg in 1998."
E_OTHER = "Minister Petrosyan reached Madrid on Tuesday after a long journey with his advisers."


def test_a_sentence_whose_own_name_and_number_the_neighbouring_english_has_is_not_left_out():
    # Lengths do not decide it (the English is not too long for its own original) ...
    assert abs(_zl(len(LONG_A), len(E_VISIT), "de")) < PARAMS["merge_z"]
    carried = _pair([LONG_A, VISIT], [E_VISIT], [((0, 1), (0, 1)), ((1, 2), (1, 1))])
    assert _omissions(carried) == []
    # ... its name (Schwarzenberg) and year are in the English beside it and nowhere else: translated there.
    lost = _pair([LONG_A, VISIT], [E_OTHER], [((0, 1), (0, 1)), ((1, 2), (1, 1))])
    assert [text for text, _ in _omissions(lost)] == [VISIT]


def test_a_neighbour_that_translates_only_the_lone_sentence_is_a_shift_not_a_merge():
    # The English beside the 1-0 bead has the lone sentence's anchors but none of its own original's
    # (Petrosyan, Madrid): the aligner shifted a translation, and a sentence is still missing.
    e_shift = "It was his first visit since the meeting with Schwarzenberg in 1998, officials said."
    shifted = _pair([LONG_A, VISIT], [e_shift], [((0, 1), (0, 1)), ((1, 2), (1, 1))])
    assert [text for text, _ in _omissions(shifted)] == [VISIT]


def test_an_english_sentence_whose_names_the_neighbouring_original_has_is_no_addition():
    src = ["Der armenische Minister Petrosyan kam am Dienstag mit Schwarzenberg und einer großen Delegation in Madrid an."]
    en = ["Minister Petrosyan arrived in Madrid on Tuesday with a large delegation.", "He travelled with Schwarzenberg."]
    assert _additions(_pair(src, en, [((0, 1), (0, 1)), ((1, 1), (1, 2))])) == []
    en_new = ["Minister Petrosyan arrived in Madrid on Tuesday with a large delegation.", "He travelled with Lindqvist."]
    assert [text for text, _ in _additions(_pair(src, en_new, [((0, 1), (0, 1)), ((1, 1), (1, 2))]))] == [en_new[1]]


def test_a_3_1_bead_reports_the_sentence_the_english_does_not_fit():
    s1, s2 = "Die Stadt plant eine neue Brücke über den Fluss.", "Sie soll im Frühjahr fertig sein."
    s3 = "Der Bürgermeister hatte zuvor lange gegen den Bau gekämpft und verlor die Abstimmung im Rat knapp."
    e = "The city plans a new bridge over the river, to be finished in the spring."
    assert abs(_zl(len(s1) + len(s2) + 1, len(e), "de")) < PARAMS["part_z"]
    found = _omissions(_pair([s1, s2, s3], [e], [((0, 3), (0, 1))]))
    assert [text for text, _ in found] == [s3]
    assert "seems left out" in found[0][1]


def _lines_pair(src_lines: list[str], en_lines: list[str], lang: str = "de"):
    """One 1-1 bead per line, the lines blank-line separated paragraphs."""
    s_text, s_spans = layout(src_lines, "\n\n")
    e_text, e_spans = layout(en_lines, "\n\n")
    beads = [Bead(source=s_spans[k], target=e_spans[k], source_sentences=(k, k + 1), target_sentences=(k, k + 1), cost=0.0)
             for k in range(len(src_lines))]
    return SimpleNamespace(alignment=Alignment(s_text, e_text, lang, s_spans, e_spans, beads), text=s_text, lang=lang)


def test_a_title_far_shorter_than_its_original_is_no_omission():
    head = "Minister kündigt nach langen und schwierigen Verhandlungen eine umfassende Reform des Gesundheitswesens an"
    assert _zl(len(head), len("Minister announces health reform"), "de") < -PARAMS["max_z"]
    assert _omissions(_lines_pair([head], ["Minister announces health reform"])) == []
    # The same lengths as a sentence of a paragraph (a final stop) are reported.
    found = _omissions(_lines_pair([head + "."], ["Minister announces health reform."]))
    assert len(found) == 1 and "far shorter" in found[0][1]


def test_a_speaker_tag_moved_out_of_the_quotation_is_no_omission():
    tag = "Er sagte dem Sender Radio Nord am späten Abend des Wahltages: „Wir brauchen eine Einigung."
    assert _zl(len(tag), len('"We need a deal.'), "de") < -PARAMS["max_z"]
    assert _omissions(_pair([tag], ['"We need a deal.'], [((0, 1), (0, 1))])) == []
    # Without the quotation mark the English lacks the whole tag: reported.
    assert len(_omissions(_pair([tag], ["We need a deal."], [((0, 1), (0, 1))]))) == 1


def test_a_short_chinese_sentence_left_out_counts_in_english_characters():
    # Seven Chinese characters make some twenty English ones: no dateline, min_chars reads them so.
    src = ["市长在旧市政厅接待了代表团。", "天气一直很冷。"]
    pair = _pair(src, ["The mayor received the delegation in the old town hall."], [((0, 1), (0, 1)), ((1, 2), (1, 1))], "zh")
    assert [text for text, _ in _omissions(pair)] == [src[1]]
    assert len(src[1]) < PARAMS["min_chars"]


def test_a_short_chinese_sentence_the_english_runs_on_with_is_no_omission():
    # A Chinese full stop closes a clause the English joins ("..., taking two years"): the lengths
    # fall a little short of both sentences, but the short one moves them too little to be missing.
    params = {**PARAMS, "merge_z_lang": {"zh": 1.0}, "lone_gap_z_lang": {"zh": 1.5}}
    first = "市政府周二宣布将在明年春天开始修建一座连接两个老城区的新桥。"
    joined = "The city will start a new bridge between the two old districts next spring, taking two years."
    pair = _pair([first, "工程预计耗时两年。"], [joined], [((0, 2), (0, 1))], "zh")
    assert len(list(checks.omissions(pair, {**params, "lone_gap_z_lang": {}}))) == 1
    assert list(checks.omissions(pair, params)) == []
    # A sentence of the original the English has no room for is still reported.
    english = ("The city government announced on Tuesday that it will begin building a new bridge linking "
               "the two old districts next spring.")
    lost = "当地居民对这座桥的设计方案看法不一，不少人希望保留旧码头。"
    pair = _pair([first, lost], [english], [((0, 2), (0, 1))], "zh")
    assert [pair.text[i.source_start:i.source_end] for i in checks.omissions(pair, params)] == [lost]
