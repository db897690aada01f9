"""TBX: export TBX-Basic (TBX v3, ISO 30042:2019, DCA style) and import TBX v3
and the older TBX v2 (``<martif>``).

One ``conceptEntry`` per glossary entry: its id, its type as ``subjectField``,
the English terms in an ``en`` language section and the source forms in their
own. The glossary statuses map onto TBX-Basic's administrative statuses:

    canonical  -> preferredTerm-admn-sts
    admitted   -> admittedTerm-admn-sts
    deprecated -> supersededTerm-admn-sts
    forbidden  -> deprecatedTerm-admn-sts

Concept ids are kept when they are slugs (``jack-lew``); serial numbers that
termbases generate (``c1``, ``t0042``) become a slug of the canonical form.
The variant kind, notes, ``never_merge_with``, ``context_required`` short forms
and sources travel as ``<note>`` elements with a ``kind:``/``never_merge_with:``/
``source:`` prefix, so a glossary exported and imported again is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from provenance.names.glossary import TYPES, Entry, Problem, SourceForm, Variant, _ID

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_TO_TBX = {
    "canonical": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "supersededTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_FROM_TBX = {
    "preferredterm-admn-sts": "canonical",
    "preferred": "canonical",
    "admittedterm-admn-sts": "admitted",
    "admitted": "admitted",
    "standardizedterm-admn-sts": "admitted",
    "supersededterm-admn-sts": "deprecated",
    "superseded": "deprecated",
    "deprecatedterm-admn-sts": "forbidden",
    "deprecated": "forbidden",
    "notrecommended": "forbidden",
}
_GENERATED_ID = re.compile(r"^[a-z]{1,4}-?\d+$")
_RNG = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng"


class TBXError(Exception):
    """A TBX file that cannot be imported; str() names the file and line."""


# -- export ---------------------------------------------------------------------------------


def export(entries: list[Entry], source: str = "provenance glossary") -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml-model href="{_RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX_NS}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        f"      <sourceDesc><p>{escape(source)}</p></sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for e in entries:
        out.append(f"      <conceptEntry id={quoteattr(e.id)}>")
        out.append(f'        <descrip type="subjectField">{escape(e.type)}</descrip>')
        if e.notes:
            out.append(f"        <note>{escape(e.notes)}</note>")
        for other in e.never_merge_with:
            out.append(f"        <note>never_merge_with: {escape(other)}</note>")
        for s in e.sources:
            out.append(f"        <note>source: {escape(s)}</note>")
        out.append('        <langSec xml:lang="en">')
        out += _term(e.canonical, "canonical", None, None)
        for v in e.variants:
            out += _term(v.form, v.status, v.kind, v.note)
        for short in e.context_required:
            out += _term(short, None, "short-form", None, context=True)
        out.append("        </langSec>")
        by_lang: dict[str, list[SourceForm]] = {}
        for s in e.source_forms:
            by_lang.setdefault(s.lang, []).append(s)
        for lang, forms in by_lang.items():
            out.append(f"        <langSec xml:lang={quoteattr(lang)}>")
            for s in forms:
                out += _term(s.form, None, None, s.note)
            out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out)


def _term(form: str, status: str | None, kind: str | None, note: str | None, context: bool = False) -> list[str]:
    lines = ["          <termSec>", f"            <term>{escape(form)}</term>"]
    if status:
        lines.append(f'            <termNote type="administrativeStatus">{_TO_TBX[status]}</termNote>')
    lines.append('            <termNote type="partOfSpeech">properNoun</termNote>')
    if kind == "short-form":
        lines.append('            <termNote type="termType">shortForm</termNote>')
    if kind:
        lines.append(f"            <note>kind: {escape(kind)}</note>")
    if context:
        lines.append("            <note>context_required</note>")
    if note:
        lines.append(f"            <note>{escape(note)}</note>")
    lines.append("          </termSec>")
    return lines


# -- import ---------------------------------------------------------------------------------


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list["_Node"] = field(default_factory=list)
    text: str = ""

    def find_all(self, *tags: str) -> list["_Node"]:
        return [c for c in self.children if c.tag in tags]

    def all_text(self) -> str:
        """The text of this element and everything inside it, in document
        order (iterative: a deeply nested file must not exhaust the stack)."""
        parts: list[str] = []
        todo: list["_Node | str"] = [self]
        while todo:
            item = todo.pop()
            if isinstance(item, str):
                parts.append(item)
                continue
            parts.append(item.text)
            todo.extend(reversed(item.children))
        return "".join(parts)

    def lang(self) -> str | None:
        return self.attrs.get("lang")


def _parse_xml(data: bytes, shown: str) -> _Node:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root = _Node("#document", {}, 0)
    stack = [root]

    def local(name: str) -> str:
        return name.rsplit(" ", 1)[-1]

    def start(name, attrs):
        node = _Node(local(name), {local(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)
        texts.append([])

    #: Character data per open element, joined when it closes (``+=`` on a
    #: growing string is quadratic where CPython cannot resize it in place).
    texts: list[list[str]] = [[]]

    def end(name):
        node = stack.pop()
        node.text = "".join(texts.pop())

    def chars(data):
        texts[-1].append(data)

    def no_entities(*args):
        raise TBXError(f"{shown}:{parser.CurrentLineNumber}: entity declarations are not accepted in a TBX file")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.EntityDeclHandler = no_entities
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise TBXError(f"{shown}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)})") from None
    if not root.children:
        raise TBXError(f"{shown}: no XML element")
    return root.children[0]


def _slug(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if not t or not t[0].isalpha():
        t = "entry-" + t if t else "entry"
    return t


def import_tbx(data: bytes, shown: str) -> tuple[list[Entry], list[Problem]]:
    """Entries from a TBX v3 (``<tbx>``) or TBX v2 (``<martif>``) file, and problems with lines."""
    root = _parse_xml(data, shown)
    if root.tag == "tbx":
        concepts = _descend(root, ("text", "body"), "conceptEntry")
        lang_tag, term_tags = "langSec", ("termSec",)
    elif root.tag == "martif":
        concepts = _descend(root, ("text", "body"), "termEntry")
        lang_tag, term_tags = "langSet", ("tig", "ntig")
    else:
        raise TBXError(f"{shown}:{root.line}: not a TBX file (root element <{root.tag}>, expected <tbx> or <martif>)")
    if not concepts:
        raise TBXError(f"{shown}:{root.line}: no concept entries (conceptEntry or termEntry)")
    entries: list[Entry] = []
    problems: list[Problem] = []
    used: dict[str, int] = {}
    for concept in concepts:
        entry, problem = _concept(concept, lang_tag, term_tags, used, shown)
        if problem is not None:
            problems.append(problem)
        if entry is not None:
            used.setdefault(entry.id, 2)
            entries.append(entry)
    return entries, problems


def _descend(root: _Node, path: tuple[str, ...], tag: str) -> list[_Node]:
    nodes = [root]
    for step in path:
        nodes = [c for n in nodes for c in n.find_all(step)]
    return [c for n in nodes for c in n.find_all(tag)]


def _terms(lang_node: _Node, term_tags: tuple[str, ...]):
    """(text, status, notes, line) for each term of a language section (v3 termSec, v2 tig/ntig)."""
    for t in [c for c in lang_node.children if c.tag in term_tags]:
        holder = t.find_all("termGrp")[0] if t.tag == "ntig" and t.find_all("termGrp") else t
        term = holder.find_all("term")
        if not term:
            continue
        text = " ".join(term[0].all_text().split())
        status = None
        for note in holder.find_all("termNote") + t.find_all("termNote"):
            if note.attrs.get("type") == "administrativeStatus":
                status = note.all_text().strip()
        for tagged in holder.children + t.children:  # TBX-Basic v3 may write <basic:administrativeStatus>
            if tagged.tag == "administrativeStatus":
                status = tagged.all_text().strip()
        notes = [" ".join(n.all_text().split()) for n in t.find_all("note") + (holder.find_all("note") if holder is not t else [])]
        yield text, status, notes, term[0].line


def _concept(node: _Node, lang_tag: str, term_tags: tuple[str, ...], used: dict[str, int], shown: str):
    notes, never, sources = [], [], []
    etype = "term"
    for d in node.find_all("descrip", "descripGrp"):
        inner = d.find_all("descrip")[0] if d.tag == "descripGrp" and d.find_all("descrip") else d
        if inner.attrs.get("type") == "subjectField":
            value = inner.all_text().strip().lower()
            etype = value if value in TYPES else "term"
    for n in node.find_all("note"):
        text = " ".join(n.all_text().split())
        if text.startswith("never_merge_with:"):
            never += [x.strip() for x in text.split(":", 1)[1].split(",") if x.strip()]
        elif text.startswith("source:"):
            sources.append(text.split(":", 1)[1].strip())
        elif text:
            notes.append(text)
    english, others = [], []
    for lang_node in node.find_all(lang_tag):
        lang = (lang_node.lang() or "").strip()
        for text, status, tnotes, line in _terms(lang_node, term_tags):
            if not text:
                continue
            (english if lang.lower().startswith("en") else others).append((lang, text, status, tnotes, line))
    if not english:
        return None, Problem(shown, node.line, "concept entry without an English term (xml:lang=\"en\")")
    canonical = next((t for t in english if _FROM_TBX.get((t[2] or "").lower()) == "canonical"), english[0])
    variants, context = [], []
    for lang, text, status, tnotes, line in english:
        if text == canonical[1]:
            continue
        if "context_required" in tnotes:
            context.append(text)
            continue
        mapped = _FROM_TBX.get((status or "").lower(), "admitted")
        if mapped == "canonical":
            mapped = "admitted"  # a second preferred term
        kind = next((n.split(":", 1)[1].strip() for n in tnotes if n.startswith("kind:")), None)
        note = next((n for n in tnotes if not n.startswith("kind:") and n != "context_required"), None)
        variants.append(Variant(text, mapped, kind, note))
    source_forms = [SourceForm(text, lang, next(iter(tnotes), None)) for lang, text, _, tnotes, _ in others]
    eid = node.attrs.get("id") or ""
    if not _ID.match(eid) or _GENERATED_ID.match(eid):
        eid = _slug(canonical[1])  # "c1", "t0042": a termbase's serial number says nothing
    # used: id -> the next suffix to try, so a thousand concepts of one name
    # cost a thousand steps, not half a million
    base = eid
    if eid in used:
        n = used[base]
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used[base] = n
    entry = Entry(
        id=eid,
        type=etype,
        canonical=canonical[1],
        variants=tuple(variants),
        source_forms=tuple(source_forms),
        context_required=tuple(context),
        never_merge_with=tuple(never),
        notes="\n".join(notes) or None,
        sources=tuple(sources),
        file=shown,
        line=node.line,
    )
    return entry, None
