"""PV1003/PV1004 read against the pair's own length ratio (Alignment.article_model, the checks'
`calibrated`): a translator who writes longer than the language's model throughout hides a
sentence left out from the model's z-scores; the pair's own 1-1 beads show it. Beads are given
(as the aligner might have made them). Own invented filler sentences: only lengths and anchors
matter here."""

from __future__ import annotations

from provenance.bilingual import check_omissions as co
from provenance.bilingual.align import model_for
from tests.source_pairs import bead_pair

SRC = "我们在这里说话他们看见的人她们在那里走路你们听见的事"  # 26 Han characters, no number and no Latin letters: no anchors
PARAMS = {"min_chars": 5, "max_z": 4.0, "merge_z": 1.5, "merge_z_lang": {"zh": 1.0}, "part_z": 1.5,
          "calibrated": True, "cal_merge_z": 1.0, "cal_part_z": 1.5}


def _english(n: int) -> str:
    """A lower-case English filler sentence of exactly n characters (no names, no numbers)."""
    words = ("word " * (n // 5 + 2))[: n - 1].rstrip()
    return (words + "s" * (n - 1 - len(words))) + "."


def _pair(src, en, groups, lang: str = "zh"):
    return bead_pair(src, en, groups, lang)


def _long_translator(lone: str, ratio: float = 5.0, beads: int = 8):
    """`beads` 1-1 beads of SRC translated at `ratio` English characters per character (the model
    says 3.25), then a 2-1 bead of SRC and `lone` whose English translates SRC alone."""
    n = round(len(SRC) * ratio)
    src = [SRC] * beads + [SRC, lone]
    en = [_english(n)] * (beads + 1)
    groups = [((k, k + 1), (k, k + 1)) for k in range(beads)] + [((beads, beads + 2), (beads, beads + 1))]
    return _pair(src, en, groups)


def test_article_model_is_the_median_ratio_of_the_pairs_own_beads():
    pair = _long_translator("他们看见我们说话的人在这里")
    ratio, spread = pair.alignment.article_model
    assert abs(ratio - round(len(SRC) * 5.0) / len(SRC)) < 1e-9
    assert 0 < spread <= 1.0  # never wider than the model's
    few = _pair([SRC, SRC], [_english(60), _english(60)], [((0, 1), (0, 1)), ((1, 2), (1, 2))])
    assert few.alignment.article_model == (model_for("zh")[0], 1.0)  # too few beads: the model stands


def test_a_sentence_left_out_by_a_long_translator_needs_a_second_piece_of_evidence():
    pair = _long_translator("他们看见我们说话的人在这里")
    al = pair.alignment
    b = al.beads[-1]
    single = b.target[1] - b.target[0]
    both = co._src_len(pair, b.source) - 1  # the two sentences, less the space between them
    # The language's model reads the English as a merge of both; the pair's own ratio as one alone.
    assert co._zl(both, single, "zh") > -PARAMS["merge_z_lang"]["zh"]
    assert co._zc(pair, both, single) < -PARAMS["cal_merge_z"]
    assert abs(co._zc(pair, len(SRC), single)) < PARAMS["cal_part_z"]
    # ... but the sentence has nothing the English lacks: lengths alone, one model's reading, do not report it
    assert list(co.omissions(pair, PARAMS)) == []


def test_a_sentence_left_out_with_its_number_is_reported_by_the_pairs_own_ratio():
    pair = _long_translator("他们在2019年看见说话的人")
    found = list(co.omissions(pair, PARAMS))
    assert [pair.text[i.source_start:i.source_end] for i in found] == ["他们在2019年看见说话的人"]
    assert list(co.omissions(pair, {**PARAMS, "calibrated": False})) == []  # the language's model alone: a merge
