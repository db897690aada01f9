"""Score the attributions layer against PolNeAR (speech-and-writing subset).

    python benchmarks/attributions_polnear.py [--split train|dev|both] [--limit N] [--misses N]
                                              [--causes] [--runs ours,textacy,spacy]

Reads ../shared/data/polnear/{train,dev}/{text,attributions}; skips cleanly
(exit 0, one line) when it is absent. The texts are never copied anywhere:
misses are listed as file:offset:kind, and ``--causes`` counts them by cause
(``miss_cause``, ``speaker_cause``), without text.

Gold: PolNeAR's BRAT standoff (Source, Cue, Content spans joined by an
``E`` line). Where an article has several annotators' files, the file of the
annotator whose id sorts first is used, for every article (``gold_file``).

Subset scored (``in_subset``): an attribution whose cue holds a verb of
saying, writing or reporting (``SPEECH_LEMMAS``, any inflection, "call"
only with "for", "point" only with "out"), or is "according to", or is a
lone colon or dash. PolNeAR also marks thoughts and wishes ("believes",
"wants"), which this layer does not report. Calls, urgings, vows, pledges
and promises ("called for", "urged X to", "vowed to") stay in: PolNeAR's
README defines an attribution as citing a statement or describing an
internal state, and these cite a statement (a call or a promise is made by
saying or writing it), while the internal states are what the subset leaves
out. The layer reports them as well (issue 10); those it misses are counted
under the cause "call/urge/vow/pledge/promise".

Figures (definitions in docs/attributions.md, "Measured on PolNeAR"):
cue recall/precision by span overlap, precision also "univocal" (our cues
that lie inside a gold Content left out: PolNeAR marks each token in at most
one attribution, so a nested attribution is never in its gold); speaker
recall/precision by token overlap with the gold Source of the link our
matched cue introduces (per hop: our cues are the attribution cues and the
chain's link cues, see ``score``; the old innermost-link figures are printed
on the line below for comparison), pronouns accepted when the link resolves
to an attribution whose speaker overlaps it; PV901 precision. Tune on train only; dev is the measurement.
``--runs textacy,spacy`` scores two peers on the same articles
(``benchmarks/polnear_baselines.py``; they need spaCy, textacy and an English
pipeline, from another environment).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

# -- the subset -------------------------------------------------------------

#: Verbs of saying, writing and reporting (lemmas): verbs that introduce the
#: words said or written, as a clause or a quotation. Left out: PolNeAR's
#: thoughts, wishes and perceptions (believe, want, think, know, see), verbs
#: that judge rather than report (criticize, praise, slam, decry), and verbs
#: that name a topic only (speak about, talk about).
SPEECH_LEMMAS = frozenset(
    """
    say tell write report state add announce claim argue urge promise reveal
    call repeat deny insist acknowledge suggest warn explain note declare assert
    affirm stress emphasize emphasise confirm indicate tweet post reply respond
    answer ask admit allege accuse testify quote comment remark mention complain
    predict vow pledge concede contend maintain point reiterate disclose caution
    boast joke proclaim inform retort
    """.split()
)
#: Lemmas that count only with a particle in the cue ("called for", "pointed out").
NEEDS_PARTICLE = {"call": "for", "point": "out"}
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
              "spoke": "speak", "spoken": "speak", "writes": "write", "saying": "say"}
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def lemma(word: str) -> str:
    """A verb's lemma by its inflection (enough for the closed list above)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w in SPEECH_LEMMAS:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("es", "e"), ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + repl
            if stem in SPEECH_LEMMAS:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in SPEECH_LEMMAS:  # doubled consonant: "admitted"
                return stem[:-1]
    return w


def in_subset(cue_text: str) -> bool:
    s = cue_text.strip()
    if s in (":", "-", "–", "—", "--"):
        return True
    words = [w.lower() for w in _WORD.findall(s)]
    if "according" in words and "to" in words:
        return True
    for i, w in enumerate(words):
        lem = lemma(w)
        if lem in SPEECH_LEMMAS:
            particle = NEEDS_PARTICLE.get(lem)
            if particle is None or particle in words[i + 1 :]:
                return True
    return False


# -- the gold files ---------------------------------------------------------


@dataclass
class GoldAttr:
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]]
    content: list[tuple[int, int]]
    cue_text: str

    @property
    def speech(self) -> bool:
        return in_subset(self.cue_text)


def parse_ann(text: str) -> list[GoldAttr]:
    """The attributions of one BRAT .ann file (fragments "s e;s e" kept apart)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, _, b = frag.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for args in events:
        roles: dict[str, list[str]] = {}
        for arg in args:
            role, _, tid = arg.partition(":")
            roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
        if not roles.get("Cue"):
            continue
        get = lambda r: [f for t in roles.get(r, []) if t in spans for f in spans[t][1]]  # noqa: E731
        cue_text = " ".join(spans[t][2] for t in roles["Cue"] if t in spans)
        out.append(GoldAttr(get("Cue"), get("Source"), get("Content"), cue_text))
    return out


def gold_file(ann_dir: Path, stem: str) -> Path | None:
    """The annotation file used for an article: the first annotator id in sort order."""
    files = sorted(ann_dir.glob(f"{stem}_*.ann"))
    return files[0] if files else None


def articles(split: str, limit: int | None = None) -> list[tuple[str, str, list[GoldAttr]]]:
    base = POLNEAR / split
    out = []
    for txt in sorted((base / "text").glob("*.txt"))[:limit]:
        ann = gold_file(base / "attributions", txt.stem)
        if ann is None:
            continue
        out.append((txt.stem, txt.read_text(encoding="utf-8"), parse_ann(ann.read_text(encoding="utf-8"))))
    return out


# -- scoring ----------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
_STOP = frozenset("the a an of and 's ’s to in on for at by with from as that who which".split())
PRONOUNS = frozenset("he she they it we i you him her them us his their its".split())


RELATIVES = frozenset("who which that whom".split())


def tokens(text: str) -> set[str]:
    return {w.lower() for w in _TOKEN.findall(text)} - _STOP


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def span_tokens(text: str, spans: list[tuple[int, int]]) -> set[str]:
    return set().union(*(tokens(text[s:e]) for s, e in spans)) if spans else set()


def speaker_ok(text: str, link: dict, gold_source: list[tuple[int, int]], predicted: list[dict]) -> bool:
    """Token overlap of our link with the gold Source; a pronoun (or other
    anaphor) also counts when the attribution it resolves to has a speaker
    that overlaps the gold Source's tokens (the gold antecedent's entity)."""
    gold_text = " ".join(text[s:e] for s, e in gold_source).strip().lower()
    if gold_text in RELATIVES:
        # PolNeAR marks the relative pronoun ("…, who said"); its antecedent ends just before it
        return link["end"] <= gold_source[0][0] and text[link["end"] : gold_source[0][0]].strip(" ,") == ""
    gold = span_tokens(text, gold_source)
    if not gold:  # a Source of stop words only: "A" (an interview's answers), "This"
        gold = {w.lower() for w in _TOKEN.findall(gold_text)}
        return bool(gold) and {w.lower() for w in _TOKEN.findall(link["text"])} == gold
    if tokens(link["text"]) & gold:
        return True
    seen = set()
    r = link.get("resolves_to")
    while r is not None and 0 <= r < len(predicted) and r not in seen:
        seen.add(r)
        chain = predicted[r]["chain"]
        if not chain:
            break
        inner = chain[-1]
        if (tokens(inner["text"]) | tokens(inner.get("canonical") or "")) & gold:
            return True
        r = inner.get("resolves_to")
    return False


@dataclass
class Tally:
    articles: int = 0
    gold: int = 0  # gold attributions in the subset
    gold_found: int = 0  # of which our cue overlaps
    predicted: int = 0
    predicted_right: int = 0  # our cue overlaps a gold cue (any attribution)
    nested: int = 0  # of the others: our cue lies inside a gold Content (PolNeAR cannot mark it)
    gold_sources: int = 0  # subset attributions with a Source
    speaker_right: int = 0
    speakers_predicted: int = 0  # matched attributions where we name a speaker
    any_link_right: int = 0
    pv901: int = 0
    pv901_right: int = 0
    misses: list[str] = field(default_factory=list)
    causes: Counter = field(default_factory=Counter)  # (kind, cause) -> count, see ``miss_cause``

    def add(self, o: "Tally") -> None:
        for k, v in vars(o).items():
            if k == "misses":
                self.misses += v
            elif k == "causes":
                self.causes.update(v)
            else:
                setattr(self, k, getattr(self, k) + v)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def figures(self) -> dict[str, float]:
        r = self.ratio
        return {
            "cue_recall": r(self.gold_found, self.gold),
            "cue_precision": r(self.predicted_right, self.predicted),
            "cue_precision_univocal": r(self.predicted_right, self.predicted - self.nested),
            "speaker_recall": r(self.speaker_right, self.gold_sources),
            "speaker_precision": r(self.speaker_right, self.speakers_predicted),
            "any_link_recall": r(self.any_link_right, self.gold_sources),
            "pv901_precision": r(self.pv901_right, self.pv901),
        }


def cue_units(predicted: list[dict]) -> list[tuple[tuple[int, int], int, int]]:
    """Per-hop scoring's predicted cues: (span, attribution, link) for every
    distinct cue span, the attribution cues and the cues of the chain links.
    ``link`` is the index of the link the cue introduces; an attribution cue
    that no link carries introduces the innermost link (-1)."""
    units: list[tuple[tuple[int, int], int, int]] = []
    seen: dict[tuple[int, int], int] = {}
    for i, p in enumerate(predicted):
        chain = p["chain"]
        cues = [((l["cue"]["start"], l["cue"]["end"]), k) for k, l in enumerate(chain) if l.get("cue")]
        own = (p["cue"]["start"], p["cue"]["end"])
        if not any(span == own for span, _ in cues):
            cues.append((own, len(chain) - 1))
        for span, k in sorted(cues):
            if span not in seen:
                seen[span] = len(units)
                units.append((span, i, k))
    return units


def score(name: str, text: str, gold: list[GoldAttr], predicted: list[dict], pv901: list[tuple[int, int]],
          *, per_hop: bool = True) -> Tally:
    """One article. ``predicted``: the layer's attribution dicts (cue, chain);
    ``pv901``: spans of PV901 findings.

    ``per_hop`` (the default): a gold attribution is matched by its cue against
    the attribution cues or any link cue (``cue_units``), and its Source is
    scored against the link that cue introduces. PolNeAR is flat, one Source
    per cue ("Reuters reported that a source said …" is two attributions:
    "reported" by Reuters, "said" by the source); our chains are nested, and
    the innermost-link rule (``per_hop=False``, the figures before issue 10's
    link cues) scored the reporter's Source against the reported speaker and
    never saw the inner cue. Precision then counts every distinct predicted cue."""
    t = Tally(articles=1)
    all_cues = [f for g in gold for f in g.cue]
    sub = [g for g in gold if g.speech]
    t.gold = len(sub)
    if per_hop:
        units = cue_units(predicted)
    else:
        units = [((p["cue"]["start"], p["cue"]["end"]), i, len(p["chain"]) - 1) for i, p in enumerate(predicted)]
    t.predicted = len(units)
    pcue = [u[0] for u in units]
    all_contents = [f for g in gold for f in g.content]
    for span in pcue:
        if overlaps(span, all_cues):
            t.predicted_right += 1
        elif any(s <= span[0] and span[1] <= e for s, e in all_contents):
            t.nested += 1  # PolNeAR is univocal: a cue inside another attribution's content is never marked
            t.misses.append(f"{name}:{span[0]}:nested-cue")
        else:
            t.misses.append(f"{name}:{span[0]}:extra-cue")
    used: set[int] = set()
    for g in sub:
        match = next((i for i, span in enumerate(pcue) if i not in used and any(overlaps(span, [c]) for c in g.cue)), None)
        if g.source:
            t.gold_sources += 1
        if match is None:
            t.misses.append(f"{name}:{g.cue[0][0]}:missed-cue")
            t.causes["missed-cue", miss_cause(text, g)] += 1
            continue
        used.add(match)
        t.gold_found += 1
        if not g.source:
            continue
        _, pi, k = units[match]
        chain = predicted[pi]["chain"][: k + 1] if k >= 0 else []  # the link the cue introduces, and the links outside it
        if not chain or chain[-1]["kind"] == "unspecified":
            t.misses.append(f"{name}:{g.cue[0][0]}:no-speaker")
            t.causes["no-speaker", "all"] += 1
            continue
        t.speakers_predicted += 1
        if speaker_ok(text, chain[-1], g.source, predicted):
            t.speaker_right += 1
        else:
            t.misses.append(f"{name}:{chain[-1]['start']}:wrong-speaker")
            t.causes["wrong-speaker", speaker_cause(text, g, predicted[pi]["chain"], predicted, chain[-1])] += 1
        chain = predicted[pi]["chain"]
        if any(speaker_ok(text, link, g.source, predicted) for link in chain):
            t.any_link_right += 1
    sourced = [f for g in gold if g.source for f in g.content]
    for s, e in pv901:
        t.pv901 += 1
        if overlaps((s, e), sourced):
            t.misses.append(f"{name}:{s}:pv901-has-speaker")
        else:
            t.pv901_right += 1
    return t


# -- causes of misses (for tuning on train; names of causes only, no text) ----

#: Cues that report a call, an urging or a promise ("called for", "urged X to", "vowed to").
DIRECTIVE_LEMMAS = frozenset("urge call vow pledge promise".split())
#: Cues that this layer takes only with a that-clause or a quotation (lexicon.yaml ``that_only``).
THAT_ONLY_LEMMAS = frozenset("note suggest declare insist mention predict repeat remark complain joke boast".split())
_AUX = frozenset("was were is are be been being has have had to will would did does do".split())
_NEG = re.compile(r"\b(?:not|never|n['’]t)\b", re.I)
_TITLE_END = re.compile(r"\b(?:Sen|Rep|Gov|Gen|Lt|Mr|Mrs|Ms|Dr|Sgt|Col|Maj|Capt|Adm|Rev)\.?$")


def miss_cause(text: str, g: GoldAttr) -> str:
    """Why a gold cue of the subset was missed, by the form of the cue and where it stands."""
    s = g.cue[0][0]
    cue = g.cue_text.strip()
    words = [w.lower() for w in _WORD.findall(cue)]
    lemmas = [lemma(w) for w in words]
    if "\n" not in text[:s].strip():
        return "headline"
    if cue in (":", "-", "–", "—", "--"):
        line = text.rfind("\n", 0, s) + 1
        label = text[line:s].strip()
        if len(label) <= 2 or label.isupper():
            return "speaker label (Q:, A:, HOST:)"
        return "colon or dash"
    if "according" in words:
        return "according to"
    if _NEG.search(cue):
        return "negated"
    if "ask" in lemmas:
        return "asked"
    if any(lem in DIRECTIVE_LEMMAS for lem in lemmas):
        return "call/urge/vow/pledge/promise"
    if any(w in _AUX for w in words) or len(words) > 2:
        return "compound cue (auxiliary, infinitive, phrase)"
    if any(lem in THAT_ONLY_LEMMAS for lem in lemmas):
        return "that-only verb without that"
    if any(lem in SPEECH_LEMMAS for lem in lemmas):
        return "verb in lexicon, construction missed"
    return "other"


def speaker_cause(text: str, g: GoldAttr, chain: list[dict], predicted: list[dict], inner: dict | None = None) -> str:
    """Why the link scored (``inner``, by default the innermost) is not the gold Source."""
    inner = inner if inner is not None else chain[-1]
    gold_text = " ".join(text[a:b] for a, b in g.source).strip()
    gold_low = gold_text.lower()
    if any(speaker_ok(text, link, g.source, predicted) for link in chain if link is not inner):
        return "relay: another link of the chain is the source"
    if gold_low in RELATIVES:
        return "relative pronoun (who said)"
    if inner["text"].lower() in PRONOUNS or inner.get("resolves_to") is not None:
        return "pronoun or anaphor resolved elsewhere"
    if gold_low in PRONOUNS:
        return "gold is a pronoun, ours a name elsewhere"
    if _TITLE_END.search(inner["text"]):
        return "title or abbreviation cut the name"
    if inner["kind"] == "outlet" and re.search(r"\(\w+\)|^[A-Z]{2,}", inner["text"]):
        return "dateline or agency slug"
    if not overlaps((inner["start"], inner["end"]), g.source):
        if not re.search(r"[A-Z]", inner["text"]) or inner["text"].split()[0].lower().endswith("ly"):
            return "span elsewhere: adverb, clause or object"
        return "span elsewhere: another name"
    return "span overlaps, no shared word"


# -- running the layer --------------------------------------------------------


def pipeline():
    from provenance.config import Config
    from provenance.pipeline import Pipeline

    config = Config()
    config.layers = ["names", "attributions"]  # what `check` runs before this layer; the rules layer adds nothing here
    return Pipeline(config)


def signature(pipe) -> str:
    from provenance import __version__

    layer = next(a for a in pipe.analyzers if a.name == "attributions")
    return f"provenance {__version__} | {layer.signature()}"


def run_layer(pipe, items: list[tuple[str, str, list[GoldAttr]]]) -> tuple[Tally, Tally]:
    """The per-hop tally and the innermost-link one (for comparison)."""
    from provenance.document import Document

    total, innermost = Tally(), Tally()
    for name, text, gold in items:
        doc = Document(text, f"polnear/{name}.txt")
        assert doc.text == text, name  # offsets must be the file's
        report, _ = pipe.analyze(doc)
        pv = [(f.start, f.end) for f in report.findings if f.rule == "PV901"]
        total.add(score(name, text, gold, report.attributions, pv))
        innermost.add(score(name, text, gold, report.attributions, pv, per_hop=False))
    return total, innermost


def run_baselines(items: list[tuple[str, str, list[GoldAttr]]], runs: list[str]) -> dict[str, Tally] | str:
    """The peers' tallies (``benchmarks/polnear_baselines.py``), or why they cannot run."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import polnear_baselines as pb

    nlp, name = pb.load()
    if nlp is None:
        return name
    totals = {run: Tally() for run in runs}
    for art, text, gold in items:
        doc = nlp(text)
        for run in runs:
            pred = pb.textacy_run(doc) if run == "textacy" else pb.spacy_run(doc, SPEECH_LEMMAS, NEEDS_PARTICLE)
            totals[run].add(score(art, text, gold, pred, []))
    print(f"baselines: spaCy pipeline {name} ({nlp.meta.get('name')} {nlp.meta.get('version')})")
    return totals


def show(label: str, t: Tally) -> None:
    f = t.figures()
    print(f"{label:<14} articles {t.articles:>4}  gold {t.gold:>5}  predicted {t.predicted:>5}  "
          f"cue R {f['cue_recall']:.3f} P {f['cue_precision']:.3f} (univocal {f['cue_precision_univocal']:.3f})  "
          f"speaker R {f['speaker_recall']:.3f} P {f['speaker_precision']:.3f}  "
          f"(any link R {f['any_link_recall']:.3f})  PV901 P {f['pv901_precision']:.3f} of {t.pv901}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=["train", "dev", "both"], default="both")
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each split")
    parser.add_argument("--misses", type=int, default=0, metavar="N", help="list N misses per split (file:offset:kind)")
    parser.add_argument("--causes", action="store_true", help="count the misses of each split by cause")
    parser.add_argument("--runs", default="ours", help="comma-separated: ours, textacy, spacy (the peers need spaCy, textacy "
                        "and an English pipeline: benchmarks/polnear_baselines.py)")
    args = parser.parse_args(argv)
    if not (POLNEAR / "train" / "text").is_dir():
        print(f"skipped: needs {POLNEAR} (PolNeAR is not redistributed)")
        return 0
    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    if unknown := [r for r in runs if r not in ("ours", "textacy", "spacy")]:
        print(f"error: unknown run {', '.join(unknown)} (ours, textacy, spacy)", file=sys.stderr)
        return 2
    pipe = pipeline() if "ours" in runs else None
    if pipe is not None:
        print("signature:", signature(pipe))
    for split in (["train", "dev"] if args.split == "both" else [args.split]):
        items = articles(split, args.limit)
        if peers := [r for r in runs if r != "ours"]:
            tallies = run_baselines(items, peers)
            if isinstance(tallies, str):
                print(f"{split} baselines skipped: {tallies}")
            else:
                for run, tally in tallies.items():
                    show(f"{split} {run}", tally)
        if pipe is None:
            continue
        t, inner = run_layer(pipe, items)
        show(f"{split} ours", t)
        show(f"{split} innermost", inner)
        for m in t.misses[: args.misses]:
            print("  ", m)
        if args.causes:
            for (kind, cause), n in sorted(t.causes.items(), key=lambda x: (x[0][0], -x[1], x[0][1])):
                print(f"   {kind:<14} {n:>5}  {cause}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
