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
    "baseline": "baseline",
    "config": "configshow",
    "align": "align",
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
    """Exit codes: 0 clean, 1 findings (or lint errors), 2 bad input, a usage
    error or a crash. An unexpected exception is one line on stderr,
    ``provenance: internal error: ...``; PROVENANCE_DEBUG=1 shows the traceback."""
    from provenance.cli.common import EXIT_ERROR, long_lived

    command = _command_in(sys.argv[1:])
    try:
        with long_lived():
            app = load_commands([command] if command else None)
        app()
        code = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        _say("provenance: interrupted\n")
        code = 130
    except Exception as exc:  # the one place a crash becomes a line and exit 2
        code = _internal_error(exc)
    sys.exit(_flush_stdout(code if code is not None else 0, EXIT_ERROR))


def _internal_error(exc: Exception) -> int:
    import os

    from provenance.cli.common import EXIT_ERROR, silence_stdout, stdout_error
    from provenance.termsafe import one_line

    if os.environ.get("PROVENANCE_DEBUG"):
        import traceback

        _say("".join(traceback.format_exception(exc)))
    if stdout_error(exc):
        silence_stdout()
        _say(f"provenance: error: cannot write the output ({one_line(exc.strerror or str(exc))})\n")
        return EXIT_ERROR
    detail = one_line(f"{type(exc).__name__}: {exc}")
    hint = "" if os.environ.get("PROVENANCE_DEBUG") else " (set PROVENANCE_DEBUG=1 for the traceback)"
    _say(f"provenance: internal error: {detail}; please report it{hint}\n")
    return EXIT_ERROR


def _flush_stdout(code, error_code: int):
    """What is still buffered for stdout is written now, so that a full or closed
    stdout is a line and exit 2 here rather than an 'Exception ignored' at exit."""
    from provenance.cli.common import silence_stdout

    stream = sys.stdout
    if stream is None:
        return code
    try:
        stream.flush()
    except BrokenPipeError:
        silence_stdout()
    except (OSError, ValueError) as exc:
        silence_stdout()
        _say(f"provenance: error: cannot write the output to standard output ({getattr(exc, 'strerror', None) or exc})\n")
        return error_code
    return code


def _say(text: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
