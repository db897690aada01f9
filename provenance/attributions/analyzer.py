"""The attributions layer: chains of who said what, according to whom.

Fills ``files[].attributions``, ``files[].credits`` and ``files[].sourcing``
and leaves the chains in ``doc.annotations["attributions"]`` for later
layers. Reads ``doc.annotations["names"]`` when the names layer ran (outlet
recognition, canonical names); works without it.
"""

from __future__ import annotations

import hashlib
import re

from provenance.attributions.cues import LEXICON_PATH

ANONYMOUS_MIN_SENTENCES = 3
ANONYMOUS_SHARE = 0.5
QUOTE_MIN_WORDS = 4
_QUOTATION = re.compile(r"[\"“«][^\"“”«»]{12,}[\"”»]")
_WORD = re.compile(r"[^\W\d_]+")


class AttributionsAnalyzer:
    name = "attributions"
    needs_finish = False

    def __init__(self, config, ruleset):
        self.config = config
        self.ruleset = ruleset

    @classmethod
    def enabled(cls, config) -> bool:
        return config.section("attributions").get("enabled", True) is not False

    def signature(self) -> str | None:
        digest = hashlib.sha256(LEXICON_PATH.read_bytes()).hexdigest()[:8]
        return f"attributions:lexicon@{digest}"

    def analyze(self, doc, report, emit) -> None:
        from provenance.attributions.article import build
        from provenance.attributions.profile import sourcing_profile
        from provenance.pipeline import credits_of

        names = doc.annotations.get("names")
        result = build(doc, names if isinstance(names, list) else None)
        report.attributions = result.attributions
        if result.truncated_at is not None:
            line = doc.line_col(result.truncated_at)[0]
            report.notes.append(
                f"attributions: stopped at line {line} after {len(result.attributions)} attributions "
                "(more than one per 100 characters: not news prose); the rest of the text is not analysed"
            )
        report.credits = credits_of(doc)
        profile = sourcing_profile(doc, result.attributions, result.sentences, result.reasons)
        report.extra["sourcing"] = profile
        doc.annotations["attributions"] = result.attributions
        self._findings(doc, result, profile, emit)

    def _findings(self, doc, result, profile, emit) -> None:
        text = doc.text
        if self.ruleset.is_enabled("PV901"):
            for claim in profile["unattributed_claims"]:
                if "quotation" not in claim["signals"]:
                    continue
                for m in _QUOTATION.finditer(text[claim["start"] : claim["end"]]):
                    if len(_WORD.findall(m.group())) >= QUOTE_MIN_WORDS:
                        s = claim["start"] + m.start()
                        emit("PV901", s, s + len(m.group()))
                        break
        if self.ruleset.is_enabled("PV902"):
            if profile["attributed_sentences"] >= ANONYMOUS_MIN_SENTENCES and profile["anonymous_share"] >= ANONYMOUS_SHARE:
                first = next((l for a in result.attributions for l in a["chain"][-1:] if l["kind"] == "anonymous"), None)
                if first is not None:
                    share = round(profile["anonymous_share"] * 100)
                    emit("PV902", first["start"], first["end"], f"{share}% of the attributed sentences rest on unnamed sources")
