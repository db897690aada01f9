"""Text output of ``provenance compare``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from provenance.reuse.render import excerpt

_NAMES = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}


def scores_line(scores: dict) -> str:
    return "  ".join(f"{_NAMES[k]} {v if isinstance(v, (int, float)) else v['score']:.1f}" for k, v in scores.items())


def _differences(console: Console, entry: dict) -> None:
    for what in ("numbers", "names"):
        d = entry[what]
        if d["only_hypothesis"] or d["only_reference"]:
            console.print(
                f"      [yellow]{what} differ[/]: hypothesis {escape(', '.join(d['only_hypothesis']) or '—')}"
                f" | reference {escape(', '.join(d['only_reference']) or '—')}"
            )
    for pair in entry["names"].get("spelled_differently", []):
        console.print(f"      [yellow]spelled differently[/]: {escape(pair['hypothesis'])} | {escape(pair['reference'])}")


def render(result: dict, console: Console) -> None:
    hyp, ref = result["hypothesis"]["path"], result["reference"]["path"]
    console.print(f"[bold]hypothesis[/] {escape(hyp)}\n[bold]reference[/]  {escape(ref)}\n")
    console.print(f"[bold]Document[/]  {scores_line(result['document'])}")
    for name, score in result["document"].items():
        console.print(f"  [dim]{_NAMES[name]:<7}{score['signature']}[/]")
    console.print()
    entries = [("aligned", e) for e in result["paragraphs"]] + [("paraphrase", e) for e in result["paraphrases"]]
    console.print(f"[bold]Aligned paragraphs[/] ({len(result['paragraphs'])}" + (f", {len(result['paraphrases'])} by --semantic" if result["paraphrases"] else "") + ")")
    for kind, e in entries:
        h, r = e["hypothesis"], e["reference"]
        how = f"cosine {e['cosine']:.2f}" if kind == "paraphrase" else f"similarity {e['similarity']:.1f}"
        console.print(f"  line {h['line']} ↔ line {r['line']}  {scores_line(e['scores'])}  [dim]({how})[/]")
        console.print(f"      [dim]hyp[/] {escape(excerpt(h['text'], 90))}")
        console.print(f"      [dim]ref[/] {escape(excerpt(r['text'], 90))}")
        _differences(console, e)
        un = e.get("unaligned_sentences", {})
        for side, label in (("hypothesis", "only in hypothesis"), ("reference", "only in reference")):
            for s in un.get(side, []):
                console.print(f"      [dim]sentence {label} (line {s['line']}):[/] {escape(excerpt(s['text'], 80))}")
    for key, label in (("added", "Only in the hypothesis (added)"), ("omitted", "Only in the reference (omitted)")):
        if result[key]:
            console.print(f"\n[bold]{label}[/] ({len(result[key])})")
            for loc in result[key]:
                console.print(f"  line {loc['line']:<4} [dim]{loc['kind']}[/]  {escape(excerpt(loc['text'], 90))}")
    sig = result["segment_signatures"]
    console.print(f"\n[dim]Pair scores: sentence BLEU {sig['bleu']}; chrF {sig['chrf']}; chrF++ {sig['chrf++']}; TER {sig['ter']}[/]")
    s = result["summary"]
    console.print(
        f"{s['aligned']} aligned, {s['paraphrases']} paraphrased, {s['added']} added, {s['omitted']} omitted; "
        f"numbers differ in {s['number_differences']}, names in {s['name_differences']}."
    )
