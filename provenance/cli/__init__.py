"""The `provenance` command. Each command parses flags, calls the library and
renders; the work happens in the library modules."""

from __future__ import annotations

import sys

import typer

from provenance import __version__

app = typer.Typer(
    name="provenance",
    help="Check English news translated from Arabic: translation artifacts, names, attribution chains, reuse.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"provenance {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """provenance: a linter for translated news."""


# Commands register themselves on `app` when their module is imported.
from provenance.cli import attributions as _attributions  # noqa: E402,F401
from provenance.cli import check as _check  # noqa: E402,F401
from provenance.cli import rules as _rules  # noqa: E402,F401
from provenance.cli import names as _names  # noqa: E402,F401
from provenance.cli import glossary as _glossary  # noqa: E402,F401
from provenance.cli import reuse as _reuse  # noqa: E402,F401
from provenance.cli import index as _index  # noqa: E402,F401
from provenance.cli import compare as _compare  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("provenance: interrupted\n")
        sys.exit(130)
