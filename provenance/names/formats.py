"""Glossary exchange formats besides TBX: CSV (import and export) and a Vale
substitution rule (export).

CSV has one row per written form, with the columns

    id,type,form,status,kind,lang,note

``status`` is canonical, admitted, deprecated or forbidden for English forms,
and ``source`` for an original-language form (with ``lang``). The first row
of an id gives its type; its canonical row gives the canonical form.
"""

from __future__ import annotations

import csv
import io

from provenance.names.glossary import STATUSES, TYPES, Entry, Problem, SourceForm, Variant, _ID

CSV_COLUMNS = ("id", "type", "form", "status", "kind", "lang", "note")


def export_csv(entries: list[Entry]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        w.writerow([e.id, e.type, e.canonical, "canonical", "", "en", e.notes or ""])
        for v in e.variants:
            w.writerow([e.id, e.type, v.form, v.status, v.kind or "", "en", v.note or ""])
        for s in e.source_forms:
            w.writerow([e.id, e.type, s.form, "source", "", s.lang, s.note or ""])
    return out.getvalue()


def import_csv(data: bytes, shown: str) -> tuple[list[Entry], list[Problem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Problem(shown, data[: exc.start].count(b"\n") + 1, "not UTF-8 text")]
    reader = csv.reader(io.StringIO(text))
    problems: list[Problem] = []
    try:
        header = next(reader)
    except StopIteration:
        return [], [Problem(shown, None, "empty CSV file")]
    except csv.Error as exc:
        return [], [Problem(shown, 1, f"invalid CSV ({exc})")]
    cols = [h.strip().lower() for h in header]
    missing = [c for c in ("id", "form", "status") if c not in cols]
    if missing:
        return [], [Problem(shown, 1, f"CSV header lacks {', '.join(missing)} (columns: {','.join(CSV_COLUMNS)})")]
    rows: dict[str, list[tuple[int, dict[str, str]]]] = {}
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            line = reader.line_num
            record = {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(cols)}
            if not _ID.match(record["id"]):
                problems.append(Problem(shown, line, f"id {record['id']!r} must be a lower-case slug"))
                continue
            status = record["status"].lower()
            if status not in (*STATUSES, "canonical", "source"):
                problems.append(Problem(shown, line, f"status {record['status']!r} is not canonical, admitted, deprecated, forbidden or source"))
                continue
            rows.setdefault(record["id"], []).append((line, record))
    except csv.Error as exc:
        return [], [Problem(shown, reader.line_num, f"invalid CSV ({exc})")]
    entries = []
    for eid, items in rows.items():
        first_line = items[0][0]
        etype = items[0][1].get("type", "").lower() or "term"
        if etype not in TYPES:
            problems.append(Problem(shown, first_line, f"entry {eid}: type {etype!r} is not one of {', '.join(TYPES)}"))
            continue
        canon = [(ln, r) for ln, r in items if r["status"].lower() == "canonical"]
        if len(canon) != 1:
            problems.append(Problem(shown, first_line, f"entry {eid}: needs exactly one row with status canonical (has {len(canon)})"))
            continue
        variants, sources = [], []
        for ln, r in items:
            status = r["status"].lower()
            if status == "source":
                if not r.get("lang"):
                    problems.append(Problem(shown, ln, f"entry {eid}: a source form needs lang"))
                    continue
                sources.append(SourceForm(r["form"], r["lang"], r.get("note") or None))
            elif status != "canonical":
                variants.append(Variant(r["form"], status, r.get("kind") or None, r.get("note") or None))
        entries.append(
            Entry(eid, etype, canon[0][1]["form"], tuple(variants), tuple(sources), notes=canon[0][1].get("note") or None, file=shown, line=first_line)
        )
    return entries, problems




def _vale_escape(form: str) -> str:
    """Vale swap keys are regular expressions (Go RE2): escape what would be read as syntax."""
    return "".join("\\" + c if c in ".^$*+?()[]{}|\\" else c for c in form)


def export_vale(entries: list[Entry], level: str = "warning") -> str:
    """A Vale substitution rule: each deprecated or forbidden form -> the canonical form."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    swap = CommentedMap()
    for e in entries:
        for v in e.variants:
            if v.status in ("deprecated", "forbidden"):
                swap[_vale_escape(v.form)] = e.canonical
    rule = CommentedMap()
    rule["extends"] = "substitution"
    rule["message"] = "Use '%s' instead of '%s' (name glossary)."
    rule["level"] = level
    rule["ignorecase"] = False
    rule["action"] = {"name": "replace"}
    rule["swap"] = swap
    y = YAML()
    y.width = 4096
    out = io.StringIO()
    out.write("# Generated by `provenance glossary export --format vale`: deprecated and forbidden\n")
    out.write("# forms of the name glossary and their canonical forms. Edit the glossary, not this file.\n")
    y.dump(rule, out)
    return out.getvalue()
