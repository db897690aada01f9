"""Editing glossary files without losing anything.

Every change is made under an exclusive lock on the file (``filelock``, a
hidden ``.NAME.lock`` beside it), on a round-trip parse that keeps comments,
order and quoting (ruamel.yaml), checked (the result must still be a valid
glossary) and written atomically (a temporary file renamed over the old one).
So two people or CI jobs adding entries at the same time both get their
entries in, and a process killed in the middle leaves either the old file or
the new one, never half of one.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from provenance.names.glossary import ENTRY_FIELDS, Entry, GlossaryError, Problem, display_path, form_key, parse

#: How long to wait for another writer before giving up.
LOCK_TIMEOUT = 60.0


class StoreError(Exception):
    """A change that cannot be made; str() is one line."""


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    return y


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def editing(path: Path, *, create: bool = False, description: str | None = None) -> Iterator["Editor"]:
    """Lock ``path``, yield an Editor on its current content, write it back if changed."""
    from filelock import FileLock, Timeout

    from provenance.fsutil import atomic_write, write_target

    try:
        # edit what a symbolic link points to: the lock and the temporary file sit
        # beside the shared file, and the link stays a link
        path, _ = write_target(Path(path))
    except OSError as exc:
        raise StoreError(f"{display_path(path)}: {exc.strerror or exc}") from None
    if not path.parent.is_dir():
        raise StoreError(f"{display_path(path)}: directory {display_path(path.parent)} does not exist")
    lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(f"{display_path(path)}: another process holds the lock {lock_path(path).name}") from None
    except OSError as exc:
        raise StoreError(f"{display_path(path)}: cannot lock ({exc.strerror or exc})") from None
    try:
        for stale in path.parent.glob(f".{path.name}.*.tmp"):
            # a temporary file of a writer that was killed before its rename (we hold the lock)
            try:
                stale.unlink()
            except OSError:
                pass
        editor = Editor.open(path, create=create, description=description)
        yield editor
        if editor.changed:
            text = editor.dump()
            _, problems = parse(text.encode("utf-8"), display_path(path))
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise GlossaryError(errors[0], len(errors) - 1)
            try:
                atomic_write(path, text)
            except OSError as exc:
                raise StoreError(f"{display_path(path)}: cannot write ({exc.strerror or exc})") from None
    finally:
        lock.release()


class Editor:
    """The round-trip document of one glossary file and the edits on it."""

    def __init__(self, path: Path, doc: Any):
        self.path = path
        self.doc = doc
        self.changed = False

    @classmethod
    def open(cls, path: Path, *, create: bool, description: str | None) -> "Editor":
        from ruamel.yaml.comments import CommentedMap, CommentedSeq
        from ruamel.yaml.error import YAMLError

        shown = display_path(path)
        if not path.exists():
            if not create:
                raise StoreError(f"{shown}: no such glossary file")
            doc = CommentedMap()
            doc["description"] = description or f"Name glossary {path.stem} (see docs/glossary.md)."
            doc["entries"] = CommentedSeq()
            editor = cls(path, doc)
            editor.changed = True
            return editor
        raw = path.read_bytes()
        _, problems = parse(raw, shown)
        fatal = [p for p in problems if p.severity == "error" and "empty glossary" not in p.message]
        if fatal:
            raise GlossaryError(fatal[0], len(fatal) - 1)
        try:
            doc = _yaml().load(raw.decode("utf-8-sig"))
        except YAMLError as exc:  # parse() accepted it, so this is unexpected
            raise StoreError(f"{shown}: cannot edit ({exc})") from None
        if doc is None:
            doc = CommentedMap()
        if doc.get("entries") is None:
            doc["entries"] = CommentedSeq()
        return cls(path, doc)

    # -- reading -------------------------------------------------------------------------
    @property
    def entries(self):
        return self.doc["entries"]

    def find(self, entry_id: str):
        for item in self.entries:
            if isinstance(item, dict) and item.get("id") == entry_id:
                return item
        return None

    def ids(self) -> list[str]:
        return [item.get("id") for item in self.entries if isinstance(item, dict)]

    # -- changing ------------------------------------------------------------------------
    def add_entry(self, entry: Entry | dict) -> None:
        data = entry.to_dict() if isinstance(entry, Entry) else dict(entry)
        if self.find(data["id"]) is not None:
            raise StoreError(f"{display_path(self.path)}: entry '{data['id']}' already exists")
        node = _commented(data)
        self.entries.append(node)
        if len(self.entries) > 1:
            self.entries.yaml_set_comment_before_after_key(len(self.entries) - 1, before="\n")
        self.changed = True

    def add_variant(self, entry_id: str, form: str, status: str, kind: str | None = None, note: str | None = None) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        item = self._require(entry_id)
        key = form_key(form)
        if form_key(str(item.get("canonical", ""))) == key:
            raise StoreError(f"entry '{entry_id}': {form!r} is its canonical form")
        variants = item.get("variants")
        if variants is None:
            variants = CommentedSeq()
            _insert_after(item, "variants", variants, ENTRY_FIELDS)
        for v in variants:
            if isinstance(v, dict) and form_key(str(v.get("form", ""))) == key:
                raise StoreError(f"entry '{entry_id}' already has the variant {form!r}")
        node = CommentedMap()
        node["form"] = form
        node["status"] = status
        if kind:
            node["kind"] = kind
        if note:
            node["note"] = note
        variants.append(node)
        self.changed = True

    def add_source_form(self, entry_id: str, form: str, lang: str) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        item = self._require(entry_id)
        forms = item.get("source_forms")
        if forms is None:
            forms = CommentedSeq()
            _insert_after(item, "source_forms", forms, ENTRY_FIELDS)
        if any(isinstance(s, dict) and s.get("form") == form and s.get("lang") == lang for s in forms):
            return
        node = CommentedMap()
        node["form"] = form
        node["lang"] = lang
        forms.append(node)
        self.changed = True

    def remove_entry(self, entry_id: str) -> None:
        item = self._require(entry_id)
        self.entries.remove(item)
        self.changed = True

    def remove_variant(self, entry_id: str, form: str) -> None:
        item = self._require(entry_id)
        variants = item.get("variants") or []
        key = form_key(form)
        for v in list(variants):
            if isinstance(v, dict) and form_key(str(v.get("form", ""))) == key:
                variants.remove(v)
                if not variants:
                    del item["variants"]
                self.changed = True
                return
        raise StoreError(f"entry '{entry_id}' has no variant {form!r}")

    def _require(self, entry_id: str):
        item = self.find(entry_id)
        if item is None:
            raise StoreError(f"{display_path(self.path)}: no entry '{entry_id}'")
        return item

    def dump(self) -> str:
        out = io.StringIO()
        _yaml().dump(self.doc, out)
        return out.getvalue()


def _commented(data: Any):
    """Plain data as ruamel's commented containers (so they dump in block style)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(data, dict):
        m = CommentedMap()
        for k, v in data.items():
            m[k] = _commented(v)
        return m
    if isinstance(data, (list, tuple)):
        s = CommentedSeq()
        for v in data:
            s.append(_commented(v))
        if data and all(isinstance(v, str) for v in data) and len(data) <= 4:
            s.fa.set_flow_style()  # context_required: [Lew, Liu]
        return s
    return data


def _insert_after(item, key: str, value, order: tuple[str, ...]) -> None:
    """Insert ``key`` where the field order puts it (variants after canonical...)."""
    pos = len(item)
    rank = order.index(key)
    for i, existing in enumerate(item):
        if existing in order and order.index(existing) > rank:
            pos = i
            break
    item.insert(pos, key, value)


__all__ = ["Editor", "LOCK_TIMEOUT", "Problem", "StoreError", "editing", "lock_path"]
