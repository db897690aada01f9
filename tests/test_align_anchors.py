"""Anchors in the aligner: a sentence left out beside one that shares names and numbers with the
English is a 1-0 bead, not half of a 2-1 merge; a paragraph break places it; a name both
sentences repeat is evidence for neither. Own examples, no corpus text."""

import pytest

from provenance.bilingual.align import SPLIT, _orphans, _Side, align_texts, split_cost

RU_A = "Министр финансов Петросян прибыл в Мадрид во вторник утром."
RU_B = "Погода в столице была холодной и дождливой всю неделю, а улицы опустели."
RU_C = "Переговоры с испанской стороной продлятся до 14 марта."
EN_A = "Finance Minister Petrosyan arrived in Madrid on Tuesday morning."
EN_C = "Talks with the Spanish side will last until March 14."


def _kinds(src, en, lang):
    al = align_texts(src, en, lang)
    return [(b.kind, src[b.source[0]:b.source[1]] if b.source else None) for b in al.beads]


def test_left_out_sentence_without_anchor_is_a_1_0_bead_not_a_merge():
    src = f"{RU_A} {RU_B} {RU_C}\n"
    en = f"{EN_A} {EN_C}\n"
    assert _kinds(src, en, "ru") == [("1-1", RU_A), ("1-0", RU_B), ("1-1", RU_C)]


def test_left_out_sentence_at_a_paragraph_end_stays_in_its_paragraph():
    src = f"{RU_A} {RU_B}\n\n{RU_C}\n"
    en = f"{EN_A}\n\n{EN_C}\n"
    assert _kinds(src, en, "ru") == [("1-1", RU_A), ("1-0", RU_B), ("1-1", RU_C)]


def test_paragraph_breaks_keep_a_merge_inside_its_paragraph():
    # Two English sentences that translate one source sentence each, in matching paragraphs:
    # every bead is 1-1 and none crosses the break.
    src = f"{RU_A}\n\n{RU_C}\n"
    en = f"{EN_A}\n\n{EN_C}\n"
    assert _kinds(src, en, "ru") == [("1-1", RU_A), ("1-1", RU_C)]


def _sides(src, en, lang):
    ss = [(0, len(src[0]))]
    text = src[0]
    for s in src[1:]:
        ss.append((len(text) + 1, len(text) + 1 + len(s)))
        text += " " + s
    return _Side(text, ss, lang, False), _Side(en, [(0, len(en))], lang, True)


def test_split_cost_counts_only_anchors_a_sentence_has_of_its_own():
    # Both sentences name Petrosyan; only the first also has Madrid: the second brings nothing.
    two, one = _sides(["Петросян прибыл в Мадрид.", "Петросян устал после дороги."], "Petrosyan arrived in Madrid.", "ru")
    assert split_cost(two, 0, one.group(0, 1)) == SPLIT
    # Both repeat the same name and nothing else: no evidence either way, a merge is not penalized.
    two, one = _sides(["Петросян прибыл.", "Петросян устал после дороги."], "Petrosyan arrived tired.", "ru")
    assert split_cost(two, 0, one.group(0, 1)) == 0.0
    # Each has its own name in the English: a real merge.
    two, one = _sides(["Петросян прибыл в Мадрид.", "Его встретил Санчес."], "Petrosyan arrived in Madrid and met Sanchez.", "ru")
    assert split_cost(two, 0, one.group(0, 1)) == 0.0


# An English sentence added to a run of sentences of like lengths (own invented Arabic pair).
AR_A = "وصل الوفد إلى المدينة صباح أمس بعد رحلة طويلة."
AR_B = "واستقبله المحافظ في مبنى البلدية القديم."
AR_C = "ثم زار الوفد المستشفى الجديد في المساء."
EN_AR_A = "The delegation arrived in the city yesterday morning after a long journey."
EN_AR_B = "The governor received it in the old town hall."
EN_AR_C = "The delegation then visited the new hospital in the evening."
EN_ADDED = "Maria Lindqvist and Johan Berg opened a gallery in Uppsala."


def _target_kinds(src, en, lang):
    al = align_texts(src, en, lang)
    return [(b.kind, en[b.target[0]:b.target[1]] if b.target else None) for b in al.beads]


def test_an_added_sentence_naming_people_the_original_does_not_is_the_0_1_bead():
    # Its length fits the next original sentence as well as that one's translation does: the names
    # the original lacks (NAME_MISS) keep it from taking the translation's place in a 1-1 bead.
    src = f"{AR_A} {AR_B} {AR_C}\n"
    en = f"{EN_AR_A} {EN_ADDED} {EN_AR_B} {EN_AR_C}\n"
    assert _target_kinds(src, en, "ar") == [("1-1", EN_AR_A), ("0-1", EN_ADDED), ("1-1", EN_AR_B), ("1-1", EN_AR_C)]


def test_an_added_sentence_beside_one_sharing_the_originals_number_is_no_1_2_merge():
    # The mirror of SPLIT for 1-2 beads: one English sentence has the original's number, the other
    # shares nothing with it.
    src = "قال الوزير إن الحكومة ستبني ٤٠ مدرسة جديدة في المحافظات الجنوبية خلال العامين المقبلين. وأضاف أن العمل سيبدأ في الربيع.\n"
    first = "The minister said the government would build 40 new schools in the southern provinces over the next two years."
    added = "The weather was mild and people walked in the park."
    last = "He added that work would begin in the spring."
    assert _target_kinds(src, f"{first} {added} {last}\n", "ar") == [("1-1", first), ("0-1", added), ("1-1", last)]


def test_a_split_translation_whose_halves_both_carry_anchors_stays_a_1_2_bead():
    src = "قال الوزير إن الحكومة ستبني ٤٠ مدرسة جديدة في المحافظات الجنوبية خلال ٣ أعوام. وأضاف أن العمل سيبدأ في الربيع.\n"
    first = "The minister said the government would build 40 new schools in the southern provinces."
    second = "The work will take 3 years."
    last = "He added that work would begin in the spring."
    assert _target_kinds(src, f"{first} {second} {last}\n", "ar") == [("1-2", f"{first} {second}"), ("1-1", last)]


# An orphan: an English sentence whose names and numbers the original has nowhere and no other
# English sentence repeats (own invented Chinese pair: an original with no Latin letters gives
# NAME_MISS nothing to compare, so only the orphan test tells the added sentence).
ZH_A = "代表团昨天上午经过长途旅行抵达该市。"
ZH_B = "市长在旧市政厅接待了代表团。"
ZH_C = "晚上代表团参观了新医院。"
EN_ZH_A = "The delegation arrived in the city yesterday morning after a long journey."
EN_ZH_B = "The mayor received the delegation in the old town hall."
EN_ZH_C = "In the evening the delegation visited the new hospital."


def test_an_orphan_english_sentence_is_the_0_1_bead_not_the_first_translation():
    src = f"{ZH_A}{ZH_B}{ZH_C}\n"
    en = f"{EN_ZH_A} {EN_ADDED} {EN_ZH_B} {EN_ZH_C}\n"
    assert _target_kinds(src, en, "zh") == [("1-1", EN_ZH_A), ("0-1", EN_ADDED), ("1-1", EN_ZH_B), ("1-1", EN_ZH_C)]


def _orphan_flags(src_sentences, en_sentences, lang):
    src, ss = _joined(src_sentences)
    en, ts = _joined(en_sentences)
    return _orphans(_Side(src, ss, lang, False), _Side(en, ts, lang, True), lang)


def _joined(sentences):
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    return " ".join(sentences), spans


def test_orphans_are_sentences_whose_names_and_numbers_are_nowhere_else():
    src = ["Министр Петросян прибыл в Мадрид 14 марта.", "Переговоры продлятся неделю."]
    flags = _orphan_flags(src, [
        "Minister Petrosyan arrived in Madrid on March 14.",  # its names are in the original
        "Talks with Lindqvist will last a week.",  # a name found nowhere else: an orphan
        "The talks will last a week.",  # no names or numbers: nothing tells
        "The 2,300 delegates met on Sunday.",  # a number the original lacks (Sunday is a weekday, no name)
    ], "ru")
    assert flags == [False, True, False, True]
    # A name the rest of the English repeats belongs to the article, even if the original writes it otherwise.
    assert _orphan_flags(src, ["Talks with Lindqvist will last a week.", "Lindqvist left."], "ru") == [False, False]


def test_three_sentences_of_the_original_translated_by_one_make_a_3_1_bead():
    # srcomit3: an English sentence that joins three of the original's (a 2-1 and a 1-0 before).
    src = ("Der Rat tagte am Montag. Die Stadt plant eine neue Brücke. Sie soll im Frühjahr fertig sein. "
           "Der Bau kostet 12 Millionen Euro. Danach ging der Rat nach Hause.")
    en = ("The council met on Monday. The city plans a new bridge, which is to be finished in the spring "
          "and will cost 12 million euros. Then the council went home.")
    beads = align_texts(src, en, "de").beads
    assert [b.kind for b in beads] == ["1-1", "3-1", "1-1"]
    assert en[beads[1].target[0]:beads[1].target[1]].endswith("12 million euros.")


def test_a_weekday_or_month_named_on_both_sides_is_evidence_for_the_bead():
    from provenance.bilingual.align import CALENDAR_MATCH, _Side, anchor_cost

    src = "Der Minister reiste am Freitag im März nach Rom."
    s_side = _Side(src, [(0, len(src))], "de", False)
    cost = {}
    for name, en in (("same", "The minister travelled to Rome on Friday in March."),
                     ("other", "The minister travelled to Rome on Sunday in June.")):
        t_side = _Side(en, [(0, len(en))], "de", True)
        cost[name] = anchor_cost(s_side.group(0, 1), t_side.group(0, 1))
    assert cost["other"] - cost["same"] == pytest.approx(-2 * CALENDAR_MATCH)
