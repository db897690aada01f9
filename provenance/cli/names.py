"""`provenance names match NAME_A NAME_B` and `provenance names match --pairs FILE.tsv`"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import fail, load_config, vet_glossaries, write_output
from provenance.termsafe import one_line

names_app = typer.Typer(
    name="names",
    help="Name tools: compare two spellings with the transliteration-aware matcher.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(names_app)


class MatchFormat(str, Enum):
    text = "text"
    json = "json"


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """Two tab-separated columns per line; an optional header `a<TAB>b`; # comments."""
    from provenance.document import InputError
    from provenance.safeio import read_input

    try:
        text = read_input(path).decode("utf-8-sig")
    except InputError as exc:
        fail(f"{path}: {exc}")
    except UnicodeDecodeError:
        fail(f"{path}: not UTF-8 text")
    pairs = []
    first = True
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            fail(f"{path}:{n}: expected two tab-separated names, got {line.strip()!r}")
        header, first = first and [c.strip().lower() for c in cols[:2]] == ["a", "b"], False
        if header:
            continue
        pairs.append((cols[0].strip(), cols[1].strip()))
    if not pairs:
        fail(f"{path}: no pairs")
    return pairs


@names_app.command("match")
def match_command(
    name_a: Annotated[Optional[str], typer.Argument(help="First name.", show_default=False)] = None,
    name_b: Annotated[Optional[str], typer.Argument(help="Second name.", show_default=False)] = None,
    pairs: Annotated[Optional[Path], typer.Option("--pairs", help="A TSV file of pairs: two tab-separated columns, optional header 'a<TAB>b'.")] = None,
    format: Annotated[MatchFormat, typer.Option("--format", "-f", help="text, or json (one object per pair and line).")] = MatchFormat.text,
    glossary: Annotated[Optional[list[Path]], typer.Option("--glossary", help="Also use this glossary file (repeatable).")] = None,
    no_glossary: Annotated[bool, typer.Option("--no-glossary", help="The matcher alone: no glossary verdicts (same entry, never_merge_with).")] = False,
    source_lang: Annotated[Optional[str], typer.Option("--source-lang", help="Language of a name in another script (ar, fa, he...): narrows the glossary's source forms.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
) -> None:
    """Are two written names the same name? Prints same/different, a score (0–1) and why.

    Names may be in any script: a name in Arabic, Persian, Urdu, Hebrew,
    Cyrillic, Devanagari, Chinese... is compared with a romanized one by the
    cross-script matcher. The glossary (default and configured) decides
    first: two forms of one entry are the same, forms of different entries
    are not, and an entry's source forms are its English forms in another
    script. Exit 0, or 2 on bad input.
    """
    from provenance.names.crossscript import match_any

    if pairs is not None:
        if name_a is not None:
            fail("give two names or --pairs FILE, not both")
        todo = read_pairs(pairs)
    else:
        if name_a is None or name_b is None:
            fail("give two names (NAME_A NAME_B) or --pairs FILE")
        if not name_a.strip() or not name_b.strip():
            fail("names must not be empty")
        todo = [(name_a, name_b)]
    gloss = None
    if not no_glossary:
        gloss = load_glossary(config_file, isolated, glossary)
    lines = []
    for a, b in todo:
        result = match_any(a, b, gloss, source_lang=source_lang)
        if format is MatchFormat.json:
            lines.append(json.dumps(result.to_dict(a, b), ensure_ascii=False))
        else:
            verdict = "same" if result.same else "different"
            lines.append(f"{verdict:<9} {result.score:.3f}  {one_line(a)}  ~  {one_line(b)}  ({one_line(result.reason)})")
    write_output("\n".join(lines) + "\n", output)


def load_glossary(config_file: Path | None, isolated: bool, extra: list[Path] | None):
    """The glossary a command works with: default + configured + ``extra``; bad input exits 2."""
    from provenance.config import ConfigError
    from provenance.names.glossary import load_for_config

    config = load_config(config_file, isolated)
    config.glossaries += [str(p.absolute()) for p in extra or []]
    vet_glossaries(config)
    try:
        return load_for_config(config)
    except ConfigError as exc:
        fail(str(exc))
