"""Clean control: the English originals of NTREX-128 (123 news articles, one
sentence a line) must not draw warnings or errors beyond one per 2,000 words.
Skipped when ../shared is absent."""

from __future__ import annotations

from collections import OrderedDict

from provenance.document import Document
from tests.conftest import shared_path


def ntrex_articles() -> list[tuple[str, str]]:
    ids = shared_path("data", "ntrex", "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = shared_path("data", "ntrex", "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    assert len(ids) == len(lines)
    docs: OrderedDict[str, list[str]] = OrderedDict()
    for doc_id, line in zip(ids, lines):
        docs.setdefault(doc_id.strip(), []).append(line)
    return [(doc_id, "\n".join(body) + "\n") for doc_id, body in docs.items()]


def test_clean_english_draws_at_most_one_warning_per_2000_words(default_pipeline):
    articles = ntrex_articles()
    assert len(articles) == 123
    report = default_pipeline.run_documents((Document(text, f"ntrex/{doc_id}.txt"), f"ntrex/{doc_id}.txt") for doc_id, text in articles)
    words = sum(f.words for f in report.files)
    serious = [(f.path, x.line, x.rule, x.severity, x.text) for f, x in report.all_findings() if x.severity in ("warning", "error")]
    errors = [s for s in serious if s[3] == "error"]
    print(f"\nNTREX control: {words} words, {len(serious)} warning/error findings (budget {words // 2000})")
    for s in serious:
        print("  ", *s)
    assert not errors, errors
    assert len(serious) <= words / 2000


def test_clean_english_is_identified_as_english(default_pipeline):
    for doc_id, text in ntrex_articles()[:20]:
        report = default_pipeline.check_text(text, doc_id)
        assert report.files[0].language["code"] == "en", doc_id
