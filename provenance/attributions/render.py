"""Text rendering of attribution chains: one indented tree per article."""

from __future__ import annotations

_SHOWN = 90  # characters of content shown before "…"


def _short(text: str, width: int = _SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _link(link: dict, attributions: list[dict]) -> str:
    out = f"{link['text']} [{link['kind']}]"
    extra = []
    if link["canonical"] and link["canonical"] != link["text"] and link["kind"] in ("person", "outlet") or (link["resolves_to"] is not None and link["canonical"]):
        extra.append(f"= {link['canonical']}")
    if link["resolves_to"] is not None:
        target = attributions[link["resolves_to"]] if 0 <= link["resolves_to"] < len(attributions) else None
        extra.append(f"→ #{link['resolves_to'] + 1}" + (f" (line {target['line']})" if target else ""))
    return out + (" (" + ", ".join(extra) + ")" if extra else "")


def render_file(file_report, lines: list[str]) -> None:
    """Append the tree of one file report to lines."""
    atts = file_report.attributions
    lines.append(file_report.path)
    credits = file_report.credits or {}
    footer = credits.get("footer") or []
    lines.append(f"  article credit: {' + '.join(footer) if footer else '(none)'}")
    for b in credits.get("bylines") or []:
        lines.append(f"  byline, line {b['line']}: {' + '.join(n['text'] for n in b['names'])}")
    for t in credits.get("translation") or []:
        what = [f"by {t['translator']['text']}"] * bool(t["translator"]) + [f"from {t['source']['text']}"] * bool(t["source"])
        lines.append(f"  translation credit, line {t['line']}: translated {' '.join(what)}")
    for cap in credits.get("captions") or []:
        if cap.get("credit"):
            lines.append(f"  photo credit, line {cap['line']}: {cap['credit']}")
    for i, a in enumerate(atts):
        lines.append(f"  #{i + 1} line {a['line']}, “{a['cue']['text']}”, {a['quote']} quote")
        for depth, link in enumerate(a["chain"]):
            lines.append("    " + "  " * depth + "└ " + _link(link, atts))
        if a["content"]:
            shown = _short(a["content"]["text"])
            if shown[:1] not in "\"“«'‘":
                shown = "“" + shown + "”"
            lines.append("    " + "  " * len(a["chain"]) + shown)
    s = file_report.extra.get("sourcing")
    if s:
        kinds = ", ".join(f"{k} {v}" for k, v in s["by_kind"].items() if v) or "none"
        lines.append(f"  sourcing: {s['attributions']} attributions in {s['attributed_sentences']} sentences; innermost sources: {kinds}")
        lines.append(f"    anonymous share: {round(s['anonymous_share'] * 100)}% of attributed sentences")
        if s["outlets"]:
            lines.append("    outlets: " + ", ".join(f"{o['name']} ({o['links']})" for o in s["outlets"]))
        for a in s["anonymous"]:
            lines.append(f"    unnamed, line {a['line']}: {a['descriptor']}" + (f" — {a['reason']}" if a["reason"] else ""))
        if s["unattributed_claims"]:
            shown = ", ".join(f"{c['line']} ({'+'.join(c['signals'])})" for c in s["unattributed_claims"])
            lines.append(f"    claims without attribution, lines: {shown}")
    lines.append("")


def render(report) -> str:
    lines: list[str] = []
    for f in report.files:
        if f.error is not None:
            continue
        render_file(f, lines)
    return "\n".join(lines)
