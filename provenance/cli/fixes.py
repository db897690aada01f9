"""`check --fix` / `--diff` / `--unsafe-fixes`: the CLI side of provenance.fix."""

from __future__ import annotations

import typer

from provenance.cli.common import EXIT_FINDINGS, EXIT_OK, warn, write_output


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{('es' if word.endswith('x') else 's') if n != 1 else ''}"


def run_fixes(pipeline, report, sources, *, unsafe: bool, diff: bool, output, quiet: bool, recheck):
    """Apply (or, with ``diff``, print) the fixes; return the re-checked report.
    ``--diff`` ends the command here: exit 1 when there is a diff, else 0."""
    from provenance.fix import fix_report, unified_diff, write_fixes

    fixes = fix_report(pipeline, report, sources, unsafe=unsafe)
    for fx in fixes:
        if fx.error is not None:
            warn(f"{fx.path}: not fixed: {fx.error}")
    changed = [fx for fx in fixes if fx.error is None and fx.changed]
    count = sum(len(fx.applied) for fx in changed)
    left = sum(fx.unsafe_left for fx in fixes if fx.error is None)
    hint = f"; {_plural(left, 'more fix')} with --unsafe-fixes" if left and not unsafe else ""
    if diff:
        write_output("".join(unified_diff(fx) for fx in changed), output)
        if not quiet:
            warn(f"would fix {_plural(count, 'finding')} in {_plural(len(changed), 'file')}{hint}")
        raise typer.Exit(EXIT_FINDINGS if changed else EXIT_OK)
    write_fixes(changed)
    for fx in changed:
        if fx.error is not None:
            warn(f"{fx.path}: not fixed: {fx.error}")
    written = [fx for fx in changed if fx.error is None]
    if not quiet:
        warn(f"fixed {_plural(sum(len(fx.applied) for fx in written), 'finding')} in {_plural(len(written), 'file')}{hint}")
    return recheck() if written else report
