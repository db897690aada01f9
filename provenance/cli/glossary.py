"""`provenance glossary list|show|add|remove|lint|suggest|import|export`"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_ERROR, EXIT_FINDINGS, fail, load_config, text_output, vet_edit_target, vet_glossaries, warn, write_output

glossary_app = typer.Typer(
    name="glossary",
    help="Maintain the name glossary: list, show, add, remove, lint, suggest, import, export.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app)

_CONFIG = typer.Option("--config", help="Use this configuration file.")
_ISOLATED = typer.Option("--isolated", help="Ignore configuration files (the default glossary only).")
_GLOSSARY = typer.Option("--glossary", help="Also use this glossary file (repeatable).")


class ListFormat(str, Enum):
    text = "text"
    json = "json"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"
    yaml = "yaml"


class SuggestFormat(str, Enum):
    table = "table"
    yaml = "yaml"


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    vale = "vale"


class ImportFormat(str, Enum):
    auto = "auto"
    tbx = "tbx"
    csv = "csv"


def _load(config_file, isolated, extra, *, strict: bool = True, editing: Path | None = None):
    """The glossary in use. ``editing``: the file an edit goes to; while it is missing or
    holds no entries yet it is left out (a new desk glossary starts that way)."""
    from provenance.cli.names import load_glossary

    if strict and (editing is None or _has_entries(editing)):
        return load_glossary(config_file, isolated, extra)
    from provenance.config import ConfigError
    from provenance.names.glossary import load_for_config

    config = load_config(config_file, isolated)
    config.glossaries += [str(p.absolute()) for p in extra or []]
    if editing is not None and not _has_entries(editing):
        skip = editing.resolve()
        config.glossaries = [g for g in config.glossaries if config.resolve(g).resolve() != skip]
    vet_glossaries(config)
    try:
        return load_for_config(config, strict=strict)
    except ConfigError as exc:
        fail(str(exc))


def _has_entries(path: Path) -> bool:
    """Whether an edit target already holds entries (a missing or empty file does not)."""
    from provenance.names.glossary import parse

    if not path.is_file():
        return False
    try:
        entries, _ = parse(path.read_bytes(), str(path))
    except Exception:  # a broken file: the strict load reports it with its line
        return True
    return bool(entries)


def _target(file: Path | None, config_file, isolated) -> Path:
    """The file an edit goes to: --file, else the first glossary of the configuration."""
    if file is not None:
        vet_edit_target(file)
        return file
    config = load_config(config_file, isolated)
    if config.glossaries:
        from provenance.names.glossary import expand

        first = expand([config.resolve(config.glossaries[0])])
        if first:
            vet_edit_target(first[0])
            return first[0]
    fail("give --file GLOSSARY.yaml (or configure glossaries = [...]): the default glossary is not edited in place")


# -- list / show ------------------------------------------------------------------------------


@glossary_app.command("list")
def list_command(
    type: Annotated[Optional[str], typer.Option("--type", help="Only entries of this type (person, organization, outlet, place, title, term).")] = None,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    glossary: Annotated[Optional[list[Path]], _GLOSSARY] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """List the entries of the glossary in use (default + configured + --glossary)."""
    from provenance.names.glossary import TYPES

    if type is not None and type not in TYPES:
        fail(f"--type must be one of {', '.join(TYPES)}")
    g = _load(config_file, isolated, glossary)
    entries = [e for e in g.entries if type is None or e.type == type]
    if format is ListFormat.json:
        data = [{"id": e.id, "type": e.type, "canonical": e.canonical, "variants": len(e.variants), "file": e.file} for e in entries]
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    width = max((len(e.id) for e in entries), default=2)
    lines = [f"{e.id:<{width}}  {e.type:<12}  {e.canonical}" + (f"  (+{len(e.variants)})" if e.variants else "") for e in entries]
    lines.append(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'} ({g.signature()})")
    write_output(text_output("\n".join(lines) + "\n"), None)


@glossary_app.command("show")
def show_command(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id.", show_default=False)],
    format: Annotated[ShowFormat, typer.Option("--format", "-f")] = ShowFormat.text,
    glossary: Annotated[Optional[list[Path]], _GLOSSARY] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Show one entry with all its forms."""
    g = _load(config_file, isolated, glossary)
    e = g.by_id.get(entry_id)
    if e is None:
        from provenance.names.glossary import _close

        fail(f"no entry '{entry_id}'{_close(entry_id, g.by_id)}")
    if format is ShowFormat.json:
        write_output(json.dumps({**e.to_dict(), "file": e.file}, ensure_ascii=False, indent=2) + "\n", None)
        return
    if format is ShowFormat.yaml:
        import io

        from ruamel.yaml import YAML

        from provenance.names.store import _commented

        y = YAML()
        y.indent(mapping=2, sequence=4, offset=2)
        y.width = 4096
        buf = io.StringIO()
        y.dump(_commented([e.to_dict()]), buf)
        write_output(buf.getvalue(), None)
        return
    lines = [f"{e.id} ({e.type})  {e.file}", f"  canonical   {e.canonical}"]
    for v in e.variants:
        extra = ", ".join(x for x in (v.kind, v.note) if x)
        lines.append(f"  {v.status:<11} {v.form}" + (f"  ({extra})" if extra else ""))
    for s in e.source_forms:
        lines.append(f"  source {s.lang:<4} {s.form}")
    if e.context_required:
        lines.append(f"  after a full form: {', '.join(e.context_required)}")
    if e.never_merge_with:
        lines.append(f"  never merge with: {', '.join(e.never_merge_with)}")
    if e.notes:
        lines.append(f"  notes: {e.notes}")
    for s in e.sources:
        lines.append(f"  source: {s}")
    write_output(text_output("\n".join(lines) + "\n"), None)


# -- add / remove -------------------------------------------------------------------------------


@glossary_app.command("add")
def add_command(
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id (a lower-case slug). A new id creates an entry; an existing one gets the variant.", show_default=False)],
    canonical: Annotated[Optional[str], typer.Option("--canonical", help="New entry: its preferred English form.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="New entry: person, organization, outlet, place, title or term.")] = None,
    variant: Annotated[Optional[list[str]], typer.Option("--variant", help="A variant form (repeatable); --status, --kind and --note apply to each.")] = None,
    status: Annotated[str, typer.Option("--status", help="Variant status: admitted, deprecated or forbidden.")] = "deprecated",
    kind: Annotated[Optional[str], typer.Option("--kind", help="Variant kind: nickname, transliteration, misspelling, mt-artifact, short-form.")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Variant note.")] = None,
    source_form: Annotated[Optional[list[str]], typer.Option("--source-form", help="An original-language form (repeatable), with --lang.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of --source-form.")] = "ar",
    notes: Annotated[Optional[str], typer.Option("--notes", help="New entry: notes.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="The glossary file to write (created if missing) [default: the first configured glossary].")] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Add an entry, or variants and source forms to an entry (locked, atomic, comments kept).

    An entry of the default glossary is copied into FILE first, where it then
    replaces the default one.
    """
    from provenance.config import ConfigError
    from provenance.names.glossary import KINDS, STATUSES, TYPES, Entry
    from provenance.names.store import StoreError, editing

    if status not in STATUSES:
        fail(f"--status must be one of {', '.join(STATUSES)}")
    if kind is not None and kind not in KINDS:
        fail(f"--kind must be one of {', '.join(KINDS)}")
    if type is not None and type not in TYPES:
        fail(f"--type must be one of {', '.join(TYPES)}")
    target = _target(file, config_file, isolated)
    g = _load(config_file, isolated, [target] if _has_entries(target) else None, editing=target)
    try:
        with editing(target, create=True) as ed:
            existing = ed.find(entry_id)
            if existing is None and entry_id in g.by_id:
                if canonical or type:
                    fail(f"entry '{entry_id}' exists ({g.by_id[entry_id].file}); add variants to it without --canonical/--type")
                ed.add_entry(g.by_id[entry_id])  # copy the default entry; it overrides from now on
                warn(f"copied '{entry_id}' from {g.by_id[entry_id].file} into {target}")
            elif existing is None:
                if not canonical or not type:
                    fail(f"no entry '{entry_id}': a new entry needs --canonical and --type")
                ed.add_entry(Entry(entry_id, type, canonical, notes=notes))
            elif canonical or type:
                fail(f"entry '{entry_id}' already exists in {target}; add variants to it without --canonical/--type")
            for form in variant or []:
                ed.add_variant(entry_id, form, status, kind, note)
            for form in source_form or []:
                ed.add_source_form(entry_id, form, lang)
        _check_whole(config_file, isolated, target)
    except (StoreError, ConfigError) as exc:
        fail(str(exc))
    added = [f"variant {v!r}" for v in variant or []] + [f"source form {s!r}" for s in source_form or []]
    warn(f"{target}: {entry_id}" + (f": added {', '.join(added)}" if added else ": added"))


def _check_whole(config_file, isolated, target: Path) -> None:
    """After a write: the file together with the others must still load (say which problem if not)."""
    g = _load(config_file, isolated, [target], strict=False)
    errors = [p for p in g.problems if p.severity == "error"]
    if errors:
        warn(f"the glossary now has a problem: {errors[0]} (run provenance glossary lint)")


@glossary_app.command("remove")
def remove_command(
    entry_id: Annotated[str, typer.Argument(metavar="ID", show_default=False)],
    variant: Annotated[Optional[str], typer.Option("--variant", help="Remove only this variant form.")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="The glossary file [default: the first configured glossary].")] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Remove an entry, or one variant of it, from a glossary file."""
    from provenance.config import ConfigError
    from provenance.names.store import StoreError, editing

    target = _target(file, config_file, isolated)
    try:
        with editing(target) as ed:
            if variant is None:
                ed.remove_entry(entry_id)
            else:
                ed.remove_variant(entry_id, variant)
    except (StoreError, ConfigError) as exc:
        fail(str(exc))
    warn(f"{target}: removed {entry_id}" + (f" variant {variant!r}" if variant else ""))


# -- lint ----------------------------------------------------------------------------------------


@glossary_app.command("lint")
def lint_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Glossary files or directories [default: the default and configured glossaries].", show_default=False)] = None,
    no_default: Annotated[bool, typer.Option("--no-default", help="Leave the default glossary out.")] = False,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Check glossary files: schema (with file and line), duplicate ids, one form claimed by two
    entries, variants equal to their canonical form, never-merge conflicts.

    Exit 0 when clean (warnings allowed), 1 when there are errors, 2 on bad usage.
    """
    from provenance.config import ConfigError
    from provenance.names.glossary import load, names_settings

    config = load_config(config_file, isolated)
    try:
        settings = names_settings(config)
    except ConfigError as exc:
        fail(str(exc))
    files = list(paths) if paths else [config.resolve(p) for p in config.glossaries]
    config.glossaries = [str(p) for p in files]
    vet_glossaries(config)
    default = settings["default-glossary"] and not no_default
    g = load(files, default=default, use_cache=False, strict=False)
    lines = [f"{p}{'' if p.severity == 'error' else ' (warning)'}\n" for p in sorted(g.problems, key=lambda p: (p.file, p.line or 0, p.message))]
    write_output(text_output("".join(lines)), None)
    errors = sum(1 for p in g.problems if p.severity == "error")
    warnings = len(g.problems) - errors
    warn(f"{len(g.files)} file{'s' if len(g.files) != 1 else ''}, {len(g.entries)} entries: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    raise typer.Exit(EXIT_FINDINGS if errors else 0)


# -- suggest ---------------------------------------------------------------------------------------


@glossary_app.command("suggest")
def suggest_command(
    paths: Annotated[list[str], typer.Argument(help="Article files or directories to mine.", show_default=False)],
    format: Annotated[SuggestFormat, typer.Option("--format", "-f", help="table, or yaml (a glossary fragment).")] = SuggestFormat.table,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="A new entry needs this many mentions.")] = 2,
    aligned: Annotated[bool, typer.Option("--aligned", help="Mine source–English name pairs from NAME.LANG.txt files beside NAME.en.txt (source forms).")] = False,
    apply: Annotated[bool, typer.Option("--apply", help="Write the suggestions into --file.")] = False,
    file: Annotated[Optional[Path], typer.Option("--file", help="With --apply: the glossary file to write.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the table or YAML to FILE (atomically).")] = None,
    glossary: Annotated[Optional[list[Path]], _GLOSSARY] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar on stderr (shown only when stderr is a terminal).")] = False,
) -> None:
    """Propose new entries and new variants from articles: names the glossary lacks, clustered
    with the matcher, with counts and an example context each. With --aligned: source
    forms of names, mined from originals kept beside their translations."""
    if aligned:
        from provenance.cli.glossary_aligned import suggest_aligned

        target = _target(file, config_file, isolated) if apply else None
        g = _load(config_file, isolated, glossary, editing=target)
        suggest_aligned(paths, g, format.value, min_count, output, target)
        if apply:
            _check_whole(config_file, isolated, target)
        return
    from provenance.discover import discover_for
    from provenance.names.suggest import collect, propose, render_table, render_yaml

    config = load_config(config_file, isolated)
    target = _target(file, config_file, isolated) if apply else None
    g = _load(config_file, isolated, glossary, editing=target)
    sources, problems = discover_for(config, paths)
    for p in problems:
        warn(f"{p.display}: {p.reason}")
    files = [(s.display, Path(s.path)) for s in sources if s.path is not None]
    if not files:
        fail("nothing to read")
    from provenance.progress import progress, ticking

    with progress("reading", len(files), enabled=not no_progress) as advance:
        seen, read, bad = collect(ticking(files, advance), g)
    for b in bad:
        warn(b)
    proposals = propose(seen, g, min_count)
    text = render_yaml(proposals, read) if format is SuggestFormat.yaml else text_output(render_table(proposals))
    write_output(text, output)
    if apply:
        _apply(proposals, target, g, config_file, isolated)
    if problems or bad:
        raise typer.Exit(EXIT_ERROR)


def _apply(proposals, target: Path, g, config_file, isolated) -> None:
    from provenance.config import ConfigError
    from provenance.names.store import StoreError, editing
    from provenance.names.suggest import to_entries

    entries, variants = to_entries(proposals)
    try:
        with editing(target, create=True) as ed:
            for e in entries:
                if ed.find(e.id) is None and e.id not in g.by_id:
                    ed.add_entry(e)
            for eid, e in variants:
                if ed.find(eid) is None:
                    ed.add_entry(g.by_id[eid])
                for v in e.variants:
                    ed.add_variant(eid, v.form, v.status, v.kind, v.note)
        _check_whole(config_file, isolated, target)
    except (StoreError, ConfigError) as exc:
        fail(str(exc))
    warn(f"{target}: added {len(entries)} entries and {sum(len(e.variants) for _, e in variants)} variants")


# -- import / export ----------------------------------------------------------------------------------


@glossary_app.command("export")
def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="tbx (TBX-Basic, ISO 30042:2019), csv, or vale (a substitution rule).")] = ExportFormat.tbx,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    glossary: Annotated[Optional[list[Path]], _GLOSSARY] = None,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Export the glossary in use."""
    g = _load(config_file, isolated, glossary)
    if format is ExportFormat.tbx:
        from provenance import __version__
        from provenance.names.tbx import export

        text = export(g.entries, f"provenance {__version__} name glossary ({g.signature()})")
    elif format is ExportFormat.csv:
        from provenance.names.formats import export_csv

        text = export_csv(g.entries)
    else:
        from provenance.names.formats import export_vale

        text = export_vale(g.entries)
    write_output(text, output)


@glossary_app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="A TBX (v3 or v2 martif) or CSV file.", show_default=False)],
    file: Annotated[Optional[Path], typer.Option("--file", help="The glossary file to write (created if missing) [default: the first configured glossary].")] = None,
    format: Annotated[ImportFormat, typer.Option("--format", "-f", help="auto (by extension), tbx or csv.")] = ImportFormat.auto,
    config_file: Annotated[Optional[Path], _CONFIG] = None,
    isolated: Annotated[bool, _ISOLATED] = False,
) -> None:
    """Import entries into a glossary file: new ids are added, known ids get the new variants."""
    from provenance.config import ConfigError
    from provenance.names.glossary import display_path, validate_entry
    from provenance.names.store import StoreError, editing

    from provenance.document import InputError
    from provenance.safeio import read_input

    try:
        shown = display_path(source)
    except RuntimeError:  # a symlink loop (Path.resolve); reading it says so
        shown = str(source)
    try:
        data = read_input(source)
    except InputError as exc:
        fail(f"{shown}: {exc}")
    kind = format.value
    if kind == "auto":
        kind = "csv" if source.suffix.lower() == ".csv" else "tbx"
    if kind == "tbx":
        from provenance.names.tbx import TBXError, import_tbx

        try:
            entries, problems = import_tbx(data, shown)
        except TBXError as exc:
            fail(str(exc))
    else:
        from provenance.names.formats import import_csv

        entries, problems = import_csv(data, shown)
    for e in entries:
        for message in validate_entry(e.to_dict()):
            problems.append(_problem(shown, e.line, message))
    if problems:
        for p in problems[1:]:
            warn(str(p))
        fail(str(problems[0]) + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "") + "; nothing imported")
    if not entries:
        fail(f"{shown}: no entries")
    target = _target(file, config_file, isolated)
    added = merged = 0
    try:
        with editing(target, create=True) as ed:
            for e in entries:
                if ed.find(e.id) is None:
                    ed.add_entry(e)
                    added += 1
                    continue
                item = ed.find(e.id)
                have = {str(v.get("form", "")).casefold() for v in item.get("variants") or []} | {str(item.get("canonical", "")).casefold()}
                for v in e.variants:
                    if v.form.casefold() not in have:
                        ed.add_variant(e.id, v.form, v.status, v.kind, v.note)
                        merged += 1
        _check_whole(config_file, isolated, target)
    except (StoreError, ConfigError) as exc:
        fail(str(exc))
    warn(f"{target}: {added} entries added, {merged} variants added to existing entries")


def _problem(shown: str, line, message: str):
    from provenance.names.glossary import Problem

    return Problem(shown, line, message)
