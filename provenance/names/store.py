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

from provenance.names.glossary import ENTRY_FIELDS, Entry, GlossaryError, Problem, display_path, form_key, parse, remember

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
            known = None  # the entries of ``text``, when only the changed parts were read
            if editor.spliced_only:
                # entries edited in place, each read back alone (splice.py); the rest is as it was
                known = editor.kept_entries()
                entries, problems, fine = known, [], True
            elif editor.appended_as_text and editor.text is not None and editor.checked:
                # the file's own text was read and found valid when it was opened:
                # only the appended entries need reading back (not 50,000 again)
                entries, problems = parse(editor.appended_chunk.encode("utf-8"), display_path(path))
                fine = editor.reads_back(entries, problems, alone=True)
                if fine:
                    known = editor.kept_entries() + entries
            else:
                entries, problems = parse(text.encode("utf-8"), display_path(path))
                fine = not editor.appended_as_text or editor.reads_back(entries, problems)
            if not fine:
                text = editor.dump(round_trip=True)  # the appended text did not read back as written
                entries, problems = parse(text.encode("utf-8"), display_path(path))
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise GlossaryError(errors[0], len(errors) - 1)
            try:
                atomic_write(path, text)
            except OSError as exc:
                raise StoreError(f"{display_path(path)}: cannot write ({exc.strerror or exc})") from None
            if known is not None and not editor.problems:
                remember(text.encode("utf-8"), display_path(path), known, [])  # the check after the write
    finally:
        lock.release()


class Editor:
    """One glossary file and the edits on it.

    New entries are kept as plain data and, when nothing else changes, written
    after the file's text (``provenance.names.append``): no round-trip parse of
    a large file for one ``glossary add``. Any other edit loads the round-trip
    document (comments, order and quoting kept) and the pending entries join it."""

    def __init__(self, path: Path, doc: Any = None, *, text: str | None = None, entries: list[Entry] | None = None, description: str | None = None, problems: list[Problem] | None = None):
        self.path = path
        self._entries = list(entries or [])
        #: Problems (warnings) of the file as read.
        self.problems = list(problems or [])
        #: Entries edited in place as text (splice.py), by id; their lines, the dash column.
        self._frags: dict[str, Any] = {}
        self._lines: list[str] | None = None
        self._dash: int | None = None
        self._ids: dict[str, list[int]] = {}
        #: Entries as they read back after the in-place edits, by id; the ids removed.
        self._edited: dict[str, Entry] = {}
        self._removed: set[str] = set()
        #: The text of the file was changed only in place and every change read back.
        self.spliced_only = False
        #: The file's text (after any in-place edits) is known to be valid.
        self.checked = True
        self._doc = doc
        self.text = text
        self.description = description
        self.changed = False
        #: Entries of the file as read (by id), and entries added but not yet in the document.
        self._read: dict[str, Entry] = {e.id: e for e in entries or []}
        self._order: list[str] = [e.id for e in entries or []]
        self._pending: dict[str, dict] = {}
        self._nodes: dict[str, Any] | None = None
        #: dump() wrote the pending entries as text after the file's own.
        self.appended_as_text = False

    @classmethod
    def open(cls, path: Path, *, create: bool, description: str | None) -> "Editor":
        shown = display_path(path)
        if not path.exists():
            if not create:
                raise StoreError(f"{shown}: no such glossary file")
            editor = cls(path, description=description or f"Name glossary {path.stem} (see docs/glossary.md).")
            editor.changed = True
            return editor
        raw = path.read_bytes()
        entries, problems = parse(raw, shown)
        fatal = [p for p in problems if p.severity == "error" and "empty glossary" not in p.message]
        if fatal:
            raise GlossaryError(fatal[0], len(fatal) - 1)
        return cls(path, text=raw.decode("utf-8-sig"), entries=entries, problems=problems)

    @property
    def doc(self):
        """The round-trip document (loaded on first use), with the pending entries in it."""
        if self._doc is None and self._frags:
            self._splice()  # the in-place edits go into the text the whole document is read from
        if self._doc is None:
            from ruamel.yaml.comments import CommentedMap, CommentedSeq
            from ruamel.yaml.error import YAMLError

            if self.text is None:
                doc = CommentedMap()
                doc["description"] = self.description
                doc["entries"] = CommentedSeq()
            else:
                try:
                    doc = _yaml().load(self.text)
                except YAMLError as exc:  # parse() accepted it, so this is unexpected
                    raise StoreError(f"{display_path(self.path)}: cannot edit ({exc})") from None
                if doc is None:
                    doc = CommentedMap()
                if doc.get("entries") is None:
                    doc["entries"] = CommentedSeq()
            self._doc = doc
        if self._nodes is None:
            self._nodes = {}
            for item in self._doc["entries"]:
                if isinstance(item, dict) and item.get("id") is not None:
                    self._nodes.setdefault(item.get("id"), item)
        if self._pending:
            pending, self._pending = self._pending, {}
            for data in pending.values():
                self._append_node(data)
        return self._doc

    # -- reading -------------------------------------------------------------------------
    @property
    def entries(self):
        return self.doc["entries"]

    def find(self, entry_id: str):
        """The entry with this id (a mapping; change it through the methods below), or None."""
        if self._nodes is not None:
            return self._nodes.get(entry_id)
        if entry_id in self._frags:
            frag = self._frags[entry_id]
            return None if frag.removed else frag.node
        if entry_id in self._pending:
            return self._pending[entry_id]
        entry = self._read.get(entry_id)
        return entry.to_dict() if entry is not None else None

    def ids(self) -> list[str]:
        if self._nodes is not None:
            return [item.get("id") for item in self.entries if isinstance(item, dict)]
        gone = {i for i, f in self._frags.items() if f.removed} | self._removed
        return [*(i for i in self._order if i not in gone), *self._pending]

    # -- changing ------------------------------------------------------------------------
    def add_entry(self, entry: Entry | dict) -> None:
        data = entry.to_dict() if isinstance(entry, Entry) else dict(entry)
        if self.find(data["id"]) is not None:
            raise StoreError(f"{display_path(self.path)}: entry '{data['id']}' already exists")
        if self._nodes is None:
            self._pending[data["id"]] = data
        else:
            self._append_node(data)
        self.changed = True

    def _append_node(self, data: dict) -> None:
        node = _commented(data)
        entries = self._doc["entries"]
        entries.append(node)
        if len(entries) > 1:
            entries.yaml_set_comment_before_after_key(len(entries) - 1, before="\n")
        self._nodes.setdefault(data["id"], node)

    def _pending_entry(self, entry_id: str) -> dict | None:
        return self._pending.get(entry_id) if self._nodes is None else None

    def add_variant(self, entry_id: str, form: str, status: str, kind: str | None = None, note: str | None = None) -> None:
        pending = self._pending_entry(entry_id)
        if pending is not None:
            key = form_key(form)
            if form_key(str(pending.get("canonical", ""))) == key:
                raise StoreError(f"entry '{entry_id}': {form!r} is its canonical form")
            if any(form_key(str(v.get("form", ""))) == key for v in pending.get("variants", [])):
                raise StoreError(f"entry '{entry_id}' already has the variant {form!r}")
            variant = {k: v for k, v in (("form", form), ("status", status), ("kind", kind), ("note", note)) if v}
            self._pending[entry_id] = _with_field(pending, "variants", [*pending.get("variants", []), variant])
            self.changed = True
            return
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
        pending = self._pending_entry(entry_id)
        if pending is not None:
            forms = pending.get("source_forms", [])
            if not any(f.get("form") == form and f.get("lang") == lang for f in forms):
                self._pending[entry_id] = _with_field(pending, "source_forms", [*forms, {"form": form, "lang": lang}])
                self.changed = True
            return
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
        frag = self._fragment(entry_id) if len(self._order) > 1 else None
        if frag is not None and not frag.removed:
            frag.removed = True
            self.changed = True
            return
        self.doc  # noqa: B018 - pending entries join the document first
        item = self._require(entry_id)
        self.entries.remove(item)
        if self._nodes.get(entry_id) is item:
            del self._nodes[entry_id]
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
        frag = self._fragment(entry_id)
        if frag is not None:
            if frag.removed:
                raise StoreError(f"{display_path(self.path)}: no entry '{entry_id}'")
            return frag.node
        self.doc  # noqa: B018 - changes are made on the round-trip document
        item = self.find(entry_id)
        if item is None:
            raise StoreError(f"{display_path(self.path)}: no entry '{entry_id}'")
        return item

    def _fragment(self, entry_id: str):
        """The entry's lines as a round-trip fragment of their own (splice.py), or
        None: then the whole document is loaded."""
        from provenance.names import append, splice

        if entry_id in self._frags:
            return self._frags[entry_id]
        if self._doc is not None or self.text is None or entry_id in self._pending or entry_id not in self._read:
            return None
        if self._lines is None:
            self._dash = append.append_point(self.text)
            self._lines = self.text.splitlines(keepends=True)
            self._ids = splice.index(self._lines)
        if self._dash is None:
            return None
        span = splice.locate(self._lines, entry_id, self._dash, self._ids)
        frag = splice.load(self._lines, *span) if span is not None else None
        if frag is None or splice.dump(frag, self._dash) is None:
            return None
        entries, problems = parse(frag.text.encode("utf-8"), display_path(self.path))
        if any(p.severity == "error" for p in problems) or entries != [self._read[entry_id]]:
            return None  # the lines found are not the entry the file holds
        self._frags[entry_id] = frag
        return frag

    def _splice(self) -> None:
        """Put the in-place edits into the text; read each edited entry back alone."""
        from provenance.names import splice

        new: dict[int, list[str]] = {}
        for entry_id, frag in self._frags.items():
            if frag.removed:
                self._removed.add(entry_id)
                continue
            lines = splice.dump(frag, self._dash)
            if lines is None:  # it dumped with its dash there before the edit
                raise StoreError(f"{display_path(self.path)}: cannot edit entry '{entry_id}' in place")
            entries, problems = parse(("entries:\n" + "".join(lines)).encode("utf-8"), display_path(self.path))
            if any(p.severity == "error" for p in problems) or len(entries) != 1 or entries[0].id != entry_id:
                self.checked = False  # the whole file is read after the write and says what is wrong
            else:
                self._edited[entry_id] = entries[0]
            new[frag.start] = lines
        self.text = "".join(splice.splice(self._lines, list(self._frags.values()), new))
        self._frags, self._lines, self._dash = {}, None, None

    def kept_entries(self) -> list[Entry]:
        """The file's entries after the in-place edits (valid when ``checked``)."""
        return [self._edited.get(e.id, e) for e in self._entries if e.id not in self._removed]

    def dump(self, *, round_trip: bool = False) -> str:
        self.appended_as_text = False
        self.spliced_only = False
        if self._frags:
            self._splice()
        if not round_trip and self._nodes is None and not self._pending and self.text is not None and self.checked and (self._edited or self._removed):
            self.spliced_only = True
            return self.text
        if not round_trip and self._nodes is None:
            text = self._append_text()
            if text is not None:
                self.appended_as_text = True
                return text
        out = io.StringIO()
        _yaml().dump(self.doc, out)
        return out.getvalue()

    def _append_text(self) -> str | None:
        """The file's text with the pending entries after it, or None when the
        file's shape does not allow that (the round trip then writes it)."""
        from provenance.names import append

        if self.text is None:
            lines, dash, gap = append.header(self.description), 2, False
        else:
            dash = append.append_point(self.text)
            if dash is None:
                return None
            lines, gap = [self.text.rstrip("\n")], True
        chunk = ["entries:"]
        for data in self._pending.values():
            rendered = append.render_entry(data, dash)
            if rendered is None:
                return None
            if gap:
                lines.append("")
            lines += rendered
            chunk += rendered
            gap = True
        #: The appended entries alone, as a glossary (read back by ``editing``).
        self.appended_chunk = "\n".join(chunk) + "\n"
        return "\n".join(lines) + "\n"

    def reads_back(self, entries: list[Entry], problems: list[Problem], *, alone: bool = False) -> bool:
        """Did the text from dump() (``alone``: the appended chunk) read back with
        the pending entries as written?"""
        before = 0 if alone else len(self._order)
        if any(p.severity == "error" for p in problems) or len(entries) != before + len(self._pending):
            return False
        tail = entries[before:]
        return all(e.to_dict() == _plain(data) for e, data in zip(tail, self._pending.values()))


def _with_field(data: dict, key: str, value) -> dict:
    """``data`` with ``key`` set, placed where the field order puts it."""
    out = {k: v for k, v in data.items() if k != key}
    out[key] = value
    return {k: out[k] for k in sorted(out, key=lambda k: ENTRY_FIELDS.index(k) if k in ENTRY_FIELDS else len(ENTRY_FIELDS))}


def _plain(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_plain(v) for v in data]
    return data


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
