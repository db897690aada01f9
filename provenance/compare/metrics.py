"""sacrebleu scores: per aligned pair (chrF, chrF++, TER, sentence BLEU with
effective order) and for the document (BLEU, chrF, chrF++, TER with their
signature strings)."""

from __future__ import annotations


class Scorer:
    def __init__(self):
        from sacrebleu.metrics import BLEU, CHRF, TER

        self._segment = {
            "chrf": CHRF(),
            "chrf++": CHRF(word_order=2),
            "ter": TER(),
            "bleu": BLEU(effective_order=True),
        }
        self._document = {"bleu": BLEU(), "chrf": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER()}
        for m in self._segment.values():  # sacrebleu's signature needs one score (number of references)
            m.sentence_score("a", ["a"])

    def segment(self, hypothesis: str, reference: str) -> dict[str, float]:
        return {name: round(m.sentence_score(hypothesis, [reference]).score, 2) for name, m in self._segment.items()}

    def segment_signatures(self) -> dict[str, str]:
        return {name: str(m.get_signature()) for name, m in self._segment.items()}

    def document(self, hypotheses: list[str], references: list[str]) -> dict[str, dict]:
        out = {}
        for name, m in self._document.items():
            score = m.corpus_score(hypotheses, [references])
            out[name] = {"score": round(score.score, 2), "signature": str(m.get_signature())}
            if name == "bleu":
                out[name]["brevity_penalty"] = round(score.bp, 3)
        return out
