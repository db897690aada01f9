"""The ``phrase`` kind: a list of phrases or regexes, each with a suggestion.

Pack entries (see docs/rules.md):

    phrases:
      - match: crowned with success          # literal(s), word-bounded
        suggestion: succeed
      - regex: '\\b(?P<flag>-\\s.+?\\s-)'     # (?P<flag>...) narrows the span
        suggestion: '— \\g<aside> —'          # \\g<name> expands groups
        case: sensitive                       # default: insensitive
        not_after: '\\bsaid'                  # skip when preceded by this
        anchors: [said, added]                # lower-case strings every match contains
        not_before: '\\s+of\\b'               # skip when followed by this
        unless_sentence: 'West Bank'          # skip when the sentence matches
        if_paragraph: 'Gaza|Sderot'           # report only when the paragraph matches
        message: optional message for this entry
      - match: 'in {DET?} {framework|context} of'   # slots: see below
        suggestion: as part of

Slots (provenance/rules/kinds/_slots.py) write a family once: in `match`, a
word in braces is a slot — `{DET}` a word class (built in, or listed in the
rule's `params.slots`), `{the?}` an optional word, `{a|b}` alternatives,
`{storm~}` a lemma's inflections; in `regex`, `{DET}`, `{DET?}` and
`{storm~}` expand the same way (`{0,3}` stays a quantifier). A templated
`match` is anchored on its longest fixed word; one with none needs `anchors`.

Rule params: `window` (below), `quoted_severity` (read in provenance/analyzers.py)
and `once: true` for one finding per document (the first, with the count in
its message).

Context conditions: `if_SCOPE` (report only when the scope matches) and
`unless_SCOPE` (skip when it matches), SCOPE being `sentence` (the sentence
holding the match), `paragraph` (its segment) or `document` (the whole text);
case-insensitive regexes, any number of them on one entry, all must hold.

All entries of a rule are compiled into one alternation so the text is
scanned once per rule; an entry's own regex is re-run only on a match.
Backreferences are not allowed (the alternation renames groups).

Anchors make it fast: a literal entry's anchor is its longest word; a regex
entry lists `anchors` (lower-case strings that every match contains). The
rules layer finds all anchors of all rules in one Aho-Corasick pass and runs a
rule only on the segments that hold one of its anchors — or, when the rule
knows how far a match reaches from its anchor (literal phrases; `window` in
the rule's params for regexes), only on windows around the anchors. A regex
entry without anchors makes its rule scan the whole text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from provenance.rules import Hit
from provenance.rules.kinds._context import DocIndex, capitalize_first
from provenance.rules.kinds._prefilter import required_literal
from provenance.rules.kinds._slots import Slots, has_slots
from provenance.rules.model import PackError, Rule

_NAMED_GROUP = re.compile(r"\(\?P<[A-Za-z_]\w*>")
_BACKREF = re.compile(r"\(\?P=|\\[1-9]")
_LEADING_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


@dataclass(frozen=True)
class _Entry:
    source: str
    flags: int
    suggestion: str | None
    message: str | None
    note: str | None
    #: The context patterns as written (compiled on first use: see ``contexts``).
    not_after_source: str | None
    not_before_source: str | None
    #: (scope, wanted, pattern): the scope must (wanted) or must not match.
    condition_sources: tuple[tuple[str, bool, str], ...]
    templated: bool
    #: Lower-case strings of which each match of this entry contains one (None: not known).
    anchors: tuple[str, ...] | None = None
    rule_code: str = ""

    @functools.cached_property
    def contexts(self) -> tuple[re.Pattern | None, re.Pattern | None, tuple[tuple[str, bool, re.Pattern], ...]]:
        """(not_after, not_before, conditions) compiled when the entry first matches: a rule whose
        anchors an article holds would otherwise compile every entry's gates (tens of ms at start-up)."""
        return (
            _context(self.rule_code, self.not_after_source, "(?:", r")\s*$"),
            _context(self.rule_code, self.not_before_source, r"\s*(?:", ")"),
            tuple((scope, wanted, _context(self.rule_code, source, "(?:", ")")) for scope, wanted, source in self.condition_sources),
        )

    @functools.cached_property
    def regex(self) -> re.Pattern:
        """The entry's own pattern, compiled when first needed (the rule's alternation matched it, or
        its anchors are in a window): most entries of a long phrase list never match a given article,
        and compiling them all doubled the rule's start-up cost."""
        return re.compile(self.source, self.flags)


class _Missing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def literal_pattern(*phrases: str) -> str:
    """Whole-word, whitespace-tolerant pattern for one or more literal phrases."""
    alternatives = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return r"(?<![\w\-])(?:" + "|".join(alternatives) + r")(?![\w\-])"


def literal_anchors(phrases: list[str]) -> list[str]:
    """The longest word of each phrase, lower-cased: text without any of them cannot match."""
    return [max(p.lower().split(), key=len) for p in phrases]


def validate_phrase_rule(rule: Rule) -> None:
    """Compile every context regex of a phrase rule now: PackError for a bad one."""
    checker = PhraseChecker(rule)
    for entry in checker.entries:
        entry.contexts


class PhraseChecker:
    def __init__(self, rule: Rule):
        self.rule = rule
        raw = rule.params.get("phrases")
        if not raw or not isinstance(raw, list):
            raise PackError(f"rule {rule.code}: kind 'phrase' needs a 'phrases' list")
        #: Lower-case strings of which every match contains one; None when an
        #: entry declares none (the rule then scans the whole text).
        self.anchors: list[str] | None = []
        #: How far (in characters) a match can reach from its anchor: the rules
        #: layer then searches windows around anchors, not whole segments.
        #: Literal phrases know it; a regex entry states it (params.window).
        self.window: int | None = rule.params.get("window")
        self.slots = Slots(rule.code, rule.params.get("slots"))
        literals_only = all(isinstance(item, dict) and "regex" not in item for item in raw)
        if self.window is None and literals_only:
            longest = max(self._longest(str(m)) for item in raw for m in (item["match"] if isinstance(item["match"], list) else [item["match"]]))
            self.window = longest
        specs = []
        for item in raw:
            own = self._collect_anchors(item)
            for pattern, templated in self._patterns(item):
                specs.append((item, pattern, templated, own))
        self._specs = specs
        self._entries: list[_Entry] | None = None
        self._parts: list[str] = []
        self._combined: re.Pattern | None = None

    # Compiling the regexes of every phrase rule costs more than checking a short
    # article, and most rules have no anchor in it: they compile on first use.
    # A pack's regexes are compiled once when it is parsed (validate_phrase_rule),
    # so a bad one is still an error at load time.
    @property
    def entries(self) -> list[_Entry]:
        if self._entries is None:
            self._compile()
        return self._entries

    @property
    def combined(self) -> re.Pattern:
        # the alternation of all entries, compiled only for a whole-text scan: a search in anchored
        # windows (_scan_entries) uses the candidate entries' own patterns, and this one compile
        # of a long list costs a one-article check tens of milliseconds
        if self._combined is None:
            self._combined = self._alternation()
        return self._combined

    def _compile(self) -> None:
        rule = self.rule
        entries: list[_Entry] = []
        parts: list[str] = []
        for item, pattern, templated, own in self._specs:
            flags = 0 if item.get("case") == "sensitive" else re.IGNORECASE
            lead = _LEADING_FLAGS.match(pattern)
            if lead:
                pattern = pattern[lead.end():]
                flags |= re.IGNORECASE if "i" in lead.group(1) else 0
            stripped = _NAMED_GROUP.sub("(?:", pattern)
            prefix = "(?i:" if flags & re.IGNORECASE else "(?:"
            parts.append(f"(?P<e{len(entries)}>{prefix}{stripped}))")
            entries.append(
                _Entry(
                    pattern,
                    flags,
                    item.get("suggestion"),
                    item.get("message"),
                    item.get("note"),
                    item.get("not_after") or None,
                    item.get("not_before") or None,
                    _conditions(item),
                    templated,
                    own,
                    rule.code,
                )
            )
        self._entries, self._parts = entries, parts

    def _alternation(self) -> re.Pattern:
        entries = self.entries  # builds self._parts too
        try:
            return re.compile("|".join(self._parts))
        except re.error as exc:
            for entry in entries:  # name the entry at fault when one is
                try:
                    re.compile(entry.source, entry.flags)
                except re.error as own:
                    raise PackError(f"rule {self.rule.code}: bad regex {entry.source!r}: {own}") from None
            raise PackError(f"rule {self.rule.code}: phrases do not combine: {exc}") from None

    def _longest(self, phrase: str) -> int:
        """How long a literal phrase's match can be (its slots expanded)."""
        return self.slots.literal(phrase)[1] if has_slots(phrase) else len(phrase)

    def _collect_anchors(self, item) -> tuple[str, ...] | None:
        """Add the item's anchors to the rule's and return them (None when it has none)."""
        if not isinstance(item, dict):
            return None
        own: list[str] | None = []
        if item.get("anchors"):
            own = [str(a).lower() for a in item["anchors"]]
        elif item.get("match") and "regex" not in item:
            match = item["match"]
            for phrase in map(str, match if isinstance(match, list) else [match]):
                if not has_slots(phrase):
                    own += literal_anchors([phrase])
                    continue
                found = self.slots.literal(phrase)[2]
                if not found:
                    raise PackError(f"rule {self.rule.code}: {phrase!r} holds no fixed word: give the entry 'anchors'")
                own += found
        else:
            own = None
        if own is None:
            self.anchors = None
        elif self.anchors is not None:
            self.anchors += own
        return None if own is None else tuple(own)

    def _patterns(self, item) -> list[tuple[str, bool]]:
        if not isinstance(item, dict):
            raise PackError(f"rule {self.rule.code}: each phrase is a mapping with 'match' or 'regex'")
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            raise PackError(f"rule {self.rule.code}: unknown phrase field(s) {', '.join(sorted(unknown))}")
        if "regex" in item:
            if _BACKREF.search(item["regex"]):
                raise PackError(f"rule {self.rule.code}: backreferences are not supported in phrase regexes")
            return [(self.slots.regex(item["regex"]), True)]
        match = item.get("match")
        if not match:
            raise PackError(f"rule {self.rule.code}: a phrase needs 'match' or 'regex'")
        literals = [str(m) for m in (match if isinstance(match, list) else [match])]
        if not any(map(has_slots, literals)):
            return [(literal_pattern(*literals), False)]
        # the longest alternative first, as literal_pattern does: a phrase that is the start of another must not hide it
        ordered = sorted(literals, key=self._longest, reverse=True)
        bodies = [self.slots.literal(p)[0] if has_slots(p) else r"\s+".join(map(re.escape, p.split())) for p in ordered]
        return [(r"(?<![\w\-])(?:" + "|".join(bodies) + r")(?![\w\-])", False)]

    def check(self, doc, spans: list[tuple[int, int]] | None = None) -> Iterable[Hit]:
        """Hits in the whole text, or only inside ``spans`` (segments that hold an anchor).
        With ``once`` in the rule's params, only the first hit, its message
        followed by how many there are: one note per document for a habit of
        typography, not one per occurrence."""
        index = DocIndex.of(doc)
        if spans is not None and self.anchors is not None:
            hits = (h for start, end in spans for h in self._scan_entries(doc.text, index, start, end))
        else:
            hits = (h for start, end in (spans if spans is not None else [(0, len(doc.text))]) for h in self._scan(doc.text, index, start, end))
        if not self.rule.params.get("once"):
            yield from hits
            return
        first = next(hits, None)
        if first is not None:
            count = 1 + sum(1 for _ in hits)
            more = f" (the first of {count} in this document)" if count > 1 else ""
            yield Hit(first.start, first.end, (first.message or "") + more, first.suggestion)

    @functools.cached_property
    def _by_anchor(self) -> list[tuple[str, tuple[int, ...]]]:
        """(anchor, indices of the entries holding it): a window is tested once per distinct anchor."""
        return _anchor_index(self.entries)

    @functools.cached_property
    def _anchor_scan(self):
        """An automaton over the anchors of a rule that has more than _MANY_ANCHORS, else None."""
        return _anchor_automaton(self._by_anchor) if len(self._by_anchor) > _MANY_ANCHORS else None

    @functools.cached_property
    def _required(self) -> tuple[str, ...] | None:
        """Strings of which every match holds one (an entry's longest fixed run: the three spaces of
        PV341), or None when some entry has none: a text without any of them is not scanned."""
        found = tuple(required_literal(entry.source, entry.flags) for entry in self.entries)
        return None if None in found else tuple(sorted(set(found)))

    def _scan(self, text: str, index: DocIndex, start: int, end: int) -> Iterable[Hit]:
        required = self._required
        if required is not None and all(text.find(lit, start, end) < 0 for lit in required):
            return  # no match can lie in [start, end)
        pos = start
        while (m := self.combined.search(text, pos, end)) is not None:
            # A rejected match must not hide another entry's match at the same
            # place or inside it ("the occupation government": one entry
            # rejects "the occupation", the next wants "occupation
            # government"), so only an accepted match moves past its end.
            pos = m.start() + 1
            for entry in self.entries[int(m.lastgroup[1:]) :]:
                own = entry.regex.match(text, m.start(), end)
                hit = self._hit(entry, own, text, index) if own else None
                if hit is not None:
                    pos = max(pos, own.end())
                    yield hit
                    break

    def _scan_entries(self, text: str, index: DocIndex, start: int, end: int) -> Iterable[Hit]:
        """What ``_scan`` finds in an anchored window, searched only with the entries whose
        anchors the window holds (an entry's match holds one of its anchors, so no other can
        match there): a long phrase list costs what its few candidate entries cost, not the
        whole alternation at every position of the window."""
        window = text[start:end].lower()
        entries = self.entries
        if self._anchor_scan is not None:  # hundreds of anchors: one pass over the window, not one `in` each
            found = [self._by_anchor[k][1] for k in sorted({k for _, k in self._anchor_scan.iter(window)})]
        else:
            found = [ix for a, ix in self._by_anchor if a in window]
        if not found:
            return
        wanted = sorted(set().union(*found)) if len(found) > 1 else list(found[0])
        ahead: dict[int, re.Match | None] = {}
        pos = start
        while True:
            first = None
            for i in wanted:
                m = ahead.get(i, False)
                if m is False or (m is not None and m.start() < pos):
                    m = ahead[i] = entries[i].regex.search(text, pos, end)
                if m is not None and (first is None or m.start() < first[1].start()):
                    first = (i, m)
            if first is None:
                return
            at = first[1].start()
            pos = at + 1
            # as the alternation does: the first entry matching here, then the later ones in order
            for i in (j for j in wanted if j >= first[0]):
                own = entries[i].regex.match(text, at, end)
                hit = self._hit(entries[i], own, text, index) if own else None
                if hit is not None:
                    pos = max(pos, own.end())
                    yield hit
                    break

    def _hit(self, entry: _Entry, own: re.Match, text: str, index: DocIndex) -> Hit | None:
        flagged = "flag" in own.re.groupindex and own.group("flag") is not None
        start, end = own.span("flag") if flagged else own.span()
        if start == end or index.in_scope(start, end, self.rule.scope) is None:
            return None
        not_after, not_before, conditions = entry.contexts
        if not_after and not_after.search(text, max(0, own.start() - 80), own.start()):
            return None
        if not_before and not_before.match(text, own.end(), min(len(text), own.end() + 80)):
            return None
        for scope, wanted, pattern in conditions:
            if scope == "document":  # the same answer for every match in the text: asked once
                found = index.document_matches.get(pattern)
                if found is None:
                    found = index.document_matches[pattern] = pattern.search(text) is not None
            else:
                lo, hi = _scope_span(index, scope, start, len(text))
                found = pattern.search(text, lo, hi) is not None
            if found != wanted:
                return None
        suggestion = entry.suggestion
        if suggestion is not None:
            if entry.templated:
                suggestion = own.expand(suggestion)
            if index.starts_sentence(start) and text[start].isupper():
                suggestion = capitalize_first(suggestion)
        return Hit(start, end, self._message(entry, text[start:end], suggestion), suggestion)

    def _message(self, entry: _Entry, matched: str, suggestion: str | None) -> str:
        template = entry.message or self.rule.message or self.rule.summary
        values = _Missing(text=matched, suggestion=suggestion or "", note=entry.note or "")
        return template.format_map(values).strip()


CONDITION_SCOPES = ("sentence", "paragraph", "document")
ENTRY_KEYS = frozenset(
    {"match", "regex", "suggestion", "message", "note", "case", "anchors", "not_after", "not_before"}
    | {f"{p}_{s}" for p in ("if", "unless") for s in CONDITION_SCOPES}
)


#: Past this many distinct anchors a rule finds those in a window with an automaton.
_MANY_ANCHORS = 40


def _anchor_automaton(by_anchor: list[tuple[str, tuple[int, ...]]]):
    """An Aho-Corasick automaton whose value for each anchor is its place in ``by_anchor``."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for k, (anchor, _) in enumerate(by_anchor):
        automaton.add_word(anchor, k)
    automaton.make_automaton()
    return automaton


def _anchor_index(entries: list[_Entry]) -> list[tuple[str, tuple[int, ...]]]:
    """Each distinct anchor with the entries it stands for, in the order first seen: entries of a
    long list share anchors, and one `in` test per anchor replaces one generator per entry."""
    index: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        for a in entry.anchors or ():
            index.setdefault(a, []).append(i)
    return [(a, tuple(ix)) for a, ix in index.items()]


def _conditions(item: dict) -> tuple[tuple[str, bool, str], ...]:
    out = []
    for scope in CONDITION_SCOPES:
        for wanted, prefix in ((True, "if_"), (False, "unless_")):
            source = item.get(prefix + scope)
            if source:
                out.append((scope, wanted, source))
    return tuple(out)


def _scope_span(index: DocIndex, scope: str, offset: int, length: int) -> tuple[int, int]:
    """Where a context condition looks: the sentence, the segment or the whole
    text around ``offset`` (the segment when no sentence holds it)."""
    if scope == "sentence":
        sent = index.sentence_at(offset)
        if sent is not None:
            return sent.start, sent.end
        scope = "paragraph"
    if scope == "paragraph":
        seg = index.segment_at(offset)
        if seg is not None:
            return seg.start, seg.end
    return 0, length


@functools.lru_cache(maxsize=None)  # entries of a family share their gates (a region, a scope): one compile each
def _context(code: str, pattern: str | None, before: str, after: str) -> re.Pattern | None:
    if not pattern:
        return None
    try:
        return re.compile(before + pattern + after, re.IGNORECASE)
    except re.error as exc:
        raise PackError(f"rule {code}: bad context regex {pattern!r}: {exc}") from None
