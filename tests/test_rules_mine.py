"""`provenance rules mine`: keyness of word n-grams, on invented corpora."""

from __future__ import annotations

import json
import math

from typer.testing import CliRunner

from provenance.cli import app
from provenance.rules.mine import Params, g2, log_ratio, mine, runs

runner = CliRunner()

# Invented corpora: the "translated" side says "the concerned parties" and
# "the brotherly delegation" in several articles; the "native" side never does.
CORPUS = [
    ("a.txt", "The concerned parties met on Monday. The brotherly delegation refused, and the talks ended."),
    ("b.txt", "Officials said the concerned parties would meet again. The brotherly delegation said nothing."),
    ("c.txt", "The concerned parties agreed. A spokesman for the brotherly delegation did not comment."),
    ("d.txt", "The weather was mild. A lone phrase, purple elephant parade, appears here three times: "
              "purple elephant parade; purple elephant parade."),
]
REFERENCE = [
    "Officials met on Monday and said the talks would resume. A spokesman did not comment.",
    "The weather was mild and the officials agreed to meet again on Monday.",
    "The parties said nothing about the talks, which ended without a deal.",
]
PARAMS = Params(min_n=1, max_n=3, min_freq=3, min_docs=2, min_g2=0.0)


def test_g2_is_zero_when_rates_match_and_grows_with_the_gap():
    assert g2(10, 10, 1000, 1000) == 0.0
    assert g2(20, 10, 1000, 1000) < g2(30, 10, 1000, 1000)
    # Textbook value: 2 * (a ln(a/E1) + b ln(b/E2)) with E = (a+b)/2 here.
    assert math.isclose(g2(30, 10, 1000, 1000), 2 * (30 * math.log(30 / 20) + 10 * math.log(10 / 20)))
    assert log_ratio(8, 0, 100, 100) == math.log2(8 / 0.5)


def test_runs_stop_at_punctuation_and_line_breaks():
    words = [[w for w, _, _ in run] for run in runs("One two, three.\nFour five's")]
    assert words == [["One", "two"], ["three"], ["Four", "five's"]]


def test_over_represented_phrases_come_first_with_their_counts():
    found = mine(CORPUS, REFERENCE, PARAMS)
    top = {c.ngram.lower(): c for c in found}
    assert "the concerned parties" in top and "the brotherly delegation" in top
    delegation = top["the brotherly delegation"]
    assert (delegation.freq, delegation.docs, delegation.ref_freq, delegation.n) == (3, 3, 0, 3)
    assert found == sorted(found, key=lambda c: (-c.g2, -c.freq, c.ngram.lower(), c.ngram))


def test_an_ngram_of_one_article_is_not_evidence():
    found = {c.ngram.lower() for c in mine(CORPUS, REFERENCE, PARAMS)}
    assert not any("elephant" in n for n in found)  # three times, but all in d.txt
    assert "purple elephant parade" in {c.ngram.lower() for c in mine(CORPUS, REFERENCE, Params(min_docs=1, min_g2=0.0))}


def test_shorter_ngrams_always_inside_a_longer_candidate_are_dropped():
    found = {c.ngram.lower() for c in mine(CORPUS, REFERENCE, PARAMS)}
    # "brotherly delegation" never occurs without "the": only the longer one is kept.
    assert "brotherly delegation" not in found and "the brotherly delegation" in found
    kept = {c.ngram.lower() for c in mine(CORPUS, REFERENCE, Params(min_n=1, max_n=3, min_g2=0.0, subsumed=True))}
    assert "brotherly delegation" in kept


def test_function_words_alone_and_under_represented_words_are_not_candidates():
    found = {c.ngram.lower() for c in mine(CORPUS, REFERENCE, PARAMS)}
    assert "the" not in found
    assert "monday" not in found  # as frequent in the reference


def test_same_input_same_order():
    assert mine(CORPUS, REFERENCE, PARAMS) == mine(list(CORPUS), list(REFERENCE), PARAMS)


def test_covered_ngrams_name_their_rule():
    found = mine(CORPUS, REFERENCE, PARAMS, covered=lambda d, spans: "PV999" if "delegation" in CORPUS[d][1][spans[0][0]:spans[0][1]] else None)
    by = {c.ngram.lower(): c.covered_by for c in found}
    assert by["the brotherly delegation"] == "PV999"
    assert by["the concerned parties"] is None


def _write(tmp_path, name, texts):
    folder = tmp_path / name
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def test_cli_reports_candidates_and_rules_that_cover_them(tmp_path):
    corpus = _write(tmp_path, "corpus", [t + " The talks were crowned with success." for _, t in CORPUS])
    reference = _write(tmp_path, "reference", REFERENCE)
    r = runner.invoke(app, ["rules", "mine", str(corpus), "--reference", str(reference), "--format", "json", "--min-g2", "0", "--isolated"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert "the brotherly delegation" in [c["ngram"].lower() for c in data["candidates"]]
    covered = {c["ngram"].lower(): c["covered_by"] for c in data["covered"]}
    assert covered.get("were crowned with success") == "PV603"
    assert not [c for c in data["candidates"] if "crowned with" in c["ngram"].lower()]
    stub = runner.invoke(app, ["rules", "mine", str(corpus), "-r", str(reference), "--format", "yaml", "--min-g2", "0", "--isolated"])
    assert stub.exit_code == 0 and 'match: "the brotherly delegation"' in stub.stdout.lower()


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path):
    r = runner.invoke(app, ["rules", "mine", str(tmp_path / "missing"), "--reference", str(tmp_path)])
    assert r.exit_code == 2
    r = runner.invoke(app, ["rules", "mine", str(tmp_path), "--reference", str(tmp_path), "--min-n", "3", "--max-n", "2"])
    assert r.exit_code == 2


def test_rules_listing_still_takes_selectors():
    assert runner.invoke(app, ["rules", "PV603"]).exit_code == 0
    assert "crowned" in runner.invoke(app, ["rules", "PV603"]).stdout


def test_no_names_drops_ngrams_of_capitalized_words_only():
    corpus = [
        (f"{i}.txt", f"The Supreme Council of Marland met. The concerned parties in Port Avel agreed on day {i}.")
        for i in range(3)
    ]
    reference = ["Officials met and agreed on a plan for the port.", "The council said nothing on Monday."]
    kept = {c.ngram for c in mine(corpus, reference, Params(min_n=2, max_n=3, min_g2=0.0))}
    assert {"Council of Marland", "The Supreme Council", "The concerned parties"} <= kept
    dropped = {c.ngram for c in mine(corpus, reference, Params(min_n=2, max_n=3, min_g2=0.0, names=False))}
    assert not dropped & {"Council of Marland", "The Supreme Council", "Supreme Council of"}
    assert {"The concerned parties", "Port Avel agreed"} <= dropped  # wording, and a name with a lower-case word
