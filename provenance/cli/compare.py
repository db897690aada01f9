"""`provenance compare A B`: two translations, or a translation and its reference."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import EXIT_OK, fail, load_config, vet_glossaries, warn
from provenance.cli.reuse import OutputFormat, load_semantic, show


def read_side(path: Path, what: str):
    from provenance.document import Document, InputError

    try:
        return Document.from_path(path)
    except InputError as exc:
        fail(f"{path}: {exc} ({what})")


def compare_settings(config) -> tuple[float, float]:
    """(paragraph alignment threshold, --semantic threshold) from [tool.provenance.compare]."""
    from provenance.compare.align import PARAGRAPH_THRESHOLD
    from provenance.compare.core import SEMANTIC_THRESHOLD

    known = {"align": (PARAGRAPH_THRESHOLD, 100.0), "semantic-threshold": (SEMANTIC_THRESHOLD, 1.0)}
    section = {k: v for k, v in config.section("compare").items() if k != "reference"}
    for key in sorted(section):
        if key not in known:
            fail(f"[tool.provenance.compare]: unknown key '{key}' (known: {', '.join(known)})")
    values = []
    for key, (default, top) in known.items():
        value = section.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= top:
            fail(f"[tool.provenance.compare]: '{key}' must be a number in (0, {top:g}]")
        values.append(float(value))
    return values[0], values[1]


@app.command("compare")
def compare(
    hypothesis: Annotated[Path, typer.Argument(help="A translation.", show_default=False)],
    reference: Annotated[Path, typer.Argument(help="Another translation of the same source, or the reference translation.", show_default=False)],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.")] = None,
    semantic: Annotated[bool, typer.Option("--semantic", help="Pair leftover paragraphs that are paraphrases (needs the 'semantic' extra).")] = False,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
) -> None:
    """Align the paragraphs and sentences of two English texts and score them with
    sacrebleu: chrF, chrF++, TER and sentence BLEU per aligned pair, BLEU, chrF
    and TER for the document (with signatures); list added and omitted
    paragraphs and the numbers and names that differ.

    Exit codes: 0 done; 2 a usage error, a file that cannot be read, a file
    compared with itself, or two empty files.
    """
    from provenance.compare.core import CompareError, compare_documents

    config = load_config(config_file, isolated)
    threshold, semantic_threshold = compare_settings(config)
    if os.path.realpath(hypothesis) == os.path.realpath(reference) and os.path.exists(hypothesis):
        fail(f"{hypothesis}: compared with itself; give two different files")
    hyp, ref = read_side(hypothesis, "hypothesis"), read_side(reference, "reference")
    if hyp.sha256 == ref.sha256:
        warn(f"{hypothesis} and {reference} have the same content: every score is perfect")
    encoder = load_semantic() if semantic else None
    from provenance.discover import display_path

    from provenance.names.glossary import GlossaryError, load_for_config

    vet_glossaries(config)
    try:
        glossary = load_for_config(config)
    except GlossaryError as exc:
        fail(str(exc))
    try:
        result = compare_documents(
            hyp, display_path(hypothesis), ref, display_path(reference),
            threshold=threshold, encoder=encoder, semantic_threshold=semantic_threshold, glossary=glossary,
        )
    except CompareError as exc:
        fail(f"{hypothesis}, {reference}: {exc}")
    from provenance.compare.render import render

    show(result, format, output, render)
    raise typer.Exit(EXIT_OK)
