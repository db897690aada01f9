"""`provenance align SOURCE TARGET`: sentence alignment of an original and its English translation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_OK, fail
from provenance.cli.compare import read_side

@app.command("align")
def align(
    source: Annotated[Path, typer.Argument(help="The original (any of ar fa he tr ru uk ur hi zh fr de es).", show_default=False)],
    target: Annotated[Path, typer.Argument(help="Its English translation.", show_default=False)],
    source_lang: Annotated[Optional[str], typer.Option("--source-lang", help="Language of SOURCE (detected when not given).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Align the sentences of an original and its English translation (beads
    1-1, 1-2, 2-1, 1-0, 0-1; Gale-Church length model estimated on NTREX,
    sharpened by numbers and question marks). Exit codes: 0 done, 2 bad input."""
    from provenance.bilingual.align import align_texts

    if format not in ("text", "json"):
        fail(f"--format: '{format}' is not one of text, json")
    src, tgt = read_side(source, "source"), read_side(target, "target")
    if not src.text.strip() or not tgt.text.strip():
        fail(f"{source if not src.text.strip() else target}: empty file")
    from provenance.bilingual.pairing import PairingError, language_of

    try:
        lang = language_of(source, src.text, source_lang)
    except PairingError as exc:
        fail(str(exc))
    result = align_texts(src.text, tgt.text, lang)
    if format == "json":
        beads = [{
            "kind": b.kind, "score": b.score,
            "source_start": b.source[0] if b.source else None, "source_end": b.source[1] if b.source else None,
            "target_start": b.target[0] if b.target else None, "target_end": b.target[1] if b.target else None,
            "source": src.text[b.source[0]:b.source[1]] if b.source else "",
            "target": tgt.text[b.target[0]:b.target[1]] if b.target else "",
        } for b in result.beads]
        typer.echo(json.dumps({"source_lang": lang, "beads": beads}, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        from provenance.termsafe import one_line

        for n, b in enumerate(result.beads, 1):
            s = one_line(src.text[b.source[0]:b.source[1]]) if b.source else "-"
            t = one_line(tgt.text[b.target[0]:b.target[1]]) if b.target else "-"
            typer.echo(f"{n:3d} {b.kind} {b.score:.3f}\n    < {s}\n    > {t}")
    raise typer.Exit(EXIT_OK)
