"""`provenance config show`: the effective configuration, each value with
where it came from (the default, a line of a configuration file, a
command-line flag). Keys come from the configuration schema
(``config._schema()``), so a key added there is shown without a change here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.config import Config, _TomlLines, _pick_table, _read_toml, _schema

UNSET = object()


@dataclass(frozen=True)
class Entry:
    section: str | None  # None: the top level of [tool.provenance]
    key: str
    value: Any  # UNSET: not set and no default (the layer decides)
    origin: str

    def to_dict(self) -> dict:
        return {"section": self.section, "key": self.key, "value": None if self.value is UNSET else self.value, "origin": self.origin}


def _layer_defaults() -> dict[str, dict[str, Any]]:
    """The defaults each layer applies to a key of its table it does not find."""
    from dataclasses import fields

    from provenance.compare.align import PARAGRAPH_THRESHOLD
    from provenance.compare.core import SEMANTIC_THRESHOLD
    from provenance.index import DEFAULT_PATH, DEFAULT_TIMEOUT
    from provenance.reuse.settings import ReuseSettings
    from provenance.safeio import DEFAULT_MAX_FILE_SIZE

    reuse = ReuseSettings()
    return {
        "names": {"default-glossary": True, "cache": True},
        "attributions": {"enabled": True},
        "reuse": {f.name.replace("_", "-"): getattr(reuse, f.name) for f in fields(reuse)} | {"index": False},
        "index": {"path": DEFAULT_PATH, "timeout": DEFAULT_TIMEOUT},
        "input": {"max-file-size": DEFAULT_MAX_FILE_SIZE},
        "compare": {"align": PARAGRAPH_THRESHOLD, "semantic-threshold": SEMANTIC_THRESHOLD},
    }


def _raw_table(config: Config) -> tuple[dict[str, Any], tuple[str, ...], _TomlLines]:
    if config.source is None:
        return {}, (), _TomlLines("")
    data, text = _read_toml(config.source)
    picked = _pick_table(config.source, data, text, pyproject=config.source.name == "pyproject.toml")
    if picked is None:
        return {}, (), _TomlLines(text)
    return picked[0], picked[1], _TomlLines(text)


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def entries(config: Config, cli: dict[str, tuple[str, bool]] | None = None) -> list[Entry]:
    """Every key of the schema with its effective value and origin. ``cli``
    maps a top-level key to (the flag that set it, whether the flag adds to
    the file's value rather than replacing it)."""
    cli = cli or {}
    top, sections = _schema()
    table, prefix, lines = _raw_table(config)
    where = _display(config.source) if config.source else None

    def from_file(*keys: str) -> str:
        line = lines.find((*prefix, *keys))
        return f"{where}:{line}" if line else str(where)

    out: list[Entry] = []
    defaults = Config()
    for key in top:
        attr = key.replace("-", "_")
        if hasattr(config, attr):
            value = getattr(config, attr)
        else:  # a key this module does not know as an attribute: the file's value
            value = table.get(key, getattr(defaults, attr, UNSET))
        origin = from_file(key) if key in table else "default"
        if key in cli:
            flag, extends = cli[key]
            if extends:
                origin = flag if origin == "default" else f"{origin} + {flag}"
            else:
                origin = flag if origin == "default" else f"{flag} (over {origin})"
        if value is None:
            value = UNSET
        out.append(Entry(None, key, _plain(value) if value is not UNSET else UNSET, origin))
    layer_defaults = _layer_defaults()
    for name, spec in sections.items():
        section = table.get(name, {}) if isinstance(table.get(name), dict) else {}
        for key in spec:
            if key in section:
                out.append(Entry(name, key, _plain(section[key]), from_file(name, key)))
            else:
                value = layer_defaults.get(name, {}).get(key, UNSET)
                out.append(Entry(name, key, UNSET if value is None else value, "default"))
    return out


def _display(path: Path) -> str:
    from provenance.discover import display_path

    try:
        return display_path(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return display_path(path)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k), ensure_ascii=False)} = {toml_value(v)}" for k, v in value.items()) + " }" if value else "{}"
    return json.dumps(str(value), ensure_ascii=False)


def header(config: Config, how: str) -> str:
    if config.source is None:
        return f"# provenance configuration: defaults only ({how})"
    return f"# provenance configuration: {_display(config.source)} ({how})"


def render_text(config: Config, items: list[Entry], how: str) -> str:
    """TOML (unset keys commented out), each line with its origin."""
    rows: list[tuple[str, str]] = []
    current: str | None = None
    for e in items:
        if e.section != current:
            rows.append(("", ""))
            rows.append((f"[{e.section}]", ""))
            current = e.section
        if e.value is UNSET:
            rows.append((f"# {e.key} = (not set{': every layer' if e.key == 'layers' else ''})", e.origin))
        else:
            rows.append((f"{e.key} = {toml_value(e.value)}", e.origin))
    width = min(60, max(len(left) for left, origin in rows if origin))
    lines = [header(config, how)]
    for left, origin in rows:
        lines.append(f"{left:<{width}}  # {origin}" if origin else left)
    return "\n".join(lines) + "\n"


def render_json(config: Config, items: list[Entry], how: str) -> str:
    data = {
        "source": _display(config.source) if config.source else None,
        "found": how,
        "settings": [e.to_dict() for e in items],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
