"""Rules as data: metadata and parameters come from YAML packs; a rule's
``kind`` names the piece of code that applies it (see ``provenance.rules.kinds``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.cache import register as cache_register

SEVERITIES = ("info", "warning", "error")
#: Bump when Rule or Pack change shape: cached packs of another layout are not read.
_PACK_FORMAT = 1
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}

#: Stable category names used by the JSON report.
CATEGORIES = (
    "fragment",
    "doublet",
    "quotes",
    "dash-aside",
    "day-calque",
    "orphan-pronoun",
    "calque",
    "loaded-term",
    "repetition",
    "untranslated",
    "characters",
    "grammar",
    "name",
    "attribution",
    "reuse",
    "structure",
)

#: Segment kinds a rule may apply to; the footer credit line only when asked for.
SCOPES = ("title", "heading", "caption", "paragraph", "footer")
DEFAULT_SCOPE = ("title", "heading", "caption", "paragraph")

_RULE_FIELDS = {
    "code", "slug", "kind", "category", "mqm", "severity", "summary", "description",
    "message", "scope", "params", "examples", "phrases",
}
_REQUIRED = ("code", "slug", "kind", "category", "mqm", "severity", "summary", "description", "examples")


class PackError(Exception):
    """A rule pack that cannot be loaded; str() names the file and the problem."""


@dataclass(frozen=True)
class Example:
    bad: str
    good: str
    #: Text the finding must report (optional): text[start:end] of the hit.
    flag: str | None = None
    #: Suggestion the finding must carry (optional).
    suggestion: str | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    kind: str
    category: str
    mqm: str
    severity: str
    summary: str
    description: str
    pack: str
    examples: tuple[Example, ...]
    scope: tuple[str, ...] = DEFAULT_SCOPE
    message: str | None = None
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def with_severity(self, severity: str) -> "Rule":
        from dataclasses import replace

        return replace(self, severity=severity)


@dataclass(frozen=True)
class Pack:
    name: str
    path: str
    sha256: str
    description: str
    rules: tuple[Rule, ...]


# the records the on-disk cache may rebuild (it constructs nothing else)
cache_register(Example, Rule, Pack)


def builtin_pack_dir() -> Path:
    return Path(__file__).parent / "packs"


def resolve_pack(spec: str, base: Path | None = None) -> Path:
    """A pack is a built-in name ("ar-en"), a directory of YAML files, or one YAML file."""
    builtin = builtin_pack_dir() / spec
    if "/" not in spec and "\\" not in spec and builtin.is_dir():
        return builtin
    path = Path(spec)
    if not path.is_absolute() and base is not None:
        path = base / path
    if not path.exists():
        known = ", ".join(sorted(p.name for p in builtin_pack_dir().iterdir() if p.is_dir()))
        raise PackError(f"{spec}: no such rule pack (built-in packs: {known})")
    return path


def load_pack(path: Path) -> Pack:
    files = sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")) if path.is_dir() else [path]
    if not files:
        raise PackError(f"{path}: rule pack has no .yaml files")
    digest = hashlib.sha256()
    raws = []
    for file in files:
        raw = file.read_bytes()
        digest.update(file.name.encode() + b"\0" + raw + b"\0")
        raws.append((file, raw))
    from provenance import cache

    key = hashlib.sha256(f"pack-v{_PACK_FORMAT}\0{path}\0{digest.hexdigest()}".encode()).hexdigest()
    cached = cache.get("packs", key)
    if cached is not None:
        return cached
    pack = _parse_pack(path, raws, digest.hexdigest())
    cache.put("packs", key, pack)
    return pack


def _parse_pack(path: Path, raws: list[tuple[Path, bytes]], sha256: str) -> Pack:
    rules: list[Rule] = []
    description = ""
    name = path.name if path.is_dir() else path.stem
    for file, raw in raws:
        data = _load_yaml(file, raw)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise PackError(f"{file}: a rule file is a mapping with a 'rules' list")
        description = description or str(data.get("description", ""))
        for i, item in enumerate(data["rules"]):
            rules.append(_rule_from_yaml(item, file, i, name))
    return Pack(name, str(path), sha256, description, tuple(rules))


def _load_yaml(file: Path, raw: bytes) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=False).load(raw)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{file}{where}: invalid YAML ({problem})") from None


def _rule_from_yaml(item: Any, file: Path, index: int, pack: str) -> Rule:
    where = f"{file}: rule #{index + 1}"
    if not isinstance(item, dict):
        raise PackError(f"{where}: must be a mapping")
    where = f"{file}: rule {item.get('code', '#' + str(index + 1))}"
    unknown = set(item) - _RULE_FIELDS
    if unknown:
        raise PackError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    missing = [k for k in _REQUIRED if not item.get(k)]
    if missing:
        raise PackError(f"{where}: missing {', '.join(missing)}")
    if item["severity"] not in SEVERITIES:
        raise PackError(f"{where}: severity must be one of {', '.join(SEVERITIES)}")
    if item["category"] not in CATEGORIES:
        raise PackError(f"{where}: unknown category {item['category']!r}")
    scope = tuple(item.get("scope") or DEFAULT_SCOPE)
    if any(s not in SCOPES for s in scope):
        raise PackError(f"{where}: scope entries must be among {', '.join(SCOPES)}")
    examples = []
    for ex in item["examples"]:
        if not isinstance(ex, dict) or "bad" not in ex or "good" not in ex:
            raise PackError(f"{where}: each example needs 'bad' and 'good'")
        examples.append(Example(str(ex["bad"]), str(ex["good"]), ex.get("flag"), ex.get("suggestion")))
    params = dict(item.get("params") or {})
    if "phrases" in item:
        params["phrases"] = item["phrases"]
    return Rule(
        code=str(item["code"]),
        slug=str(item["slug"]),
        kind=str(item["kind"]),
        category=str(item["category"]),
        mqm=str(item["mqm"]),
        severity=str(item["severity"]),
        summary=str(item["summary"]).strip(),
        description=str(item["description"]).strip(),
        pack=pack,
        examples=tuple(examples),
        scope=scope,
        message=item.get("message"),
        params=params,
    )
