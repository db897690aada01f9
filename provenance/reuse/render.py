"""Text output of ``provenance reuse``."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

_EXCERPT = 100
_STYLE = {"boilerplate": "magenta", "verbatim": "red", "near-duplicate": "yellow", "partial": "cyan", "paraphrase": "blue"}


def excerpt(text: str, width: int = _EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def where(loc: dict) -> str:
    return f"{loc['path']}:{loc['line']}:{loc['column']}"


def describe_change(change: dict) -> str:
    a, b = escape(change["a"]), escape(change["b"])
    if not b:
        return f"only in the first: “{a}”"
    if not a:
        return f"only in the second: “{b}”"
    return f"changed: “{a}” → “{b}”"


def render(result: dict, console: Console) -> None:
    groups, pairs = result["boilerplate"], result["pairs"]
    k = result["settings"]["boilerplate"]
    if groups:
        console.print(f"[bold]Boilerplate[/] (in {k} or more articles)")
        for g in groups:
            first = g["locations"][0]
            console.print(f"  [{_STYLE['boilerplate']}]{g['match']}, {g['articles']} articles[/]: “{escape(excerpt(first['text']))}”")
            for loc in g["locations"]:
                console.print(f"    {escape(where(loc))}  [dim]{loc['kind']}[/]")
        console.print()
    if pairs:
        console.print("[bold]Shared passages[/]")
        for p in pairs:
            scores = f"Jaccard {p['jaccard']:.2f}  containment {p['containment']:.2f}  chrF {p['chrf']:.1f}"
            if "cosine" in p:
                scores += f"  cosine {p['cosine']:.2f}"
            same = "  [dim](same article)[/]" if p["same_document"] else ""
            console.print(f"  [{_STYLE[p['label']]}]{p['label']}[/]  {scores}{same}")
            width = max(len(where(p["a"])), len(where(p["b"])))
            for side in ("a", "b"):
                loc = p[side]
                console.print(f"    {escape(where(loc)).ljust(width)}  [dim]{loc['kind']}[/]  {escape(excerpt(loc['text']))}")
            for change in p.get("changes", []):
                console.print(f"    [dim]{describe_change(change)}[/]")
        console.print()
    first = result.get("first_ran", [])
    if first:
        console.print("[bold]First ran[/] (earliest article first: date from front matter, file name, or file time)")
        for e in first:
            console.print(f"  [{_STYLE[e['label']]}]{e['label']}[/], {e['articles']} articles: “{escape(excerpt(e['text']))}”")
            for n, loc in enumerate([e["first"], *e["copies"]]):
                when = f"{loc['date']}, {loc['date_source']}" if loc["date"] else "no date"
                head = "first" if n == 0 else "then "
                changes = loc.get("changes") or []
                what = "; ".join(describe_change(c) for c in changes) if changes else ("word for word" if n else "")
                console.print(f"    {head} {escape(where(loc))}  [dim]({when})[/]{'  ' + what if what else ''}")
        console.print()
    s = result["summary"]
    counts = ", ".join(f"{n} {label}" for label, n in s["by_label"].items() if n)
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    console.print(f"{files}, {s['passages']} passages: {counts or 'nothing shared'}.")
