"""The name glossary: YAML files people maintain in git (docs/glossary.md).

Loading is strict: a problem in any file (YAML syntax, an unknown field, a
duplicate id, one form claimed by two entries, a regex-looking form, an empty
glossary) is a ``GlossaryError`` naming the file and line, and the check stops
with exit 2. ``lint()`` reports every problem instead of the first.

Files are parsed with the C YAML loader; validated entries are cached per file
(keyed by the file's SHA-256) so a 10,000-entry glossary is not parsed on every
run. Line numbers for problems come from a second, round-trip parse that only
happens when there is a problem to report.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from provenance.cache import register as cache_register
from provenance.config import ConfigError

TYPES = ("person", "organization", "outlet", "place", "title", "term")
STATUSES = ("admitted", "deprecated", "forbidden")
KINDS = ("nickname", "transliteration", "misspelling", "mt-artifact", "short-form")
ENTRY_FIELDS = ("id", "type", "canonical", "variants", "source_forms", "forms", "context_required", "never_merge_with", "notes", "sources")
VARIANT_FIELDS = ("form", "status", "kind", "note")
SOURCE_FORM_FIELDS = ("form", "lang", "note")
FILE_FIELDS = ("description", "entries")

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
#: Forms are literal text. These characters mean a pattern was meant; say so rather than match them literally.
_REGEX_CHARS = re.compile(r"[\\*+?\[\]{}()|^$<>]")
_MAX_FORM = 120
#: Bump when the cached form of a file changes.
_CACHE_FORMAT = 1


def default_glossary_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "glossaries" / "default"


class GlossaryError(ConfigError):
    """A glossary that cannot be used; str() is one line with file and line."""

    def __init__(self, problem: "Problem", more: int = 0):
        self.problem = problem
        self.more = more
        suffix = f" (and {more} more problem{'s' if more > 1 else ''}: run provenance glossary lint)" if more else ""
        super().__init__(str(problem) + suffix)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    message: str
    severity: str = "error"  # or "warning" (lint only; the glossary still loads)

    def __post_init__(self):
        if not self.message.isprintable():  # a quoted key or value must not break the line
            from provenance.schema import one_line

            object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class Variant(NamedTuple):
    form: str
    status: str
    kind: str | None = None
    note: str | None = None


class SourceForm(NamedTuple):
    form: str
    lang: str
    note: str | None = None


class Entry(NamedTuple):
    """One glossary entry (a named tuple: cheap to build and to cache by the ten thousand)."""

    id: str
    type: str
    canonical: str
    variants: tuple[Variant, ...] = ()
    source_forms: tuple[SourceForm, ...] = ()
    context_required: tuple[str, ...] = ()
    never_merge_with: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[str, ...] = ()
    #: Where it was read: the file as displayed, and (imports) a 1-based line.
    file: str = ""
    line: int | None = None

    def all_forms(self) -> tuple[str, ...]:
        return (self.canonical, *(v.form for v in self.variants))

    def variant(self, form: str) -> Variant | None:
        key = form_key(form)
        return next((v for v in self.variants if form_key(v.form) == key), None)

    def to_dict(self) -> dict[str, Any]:
        """The entry as it is written in YAML (empty fields left out)."""
        out: dict[str, Any] = {"id": self.id, "type": self.type, "canonical": self.canonical}
        if self.variants:
            out["variants"] = [
                {k: v for k, v in (("form", x.form), ("status", x.status), ("kind", x.kind), ("note", x.note)) if v}
                for x in self.variants
            ]
        if self.source_forms:
            out["source_forms"] = [
                {k: v for k, v in (("form", x.form), ("lang", x.lang), ("note", x.note)) if v} for x in self.source_forms
            ]
        if self.context_required:
            out["context_required"] = list(self.context_required)
        if self.never_merge_with:
            out["never_merge_with"] = list(self.never_merge_with)
        if self.notes:
            out["notes"] = self.notes
        if self.sources:
            out["sources"] = list(self.sources)
        return out


class FormRef(NamedTuple):
    """One written form of an entry, as the matcher and the checks see it."""

    form: str
    entry: str
    status: str  # canonical | admitted | deprecated | forbidden
    kind: str | None = None
    note: str | None = None
    #: Only after a full form of the entry appeared earlier in the document.
    context_only: bool = False


# the records the on-disk cache may rebuild (it constructs nothing else)
cache_register(Problem, Variant, SourceForm, Entry, FormRef)


def form_key(form: str) -> str:
    """Forms compare without case and with whitespace and apostrophes normalized."""
    return " ".join(form.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


# -- reading one file --------------------------------------------------------------


@dataclass
class GlossaryFile:
    path: Path
    display: str
    sha256: str
    entries: list[Entry]
    problems: list[Problem]
    is_default: bool = False


def display_path(path: Path) -> str:
    """Relative to the current directory when below it, else as it is (never made absolute)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_file(path: Path, *, is_default: bool = False, display: str | None = None, raw: bytes | None = None) -> GlossaryFile:
    shown = display or _shown(path, is_default)
    if raw is None:
        raw, problem = _read(path, shown)
        if problem is not None:
            return GlossaryFile(path, shown, "", [], [problem], is_default)
    entries, problems = parse(raw, shown)
    return GlossaryFile(path, shown, hashlib.sha256(raw).hexdigest(), [e._replace(file=shown) for e in entries], problems, is_default)


def _shown(path: Path, is_default: bool) -> str:
    return f"<default>/{path.name}" if is_default else display_path(path)


def _read(path: Path, shown: str) -> tuple[bytes, Problem | None]:
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        return b"", Problem(shown, None, "no such glossary file")
    except IsADirectoryError:
        return b"", Problem(shown, None, "is a directory (glossary files are .yaml)")
    except OSError as exc:
        return b"", Problem(shown, None, f"cannot read ({exc.strerror or exc})")


#: Files parsed in this process, by content hash and shown name: one `glossary add`
#: reads the file it edits five times (target, load, editor, check after the write),
#: each 1.5 s at 50,000 entries. Small: only the last few files are kept.
_PARSED: dict[bytes, tuple[tuple[Entry, ...], tuple[Problem, ...]]] = {}
_PARSED_MAX = 4


def remember(raw: bytes, shown: str, entries: list[Entry], problems: list[Problem]) -> None:
    """Record what ``parse(raw, shown)`` returns (an editor that wrote ``raw`` and
    checked the part it changed knows the result without reading 50,000 entries)."""
    key = hashlib.sha256(raw).digest()
    _PARSED.pop(key, None)
    while len(_PARSED) >= _PARSED_MAX:
        del _PARSED[next(iter(_PARSED))]
    _PARSED[key] = (tuple(entries), tuple(problems))


def parse(raw: bytes, shown: str) -> tuple[list[Entry], list[Problem]]:
    """Entries and problems of one glossary file's bytes."""
    hit = _PARSED.get(hashlib.sha256(raw).digest())
    if hit is not None:  # entries carry no file name; problems are named for this reading
        return list(hit[0]), [p if p.file == shown else Problem(shown, p.line, p.message, p.severity) for p in hit[1]]
    entries, problems = _parse(raw, shown)
    if len(raw) > 65536:  # small files parse in milliseconds; keep only the costly ones
        remember(raw, shown, entries, problems)
    return entries, problems


def _parse(raw: bytes, shown: str) -> tuple[list[Entry], list[Problem]]:
    from ruamel.yaml.error import YAMLError

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(shown, line, "not UTF-8 text")]
    if not text.strip():
        return [], [Problem(shown, None, "empty glossary (a glossary is a mapping with an 'entries' list)")]
    from provenance.yamlguard import YAMLRefused, load as load_yaml

    try:
        # the libyaml events built into plain data in one pass (aliases and deep
        # nesting refused): five times faster than ruamel's loader on large files
        data = load_yaml(text)
    except YAMLRefused as exc:
        return [], [Problem(shown, exc.line, exc.reason)]
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).strip().splitlines()[0]
        if "duplicate key" in str(problem):
            problem = problem.split(" with value")[0]
        return [], [Problem(shown, mark.line + 1 if mark is not None else None, f"invalid YAML ({problem})")]
    from provenance.names.glossary_schema import validate

    entries, located = validate(data, shown)
    if not located:
        return entries, []
    lines = _LineFinder(text)
    return entries, [Problem(shown, lines.find(path), msg, sev) for path, msg, sev in located]


class _LineFinder:
    """Line numbers of YAML nodes by path, from a round-trip parse made on demand."""

    def __init__(self, text: str):
        self.text = text
        self._doc = None

    def find(self, path: tuple) -> int | None:
        if self._doc is None:
            from ruamel.yaml import YAML

            try:
                self._doc = YAML(typ="rt").load(self.text)
            except Exception:  # the safe loader accepted it; be content without a line
                return None
        node, line = self._doc, None
        for step in path:
            try:
                if isinstance(step, int):
                    line = node.lc.item(step)[0] + 1
                else:
                    line = node.lc.key(step)[0] + 1
                node = node[step]
            except (AttributeError, KeyError, IndexError, TypeError):
                break
        return line


def _close(word: str, choices: Iterable[str]) -> str:
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f"; did you mean '{near[0]}'?" if near else ""


# -- the cache -----------------------------------------------------------------------


def _cache_get(key: str):
    from provenance import cache

    return cache.get("glossary", f"{key}-v{_CACHE_FORMAT}")


def _cache_put(key: str, state) -> None:
    from provenance import cache

    cache.put("glossary", f"{key}-v{_CACHE_FORMAT}", state)


# -- the glossary ------------------------------------------------------------------------


class Glossary:
    """Entries of one or more files, with the form index the checks use."""

    def __init__(self, files: list[GlossaryFile], state: tuple | None = None):
        self.files = files
        self._automaton = None
        if state is not None:  # from the cache
            self.entries, self.forms, self.problems = state
            self.by_id = {e.id: e for e in self.entries}
            return
        self.problems: list[Problem] = [p for f in files for p in f.problems]
        self.entries: list[Entry] = []
        self.by_id: dict[str, Entry] = {}
        self.forms: dict[str, list[FormRef]] = {}
        self._assemble()

    def state(self) -> tuple:
        return self.entries, self.forms, self.problems

    # -- building -------------------------------------------------------------------
    def _assemble(self) -> None:
        origin: dict[str, GlossaryFile] = {}
        position: dict[str, int] = {}
        for f in self.files:
            for e in f.entries:
                prev = self.by_id.get(e.id)
                if prev is not None:
                    if origin[e.id].is_default and not f.is_default:
                        # a desk's own entry replaces the default one with the same id
                        self.entries[position[e.id]] = e
                        self.by_id[e.id] = e
                        origin[e.id] = f
                        continue
                    self.problems.append(Problem(f.display, self._line(f, e), f"duplicate id '{e.id}' (also in {prev.file})"))
                    continue
                self.by_id[e.id] = e
                origin[e.id] = f
                position[e.id] = len(self.entries)
                self.entries.append(e)
        claimed: dict[str, FormRef] = {}
        for e in self.entries:
            refs = [FormRef(e.canonical, e.id, "canonical")]
            refs += [FormRef(v.form, e.id, v.status, v.kind, v.note) for v in e.variants]
            for ref in refs:
                key = form_key(ref.form)
                other = claimed.get(key)
                if other is not None and other.entry != e.id:
                    where = self.by_id[other.entry].file
                    self.problems.append(
                        Problem(e.file, self._line(origin[e.id], e, ref.form), f"form {ref.form!r} of '{e.id}' is also a form of '{other.entry}' ({where})")
                    )
                    continue
                claimed[key] = ref
                self.forms.setdefault(key, []).append(ref)
        for e in self.entries:
            for short in e.context_required:
                key = form_key(short)
                if key in claimed and claimed[key].entry != e.id:
                    continue  # a full form of another entry wins over a context-only short form
                if key in claimed:
                    continue  # already a full form of this entry
                status = _short_form_status(e, short)
                self.forms.setdefault(key, []).append(FormRef(short, e.id, status, "short-form", None, True))
            for other in e.never_merge_with:
                if other not in self.by_id:
                    self.problems.append(Problem(e.file, self._line(origin[e.id], e), f"entry {e.id}: never_merge_with names unknown id '{other}'", "warning"))
                elif set(map(form_key, self.by_id[other].all_forms())) & set(map(form_key, e.all_forms())):
                    self.problems.append(Problem(e.file, self._line(origin[e.id], e), f"entry {e.id}: shares a form with '{other}', which it must never be merged with"))

    def _line(self, f: GlossaryFile, entry: Entry, form: str | None = None) -> int | None:
        """Line of an entry (or of one of its forms) in its file, found by reading
        it again: once per file, its id lines indexed in one pass (a file given
        twice has a problem per entry; a search per problem was quadratic)."""
        index = self._id_lines.get(f.path) if hasattr(self, "_id_lines") else None
        if index is None:
            if not hasattr(self, "_id_lines"):
                self._id_lines: dict[Path, tuple[str, dict[str, tuple[int, int, int]]]] = {}
            try:
                text = f.path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                text = ""
            ids: dict[str, tuple[int, int]] = {}
            line = 1
            last = 0
            for m in re.finditer(r"^\s*-?\s*id:\s*['\"]?([^'\"#\n]*?)['\"]?\s*(?:#.*)?$", text, re.M):
                line += text.count("\n", last, m.start())
                last = m.start()
                ids.setdefault(m.group(1), (m.start(), m.end(), line))
            index = self._id_lines[f.path] = (text, ids)
        text, ids = index
        found = ids.get(entry.id)
        if found is None:
            return None
        start, end, line = found
        if form is not None:
            n = text.find(form, end)
            if n >= 0:
                line += text.count("\n", start, n)
        return line

    # -- using ------------------------------------------------------------------------
    def raise_for_problems(self) -> None:
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            raise GlossaryError(errors[0], len(errors) - 1)

    def entry_for_form(self, form: str) -> Entry | None:
        refs = [r for r in self.forms.get(form_key(form), ()) if not r.context_only]
        return self.by_id[refs[0].entry] if refs else None

    def refs(self, form: str) -> list[FormRef]:
        return self.forms.get(form_key(form), [])

    @property
    def sha256(self) -> str:
        h = hashlib.sha256()
        for f in self.files:
            h.update(f.sha256.encode() + b"\0")
        return h.hexdigest()

    def signature(self) -> str:
        names: list[str] = []
        for f in self.files:
            name = "default" if f.is_default else f.path.stem
            if name not in names:
                names.append(name)
        return f"glossary:{'+'.join(names) or 'none'}@{self.sha256[:8]}"

    def automaton(self):
        """Aho-Corasick automaton over the lower-cased forms: key -> (key, [FormRef...])."""
        if self._automaton is None:
            import ahocorasick

            auto = ahocorasick.Automaton()
            for key, refs in self.forms.items():
                auto.add_word(key, (key, tuple(refs)))
            if len(auto):
                auto.make_automaton()
            self._automaton = auto
        return self._automaton

    def __len__(self) -> int:
        return len(self.entries)


def _short_form_status(entry: Entry, short: str) -> str:
    """A context-only short form takes the status of the full form it is the last word of."""
    key = form_key(short)
    if form_key(entry.canonical).endswith(key):
        return "canonical"
    for v in entry.variants:
        if form_key(v.form).endswith(key):
            return v.status
    return "admitted"


# -- which files ---------------------------------------------------------------------------


def default_files() -> list[Path]:
    return sorted(default_glossary_dir().glob("*.yaml"))


def expand(paths: Iterable[Path]) -> list[Path]:
    """Directories stand for the .yaml/.yml files in them (sorted). A file named
    twice (the configuration's glossary given again with --glossary) is read once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for p in map(Path, paths):
        for f in sorted([*p.glob("*.yaml"), *p.glob("*.yml")]) if p.is_dir() else [p]:
            try:
                key = f.resolve()
            except (OSError, RuntimeError):  # a symlink loop: let the read report it
                key = f
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


NAMES_SECTION_KEYS = ("default-glossary", "cache")


def names_settings(config) -> dict[str, Any]:
    section = config.section("names")
    where = str(config.source) if config.source else "configuration"
    for key in section:
        if key not in NAMES_SECTION_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' in [tool.provenance.names] (known: {', '.join(NAMES_SECTION_KEYS)})")
    for key in NAMES_SECTION_KEYS:
        if key in section and not isinstance(section[key], bool):
            raise ConfigError(f"{where}: [tool.provenance.names] {key} must be true or false")
    return {"default-glossary": section.get("default-glossary", True), "cache": section.get("cache", True)}


def load(paths: Iterable[Path] = (), *, default: bool = True, use_cache: bool = True, strict: bool = True) -> Glossary:
    """The default glossary (unless ``default`` is false) followed by ``paths``.

    The assembled glossary is cached under a key made of every file's name and
    SHA-256, so a changed file (or another combination) is parsed again.
    """
    specs = [(p, True) for p in default_files()] if default else []
    specs += [(p, False) for p in expand(paths)]
    read: list[tuple[Path, bool, str, bytes, Problem | None]] = []
    # the layout of what is cached is part of the key: a changed class never reads an old entry
    layout = (Entry._fields, Variant._fields, SourceForm._fields, FormRef._fields, Problem.__slots__)
    key = hashlib.sha256(f"glossary-v{_CACHE_FORMAT}-{layout}".encode())
    for path, is_default in specs:
        shown = _shown(path, is_default)
        raw, problem = _read(path, shown)
        read.append((path, is_default, shown, raw, problem))
        key.update(f"\0{shown}\0{int(is_default)}\0".encode() + hashlib.sha256(raw).digest())
    cacheable = use_cache and all(problem is None for *_, problem in read)
    if cacheable:
        state = _cache_get(key.hexdigest())
        if state is not None:
            files = [GlossaryFile(p, shown, hashlib.sha256(raw).hexdigest(), [], [], d) for p, d, shown, raw, _ in read]
            return Glossary(files, state)
    files = []
    for path, is_default, shown, raw, problem in read:
        if problem is not None:
            files.append(GlossaryFile(path, shown, "", [], [problem], is_default))
        else:
            files.append(read_file(path, is_default=is_default, display=shown, raw=raw))
    glossary = Glossary(files)
    if cacheable and not any(p.severity == "error" for p in glossary.problems):
        _cache_put(key.hexdigest(), glossary.state())
    if strict:
        glossary.raise_for_problems()
    return glossary


def load_for_config(config, *, strict: bool = True) -> Glossary:
    settings = names_settings(config)
    paths = [config.resolve(p) for p in config.glossaries]
    return load(paths, default=settings["default-glossary"], use_cache=settings["cache"], strict=strict)


def validate_entry(data: dict[str, Any]) -> list[str]:
    """Problems of one entry given as plain data (for imports), as messages."""
    from provenance.names.glossary_schema import entry

    messages: list[str] = []
    entry(data, ("entries", 0), lambda path, message, severity="error": messages.append(message) if severity == "error" else None)
    return messages
