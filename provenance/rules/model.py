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
_PACK_FORMAT = 3
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
    "source",
)

#: Segment kinds a rule may apply to; the footer credit line only when asked for.
SCOPES = ("title", "heading", "caption", "paragraph", "footer")
DEFAULT_SCOPE = ("title", "heading", "caption", "paragraph")

#: Whether ``check --fix`` may apply a rule's suggestion unasked ("safe") or only
#: with ``--unsafe-fixes``; a rule's ``fix`` field overrides its kind's default.
#: Safe: the edit keeps the meaning whatever the sentence (a word said twice,
#: mismatched quotation marks); unsafe: it takes a judgement (house style on
#: loaded terms, a calque's English form, a rebuilt sentence).
FIX_SAFETY = ("safe", "unsafe")
KIND_FIX_DEFAULT = {"doublet": "safe", "quotes": "safe"}
DEFAULT_FIX = "unsafe"

_REQUIRED = ("code", "slug", "kind", "category", "mqm", "severity", "summary", "description", "examples")


class PackError(Exception):
    """A rule pack that cannot be loaded; str() names the file and the problem (one line)."""

    def __init__(self, message: str):
        from provenance.schema import one_line

        super().__init__(one_line(str(message)))


@dataclass(frozen=True)
class Example:
    bad: str
    good: str
    #: Text the finding must report (optional): text[start:end] of the hit.
    flag: str | None = None
    #: Suggestion the finding must carry (optional).
    suggestion: str | None = None
    #: Source-aware rules: the original that ``bad`` and ``good`` translate, and its language.
    source: str | None = None
    lang: str | None = None
    #: Text of the original the finding must point at (optional).
    source_flag: str | None = None


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
    #: "safe" or "unsafe" (see FIX_SAFETY): may `check --fix` apply the suggestion?
    fix: str = DEFAULT_FIX

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
        lines = _YamlLines(raw)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise PackError(f"{file}: a rule file is a mapping with a 'rules' list")
        for key in data:
            if key not in _FILE_FIELDS:
                from provenance.schema import did_you_mean

                raise PackError(f"{file}:{lines.find((key,)) or 1}: {key}: unknown key '{key}'{did_you_mean(str(key), _FILE_FIELDS)} (known: {', '.join(_FILE_FIELDS)})")
        if not isinstance(data.get("description", ""), str):
            raise PackError(f"{file}:{lines.find(('description',))}: description: must be a string")
        description = description or str(data.get("description", ""))
        for i, item in enumerate(data["rules"]):
            rules.append(_rule_from_yaml(item, file, i, name, lines))
    from provenance.rules.kinds.phrase import validate_phrase_rule

    for rule in rules:  # checkers compile their regexes lazily; a bad one is the pack's error, now
        if rule.kind == "phrase":
            validate_phrase_rule(rule)
    return Pack(name, str(path), sha256, description, tuple(rules))


_FILE_FIELDS = ("description", "rules")


def _load_yaml(file: Path, raw: bytes) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from provenance.yamlguard import YAMLRefused, guard

    try:
        guard(raw)
        return YAML(typ="safe", pure=False).load(raw)
    except YAMLRefused as exc:
        raise PackError(f"{file}{f':{exc.line}' if exc.line else ''}: {exc.reason}") from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{file}{where}: invalid YAML ({problem})") from None


class _YamlLines:
    """Line numbers of nodes by path, from a round-trip parse made only when a
    problem needs one (the C loader that reads packs keeps no positions)."""

    def __init__(self, raw: bytes):
        self.raw = raw
        self._doc: Any = None
        self._failed = False

    def find(self, path: tuple) -> int | None:
        if self._doc is None and not self._failed:
            from ruamel.yaml import YAML

            try:
                self._doc = YAML(typ="rt").load(self.raw)
            except Exception:  # the safe loader read it; be content without a line
                self._failed = True
        node, line = self._doc, None
        for step in path:
            try:
                line = (node.lc.item(step) if isinstance(step, int) else node.lc.key(step))[0] + 1
                node = node[step]
            except (AttributeError, KeyError, IndexError, TypeError):
                break
        return line


def _rule_schema():
    from provenance.schema import Any_, ListOf, MapOf, OneOf, Str

    text = Str(nonempty=True)
    return {
        "code": text,
        "slug": text,
        "kind": text,
        "category": OneOf(CATEGORIES),
        "mqm": text,
        "severity": OneOf(SEVERITIES),
        "summary": text,
        "description": text,
        "message": Str(),
        "fix": OneOf(FIX_SAFETY),
        "scope": ListOf(OneOf(SCOPES), nonempty=True),
        "params": MapOf(Any_()),
        "examples": ListOf(MapOf(Any_()), nonempty=True),
        "phrases": ListOf(MapOf(Any_()), nonempty=True),
    }


def _example_schema():
    from provenance.schema import OneOf, Str

    langs = ("ar", "fa", "he", "tr", "ru", "uk", "ur", "hi", "zh", "fr", "de", "es")
    return {"bad": Str(), "good": Str(), "flag": Str(nonempty=True), "suggestion": Str(),
            "source": Str(nonempty=True), "lang": OneOf(langs), "source_flag": Str(nonempty=True)}


def _rule_from_yaml(item: Any, file: Path, index: int, pack: str, lines: "_YamlLines | None" = None) -> Rule:
    from provenance.schema import check_table

    lines = lines or _YamlLines(b"")
    at = ("rules", index)

    def fail(path: tuple, reason: str, label: str) -> PackError:
        line = lines.find((*at, *path))
        keys = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path).replace(".[", "[")
        return PackError(f"{file}{f':{line}' if line else ''}: {label}{f': {keys}' if keys else ''}: {reason}")

    if not isinstance(item, dict):
        raise fail((), "must be a mapping", f"rule #{index + 1}")
    code = item.get("code")
    label = f"rule {code}" if isinstance(code, str) and code else f"rule #{index + 1}"
    for key, reason in check_table(item, _rule_schema(), required=_REQUIRED):
        raise fail((key,) if key in item else (), f"{key}: {reason}" if key not in item else reason, label)
    for i, ex in enumerate(item["examples"]):
        for key, reason in check_table(ex, _example_schema(), required=("bad", "good")):
            raise fail(("examples", i, key) if key in ex else ("examples", i), reason if key in ex else f"{key}: {reason}", label)
    kind = item["kind"]
    raw_params = item.get("params") or {}
    from provenance.rules.params import KIND_PARAMS, PHRASE_ENTRY

    declared = KIND_PARAMS.get(kind)
    if declared is not None:
        for key, reason in check_table(raw_params, declared):
            raise fail(("params", key), f"{reason} (kind {kind})", label)
    if "phrases" in item:
        if kind != "phrase":
            raise fail(("phrases",), f"only rules of kind 'phrase' take phrases (this one is {kind!r})", label)
        for i, entry in enumerate(item["phrases"]):
            for key, reason in check_table(entry, PHRASE_ENTRY):
                raise fail(("phrases", i, key), reason, label)
            if "match" not in entry and "regex" not in entry:
                raise fail(("phrases", i), "a phrase needs 'match' or 'regex'", label)
            if "match" in entry and "regex" in entry:
                raise fail(("phrases", i), "a phrase has 'match' or 'regex', not both", label)
    elif kind == "phrase":
        raise fail(("kind",), "kind 'phrase' needs a 'phrases' list", label)
    for i, ex in enumerate(item["examples"]):
        if ("source" in ex) != ("lang" in ex):
            raise fail(("examples", i), "a pair example gives both 'source' and 'lang'", label)
    examples = tuple(
        Example(ex["bad"], ex["good"], ex.get("flag"), ex.get("suggestion"), ex.get("source"), ex.get("lang"), ex.get("source_flag"))
        for ex in item["examples"]
    )
    params = dict(raw_params)
    if "phrases" in item:
        params["phrases"] = item["phrases"]
    return Rule(
        code=item["code"],
        slug=item["slug"],
        kind=kind,
        category=item["category"],
        mqm=item["mqm"],
        severity=item["severity"],
        summary=item["summary"].strip(),
        description=item["description"].strip(),
        pack=pack,
        examples=examples,
        scope=tuple(item.get("scope") or DEFAULT_SCOPE),
        message=item.get("message"),
        params=params,
        fix=item.get("fix") or KIND_FIX_DEFAULT.get(kind, DEFAULT_FIX),
    )
