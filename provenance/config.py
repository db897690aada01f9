"""Configuration: ``[tool.provenance]`` in pyproject.toml, or provenance.toml.

The nearest file from the current directory upwards wins (provenance.toml
before pyproject.toml in the same directory). Paths in a config file are
relative to that file. Command-line flags override the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.rules import DEFAULT_PACKS, SEVERITIES

CONFIG_NAMES = ("provenance.toml", ".provenance.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.text")

#: Tables that belong to later layers (names, attributions, reuse...); each
#: layer validates its own table.
SECTIONS = ("names", "attributions", "reuse", "index", "compare", "input")


class ConfigError(Exception):
    """A configuration problem; str() names the file and the key."""


@dataclass
class Config:
    packs: list[str] = field(default_factory=lambda: list(DEFAULT_PACKS))
    extend_packs: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    glossaries: list[str] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "error"
    #: Analyzer layers to run (None: every layer); see provenance.analyzers.
    layers: list[str] | None = None
    #: The file this came from (None: defaults only) and the base for relative paths.
    source: Path | None = None
    base: Path = field(default_factory=Path.cwd)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def all_packs(self) -> list[str]:
        return [*self.packs, *self.extend_packs]

    def all_select(self) -> list[str]:
        return [*self.select, *self.extend_select]

    def resolve(self, path: str) -> Path:
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.base / p

    def section(self, name: str) -> dict[str, Any]:
        return self.sections.get(name, {})


_LIST_KEYS = {
    "packs": "packs",
    "extend-packs": "extend_packs",
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "glossaries": "glossaries",
    "include": "include",
    "exclude": "exclude",
    "layers": "layers",
}


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration from ``start`` upwards: (file, table)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            data = _read_toml(candidate)
            if name == "pyproject.toml":
                table = data.get("tool", {}).get("provenance")
                if table is None:
                    continue
            else:
                table = data.get("tool", {}).get("provenance", data)
            return candidate, table
    return None


def load_config(path: Path | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    if isolated:
        return Config()
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        data = _read_toml(path)
        table = data.get("tool", {}).get("provenance", data if path.name != "pyproject.toml" else {})
        return from_table(table, path)
    found = find_config(start)
    if found is None:
        return Config()
    return from_table(found[1], found[0])


def from_table(table: dict[str, Any], source: Path | None) -> Config:
    where = str(source) if source else "configuration"
    config = Config(source=source, base=source.parent.resolve() if source else Path.cwd())
    for key, value in table.items():
        if key in _LIST_KEYS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: '{key}' must be a list of strings")
            setattr(config, _LIST_KEYS[key], list(value))
        elif key == "severity":
            if not isinstance(value, dict) or not all(v in SEVERITIES for v in value.values()):
                raise ConfigError(f"{where}: 'severity' maps rule selectors to one of {', '.join(SEVERITIES)}")
            config.severity = {str(k): str(v) for k, v in value.items()}
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
            config.fail_on = value
        elif key in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table")
            config.sections[key] = dict(value)
        else:
            known = ", ".join(sorted([*_LIST_KEYS, "severity", "fail-on", *SECTIONS]))
            raise ConfigError(f"{where}: unknown key '{key}' (known: {known})")
    return config


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
