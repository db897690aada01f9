"""provenance.bilingual: sentence splitting per language, numbers in any digit
system, Gale-Church alignment with anchors, and the `align` command."""

from __future__ import annotations

import json
import subprocess
import sys

from provenance.bilingual import anchors, split
from provenance.bilingual.align import align_texts


def texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_split_chinese_without_spaces():
    t = "他来了。她走了！真的吗？"
    assert texts(t, split.sentences(t, 0, len(t), "zh")) == ["他来了。", "她走了！", "真的吗？"]


def test_split_arabic_urdu_hindi_marks():
    ar = "هل جاء الوزير؟ نعم جاء."
    assert texts(ar, split.sentences(ar, 0, len(ar), "ar")) == ["هل جاء الوزير؟", "نعم جاء."]
    ur = "وزیر آئے۔ کیا وہ بولے؟ ہاں"
    assert len(split.sentences(ur, 0, len(ur), "ur")) == 3
    hi = "मंत्री आए। उन्होंने बात की।"
    assert len(split.sentences(hi, 0, len(hi), "hi")) == 2


def test_split_initial_is_not_an_end():
    ru = "Вчера В. Иванов приехал. Он говорил."
    assert len(split.sentences(ru, 0, len(ru), "ru")) == 2


def test_numbers_in_every_digit_system():
    assert [v for v, _, _ in anchors.numbers("٣٥ و ۴۲ और ४७")] == [35.0, 42.0, 47.0]
    assert anchors.chinese_value("三百万") == 3_000_000
    assert anchors.chinese_value("2.5亿") == 250_000_000
    assert anchors.number_value("1,500") == 1500
    assert anchors.number_value("٣٫٥") == 3.5
    assert 3500.0 in anchors.readings("3.500", 0, 5)


def test_alignment_offsets_and_a_one_to_two_bead():
    src = "Der Minister kam am Montag an und sprach mit 3.500 Menschen im Saal.\n\nWar das klug? Niemand weiß es.\n"
    en = "The minister arrived on Monday. He spoke to 3,500 people in the hall.\n\nWas that wise? Nobody knows.\n"
    result = align_texts(src, en, "de")
    kinds = [b.kind for b in result.beads]
    assert kinds == ["1-2", "1-1", "1-1"]
    for b in result.beads:
        assert 0 < b.score <= 1
    first = result.beads[0]
    assert src[first.source[0]:first.source[1]].endswith("im Saal.")
    assert en[first.target[0]:first.target[1]] == "The minister arrived on Monday. He spoke to 3,500 people in the hall."


def test_alignment_finds_a_dropped_sentence():
    src = "أعلن الوزير الخطة يوم الاثنين. وقال إن الكلفة ٤٠٠ مليون. ولم يذكر موعد البدء. وغادر القاعة بعد ذلك."
    en = "The minister announced the plan on Monday. He said the cost was 400 million. He then left the hall."
    kinds = [b.kind for b in align_texts(src, en, "ar").beads]
    assert "1-0" in kinds or "2-1" in kinds
    assert kinds.count("1-1") >= 2


def test_align_command_json(tmp_path):
    s, t = tmp_path / "a.ru.txt", tmp_path / "a.en.txt"
    s.write_text("Министр приехал в понедельник. Он говорил с 200 людьми.\n", encoding="utf-8")
    t.write_text("The minister arrived on Monday. He spoke to 200 people.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "provenance", "align", str(s), str(t), "--source-lang", "ru", "-f", "json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert [b["kind"] for b in data["beads"]] == ["1-1", "1-1"]
    b = data["beads"][1]
    assert t.read_text(encoding="utf-8")[b["target_start"]:b["target_end"]] == b["target"]


def test_align_command_bad_input(tmp_path):
    s = tmp_path / "x.txt"
    s.write_text("Hola.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "provenance", "align", str(s), str(tmp_path / "missing.txt"), "--source-lang", "es"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
