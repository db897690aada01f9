"""`provenance glossary suggest --aligned`: source forms mined from aligned articles."""

from __future__ import annotations

from pathlib import Path

from provenance.cli.common import fail, text_output, warn, write_output


def suggest_aligned(paths: list[str], glossary, fmt: str, min_count: int, output: Path | None, target: Path | None) -> None:
    from provenance.names.suggest_sources import find_aligned_files, mine_files, proposals, render_table, render_yaml

    roots = [Path(p) for p in paths]
    for r in roots:
        if not r.exists():
            fail(f"{r}: no such file or directory")
    pairs = find_aligned_files(roots)
    if not pairs:
        fail("no aligned articles: name them NAME.LANG.txt beside NAME.en.txt (e.g. story.ar.txt, story.en.txt)")
    mined, problems = mine_files(pairs, glossary)
    for p in problems:
        warn(p)
    props = proposals(mined, glossary, min_count)
    write_output(render_yaml(props) if fmt == "yaml" else text_output(render_table(props)), output)
    if target is not None:
        _apply(props, target, glossary)


def _apply(props, target: Path, glossary) -> None:
    from provenance.config import ConfigError
    from provenance.names.glossary import Entry
    from provenance.names.store import StoreError, editing
    from provenance.names.suggest import _slug

    added = 0
    try:
        with editing(target, create=True) as ed:
            for p in props:
                eid = p.entry or _slug(p.english)
                if ed.find(eid) is None:
                    base = glossary.by_id.get(eid)
                    if base is None:
                        base = Entry(eid, "person", p.english)
                    ed.add_entry(base)
                ed.add_source_form(eid, p.source, p.lang)
                added += 1
    except (StoreError, ConfigError) as exc:
        fail(str(exc))
    warn(f"{target}: added {added} source form{'s' if added != 1 else ''}")
