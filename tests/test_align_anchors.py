"""Anchors in the aligner: a sentence left out beside one that shares names and numbers with the
English is a 1-0 bead, not half of a 2-1 merge; a paragraph break places it; a name both
sentences repeat is evidence for neither. Own examples, no corpus text."""

from provenance.bilingual.align import SPLIT, _Side, align_texts, split_cost

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
