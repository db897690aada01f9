"""Shared helper of the source-aware tests: the texts one rule reports on an invented pair."""

from __future__ import annotations

from provenance.bilingual.pair import pair_texts


def rule_texts(pipeline, source: str, english: str, lang: str, rule: str) -> list[str]:
    """Texts of `rule`'s findings when `english` is checked against `source` (in `lang`)."""
    report = pipeline.run_documents([(pair_texts(source, english + "\n", lang), "article.en.txt")])
    return [f.text for f in report.files[0].findings if f.rule == rule]


def layout(sentences: list[str], sep: str = " ") -> tuple[str, list[tuple[int, int]]]:
    """The sentences joined by ``sep`` (and a final newline), with each one's span."""
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + len(sep)
    return sep.join(sentences) + "\n", spans


def bead_pair(src: list[str], en: list[str], groups, lang: str):
    """A pair aligned by hand: sentences joined by spaces, beads from ``groups`` of
    (source sentences [i, j), English sentences [k, m)); what the omission checks read."""
    from types import SimpleNamespace

    from provenance.bilingual.align import Alignment, Bead

    s_text, s_spans = layout(src)
    e_text, e_spans = layout(en)
    beads = [Bead(source=(s_spans[i][0], s_spans[j - 1][1]) if j > i else None,
                  target=(e_spans[k][0], e_spans[m - 1][1]) if m > k else None,
                  source_sentences=(i, j), target_sentences=(k, m), cost=0.0) for (i, j), (k, m) in groups]
    return SimpleNamespace(alignment=Alignment(s_text, e_text, lang, s_spans, e_spans, beads), text=s_text, lang=lang)
