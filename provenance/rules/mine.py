"""Keyness mining: word n-grams over-represented in a corpus against a reference.

`provenance rules mine CORPUS --reference NATIVE` proposes calques and loaded
terms from data. Each word 1–4-gram of the corpus that occurs often enough,
and in enough articles, is scored with Dunning's log-likelihood G² against the
reference (native news), with the log ratio of the two relative frequencies
beside it as the effect size. An n-gram most of whose occurrences an existing
rule already flags is marked with that rule's code, so a reviewer sees only
what the packs do not yet catch.

The counts are case-folded; a candidate is shown in its most frequent surface
form. With ``names=False`` (`--no-names`) an n-gram whose every word other
than a function word is capitalized in that form is dropped: names of people,
places and institutions ("the House of Representatives", "West Bank") are
over-represented because of what the articles are about, not how they are
written, and crowd the calques out of a small corpus. N-grams never cross punctuation or a line break (a phrase is a run of
words), and n-grams made of function words alone are dropped (grammar, not
wording).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Callable, Iterable

#: A word: letters or digits, with inner apostrophes or hyphens ("Israel's", "so-called").
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: What ends a run of words: any character other than a word character, space or apostrophe/hyphen.
_BREAK = re.compile(r"[^\w\s'’\-]|\n")

#: Words that alone do not make a phrase worth a rule (an n-gram of these only is skipped).
FUNCTION_WORDS = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto upon over under about
    as than that this these those it its it's he she they them his her their we our you your i me my
    is are was were be been being has have had do does did will would shall should can could may might
    must not no so if then there here which who whom whose what when where why how all any each both
    also very more most such only just up out off after before between during against through""".split()
)


@dataclass(frozen=True)
class Candidate:
    ngram: str  #: most frequent surface form in the corpus
    n: int
    freq: int  #: occurrences in the corpus
    docs: int  #: corpus documents it occurs in
    ref_freq: int  #: occurrences in the reference
    g2: float  #: Dunning log-likelihood (over-represented side only)
    log_ratio: float  #: log2 of the relative-frequency ratio (0.5 added to a zero count)
    covered_by: str | None = None  #: rule that already flags most of its occurrences

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Params:
    min_n: int = 1
    max_n: int = 4
    min_freq: int = 3
    min_docs: int = 2
    min_g2: float = 10.83  # p < 0.001 with one degree of freedom
    subsumed: bool = False  # keep an n-gram a longer candidate always contains
    names: bool = True  # keep n-grams made only of capitalized words (and function words)


def runs(text: str) -> Iterable[list[tuple[str, int, int]]]:
    """Runs of words between punctuation: [(word, start, end), …]."""
    pos = 0
    for brk in [*_BREAK.finditer(text), None]:
        end = brk.start() if brk is not None else len(text)
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, pos, end)]
        if words:
            yield words
        if brk is not None:
            pos = brk.end()


def _grams(words: list[tuple[str, int, int]], min_n: int, max_n: int):
    lowered = [w.lower().replace("’", "'") for w, _, _ in words]
    for i in range(len(words)):
        for n in range(min_n, max_n + 1):
            if i + n > len(words):
                break
            key = tuple(lowered[i : i + n])
            yield key, i, n


def g2(a: int, b: int, c: int, d: int) -> float:
    """Dunning's G² for a occurrences in c tokens against b in d tokens."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    value = 0.0
    if a:
        value += a * math.log(a / e1)
    if b:
        value += b * math.log(b / e2)
    return 2 * value


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    return math.log2(((a or 0.5) / c) / ((b or 0.5) / d))


def mine(
    corpus: list[tuple[str, str]],
    reference: list[str],
    params: Params = Params(),
    covered: Callable[[int, list[tuple[int, int]]], str | None] | None = None,
) -> list[Candidate]:
    """Candidates of ``corpus`` ([(name, text)]) against ``reference`` ([text]),
    best first. ``covered(doc_index, [(start, end), …])`` names the rule that
    already flags an n-gram's occurrences in corpus document doc_index."""
    freq: Counter = Counter()
    docs: dict[tuple, set[int]] = defaultdict(set)
    surface: dict[tuple, Counter] = defaultdict(Counter)
    where: dict[tuple, list[tuple[int, int, int]]] = defaultdict(list)
    tokens = 0
    for d, (_, text) in enumerate(corpus):
        for words in runs(text):
            tokens += len(words)
            for key, i, n in _grams(words, params.min_n, params.max_n):
                if all(w in FUNCTION_WORDS for w in key):
                    continue
                freq[key] += 1
                docs[key].add(d)
                start, end = words[i][1], words[i + n - 1][2]
                surface[key][text[start:end]] += 1
                where[key].append((d, start, end))
    keep = {k for k, f in freq.items() if f >= params.min_freq and len(docs[k]) >= params.min_docs}
    ref_freq: Counter = Counter()
    ref_tokens = 0
    for text in reference:
        for words in runs(text):
            ref_tokens += len(words)
            for key, _, _ in _grams(words, params.min_n, params.max_n):
                if key in keep:
                    ref_freq[key] += 1
    if not tokens or not ref_tokens:
        return []
    found: dict[tuple, Candidate] = {}
    for key in keep:
        a, b = freq[key], ref_freq[key]
        if a / tokens <= b / ref_tokens:
            continue  # under-represented: not a candidate
        score = g2(a, b, tokens, ref_tokens)
        if score < params.min_g2:
            continue
        form = min(surface[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if not params.names and _all_names(form):
            continue
        found[key] = Candidate(
            " ".join(form.split()), len(key), a, len(docs[key]), b, round(score, 3), round(log_ratio(a, b, tokens, ref_tokens), 3)
        )
    if not params.subsumed:
        found = _drop_subsumed(found)
    if covered is not None:
        found = {k: _with_cover(c, where[k], covered) for k, c in found.items()}
    return sorted(found.values(), key=lambda c: (-c.g2, -c.freq, c.ngram.lower(), c.ngram))


def _all_names(form: str) -> bool:
    """Every word but the function words capitalized (or a number): a name, not wording."""
    content = [w for w in _WORD.findall(form) if w.lower().replace("’", "'") not in FUNCTION_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _drop_subsumed(found: dict[tuple, Candidate]) -> dict[tuple, Candidate]:
    """Drop an n-gram that a longer candidate contains as often as it occurs
    ("crowned with" when it only ever occurs in "crowned with success")."""
    held: dict[tuple, set[int]] = defaultdict(set)  # n-gram -> freqs of the (n+1)-grams holding it
    for key, cand in found.items():
        if len(key) > 1:
            held[key[1:]].add(cand.freq)
            held[key[:-1]].add(cand.freq)
    return {key: cand for key, cand in found.items() if cand.freq not in held.get(key, ())}


def _with_cover(cand: Candidate, places: list[tuple[int, int, int]], covered) -> Candidate:
    by_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for d, s, e in places:
        by_doc[d].append((s, e))
    votes: Counter = Counter()
    for d, spans in sorted(by_doc.items()):
        for s, e in spans:
            code = covered(d, [(s, e)])
            if code:
                votes[code] += 1
    if not votes:
        return cand
    code, count = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    # Covered when the rule flags at least half of its occurrences.
    if 2 * count >= len(places):
        from dataclasses import replace

        return replace(cand, covered_by=code)
    return cand


class RuleCoverage:
    """Which enabled rule flags a span of a corpus document (run once per document)."""

    def __init__(self, documents, config, ruleset):
        from provenance.rules.engine import RulesAnalyzer

        analyzer = RulesAnalyzer(config, ruleset)
        self.hits: list[list[tuple[int, int, str]]] = []
        for doc in documents:
            hits: list[tuple[int, int, str]] = []
            analyzer.analyze(doc, None, lambda code, s, e, *_: hits.append((s, e, code)))
            self.hits.append(sorted(hits))

    def __call__(self, doc_index: int, spans: list[tuple[int, int]]) -> str | None:
        for s, e in spans:
            overlapping = sorted(code for hs, he, code in self.hits[doc_index] if hs < e and s < he)
            if overlapping:
                return overlapping[0]
        return None


def yaml_stub(candidates: list[Candidate]) -> str:
    """Candidate phrases as `phrase` entries to review into a pack (stats in comments)."""
    import json

    lines = [
        "# Candidate phrases mined by `provenance rules mine`: review each one (is it a",
        "# calque or a loaded term? is it ever fine in native news?) before adding it to",
        "# a rule's `phrases:` with your own bad/good examples.",
        "phrases:",
    ]
    for c in candidates:
        lines.append(f"  - match: {json.dumps(c.ngram, ensure_ascii=False)}")
        lines.append(f"    # freq {c.freq} in {c.docs} docs, reference {c.ref_freq}, G2 {c.g2:.1f}, log ratio {c.log_ratio:.2f}")
    return "\n".join(lines) + "\n"
