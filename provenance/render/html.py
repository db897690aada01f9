"""`check --format html`: one self-contained page for the whole run.

Each article is shown with its findings highlighted in place (exact offsets;
overlapping findings split the text into pieces, each piece carrying the ids
of every finding that covers it), the findings listed beside it, and on click
the finding with its rule's documentation. Filters by severity and category,
names with their glossary status, the attribution tree and sourcing profile,
and reuse links between the articles of the run.

The page fetches nothing: inline CSS and script only (``html_assets``), and a
Content-Security-Policy that forbids every request. Every string from the
report (article text, paths, messages, names) is HTML-escaped; the script
never parses HTML. The renderer reads only the report and its texts
(``report.texts``, kept by ``check`` for this format). Same report, same
bytes: no timestamps, fixed order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Iterator

from provenance.render.html_assets import CSS, JS
from provenance.report import Finding, Report

SEVERITIES = ("error", "warning", "info")
_RANK = {"info": 1, "warning": 2, "error": 3}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def e(value) -> str:
    """Escaped text for element content and double-quoted attributes."""
    return escape("" if value is None else str(value), quote=True)


def _t(text: str) -> str:
    """Escaped article text: a carriage return as a character reference (the
    HTML parser turns a literal one into a line feed, and the highlighted text
    must stay the reported text)."""
    return escape(text, quote=False).replace("\r", "&#13;")


def render(report: Report, texts: dict[str, str] | None = None) -> str:
    return "".join(iter_render(report, texts))


def iter_render(report: Report, texts: dict[str, str] | None = None) -> Iterator[str]:
    """The page in pieces (one article at a time), for ``write_chunks``."""
    texts = report.texts if texts is None else texts
    summary = report.summary()
    anchors = {f.path: f"file-{i + 1}" for i, f in enumerate(report.files)}
    yield _head(report, summary)
    yield _toc(report, anchors)
    next_id = 0
    used_rules: set[str] = set()
    for i, f in enumerate(report.files):
        findings = sorted(f.findings, key=Finding.sort_key)
        ids = list(range(next_id, next_id + len(findings)))
        next_id += len(findings)
        used_rules.update(x.rule for x in findings)
        yield _article(f, anchors[f.path], findings, ids, texts.get(f.path), anchors)
    yield _across(report, anchors)
    yield _rules(report, used_rules)
    yield _tail()


# -- page frame ------------------------------------------------------------------


def _head(report: Report, summary: dict) -> str:
    sev = summary["by_severity"]
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>provenance report: {summary['checked']} file{'s' * (summary['checked'] != 1)}, {summary['findings']} findings</title>\n",
        f"<style>{CSS}</style>\n</head>\n<body>\n",
        '<header class="top">\n',
        f"<h1>provenance report: {summary['checked']} file{'s' * (summary['checked'] != 1)} checked, "
        f"{summary['words']:,} words, {summary['findings']} findings "
        f"(<span id=\"shown\">{summary['findings']}</span> shown)</h1>\n",
        f'<div class="sig">{e(report.signature)}</div>\n',
        '<form class="filters" onsubmit="return false">\n<fieldset><legend>Severity</legend>\n',
    ]
    for s in SEVERITIES:
        out.append(
            f'<label class="s-{s}"><input type="checkbox" data-kind="sev" value="{s}" checked> '
            f'<span class="sev">{s}</span> <span class="count">({sev[s]})</span></label>\n'
        )
    out.append("</fieldset>\n<fieldset><legend>Category</legend>\n")
    for cat, n in summary["by_category"].items():
        out.append(f'<label><input type="checkbox" data-kind="cat" value="{e(cat)}" checked> {e(cat)} <span class="count">({n})</span></label>\n')
    if summary["by_category"]:
        out.append('<button type="button" data-all="cat" data-on="1">all</button> <button type="button" data-all="cat" data-on="0">none</button>\n')
    out.append("</fieldset>\n</form>\n</header>\n<main>\n")
    if summary["errors"]:
        out.append(f'<p class="error-box">{summary["errors"]} file{"s" * (summary["errors"] != 1)} could not be checked.</p>\n')
    return "".join(out)


def _toc(report: Report, anchors: dict[str, str]) -> str:
    if not report.files:
        return "<p>No files were checked.</p>\n"
    out = ['<table class="toc">\n<thead><tr><th>article</th><th>words</th><th>error</th><th>warning</th><th>info</th><th>names</th><th>attributions</th></tr></thead>\n<tbody>\n']
    for f in report.files:
        link = f'<a href="#{anchors[f.path]}">{e(f.path)}</a>'
        if f.error is not None:
            out.append(f'<tr><td>{link}</td><td colspan="6" class="error-box">{e(f.error)}</td></tr>\n')
            continue
        c = Counter(x.severity for x in f.findings)
        cells = "".join(f'<td class="n">{v}</td>' for v in (f"{f.words:,}", c["error"], c["warning"], c["info"], len(f.names), len(f.attributions)))
        out.append(f"<tr><td>{link}</td>{cells}</tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _tail() -> str:
    return (
        '</main>\n<aside id="detail" hidden aria-live="polite"><button type="button" class="close" aria-label="close">\u00d7</button>'
        '<div id="detail-body"></div></aside>\n'
        f"<script>{JS}</script>\n</body>\n</html>\n"
    )


# -- one article -----------------------------------------------------------------


def _article(f, anchor: str, findings: list[Finding], ids: list[int], text: str | None, anchors: dict[str, str]) -> str:
    out = [f'<section class="article" id="{anchor}" data-path="{e(f.path)}" data-findings="{len(findings)}">\n<h2>{e(f.path)}</h2>\n']
    if f.error is not None:
        out.append(f'<p class="error-box">could not be checked: {e(f.error)}</p>\n</section>\n')
        return "".join(out)
    c = Counter(x.severity for x in findings)
    lang = (f.language or {}).get("code")
    out.append(
        f'<p class="meta">{f.words:,} words · {_n(len(findings), "finding")} (<span class="shown-here">{len(findings)}</span> shown): '
        + ", ".join(f'<span class="sev s-{s}">{c[s]} {s}</span>' for s in SEVERITIES)
        + (f" · language {e(lang)}" if lang else "")
        + (f" · encoding {e(f.encoding)}" if f.encoding else "")
        + "</p>\n"
    )
    for note in f.notes:
        out.append(f'<p class="meta">note: {e(note)}</p>\n')
    out.append('<div class="cols">\n<div>\n')
    if text is None:
        out.append('<p class="meta">(the article text is not in this report)</p>\n')
    else:
        out.append(f'<pre class="text">\n{highlight(text, findings, ids)}</pre>\n')  # the parser drops a newline right after <pre>: this one, not the article's
    out.append("</div>\n<div>\n")
    out.append(_finding_list(findings, ids))
    out.append("</div>\n</div>\n")
    out.append(_names(f.names))
    out.append(_attributions(f))
    out.append(_reuse(f, anchors))
    out.append("</section>\n")
    return "".join(out)


def highlight(text: str, findings: list[Finding], ids: list[int]) -> str:
    """The escaped text with each finding's span in ``<mark>`` pieces.

    Overlapping spans cannot nest, so the text is cut at every start and end:
    each piece lists (``data-f``) the ids of all findings covering it, and the
    pieces of one finding, in order, spell exactly ``text[start:end]``. A
    finding with an empty span is an empty mark at its offset."""
    n = len(text)
    bounds = {0, n}
    zero: dict[int, list] = defaultdict(list)
    spans = []
    for fid, x in zip(ids, findings):
        start, end = max(0, min(x.start, n)), max(0, min(x.end, n))
        if end <= start:
            zero[start].append((fid, x))
            continue
        spans.append((start, end, fid, x))
        bounds.update((start, end))
    bounds.update(zero)
    cuts = sorted(bounds)
    starting: dict[int, list] = defaultdict(list)
    for s in spans:
        starting[s[0]].append(s)
    active: dict[int, tuple] = {}
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for fid, x in zero.get(a, ()):
            out.append(f'<mark class="hl zero s-{x.severity}" data-f="{fid}" title="{e(f"{x.rule} {x.severity}: {x.message}")}" tabindex="0"></mark>')
        for s in starting.get(a, ()):
            active[s[2]] = s
        for fid in [k for k, s in active.items() if s[1] <= a]:
            del active[fid]
        if b is None:
            break
        piece = _t(text[a:b])
        if not active:
            out.append(piece)
            continue
        covering = sorted(active)
        best = max(_RANK[active[k][3].severity] for k in covering)
        sev = next(s for s in SEVERITIES if _RANK[s] == best)
        title = "\n".join(f"{active[k][3].rule} {active[k][3].severity}: {active[k][3].message}" for k in covering)
        multi = " multi" if len(covering) > 1 else ""
        out.append(f'<mark class="hl s-{sev}{multi}" data-f="{" ".join(map(str, covering))}" title="{e(title)}" tabindex="0">{piece}</mark>')
    return "".join(out)


def _finding_list(findings: list[Finding], ids: list[int]) -> str:
    if not findings:
        return '<p class="meta">No findings.</p>\n'
    out = ['<ol class="findings">\n']
    for fid, x in zip(ids, findings):
        if x.suggestion is None:
            sugg = ""
        elif x.suggestion == "":
            sugg = '<div class="sugg">suggestion: delete it</div>'
        else:
            sugg = f'<div class="sugg">suggestion: <span class="quote">{e(x.suggestion)}</span></div>'
        out.append(
            f'<li class="finding s-{x.severity}" data-f="{fid}" data-sev="{x.severity}" data-cat="{e(x.category)}" data-rule="{e(x.rule)}" '
            f'data-start="{x.start}" data-end="{x.end}">'
            f'<span class="sev">{x.severity}</span> <a class="code" href="#rule-{e(x.rule)}">{e(x.rule)}</a> '
            f'<span class="meta">{e(x.slug)}{" · " + e(x.category) if x.category != x.slug else ""} · line {x.line}:{x.column}</span>'
            f'<div><span class="quote">{e(x.text)}</span></div><div>{e(x.message)}</div>{sugg}</li>\n'
        )
    out.append("</ol>\n")
    return "".join(out)


def _names(names: list[dict]) -> str:
    if not names:
        return ""
    groups: dict[tuple, dict] = {}
    for n in names:
        key = (n.get("entry") or n["text"], n.get("status"))
        g = groups.setdefault(key, {"canonical": n.get("canonical") or n["text"], "type": n.get("type"), "status": n.get("status"), "forms": Counter(), "lines": []})
        g["forms"][n["text"]] += 1
        if n["line"] not in g["lines"]:
            g["lines"].append(n["line"])
    order = {"forbidden": 0, "deprecated": 1, "variant": 2, "admitted": 3}
    rows = sorted(groups.values(), key=lambda g: (order.get(g["status"], 4), g["canonical"].casefold(), g["canonical"]))
    c = Counter(g["status"] for g in rows)
    out = [f'<details class="names"><summary>Names: {len(rows)} ({", ".join(f"{n} {e(s)}" for s, n in sorted(c.items()))})</summary>\n']
    out.append("<table>\n<thead><tr><th>name</th><th>type</th><th>glossary status</th><th>as written</th><th>lines</th></tr></thead>\n<tbody>\n")
    for g in rows:
        forms = ", ".join(f"{e(t)}" + (f" ×{k}" if k > 1 else "") for t, k in sorted(g["forms"].items()))
        lines = ", ".join(map(str, g["lines"]))
        out.append(
            f'<tr><td>{e(g["canonical"])}</td><td>{e(g["type"])}</td><td class="st-{e(g["status"])}">{e(g["status"])}</td>'
            f"<td>{forms}</td><td>{lines}</td></tr>\n"
        )
    out.append("</tbody>\n</table>\n</details>\n")
    return "".join(out)


def _link(link: dict, atts: list[dict]) -> str:
    kind = link.get("kind") or "unspecified"
    out = f'{e(link["text"])} <span class="kind k-{e(kind)}">{e(kind)}</span>'
    canonical = link.get("canonical")
    if canonical and canonical != link["text"]:
        out += f' = {e(canonical)}'
    target = link.get("resolves_to")
    if target is not None:
        line = atts[target]["line"] if 0 <= target < len(atts) else None
        out += f" → #{target + 1}" + (f" (line {line})" if line is not None else "")
    return out


def _attributions(f) -> str:
    atts = list(f.attributions)  # a file checked in windows holds them on disk (records.Records)
    credits = f.credits or {}
    sourcing = f.extra.get("sourcing")
    if not atts and not sourcing and not any(credits.values()):
        return ""
    out = [f'<details class="attributions"><summary>Attribution: {_n(len(atts), "attribution")}</summary>\n<ul class="tree">\n']
    footer = credits.get("footer") or []
    out.append(f"<li>article credit: {e(' + '.join(footer)) if footer else '(none)'}</li>\n")
    for b in credits.get("bylines") or []:
        out.append(f"<li>byline, line {b['line']}: {e(' + '.join(n['text'] for n in b.get('names') or []))}</li>\n")
    for t in credits.get("translation") or []:
        what = [f"by {t['translator']['text']}"] * bool(t.get("translator")) + [f"from {t['source']['text']}"] * bool(t.get("source"))
        out.append(f"<li>translation credit, line {t['line']}: translated {e(' '.join(what))}</li>\n")
    for cap in credits.get("captions") or []:
        if cap.get("credit"):
            out.append(f"<li>photo credit, line {cap['line']}: {e(cap['credit'])}</li>\n")
    for i, a in enumerate(atts):
        out.append(f'<li>#{i + 1} line {a["line"]}, <span class="quote">{e(a["cue"]["text"])}</span>, {e(a["quote"])} quote')
        depth = 0
        for link in a["chain"]:
            out.append(f"<ul><li>{_link(link, atts)}")
            depth += 1
        if a.get("content"):
            out.append(f'<ul><li><span class="quote">{e(a["content"]["text"])}</span></li></ul>')
        out.append("</li></ul>" * depth + "</li>\n")
    out.append("</ul>\n")
    if sourcing:
        out.append(_sourcing(sourcing))
    out.append("</details>\n")
    return "".join(out)


def _sourcing(s: dict) -> str:
    out = ['<table class="sourcing">\n<tbody>\n']
    out.append(f'<tr><th>attributions</th><td>{s["attributions"]} in {s["attributed_sentences"]} sentences</td></tr>\n')
    kinds = ", ".join(f"{e(k)} {v}" for k, v in s.get("by_kind", {}).items() if v) or "none"
    out.append(f"<tr><th>innermost sources</th><td>{kinds}</td></tr>\n")
    out.append(f'<tr><th>anonymous share</th><td>{round(s.get("anonymous_share", 0) * 100)}% of attributed sentences</td></tr>\n')
    if s.get("outlets"):
        out.append("<tr><th>outlets</th><td>" + ", ".join(f"{e(o['name'])} ({o['links']})" for o in s["outlets"]) + "</td></tr>\n")
    for a in s.get("anonymous") or []:
        reason = f" — {e(a['reason'])}" if a.get("reason") else ""
        out.append(f"<tr><th>unnamed, line {a['line']}</th><td>{e(a['descriptor'])}{reason}</td></tr>\n")
    if s.get("unattributed_claims"):
        shown = ", ".join(f"{c['line']} ({e('+'.join(c.get('signals') or []))})" for c in s["unattributed_claims"])
        out.append(f"<tr><th>claims without attribution</th><td>lines {shown}</td></tr>\n")
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _reuse(f, anchors: dict[str, str]) -> str:
    found = f.extra.get("reuse")
    if not found:
        return ""
    out = [f'<details class="reuse" open><summary>Reuse: {_n(len(found), "passage")} ran before</summary>\n<ul class="tree">\n']
    for r in found:
        first = r["first"]
        where = f"{e(first['path'])}, line {first['line']}"
        if first["path"] in anchors:
            where = f'<a href="#{anchors[first["path"]]}">{where}</a>'
        when = f", {e(first['date'])}" if first.get("date") else ""
        out.append(f"<li>line {r['line']}, {e(r['kind'])} ({e(r['match'])}, {e(r['label'])}): first ran in {where}{when}</li>\n")
    out.append("</ul>\n</details>\n")
    return "".join(out)


# -- across the run ----------------------------------------------------------------


def _across(report: Report, anchors: dict[str, str]) -> str:
    across = report.extra.get("names_across_files")
    if not across:
        return ""
    out = ['<section class="article" id="names-across"><h2>Names spelled differently across files</h2>\n<ul class="tree">\n']
    for item in across:
        forms = []
        for form in item.get("forms", []):
            files = ", ".join(f'<a href="#{anchors[p]}">{e(p)}</a>' if p in anchors else e(p) for p in form.get("files", []))
            forms.append(f'<li><span class="quote">{e(form.get("text"))}</span> in {files}</li>')
        out.append(f'<li>{e(item.get("canonical"))}<ul>{"".join(forms)}</ul></li>\n')
    out.append("</ul>\n</section>\n")
    return "".join(out)


def _rules(report: Report, used: set[str]) -> str:
    rules = [r for r in report.rules if r.code in used]
    if not rules:
        return ""
    out = ['<section class="rules"><h2>Rules in this report</h2>\n']
    for r in sorted(rules, key=lambda r: r.code):
        out.append(
            f'<div class="ruledoc" id="rule-{e(r.code)}"><p><b class="code">{e(r.code)}</b> {e(r.slug)} · {e(r.category)} · {e(r.mqm)} · '
            f'default <span class="sev s-{e(r.severity)}">{e(r.severity)}</span></p>'
            f"<p><b>{e(r.summary)}</b></p><p>{e(' '.join(r.description.split()))}</p>"
        )
        for ex in r.examples[:2]:
            bad, good = getattr(ex, "bad", None), getattr(ex, "good", None)
            if bad:
                out.append(f'<p class="ex ex-bad"><span class="quote">{e(bad)}</span></p>')
            if good:
                out.append(f'<p class="ex ex-good"><span class="quote">{e(good)}</span></p>')
        out.append("</div>\n")
    out.append("</section>\n")
    return "".join(out)
