"""The name checks inside `provenance check`: the seeds, names[], unlisted
variants, surnames, the cross-file check, precision on clean English, and the
names pack's documented examples (PV806's hold two files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline

NAME_KEYS = ["text", "start", "end", "line", "entry", "canonical", "status", "type"]
STATUSES = {"canonical", "admitted", "variant", "forbidden", "unknown"}
TYPES = {"person", "organization", "outlet", "place", "title", "term", None}
NEXT_FILE = "<<< next file >>>"


@pytest.fixture(scope="module")
def names_pipeline():
    return Pipeline(Config(select=["PV8"]))


def findings(report, code=None):
    return [(fr.path, f) for fr in report.files for f in fr.findings if code is None or f.rule == code]


def check(pipeline, *texts):
    docs = [(Document(t, f"f{i}.txt"), f"f{i}.txt") for i, t in enumerate(texts)]
    return pipeline.run_documents(docs)


# -- the seeds (the "done when") ------------------------------------------------------------


def by_text(report, code):
    return {f.text: f for _, f in findings(report, code)}


def test_seed_findings(seed_report):
    forbidden = by_text(seed_report, "PV801")
    assert forbidden["Jack Liu"].suggestion == "Jack Lew" and forbidden["Jack Liu"].severity == "error"
    assert forbidden["Anthony Blinken"].suggestion == "Antony Blinken"
    surname = by_text(seed_report, "PV805")
    assert surname["Liu"].suggestion == "Lew"
    admitted = by_text(seed_report, "PV803")
    assert admitted["Bill Burns"].severity == "info"
    deprecated = by_text(seed_report, "PV802")
    assert deprecated["al-Quds"].suggestion == "Jerusalem"
    assert deprecated["Mohammed bin Abdul Rahman Al Thani"].suggestion == "Mohammed bin Abdulrahman Al Thani"
    assert "Mohammed bin Abdulrahman Al Thani" not in {f.text for _, f in findings(seed_report) if f.rule.startswith("PV8")}


def test_seed_names_are_exact_and_complete(seed_report):
    for fr in seed_report.files:
        text = seed_report.texts[fr.path]
        assert fr.names, fr.path
        starts = [n["start"] for n in fr.names]
        assert starts == sorted(starts)
        for n in fr.names:
            assert list(n) == NAME_KEYS
            assert text[n["start"] : n["end"]] == n["text"]
            assert n["status"] in STATUSES and n["type"] in TYPES
            assert n["line"] == text.count("\n", 0, n["start"]) + 1
    names = {(Path(fr.path).name, n["text"]): n for fr in seed_report.files for n in fr.names}
    liu = names[("004_59207b13c45324ed.txt", "Liu")]
    assert (liu["entry"], liu["canonical"], liu["status"]) == ("jack-lew", "Jack Lew", "forbidden")
    assert names[("002_9c8e519b6a91c22e.txt", "Kan")]["type"] == "outlet"
    assert names[("000_cc24850338a37891.txt", "Walla")]["type"] == "outlet"


def test_annotations_for_later_layers(seed_paths, names_pipeline):
    doc = Document.from_path(seed_paths[4])
    names_pipeline.run_documents([(doc, "x")])
    mentions = doc.annotations["names"]
    assert mentions and all(hasattr(m, a) for m in mentions for a in NAME_KEYS)
    liu = [m for m in mentions if m.text == "Liu"][0]
    assert liu.entry == "jack-lew" and liu.canonical == "Jack Lew"


def test_report_signature_names_the_glossary(seed_report):
    assert "|glossary:default@" in seed_report.signature


# -- detection ------------------------------------------------------------------------------------


def names_of(pipeline, text):
    report = check(pipeline, text)
    return {n["text"]: n for n in report.files[0].names}


def test_ordinary_capitalized_words_are_not_names(names_pipeline):
    text = (
        "The talks resumed on Monday. Meanwhile Hamas said it would study the offer.\n\n"
        "In March, Israeli and Palestinian officials met in Cairo. Families of the captives protested. "
        "According to Reuters, the War Council met on Tuesday."
    )
    names = names_of(names_pipeline, text)
    assert set(names) == {"Hamas", "Cairo", "Reuters"}


def test_titles_particles_and_possessives(names_pipeline):
    text = (
        "President Mahmoud Abbas met Sheikh Tamim bin Hamad Al Thani in Doha. "
        "Gen. Herzi Halevi's statement followed. Hamas official Basem Naim spoke, "
        "and Abu Obeida issued a video. Ahmed al-Mudallal and Umm Mohammed al-Masri were named."
    )
    names = names_of(names_pipeline, text)
    assert names["Mahmoud Abbas"]["entry"] == "mahmoud-abbas"
    assert names["Tamim bin Hamad Al Thani"]["entry"] == "tamim-bin-hamad-al-thani"
    assert names["Herzi Halevi"]["entry"] == "herzi-halevi"  # without the possessive
    assert names["Abu Obeida"]["status"] == "variant"
    assert names["Ahmed al-Mudallal"]["type"] == "person" and names["Ahmed al-Mudallal"]["status"] == "unknown"
    assert "Umm Mohammed al-Masri" in names


def test_unlisted_variant_in_one_document(names_pipeline):
    text = (
        "Hamas commander Ahmed Ghandour was killed in the strike.\n\n"
        "Ahmed Ghandour led the northern brigade. A statement later named him as Ahmad Ghandour.\n\n"
        "Yahya Sinwar and his brother Mohammed Sinwar were not mentioned."
    )
    report = check(names_pipeline, text)
    pv804 = [f for _, f in findings(report, "PV804")]
    assert [(f.text, f.suggestion) for f in pv804] == [("Ahmad Ghandour", "Ahmed Ghandour")]
    names = {n["text"]: n for n in report.files[0].names}
    assert names["Ahmad Ghandour"]["status"] == "variant" and names["Ahmad Ghandour"]["canonical"] == "Ahmed Ghandour"


def test_bare_surnames_count_as_uses_of_their_spelling(names_pipeline):
    # the headline's spelling comes first, but the body uses the other one four times
    text = (
        "Karim Mousa: the harbour will reopen\n\n"
        "Engineer Karim Moussa said the harbour would reopen in May. Moussa added that the cranes were repaired. "
        "Moussa said the tugs were ready. Moussa thanked the crews.\n"
    )
    report = check(names_pipeline, text)
    assert [(f.text, f.suggestion) for _, f in findings(report, "PV804")] == [("Karim Mousa", "Karim Moussa")]


def test_bare_surname_of_a_variant_spelling_is_reported_too(names_pipeline):
    # "Rami Zaidan" twice in full: "Rami Zeidan" is the variant, and so is its bare "Zeidan"
    text = (
        "Rami Zaidan opened the fair. Rami Zaidan thanked the sponsors.\n\n"
        "A statement quoted Rami Zeidan as saying the fair would return. Zeidan did not give a date.\n"
    )
    report = check(names_pipeline, text)
    got = [(f.text, f.suggestion) for _, f in findings(report, "PV804")]
    assert got == [("Rami Zeidan", "Rami Zaidan"), ("Zeidan", "Zaidan")]
    for _, f in findings(report, "PV804"):
        assert text[f.start : f.end] == f.text


def test_unlisted_spelling_of_a_glossary_name(names_pipeline):
    report = check(names_pipeline, "Secretary of State Antony Blinkin met Qatari officials in Doha.")
    (f,) = [f for _, f in findings(report, "PV804")]
    assert f.text == "Antony Blinkin" and f.suggestion == "Antony Blinken"


def test_bare_surname_resolves_to_the_full_name(names_pipeline):
    text = "Hamas commander Ahmed Ghandour was killed.\n\nGhandour had led the brigade since 2012."
    names = names_of(names_pipeline, text)
    assert names["Ghandour"]["canonical"] == "Ahmed Ghandour" and names["Ghandour"]["type"] == "person"


def test_surname_spelled_otherwise(names_pipeline):
    text = "Hamas commander Ahmed Ghandour was killed.\n\nGhandur had led the brigade since 2012."
    report = check(names_pipeline, text)
    (f,) = [f for _, f in findings(report, "PV805")]
    assert f.text == "Ghandur" and f.suggestion == "Ghandour"


def test_cross_file_spelling(names_pipeline):
    report = check(
        names_pipeline,
        "Hamas commander Ahmed Ghandour was killed, the group said.",
        "Officials said Ahmed Ghandour had been targeted.",
        "The group said Ahmad Ghandour led its northern brigade.",
    )
    found = findings(report, "PV806")
    assert [(p, f.text, f.suggestion, f.severity) for p, f in found] == [("f2.txt", "Ahmad Ghandour", "Ahmed Ghandour", "info")]
    (group,) = report.extra["names_across_files"]
    assert group["canonical"] == "Ahmed Ghandour"
    assert group["forms"] == [{"text": "Ahmed Ghandour", "files": ["f0.txt", "f1.txt"]}, {"text": "Ahmad Ghandour", "files": ["f2.txt"]}]


def test_report_is_deterministic(seed_paths):
    from provenance.discover import Source

    def run():
        return Pipeline(Config()).run([Source(p.name, p) for p in seed_paths]).to_json()

    assert run() == run()


# -- the pack's examples, PV806's as two files -----------------------------------------------------


def _examples():
    from provenance.rules import RuleSet

    rules = RuleSet.load().all_rules
    return [(code, i) for code, r in sorted(rules.items()) if code.startswith("PV8") for i in range(len(r.examples))]


@pytest.mark.parametrize("code,index", _examples())
def test_names_pack_examples(code, index):
    from provenance.rules import RuleSet

    example = RuleSet.load().all_rules[code].examples[index]
    pipeline = Pipeline(Config(select=[code]))
    bad = check(pipeline, *example.bad.split(NEXT_FILE + "\n"))
    found = [f for _, f in findings(bad, code)]
    assert found, f"{code} did not flag {example.bad!r}"
    if example.flag:
        assert example.flag in [f.text for f in found]
    if example.suggestion:
        assert example.suggestion in [f.suggestion for f in found if example.flag in (None, f.text)]
    good = check(pipeline, *example.good.split(NEXT_FILE + "\n"))
    assert not findings(good, code)


# -- precision on clean English ----------------------------------------------------------------------


def test_clean_english_has_few_name_warnings():
    """NTREX English originals (123 articles): the project allows one warning or
    error per 2,000 words across all layers; the names layer keeps to a few."""
    from collections import defaultdict

    from conftest import shared_path

    folder = shared_path("data", "ntrex")
    lines = (folder / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ids = [line.split("\t")[-1] for line in (folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()]
    articles: dict[str, list[str]] = defaultdict(list)
    for doc_id, line in zip(ids, lines):
        articles[doc_id].append(line)
    assert len(articles) == 123
    pipeline = Pipeline(Config(select=["PV8"]))
    report = pipeline.run_documents([(Document("\n".join(v) + "\n", k), k) for k, v in articles.items()])
    serious = [(p, f.rule, f.text) for p, f in findings(report) if f.severity != "info"]
    words = sum(fr.words for fr in report.files)
    assert len(serious) <= 4, serious
    assert words > 40000
    json.dumps(report.to_dict())  # serializable


# -- robustness ---------------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["Jack", "Lew", "Liu", "İstanbul", "al-Quds", "Al-Quds", "Hamas", "Gaza", "Strip", "Abu", "Ubaida", "bin", "the", "said",
          "Mohammed", "Muhammad", "Sinwar", "Yehia", "Yahya", "’s", "'s", "Sheikh", "Gen.", "J.", "\n", "\n\n", ".", ",", "(Reuters)",
          "ﬁ", "ǅ", "Σ", "القدس", "Source:", "Bill", "Burns", "William", "-", "Kan", "KAN", "AP"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join))
def test_any_text_gives_exact_spans(text):
    pipeline = _ROBUST.setdefault("p", Pipeline(Config(select=["PV8"])))
    report = check(pipeline, text, text)
    for fr in report.files:
        for n in fr.names:
            assert text[n["start"] : n["end"]] == n["text"]
        for f in fr.findings:
            assert text[f.start : f.end] == f.text


_ROBUST: dict = {}


def test_surname_behind_a_particle_spelled_otherwise(names_pipeline):
    text = "Talks resume\n\nThe engineer Rami Zaidan met the port board on Monday.\n\nal-Zeidan said the cranes would be ready soon.\n"
    report = check(names_pipeline, text)
    assert [(f.text, f.suggestion) for _, f in findings(report, "PV805")] == [("al-Zeidan", "al-Zaidan")]
    assert all(text[n["start"] : n["end"]] == n["text"] for n in report.files[0].names)
    same = text.replace("al-Zeidan", "al-Zaidan")
    assert findings(check(names_pipeline, same), "PV805") == []


@pytest.mark.parametrize("full, bare", [("Chahine", "Shahine"), ("Qasim", "Kasim")])
def test_surname_spelled_with_another_first_letter_for_one_arabic_letter(names_pipeline, full, bare):
    text = f"Ferry delayed\n\nThe engineer Rami {full} said the ferry was delayed.\n\n{bare} added that the crews would meet.\n"
    report = check(names_pipeline, text)
    assert [(f.text, f.suggestion) for _, f in findings(report, "PV805")] == [(bare, full)]
