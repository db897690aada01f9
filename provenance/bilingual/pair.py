"""A checked article and its original: two Documents and the sentence
alignment between them, attached to the article as ``doc.source_pair``.

`check` attaches one when an original is named (``--source``, ``--source-dir``,
a front-matter ``source:`` key) or sits beside a ``name.en.txt``; the
source-aware rules (``provenance.rules.kinds.source``) read it. Only the
article's body is aligned: its front matter and footer credit lines are not
translations of anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from provenance.bilingual import pairing
from provenance.bilingual.align import Alignment, align_spans, all_sentences
from provenance.bilingual.pairing import PairingError


@dataclass(frozen=True)
class PairOptions:
    """How `check` finds originals: an explicit file (one article), a directory, a language."""

    source: Path | None = None
    source_dir: Path | None = None
    source_lang: str | None = None


@dataclass
class SourcePair:
    #: The original as a Document (its ``text`` is what source spans index).
    source_doc: object
    #: How findings name the original (the path as found, relative when given so).
    display: str
    lang: str
    alignment: Alignment

    @property
    def text(self) -> str:
        return self.source_doc.source

    def summary(self) -> dict:
        beads = Counter(b.kind for b in self.alignment.beads)
        return {
            "path": self.display,
            "language": self.lang,
            "sha256": self.source_doc.sha256,
            "sentences": {"source": len(self.alignment.source_sentences), "target": len(self.alignment.target_sentences)},
            "beads": {k: beads[k] for k in sorted(beads)},
        }


def attach(doc, options: PairOptions | None) -> SourcePair | None:
    """Find, read and align the original of ``doc``; None when it has none.
    PairingError (one line) when one is named and cannot be read."""
    options = options or PairOptions()
    article = Path(doc.path)
    found = pairing.find_source(article, doc.source, options.source, options.source_dir)
    if found is None:
        return None
    source_doc = read_source(found)
    lang = pairing.language_of(found, source_doc.source, options.source_lang)
    pair = SourcePair(source_doc, str(found), lang, align_document(doc, source_doc.source, lang))
    doc.source_pair = pair
    return pair


def read_source(path: Path):
    from provenance.document import Document, InputError
    from provenance.document.decode import decode_bytes
    from provenance.safeio import read_input

    try:
        decoded = decode_bytes(read_input(path))
    except InputError as exc:
        raise PairingError(f"source {path}: {exc}") from None
    if not decoded.text.strip():
        raise PairingError(f"source {path}: empty file")
    return Document(decoded.text, str(path), encoding=decoded.encoding, encoding_detected=decoded.detected, markdown=False)


def english_sentences(doc) -> list[tuple[int, int]]:
    """The article's sentences to align: every paragraph but front matter and footer credits."""
    from provenance.document.segment import FOOTER, FRONT_MATTER

    skip = [(s.start, s.end) for s in doc.segments if s.kind in (FRONT_MATTER, FOOTER)]
    return [(a, b) for a, b in all_sentences(doc.text, "en") if not any(s <= a < e for s, e in skip)]


def align_document(doc, source_text: str, lang: str) -> Alignment:
    ss = all_sentences(source_text, lang)
    ts = english_sentences(doc)
    return Alignment(source_text, doc.text, lang, ss, ts, align_spans(source_text, ss, doc.text, ts, lang))


def pair_texts(source_text: str, english_text: str, lang: str, path: str = "article.en.txt", source_path: str = "source.txt"):
    """An English Document with its original attached (for tests, examples and benchmarks)."""
    from provenance.document import Document

    doc = Document(english_text, path)
    src = Document(source_text, source_path, markdown=False)
    doc.source_pair = SourcePair(src, source_path, lang, align_document(doc, src.source, lang))
    return doc
