"""Mining articles for glossary additions (`provenance glossary suggest`).

The unlisted names of the articles (runs of capitalized words with two words
or more) are clustered with the matcher, on the same strong evidence as the
checks: same number of words, one word identical, at least one a person's
name, the matcher agreeing. A cluster that matches a glossary entry proposes
its new spellings as variants of that entry; any other cluster of people
mentioned at least ``min_count`` times proposes a new entry, its most frequent
spelling canonical and the others deprecated transliterations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.names.glossary import Entry, Glossary


@dataclass
class Seen:
    form: str
    count: int = 0
    files: set[str] = field(default_factory=set)
    context: str = ""
    person: bool = False


@dataclass
class Proposal:
    action: str  # "entry" or "variant"
    entry_id: str
    canonical: str
    forms: list[Seen]  # for "entry": the canonical first; for "variant": the new spellings
    type: str = "person"

    @property
    def count(self) -> int:
        return sum(s.count for s in self.forms)


def _context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    lo, hi = max(left, start - width), min(right, end + width)
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > left else "") + snippet + ("…" if hi < right else "")


def collect(paths: list[tuple[str, Path]], glossary: "Glossary") -> tuple[dict[str, Seen], int, list[str]]:
    """Unlisted full names of the files: form -> Seen; the number of files read; problems."""
    from provenance.document import Document, InputError
    from provenance.names.mentions import detect

    seen: dict[str, Seen] = {}
    problems: list[str] = []
    read = 0
    for display, path in paths:
        try:
            doc = Document.from_path(path)
        except InputError as exc:
            problems.append(f"{display}: {exc}")
            continue
        read += 1
        for m in detect(doc, glossary):
            if m.via != "name" or m.words < 2:
                continue
            s = seen.get(m.text)
            if s is None:
                s = seen[m.text] = Seen(m.text, context=_context(doc.text, m.start, m.end))
            s.count += 1
            s.files.add(display)
            s.person = s.person or m.type == "person"
    return seen, read, problems


def propose(seen: dict[str, Seen], glossary: "Glossary", min_count: int = 2) -> list[Proposal]:
    from provenance.names.analyzer import NamesAnalyzer, _cluster, _same_name
    from provenance.names.matcher import match

    texts = sorted(seen, key=lambda t: (-seen[t].count, t))
    typed = {t: ("person" if seen[t].person else None) for t in texts}
    groups = _cluster(texts, lambda a, b: _same_name(a, b, typed, glossary, match))
    finder = NamesAnalyzer.__new__(NamesAnalyzer)  # reuse its glossary matching without loading config
    finder.glossary, finder._person_index = glossary, None
    ids = set(glossary.by_id)
    out: list[Proposal] = []
    for group in groups:
        group.sort(key=lambda t: (-seen[t].count, t))
        hits = [finder._glossary_match(t) for t in group]
        entries = {h[0].id: h[0] for h in hits if h is not None}
        if len(entries) == 1:
            entry = next(iter(entries.values()))
            new = [seen[t] for t in group if entry.variant(t) is None and t != entry.canonical]
            if new:
                out.append(Proposal("variant", entry.id, entry.canonical, new, entry.type))
            continue
        if entries:
            continue  # spellings of several entries: leave it to a person
        total = sum(seen[t].count for t in group)
        if total < min_count or not any(seen[t].person for t in group):
            continue
        canonical = group[0]
        eid = _unique_id(_slug(canonical), ids)
        ids.add(eid)
        out.append(Proposal("entry", eid, canonical, [seen[t] for t in group]))
    out.sort(key=lambda p: (p.action != "variant", -p.count, p.entry_id))
    return out


def _slug(text: str) -> str:
    from provenance.names.tbx import _slug as slug

    return slug(text)


def _unique_id(base: str, ids: set[str]) -> str:
    eid, n = base, 2
    while eid in ids:
        eid, n = f"{base}-{n}", n + 1
    return eid


def to_entries(proposals: list[Proposal]) -> tuple[list["Entry"], list[tuple[str, "Entry"]]]:
    """New entries, and (entry id, variant-bearing entry) pairs for new variants."""
    from provenance.names.glossary import Entry, Variant

    new_entries, new_variants = [], []
    for p in proposals:
        variants = tuple(
            Variant(s.form, "deprecated", "transliteration", f"seen {s.count} time{'s' if s.count > 1 else ''}")
            for s in (p.forms[1:] if p.action == "entry" else p.forms)
        )
        e = Entry(p.entry_id, p.type, p.canonical, variants)
        (new_entries if p.action == "entry" else new_variants).append(e if p.action == "entry" else (p.entry_id, e))
    return new_entries, new_variants


def render_yaml(proposals: list[Proposal], files: int) -> str:
    """The proposals as a glossary fragment: `entries:` to paste into a glossary
    file, and `variants:` to add to entries it already has."""
    import io

    from ruamel.yaml import YAML

    from provenance.names.store import _commented

    entries, variants = to_entries(proposals)
    by_id = {p.entry_id: p for p in proposals}
    lines = [f"# Suggested by `provenance glossary suggest` from {files} file{'s' if files != 1 else ''}."]
    lines.append("# Review, then add with --apply --file GLOSSARY.yaml or paste into a glossary file.")
    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    if entries:
        lines.append("entries:")
        for e in entries:
            p = by_id[e.id]
            lines.append(f"  # {p.count} mention{'s' if p.count > 1 else ''} in {len(set().union(*(s.files for s in p.forms)))} file(s), e.g. “{p.forms[0].context}”")
            buf = io.StringIO()
            y.dump(_commented([e.to_dict()]), buf)
            lines += buf.getvalue().rstrip("\n").split("\n")
    if variants:
        lines.append("variants:")
        for eid, e in variants:
            p = by_id[eid]
            for v, s in zip(e.variants, p.forms):
                lines.append(f"  # new spelling of {p.canonical}: {s.count} mention{'s' if s.count > 1 else ''}, e.g. “{s.context}”")
                item = {"entry": eid, "form": v.form, "status": v.status, "kind": v.kind}
                buf = io.StringIO()
                y.dump(_commented([item]), buf)
                lines += buf.getvalue().rstrip("\n").split("\n")
    if not entries and not variants:
        lines.append("entries: []  # nothing to suggest")
    return "\n".join(lines) + "\n"


def render_table(proposals: list[Proposal]) -> str:
    rows = [("action", "id", "form", "count", "files", "example")]
    for p in proposals:
        for i, s in enumerate(p.forms):
            if p.action == "entry":
                action = "new entry" if i == 0 else "  variant"
            else:
                action = "new variant"
            rows.append((action, p.entry_id, s.form, str(s.count), str(len(s.files)), _clip(s.context, 60)))
    if len(rows) == 1:
        return "nothing to suggest\n"
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    out = []
    for r in rows:
        out.append("  ".join(r[i].ljust(widths[i]) for i in range(5)) + "  " + r[5])
    return "\n".join(line.rstrip() for line in out) + "\n"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["Proposal", "Seen", "collect", "propose", "render_table", "render_yaml", "to_entries"]
