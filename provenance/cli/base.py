"""The typer app every command registers on (without importing the commands)."""

from __future__ import annotations

import typer

from provenance import __version__

app = typer.Typer(
    name="provenance",
    help="Check English news translated from Arabic: translation artifacts, names, attribution chains, reuse.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (docs/ci.md)
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
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more on stderr (e.g. why the parse cache is off)."),
) -> None:
    """provenance: a linter for translated news."""
    if verbose:
        import os

        os.environ["PROVENANCE_VERBOSE"] = "1"  # the worker processes of --jobs read it too
