"""The `provenance` command. Each command parses flags, calls the library and
renders; the work happens in the library modules.

Commands register on ``provenance.cli.base.app`` when their module is
imported. The console script imports only the module of the command being
run (all of them for `provenance --help`), which keeps `provenance check`
quick to start; ``from provenance.cli import app`` gives the app with every
command.
"""

from __future__ import annotations

import importlib
import sys

#: Command name -> module under provenance.cli, in the order `--help` lists them.
COMMANDS = {
    "check": "check",
    "rules": "rules",
    "names": "names",
    "glossary": "glossary",
    "attributions": "attributions",
    "reuse": "reuse",
    "index": "index",
    "compare": "compare",
}


def load_commands(names=None):
    """Import the command modules (all, or the named ones) and return the app."""
    from provenance.cli.base import app

    for name in names or COMMANDS:
        importlib.import_module(f"provenance.cli.{COMMANDS[name]}")
    return app


def __getattr__(name: str):
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _command_in(argv: list[str]) -> str | None:
    first = next((a for a in argv if not a.startswith("-")), None)
    return first if first in COMMANDS else None


def main() -> None:
    command = _command_in(sys.argv[1:])
    app = load_commands([command] if command else None)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("provenance: interrupted\n")
        sys.exit(130)
