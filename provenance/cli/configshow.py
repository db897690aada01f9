"""`provenance config show`: the effective configuration and where each value came from."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli.base import app
from provenance.cli.common import fail, load_config, split_list, text_output, write_output

config_app = typer.Typer(
    name="config",
    help="Show the configuration provenance uses.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(config_app)


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@config_app.command("show")
def show(
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="text: TOML with the origin of each value as a comment; json.")] = ShowFormat.text,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of searching for one.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="As `check --select`: shown with its origin.")] = None,
    extend_select: Annotated[Optional[list[str]], typer.Option("--extend-select", help="As `check --extend-select`.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="As `check --ignore`.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="As `check --fail-on`.")] = None,
    layers: Annotated[Optional[list[str]], typer.Option("--layers", help="As `check --layers`.")] = None,
    glossary: Annotated[Optional[list[Path]], typer.Option("--glossary", help="As `check --glossary`.")] = None,
) -> None:
    """Print the effective configuration: every key, its value, and where it
    came from (default, FILE:LINE, or the command-line flag). Takes the
    flags of `check` that change the configuration."""
    from provenance.config import ConfigError
    from provenance.config_show import entries, render_json, render_text

    config = load_config(config_file, isolated)
    how = "--isolated" if isolated else ("--config" if config_file else ("the nearest from the current directory" if config.source else "no configuration file found"))
    cli: dict[str, tuple[str, bool]] = {}  # key -> (flag, adds to the file's value)
    if select:
        config.select, cli["select"] = split_list(select), ("--select", False)
    if extend_select:
        config.extend_select += split_list(extend_select)
        cli["extend-select"] = ("--extend-select", True)
    if ignore:
        config.ignore += split_list(ignore)
        cli["ignore"] = ("--ignore", True)
    if fail_on:
        config.fail_on, cli["fail-on"] = fail_on.value, ("--fail-on", False)
    if layers:
        config.layers, cli["layers"] = split_list(layers), ("--layers", False)
    if glossary:
        config.glossaries += [str(p.absolute()) for p in glossary]
        cli["glossaries"] = ("--glossary", True)
    try:
        items = entries(config, cli)
    except ConfigError as exc:
        fail(str(exc))
    if format is ShowFormat.json:
        write_output(render_json(config, items, how), None)
    else:
        write_output(text_output(render_text(config, items, how)), None)
