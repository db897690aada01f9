"""``compare_documents``: the alignment, scores and differences of a hypothesis
(a translation) against a reference (another translation of the same source,
or the reference translation).

Document-level scores are sacrebleu corpus scores over the paragraph
alignment: each aligned pair is one segment, an added paragraph is scored
against an empty reference and an omitted one as an empty hypothesis, so
that additions and omissions cost what they should.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from provenance import __version__
from provenance.compare.align import PARAGRAPH_THRESHOLD, SENTENCE_THRESHOLD, Aligner, units
from provenance.compare.differences import differences
from provenance.compare.metrics import Scorer

if TYPE_CHECKING:
    from provenance.document import Document

SCHEMA = "provenance/compare-v1"
#: Cosine similarity from which --semantic pairs two unaligned paragraphs.
SEMANTIC_THRESHOLD = 0.75


class CompareError(ValueError):
    """Nothing to compare (both sides empty)."""


def compare_documents(
    hyp: "Document",
    hyp_path: str,
    ref: "Document",
    ref_path: str,
    *,
    threshold: float = PARAGRAPH_THRESHOLD,
    encoder=None,
    semantic_threshold: float = SEMANTIC_THRESHOLD,
    glossary=None,
) -> dict:
    left, right = units(hyp), units(ref)
    if not left and not right:
        raise CompareError("both texts are empty: nothing to compare")
    aligner, scorer = Aligner(), Scorer()
    aligned = aligner.align(left, right, threshold)
    paragraphs = [_pair(hyp, ref, left[i], right[j], sim, aligner, scorer, glossary) for i, j, sim in aligned]
    added = [i for i in range(len(left)) if i not in {a[0] for a in aligned}]
    omitted = [j for j in range(len(right)) if j not in {a[1] for a in aligned}]

    paraphrases = []
    if encoder is not None and added and omitted:
        from provenance.semantic import best_pairs

        texts_a = [left[i].text for i in added]
        texts_b = [right[j].text for j in omitted]
        for x, y, cosine in best_pairs(encoder, texts_a, texts_b, semantic_threshold):
            entry = _pair(hyp, ref, left[added[x]], right[omitted[y]], None, aligner, scorer, glossary)
            entry["cosine"] = round(cosine, 3)
            paraphrases.append((added[x], omitted[y], entry))
        added = [i for i in added if i not in {p[0] for p in paraphrases}]
        omitted = [j for j in omitted if j not in {p[1] for p in paraphrases}]

    hyps = [left[i].text for i, _, _ in aligned] + [left[i].text for i, _, _ in paraphrases] + [left[i].text for i in added] + [""] * len(omitted)
    refs = [right[j].text for _, j, _ in aligned] + [right[j].text for _, j, _ in paraphrases] + [""] * len(added) + [right[j].text for j in omitted]
    signature = f"provenance:{__version__}|align:chrF-beta1>={threshold:g}"
    if encoder is not None:
        signature += f"|{encoder.signature()}@{semantic_threshold:g}"
    entries = paragraphs + [p[2] for p in paraphrases]
    return {
        "schema": SCHEMA,
        "version": __version__,
        "signature": signature,
        "hypothesis": _side(hyp, hyp_path, left),
        "reference": _side(ref, ref_path, right),
        "document": scorer.document(hyps, refs),
        "segment_signatures": scorer.segment_signatures(),
        "paragraphs": paragraphs,
        "paraphrases": [p[2] for p in paraphrases],
        "added": [left[i].loc(hyp) for i in added],
        "omitted": [right[j].loc(ref) for j in omitted],
        "summary": {
            "aligned": len(paragraphs),
            "paraphrases": len(paraphrases),
            "added": len(added),
            "omitted": len(omitted),
            "number_differences": sum(1 for e in entries if any(e["numbers"].values())),
            "name_differences": sum(1 for e in entries if any(e["names"].values())),
        },
    }


def _side(doc: "Document", path: str, unit_list) -> dict:
    return {
        "path": path,
        "sha256": doc.sha256,
        "segments": len(unit_list),
        "sentences": sum(len(u.sentences) or 1 for u in unit_list),
    }


def _pair(hyp, ref, a, b, similarity, aligner: Aligner, scorer: Scorer, glossary=None) -> dict:
    entry = {"hypothesis": a.loc(hyp), "reference": b.loc(ref)}
    if similarity is not None:
        entry["similarity"] = round(similarity, 2)
    entry["scores"] = scorer.segment(a.text, b.text)
    entry.update(differences(hyp.text[a.start : a.end], ref.text[b.start : b.end], glossary, (hyp.text, ref.text)))
    if len(a.sentences) > 1 or len(b.sentences) > 1:
        sa, sb = a.sentences or [a], b.sentences or [b]
        pairs = aligner.align(sa, sb, SENTENCE_THRESHOLD)
        entry["sentences"] = [
            {"hypothesis": sa[i].loc(hyp), "reference": sb[j].loc(ref), "scores": scorer.segment(sa[i].text, sb[j].text)}
            for i, j, _ in pairs
        ]
        entry["unaligned_sentences"] = {
            "hypothesis": [sa[i].loc(hyp) for i in range(len(sa)) if i not in {p[0] for p in pairs}],
            "reference": [sb[j].loc(ref) for j in range(len(sb)) if j not in {p[1] for p in pairs}],
        }
    return entry


def reference_summary(result: dict, lowest: int = 3) -> dict:
    """What ``check --reference`` keeps: document scores and the lowest-scoring paragraphs."""
    worst = sorted(result["paragraphs"], key=lambda e: (e["scores"]["chrf"], e["hypothesis"]["start"]))[:lowest]
    return {
        "path": result["reference"]["path"],
        "document": result["document"],
        "lowest": [
            {
                "line": e["hypothesis"]["line"],
                "start": e["hypothesis"]["start"],
                "end": e["hypothesis"]["end"],
                "text": e["hypothesis"]["text"],
                "reference_line": e["reference"]["line"],
                "scores": e["scores"],
            }
            for e in worst
        ],
        "aligned": result["summary"]["aligned"],
        "added": result["summary"]["added"],
        "omitted": result["summary"]["omitted"],
    }
