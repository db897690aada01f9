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
SECTIONS = ("names", "attributions", "reuse", "index", "compare", "input", "engine")


class ConfigError(Exception):
    """A configuration problem; str() names the file and the key (one line)."""

    def __init__(self, message: str = ""):
        from provenance.schema import one_line

        super().__init__(one_line(str(message)))


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
    #: Apply exclude to files named on the command line too (ruff's force-exclude).
    force_exclude: bool = False
    fail_on: str = "error"
    #: ``per-file-ignores``: glob (relative to the config file's folder) -> rule selectors.
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
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


def _schema():
    """Every key of [tool.provenance] and of the tables the layers read: the
    layers still check ranges and combinations, this catches types and keys."""
    from provenance.schema import Bool, Int, ListOf, MapOf, Number, OneOf, Size, Str

    fraction = Number(0, 1, low_inclusive=False)
    top = {key: ListOf(Str(), single=True) for key in _LIST_KEYS}
    top["severity"] = MapOf(OneOf(SEVERITIES))
    top["fail-on"] = OneOf(FAIL_ON)
    top["force-exclude"] = Bool()
    top["per-file-ignores"] = MapOf(ListOf(Str(), single=True))
    sections = {
        "names": {"default-glossary": Bool(), "cache": Bool()},
        "attributions": {"enabled": Bool()},
        "reuse": {
            "boilerplate": Int(2),
            "threshold": fraction,
            "containment": fraction,
            "min-words": Int(1),
            "semantic-threshold": fraction,
            "date-pattern": Str(),
            "index": Bool(),
            "index-path": Str(nonempty=True),
        },
        "index": {"path": Str(nonempty=True), "timeout": Number(0), "format": OneOf(("sqlite", "parquet")), "buckets": Int(1), "batch-articles": Int(1)},
        "input": {"max-file-size": Size()},
        "engine": {"name": OneOf(("local", "dask")), "scheduler": Str(nonempty=True), "partition-size": Int(1), "workers": Int(1)},
        "compare": {"align": Number(0, 100, low_inclusive=False), "semantic-threshold": fraction, "reference": Str(nonempty=True)},
    }
    assert set(sections) == set(SECTIONS)
    return top, sections


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration from ``start`` upwards: (file, table)."""
    found = _find(start)
    return None if found is None else (found[0], found[1])


def _find(start: Path | None):
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            data, text = _read_toml(candidate)
            picked = _pick_table(candidate, data, text, pyproject=name == "pyproject.toml")
            if picked is None:
                continue
            return candidate, *picked
    return None


def _pick_table(path: Path, data: dict[str, Any], text: str, *, pyproject: bool):
    """(table, key prefix, text) of the provenance settings in a parsed file;
    None for a pyproject.toml without [tool.provenance]."""
    lines = _TomlLines(text)
    if "tool" not in data:
        return None if pyproject else (data, (), text)
    tool = data["tool"]
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}:{lines.find(('tool',))}: tool: must be a table, not {_kind(tool)}")
    if "provenance" not in tool:
        return None if pyproject else (data, (), text)
    table = tool["provenance"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{lines.find(('tool', 'provenance'))}: tool.provenance: must be a table, not {_kind(table)}")
    return table, ("tool", "provenance"), text


def load_config(path: Path | None = None, *, isolated: bool = False, start: Path | None = None) -> Config:
    if isolated:
        return Config()
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: no such configuration file")
        data, text = _read_toml(path)
        picked = _pick_table(path, data, text, pyproject=path.name == "pyproject.toml")
        if picked is None:
            return from_table({}, path)
        return from_table(picked[0], path, prefix=picked[1], text=text)
    found = _find(start)
    if found is None:
        return Config()
    return from_table(found[1], found[0], prefix=found[2], text=found[3])


def from_table(table: dict[str, Any], source: Path | None, *, prefix: tuple[str, ...] = (), text: str | None = None) -> Config:
    """A Config from the provenance table; the first schema problem raises
    ConfigError as ``file:line: key: reason``."""
    validate(table, source, prefix=prefix, text=text)
    config = Config(source=source, base=source.parent.resolve() if source else Path.cwd())
    for key, value in table.items():
        if key in _LIST_KEYS:
            setattr(config, _LIST_KEYS[key], [value] if isinstance(value, str) else list(value))
        elif key == "severity":
            config.severity = {str(k): str(v) for k, v in value.items()}
        elif key == "fail-on":
            config.fail_on = value
        elif key == "force-exclude":
            config.force_exclude = bool(value)
        elif key == "per-file-ignores":
            config.per_file_ignores = {str(k): [v] if isinstance(v, str) else list(v) for k, v in value.items()}
        else:  # a section (validate() allows nothing else)
            config.sections[key] = dict(value)
    return config


def validate(table: Any, source: Path | None, *, prefix: tuple[str, ...] = (), text: str | None = None) -> None:
    from provenance.schema import check_table

    top, sections = _schema()
    where = str(source) if source else "configuration"
    lines = _TomlLines(text or "")
    specs = {**top, **{name: None for name in sections}}
    problems: list[tuple[tuple[str, ...], str]] = []
    if not isinstance(table, dict):
        problems.append(((), f"must be a table, not {_kind(table)}"))
    else:
        for key, reason in check_table(table, {k: v for k, v in specs.items() if v is not None}, open_keys=True):
            problems.append(((key,) if key else (), reason))
        for key, value in table.items():
            if key in sections:
                for sub, reason in check_table(value, sections[key]):
                    problems.append(((key, sub) if sub else (key,), reason))
            elif key not in specs:
                from provenance.schema import did_you_mean

                known = ", ".join(sorted(specs))
                problems.append(((key,), f"unknown key '{key}'{did_you_mean(key, specs)} (known: {known})"))
    if problems:
        keys, reason = problems[0]
        line = lines.find((*prefix, *keys)) if text else None
        shown = ".".join((*prefix, *keys)) or "tool.provenance"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ConfigError(f"{where}{f':{line}' if line else ''}: {shown}: {reason}{more}")


def _kind(value: Any) -> str:
    from provenance.schema import _kind as kind

    return kind(value)


class _TomlLines:
    """The line (1-based) where a dotted key or table is written, from a scan of
    the text: headers, ``key =`` and dotted ``a.b =`` lines. A key inside an
    inline table is found as the line of its table."""

    def __init__(self, text: str):
        self.text = text
        self._lines: dict[tuple[str, ...], int] | None = None

    def find(self, path: tuple[str, ...]) -> int | None:
        if self._lines is None:
            self._lines = self._scan()
        for n in range(len(path), 0, -1):
            line = self._lines.get(tuple(path[:n]))
            if line is not None:
                return line
        return None

    def _scan(self) -> dict[tuple[str, ...], int]:
        import re

        header_re = re.compile(r"\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
        key_re = re.compile(r"\s*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)\s*=")
        out: dict[tuple[str, ...], int] = {}
        header: tuple[str, ...] = ()
        for number, line in enumerate(self.text.splitlines(), 1):
            m = header_re.match(line)
            if m:
                header = _split_key(m.group(1))
                for n in range(1, len(header) + 1):
                    out.setdefault(header[:n], number)
                continue
            m = key_re.match(line)
            if m:
                full = header + _split_key(m.group(1))
                for n in range(len(header) + 1, len(full) + 1):
                    out.setdefault(full[:n], number)
        return out


def _split_key(key: str) -> tuple[str, ...]:
    import re

    parts = re.findall(r"\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+)", key)
    return tuple(a or b or c for a, b, c in parts)


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    import tomllib  # only when there is a file to read

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
