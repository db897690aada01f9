"""The adjudication ledger of the source-aware benchmark (benchmarks/source_verdicts.py) and
the verdict file it reads (benchmarks/data/ntrex_verdicts.tsv). The matching tests use
invented rows; the file tests check the shipped ledger's shape (it is in the repository,
so they run without ../shared)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from benchmarks import source_verdicts as sv


@dataclass
class F:  # the attributes of a Finding the ledger reads
    rule: str
    text: str
    source_text: str | None


HEADER = "# invented rows\nlang\tarticle\trule\ten\tsrc\tverdict\treason\n"


def ledger(tmp_path, *rows: str):
    path = tmp_path / "v.tsv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), "utf-8")
    return sv.load(path)


def test_a_row_matches_its_finding_and_no_other(tmp_path):
    led = ledger(tmp_path, "ar\t3\tPV1001\t41\t14\terror\tinvented: 14 became 41")
    hit = F("PV1001", "41", "14")
    assert sv.adjudicate(led, "ar", 3, [hit]) == ["error"]
    # every part of the key counts: language, article, rule, English text, source text
    assert sv.adjudicate(led, "fa", 3, [hit]) == [None]
    assert sv.adjudicate(led, "ar", 4, [hit]) == [None]
    assert sv.adjudicate(led, "ar", 3, [F("PV1002", "41", "14")]) == [None]
    assert sv.adjudicate(led, "ar", 3, [F("PV1001", "42", "14")]) == [None]
    assert sv.adjudicate(led, "ar", 3, [F("PV1001", "41", "15")]) == [None]


def test_each_row_is_used_once(tmp_path):
    """Two identical findings need two rows: a rule change that doubles a finding is not
    covered by the old verdict."""
    led = ledger(tmp_path, "de\t0\tPV1005\tThe Mayor said so.\t«so»\tdifference\tscare quote")
    twice = [F("PV1005", "The Mayor said so.", "«so»")] * 2
    assert sv.adjudicate(led, "de", 0, twice) == ["difference", None]
    led = ledger(tmp_path, "de\t0\tPV1005\tThe Mayor said so.\t«so»\tdifference\tscare quote",
                 "de\t0\tPV1005\tThe Mayor said so.\t«so»\tfalse\tsecond one misread")
    assert sv.adjudicate(led, "de", 0, twice) == ["difference", "false"]


def test_keys_are_whitespace_collapsed_and_cut_to_40(tmp_path):
    long_en = "A council  spokesman\nsaid on Tuesday that the bridge would stay closed until spring."
    f = F("PV1003", long_en, "Ein Satz\tmit Tab")
    line = sv.row("de", 7, f, "false", "  invented\nreason ")
    cells = line.split("\t")
    assert cells[:3] == ["de", "7", "PV1003"]
    assert cells[3] == "A council spokesman said on Tuesday that" and len(cells[3]) <= 40
    assert cells[4] == "Ein Satz mit Tab"
    assert cells[5:] == ["false", "invented reason"]
    led = ledger(tmp_path, line)
    assert sv.adjudicate(led, "de", 7, [f]) == ["false"]


def test_a_finding_without_source_text_has_an_empty_key(tmp_path):
    led = ledger(tmp_path, "tr\t1\tPV1004\tAn added line.\t\tfalse\tinvented")
    assert sv.adjudicate(led, "tr", 1, [F("PV1004", "An added line.", None)]) == ["false"]


def test_bad_rows_are_refused(tmp_path):
    with pytest.raises(ValueError, match="verdict 'wrong'"):
        ledger(tmp_path, "ar\t3\tPV1001\t41\t14\twrong\treason")
    with pytest.raises(ValueError, match="columns"):
        ledger(tmp_path, "ar\t3\tPV1001\t41\terror\treason")


def test_a_missing_file_is_an_empty_ledger(tmp_path):
    led = sv.load(tmp_path / "absent.tsv")
    assert sv.adjudicate(led, "ar", 0, [F("PV1001", "1", "2")]) == [None]


def test_the_shipped_ledger_is_well_formed():
    led = sv.load()  # raises on a bad verdict or column count
    assert led, "benchmarks/data/ntrex_verdicts.tsv has no rows"
    langs = {"ar", "fa", "he", "tr", "ru", "uk", "ur", "hi", "zh", "fr", "de", "es"}
    rules = {f"PV100{n}" for n in range(1, 8)}
    for (lang, article, rule, en, src), rows in led.items():
        assert lang in langs and rule in rules and 0 <= article < 123
        assert len(en) <= sv.WIDTH and len(src) <= sv.WIDTH
        assert en == sv.clip(en) and src == sv.clip(src)
        for verdict, reason in rows:
            assert verdict in sv.VERDICTS and reason.strip()


def test_verdict_line_sums_languages():
    pytest.importorskip("provenance.pipeline")
    from benchmarks.source_inject import verdict_line

    line = verdict_line([{"PV1001": {"error": 2, "none": 1}}, {"PV1001": {"false": 1}, "PV1002": {"difference": 3}}])
    assert line == ("PV1001 error 2 / difference 0 / false 1 / none 1, "
                    "PV1002 error 0 / difference 3 / false 0 / none 0")
