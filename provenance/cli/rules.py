"""`provenance rules [SELECTOR…]`: the rules, their docs and examples."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from provenance.cli import app
from provenance.cli.common import fail, load_config, write_output


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("rules")
def rules_command(
    selectors: Annotated[Optional[list[str]], typer.Argument(help="Show these rules in full: codes, prefixes, slugs or categories.", show_default=False)] = None,
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
    config_file: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (packs, severities).")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
) -> None:
    """List the rules of the configured packs; name rules to see their documentation and examples."""
    from provenance.rules import PackError, RuleSet, SelectorError

    config = load_config(config_file, isolated)
    try:
        everything = RuleSet.load(config.all_packs(), base=config.base, severity=config.severity)
        enabled = RuleSet.load(config.all_packs(), base=config.base, select=config.all_select(), ignore=config.ignore)
        shown = RuleSet.load(config.all_packs(), base=config.base, select=selectors, severity=config.severity).enabled if selectors else everything.enabled
    except (PackError, SelectorError) as exc:
        fail(str(exc))
    rules = list(shown.values())
    if format is RulesFormat.json:
        data = [
            {
                "code": r.code, "slug": r.slug, "kind": r.kind, "category": r.category, "mqm": r.mqm,
                "severity": r.severity, "enabled": r.code in enabled.enabled, "pack": r.pack,
                "summary": r.summary, "description": r.description,
                "examples": [{"bad": e.bad, "good": e.good} for e in r.examples],
            }
            for r in rules
        ]
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False, soft_wrap=True)
    if not selectors:
        for r in rules:
            off = "" if r.code in enabled.enabled else "  [dim](off)[/]"
            console.print(f"[bold]{r.code}[/]  {r.severity:<7}  {r.category:<15} {r.slug:<30} {escape(r.summary)}{off}")
        console.print(f"\n{len(rules)} rules from packs {', '.join(p.name for p in everything.packs)}. "
                      "`provenance rules CODE` shows a rule's documentation and examples.")
        return
    for r in rules:
        console.print(f"[bold]{r.code} {r.slug}[/]  ({r.severity}, category {r.category}, MQM {r.mqm}, pack {r.pack})")
        console.print(escape(r.summary))
        console.print()
        console.print(escape(r.description))
        for e in r.examples:
            console.print(f"\n  [red]bad:[/]  {escape(e.bad.strip())}")
            console.print(f"  [green]good:[/] {escape(e.good.strip())}")
        console.print()
