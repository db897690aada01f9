"""A progress bar on standard error for long runs (``check``, ``reuse``,
``index add``, ``glossary suggest``).

Shown only when standard error is a terminal and ``--no-progress`` was not
given, and only for runs of at least ``MIN_ITEMS`` items; it is transient (gone
when the run ends) and never touches standard output, so JSON, SARIF or HTML
on stdout stay exactly what they would be without it. Warnings printed during
the run appear above the bar.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

#: Fewer items than this finish before a bar would be worth drawing.
MIN_ITEMS = 2


def wanted(enabled: bool, total: int, stream=None) -> bool:
    stream = sys.stderr if stream is None else stream
    if not enabled or total < MIN_ITEMS or stream is None:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed or not a real stream
        return False


@contextmanager
def progress(label: str, total: int, *, enabled: bool = True, stream=None) -> Iterator[Callable[[int], None] | None]:
    """``with progress("checking", n) as advance:`` — ``advance(k)`` after k items
    (None when no bar is shown: callers pass it on as an optional callback)."""
    stream = sys.stderr if stream is None else stream
    if not wanted(enabled, total, stream):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = Console(file=stream, force_terminal=True, highlight=False)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        redirect_stdout=False,  # standard output holds the report
        redirect_stderr=True,  # warnings during the run print above the bar
    )
    task = bar.add_task(label, total=total)
    with bar:
        yield lambda n=1: bar.advance(task, n)


def ticking(items, advance: Callable[[int], None] | None):
    """Yield the items, advancing the bar as each one is done (when the next is asked for)."""
    if advance is None:
        yield from items
        return
    for item in items:
        yield item
        advance(1)


@contextmanager
def busy(label: str, *, enabled: bool = True, stream=None) -> Iterator[None]:
    """A spinner with the elapsed time for a step that cannot count its items
    (e.g. comparing the passages of every article with each other)."""
    stream = sys.stderr if stream is None else stream
    if not wanted(enabled, MIN_ITEMS, stream):
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream, force_terminal=True, highlight=False)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True, redirect_stdout=False, redirect_stderr=True) as bar:
        bar.add_task(label, total=None)
        yield
