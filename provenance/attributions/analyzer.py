"""The attributions layer: chains of who said what, according to whom.

Fills ``files[].attributions``, ``files[].credits`` and ``files[].sourcing``
and leaves the chains in ``doc.annotations["attributions"]`` for later
layers. Reads ``doc.annotations["names"]`` when the names layer ran (outlet
recognition, canonical names); works without it.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from provenance.attributions.cues import LEXICON_PATH
from provenance.lazyre import lazy

ANONYMOUS_MIN_SENTENCES = 3
ANONYMOUS_SHARE = 0.5
QUOTE_MIN_WORDS = 4
_QUOTATION = lazy(r"[\"“«][^\"“”«»]{12,}[\"”»]")
_WORD = lazy(r"[^\W\d_]+")
_TRAILING = " \t\r\n.!?…)]\"'”’»"
_OPENS_QUOTE = "\"“«'‘"
_CLOSES_QUOTE = "\"”»'’"
_DASHES = "-–—"
#: Sentences looked at on either side for the speaker of a run of quoted sentences.
NEARBY_SENTENCES = 3
SPEAKER_TAG_WORDS = 8
#: A sentence that opens with a pronoun or a short name and a verb in -ed or -s ("Tom Reed praised …",
#: "She waits."), also after a connective or with an appositive ("But Reed was relentless.", "Ann Bell,
#: the mayor, was blunt."): a person doing something, most often the speaker of the quotation after it.
_PERSON_OPENS = lazy(
    r"(?:(?:But|And|Yet|Still|Then|So|Now)\s+)?"
    r"(?:(?:He|She|They|I|We)|(?!(?:The|A|An|This|That|These|Those|It|There|In|On|At|But|And|For|As|If|When|After|Before|While)\b)(?:[A-Z][\w.'’\-]*\s+){0,2}[A-Z][\w'’\-]*(?:,\s+[^,.;:\"“”]{3,60},)?)"
    r"\s+(?:also\s+|then\s+)?[a-z]{2,}(?:ed|es|s)\b"
)
_NAME_THEN_VERB = lazy(r"(?:[A-Z][\w.'’\-]*\s+){1,4}[a-z]+\b")
#: Words of a tag after a quotation that the sentence splitter cut off at "?”" or "!”" ("Tom Reed,
#: the mayor's aide, Tweeted on Friday"): a reporting verb this early names the speaker.
TAG_VERB_WORDS = 12
_TAG_WORD = lazy(r"[^\W\d_]+")


def _tag_after(piece: str) -> bool:
    """Whether a sentence reads as the tag of the quotation before it: a reporting verb of the
    lexicon, in any case, among its first words ("Murphy, the head of the fund, Tweeted …")."""
    from provenance.attributions.cues import lexicon

    verbs = lexicon().verbs
    words = _TAG_WORD.findall(piece)[:TAG_VERB_WORDS]
    return any(w.lower() in verbs and not verbs[w.lower()].participle for w in words)


def _speaker_nearby(doc, text: str, index: int, attributed: set[int]) -> bool:
    """Whether the speaker of a quotation that opens sentence ``index`` is named nearby:
    earlier in its paragraph, in a short tag after it ("“…?” Tom Reed continued."),
    or across a run of sentences that each open with a quotation, reaching an
    attributed sentence or one that ends with a colon ("… he wrote:")."""
    sentences = doc.sentences
    here = sentences[index]
    if index > 0 and sentences[index - 1].segment is here.segment:
        return True  # inside a paragraph, the sentences before it tell whose words these are
    if index + 1 < len(sentences):
        nxt = sentences[index + 1]
        piece = text[nxt.start : nxt.end]
        if nxt.segment is here.segment and ((len(piece.split()) <= SPEAKER_TAG_WORDS and piece[:1].isupper()) or _NAME_THEN_VERB.match(piece) or _tag_after(piece)):
            return True
    # The sentences just before the paragraph: one that reports speech, or the last one when it opens
    # with a person doing something ("Tom Reed praised …", "She waits."), names the quotation's speaker.
    for k in range(index - 1, max(-1, index - 1 - NEARBY_SENTENCES), -1):
        if k in attributed or (k == index - 1 and _PERSON_OPENS.match(text, sentences[k].start, sentences[k].end)):
            return True
    for step in (-1, 1):
        k = index + step
        for _ in range(NEARBY_SENTENCES):
            if not 0 <= k < len(sentences):
                break
            piece = text[sentences[k].start : sentences[k].end].strip()
            if k in attributed or (step < 0 and (piece.endswith(":") or piece[-1:] in _CLOSES_QUOTE)) or (step > 0 and piece[:1] in _DASHES):
                return True  # "… he wrote:" or a quotation before (a quoted passage goes on), "- Tom Reed." after
            if piece[:1] not in _OPENS_QUOTE:
                break
            k += step
    return False


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
            starts = [s.start for s in doc.sentences]
            attributed = set(result.sentences)
            for claim in profile["unattributed_claims"]:
                if "quotation" not in claim["signals"]:
                    continue
                s0, e0 = claim["start"], claim["end"]
                for m in _QUOTATION.finditer(text[s0:e0]):
                    if len(_WORD.findall(m.group())) < QUOTE_MIN_WORDS:
                        continue
                    # A quotation inside a sentence is a title, a scare quote or words whose
                    # speaker the sentence names ("X concluded, “…”", "headline reads: “…”");
                    # words after it are most often its speaker ("“…,” Carson concluded").
                    if text[s0 : s0 + m.start()].strip() or text[s0 + m.end() : e0].strip(_TRAILING):
                        break
                    index = bisect_right(starts, s0) - 1
                    if _speaker_nearby(doc, text, index, attributed):
                        break
                    emit("PV901", s0 + m.start(), s0 + m.end())
                    break
        if self.ruleset.is_enabled("PV902"):
            if profile["attributed_sentences"] >= ANONYMOUS_MIN_SENTENCES and profile["anonymous_share"] >= ANONYMOUS_SHARE:
                first = next((l for a in result.attributions for l in a["chain"][-1:] if l["kind"] == "anonymous"), None)
                if first is not None:
                    share = round(profile["anonymous_share"] * 100)
                    emit("PV902", first["start"], first["end"], f"{share}% of the attributed sentences rest on unnamed sources")
