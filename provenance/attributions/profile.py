"""The sourcing profile of one article: what its attributions rest on."""

from __future__ import annotations

import re
from collections import Counter

from provenance.attributions.cues import QUOTES
from provenance.attributions.finders import Finder, LiteralGate, by_first_word, lowered
from provenance.document import PARAGRAPH
from provenance.lazyre import lazy

KINDS = ("outlet", "person", "organization", "anonymous", "document", "unspecified")
# Signals that a sentence states something a reader would want sourced.
_QUOTATION = lazy(r"[\"“«][^\"“”«»]{12,}[\"”»]")
_FIGURE = lazy(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|\b(?!(?:19|20)\d\d\b)\d{2,}\s+(?:[a-z]+\s+){0,2}(?:people|prisoners|dead|killed|wounded|injured|civilians|soldiers|children|women|detainees|captives|trucks|homes|houses|displaced|victims|casualties|rockets|missiles|drones|troops|fighters|members|million|billion|thousand)\b")
_HEDGE_WORDS = [r"reportedly", r"allegedly", r"purportedly", r"is\s+believed", r"are\s+believed", r"is\s+said\s+to", r"are\s+said\s+to", r"is\s+thought\s+to", r"is\s+expected\s+to", r"according"]
_HEDGE = re.compile(r"\b(?:" + "|".join(_HEDGE_WORDS) + r")\b", re.I)
# Both patterns open with \b, so re would try them at every character:
# a figure starts at a digit, a hedge where one of its words does, and a
# hedge is looked for only where the words every hedge holds occur.
_HEDGE_FINDER = Finder(_HEDGE, by_first_word(_HEDGE_WORDS))
_HEDGE_GATE = LiteralGate(_HEDGE)
_DIGIT = lazy(r"\d")  # one character: re skips ahead to it (not so for \d+)
_DIGITS = lazy(r"\d+")


def _has_figure(sentence: str) -> bool:
    r"""``_FIGURE.search(sentence)``, tried only where a run of digits starts a word:
    every alternative opens with \b and a digit, and a digit is a word character."""
    digit = _DIGIT.search(sentence)
    while digit:
        at = digit.start()
        before = sentence[at - 1] if at else " "
        if not (before.isalnum() or before == "_") and _FIGURE.match(sentence, at):
            return True
        digit = _DIGIT.search(sentence, _DIGITS.match(sentence, at).end())
    return False


def claim_signals(sentence: str, text: str | None = None, start: int = 0) -> list[str]:
    """The claim signals of a sentence; text and start: the document it is ``text[start:start + len(sentence)]`` of."""
    out = []
    if ('"' in sentence or "“" in sentence or "«" in sentence) and _QUOTATION.search(sentence):  # the marks a match opens with
        out.append("quotation")
    if _has_figure(sentence):
        out.append("figure")
    gate = _HEDGE_GATE.may_match_within(text, start, start + len(sentence)) if text is not None else _HEDGE_GATE.may_match(sentence)
    if gate and _HEDGE_FINDER.search(sentence, lowered(sentence)):
        out.append("hedge")
    return out


def sourcing_profile(doc, attributions: list[dict], sentences: list[int], reasons: dict) -> dict:
    """Counts by the kind of each attribution's innermost source, the share of
    attributed sentences that rest on anonymous sources, the outlets relied on,
    the anonymous descriptors with their stated reasons, and body sentences
    that carry claims (figures, quotations, hedges) with no attribution."""
    text = doc.text
    innermost = Counter()
    links = Counter()
    outlets = Counter()
    by_sentence: dict[int, set[str]] = {}
    anonymous = []
    for i, (a, s) in enumerate(zip(attributions, sentences)):
        chain = a["chain"]
        inner = chain[-1]["kind"] if chain else "unspecified"
        innermost[inner] += 1
        by_sentence.setdefault(s, set()).add(inner)
        for k, link in enumerate(chain):
            links[link["kind"]] += 1
            if link["kind"] == "outlet":
                outlets[link["canonical"] or link["text"]] += 1
            if link["kind"] == "anonymous" and link["resolves_to"] is None:
                reason = reasons.get((i, k))
                anonymous.append(
                    {
                        "line": a["line"],
                        "descriptor": link["text"],
                        "reason": text[reason[0] : reason[1]] if reason else None,
                    }
                )
    attributed = len(by_sentence)
    anon_sentences = sum(1 for kinds in by_sentence.values() if "anonymous" in kinds)
    attributed_ids = set(sentences)
    unattributed = []
    for sent in doc.sentences:
        if sent.segment.kind != PARAGRAPH or sent.index in attributed_ids:
            continue
        piece = text[sent.start : sent.end]
        signals = claim_signals(piece, text, sent.start)
        if signals and not _continues_quote(text, sent, attributed_ids, doc):
            unattributed.append({"line": doc.line_col(sent.start)[0], "start": sent.start, "end": sent.end, "signals": signals})
    return {
        "attributions": len(attributions),
        "attributed_sentences": attributed,
        "by_kind": {k: innermost.get(k, 0) for k in KINDS},
        "links_by_kind": {k: links.get(k, 0) for k in KINDS},
        "anonymous_share": round(anon_sentences / attributed, 3) if attributed else 0.0,
        "outlets": [{"name": n, "links": c} for n, c in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))],
        "anonymous": anonymous,
        "unattributed_claims": unattributed,
    }


def _continues_quote(text: str, sent, attributed: set[int], doc) -> bool:
    """A quotation that goes on from an attributed sentence before it."""
    piece = text[sent.start : sent.end].lstrip()
    return bool(piece[:1] in QUOTES and sent.index - 1 in attributed)
