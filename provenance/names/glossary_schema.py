"""Validating glossary entries (the schema of docs/glossary.md), split from ``glossary``.

``validate(data, shown)`` checks one parsed file and returns its entries and the
problems found, each with the path of keys to it (the caller turns paths into
line numbers); ``entry(item, path, bad)`` checks one entry. Source-language
forms are written either as a list (``source_forms: [{form, lang, note}]``) or
as a mapping from language to form(s) (``forms: {ar: …, fa: […, …], he: …}``);
both become ``Entry.source_forms``.
"""

from __future__ import annotations

from typing import Any

from provenance.names.glossary import (
    _ID,
    _LANG,
    _MAX_FORM,
    _REGEX_CHARS,
    ENTRY_FIELDS,
    FILE_FIELDS,
    KINDS,
    SOURCE_FORM_FIELDS,
    STATUSES,
    TYPES,
    VARIANT_FIELDS,
    Entry,
    SourceForm,
    Variant,
    _close,
    form_key,
)


def validate(data: Any, shown: str) -> tuple[list[Entry], list[tuple[tuple, str, str]]]:
    problems: list[tuple[tuple, str, str]] = []

    def bad(path: tuple, message: str, severity: str = "error") -> None:
        problems.append((path, message, severity))

    if isinstance(data, list):
        bad((), "a glossary file is a mapping with an 'entries' list, not a bare list")
        return [], problems
    if not isinstance(data, dict):
        bad((), "a glossary file is a mapping with an 'entries' list")
        return [], problems
    for key in data:
        if key not in FILE_FIELDS:
            bad((key,), f"unknown field '{key}' (a glossary file has: {', '.join(FILE_FIELDS)})")
    items = data.get("entries")
    if items is None or items == []:
        bad(("entries",) if "entries" in data else (), "empty glossary: no entries")
        return [], problems
    if not isinstance(items, list):
        bad(("entries",), "'entries' must be a list of entries")
        return [], problems
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        entry_ = entry(item, ("entries", i), bad)
        if entry_ is None:
            continue
        if entry_.id in seen:
            bad(("entries", i, "id"), f"duplicate id '{entry_.id}' (first defined in entry #{seen[entry_.id] + 1})")
            continue
        seen[entry_.id] = i
        entries.append(entry_)
    return entries, problems


def _text(value: Any, path: tuple, what: str, bad, *, form: bool = False) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        bad(path, f"{what} must be text")
        return None
    text = str(value)
    if not text.strip():
        bad(path, f"{what} is empty")
        return None
    if form:
        if text != text.strip() or "\n" in text or "  " in text:
            bad(path, f"{what} {text!r} has stray whitespace")
            return None
        if _REGEX_CHARS.search(text):
            ch = _REGEX_CHARS.search(text).group()
            bad(path, f"{what} {text!r} contains {ch!r}: forms are literal text, not patterns (write each spelling as its own variant)")
            return None
        if len(text) > _MAX_FORM:
            bad(path, f"{what} is longer than {_MAX_FORM} characters")
            return None
    return text


def _text_list(value: Any, path: tuple, what: str, bad, *, form: bool = False) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list):
        bad(path, f"{what} must be a list")
        return ()
    out = []
    for j, v in enumerate(value):
        t = _text(v, (*path, j), what, bad, form=form)
        if t is not None:
            out.append(t)
    return tuple(out)


def _unknown(item: dict, allowed: tuple[str, ...], path: tuple, what: str, bad) -> None:
    for key in item:
        if key not in allowed:
            hint = _close(str(key), allowed)
            bad((*path, key), f"unknown field '{key}' in {what}{hint} (allowed: {', '.join(allowed)})")


def entry(item: Any, path: tuple, bad) -> Entry | None:
    if not isinstance(item, dict):
        bad(path, "an entry must be a mapping (id, type, canonical, variants...)")
        return None
    _unknown(item, ENTRY_FIELDS, path, "an entry", bad)
    missing = [k for k in ("id", "type", "canonical") if k not in item]
    if missing:
        bad(path, f"entry {item.get('id', '#' + str(path[-1] + 1))!s}: missing {', '.join(missing)}")
        return None
    eid = item["id"]
    if not isinstance(eid, str) or not _ID.match(eid):
        bad((*path, "id"), f"id {eid!r} must be a lower-case slug (letters, digits, hyphens; starting with a letter)")
        return None
    etype = item["type"]
    if etype not in TYPES:
        bad((*path, "type"), f"entry {eid}: type {etype!r} is not one of {', '.join(TYPES)}{_close(str(etype), TYPES)}")
        return None
    canonical = _text(item["canonical"], (*path, "canonical"), f"entry {eid}: canonical", bad, form=True)
    if canonical is None:
        return None
    variants = []
    raw_variants = item.get("variants") or []
    if not isinstance(raw_variants, list):
        bad((*path, "variants"), f"entry {eid}: variants must be a list")
        raw_variants = []
    seen_forms = {form_key(canonical): "the canonical form"}
    for j, v in enumerate(raw_variants):
        vpath = (*path, "variants", j)
        if isinstance(v, str):
            bad(vpath, f"entry {eid}: a variant is a mapping with form and status (e.g. {{form: {v}, status: deprecated}})")
            continue
        if not isinstance(v, dict):
            bad(vpath, f"entry {eid}: a variant is a mapping with form and status")
            continue
        _unknown(v, VARIANT_FIELDS, vpath, f"a variant of {eid}", bad)
        if "form" not in v or "status" not in v:
            bad(vpath, f"entry {eid}: a variant needs form and status")
            continue
        form = _text(v["form"], (*vpath, "form"), f"entry {eid}: variant", bad, form=True)
        if form is None:
            continue
        status = v["status"]
        if status not in STATUSES:
            bad((*vpath, "status"), f"entry {eid}: status {status!r} is not one of {', '.join(STATUSES)}{_close(str(status), STATUSES)}")
            continue
        kind = v.get("kind")
        if kind is not None and kind not in KINDS:
            bad((*vpath, "kind"), f"entry {eid}: kind {kind!r} is not one of {', '.join(KINDS)}{_close(str(kind), KINDS)}")
            continue
        note = v.get("note")
        if note is not None:
            note = _text(note, (*vpath, "note"), f"entry {eid}: note", bad)
        key = form_key(form)
        if key in seen_forms:
            what = seen_forms[key]
            if what == "the canonical form":
                bad((*vpath, "form"), f"entry {eid}: variant {form!r} is the same as the canonical form")
            else:
                bad((*vpath, "form"), f"entry {eid}: variant {form!r} is listed twice")
            continue
        seen_forms[key] = "a variant"
        variants.append(Variant(form, status, kind, note))
    source_forms = []
    raw_sources = item.get("source_forms") or []
    if not isinstance(raw_sources, list):
        bad((*path, "source_forms"), f"entry {eid}: source_forms must be a list")
        raw_sources = []
    for j, s in enumerate(raw_sources):
        spath = (*path, "source_forms", j)
        if not isinstance(s, dict):
            bad(spath, f"entry {eid}: a source form is a mapping with form and lang")
            continue
        _unknown(s, SOURCE_FORM_FIELDS, spath, f"a source form of {eid}", bad)
        if "form" not in s or "lang" not in s:
            bad(spath, f"entry {eid}: a source form needs form and lang")
            continue
        form = _text(s["form"], (*spath, "form"), f"entry {eid}: source form", bad, form=True)
        lang = s["lang"]
        if not isinstance(lang, str) or not _LANG.match(lang):
            bad((*spath, "lang"), f"entry {eid}: lang {lang!r} is not a language tag such as ar or ar-EG")
            continue
        if form is not None:
            note = s.get("note")
            source_forms.append(SourceForm(form, lang, str(note) if note is not None else None))
    source_forms.extend(_forms_mapping(item.get("forms"), (*path, "forms"), eid, bad))
    seen_sources: set[tuple[str, str]] = set()
    for sf in source_forms:
        key = (sf.lang.lower(), form_key(sf.form))
        if key in seen_sources:
            where = ("forms", sf.lang) if item.get("forms") and sf.lang in item["forms"] else ("source_forms",)
            bad((*path, *where), f"entry {eid}: source form {sf.form!r} ({sf.lang}) is listed twice")
        seen_sources.add(key)
    context = _text_list(item.get("context_required"), (*path, "context_required"), f"entry {eid}: context_required form", bad, form=True)
    never = _text_list(item.get("never_merge_with"), (*path, "never_merge_with"), f"entry {eid}: never_merge_with id", bad)
    for j, other in enumerate(never):
        if other == eid:
            bad((*path, "never_merge_with", j), f"entry {eid}: never_merge_with names the entry itself")
    notes = item.get("notes")
    if notes is not None:
        notes = _text(notes, (*path, "notes"), f"entry {eid}: notes", bad)
    sources = _text_list(item.get("sources"), (*path, "sources"), f"entry {eid}: source", bad)
    return Entry(
        id=eid,
        type=etype,
        canonical=canonical,
        variants=tuple(variants),
        source_forms=tuple(source_forms),
        context_required=context,
        never_merge_with=tuple(o for o in never if o != eid),
        notes=notes,
        sources=sources,
    )


def _forms_mapping(value: Any, path: tuple, eid: str, bad) -> list[SourceForm]:
    """``forms: {ar: محمد بن سلمان, fa: [..., ...]}``: language tag -> one form or a list of forms."""
    if value is None:
        return []
    if not isinstance(value, dict):
        bad(path, f"entry {eid}: forms is a mapping from language to form(s), e.g. {{ar: ..., he: ...}}")
        return []
    out = []
    for lang, forms in value.items():
        if not isinstance(lang, str) or not _LANG.match(lang):
            bad((*path, lang), f"entry {eid}: forms key {lang!r} is not a language tag such as ar, fa, he or ar-EG")
            continue
        if lang.lower().startswith("en") and (len(lang) == 2 or lang[2] == "-"):
            bad((*path, lang), f"entry {eid}: English forms are the canonical form and variants, not forms.{lang}")
            continue
        for form in _text_list(forms, (*path, lang), f"entry {eid}: {lang} form", bad, form=True):
            out.append(SourceForm(form, lang))
    return out
