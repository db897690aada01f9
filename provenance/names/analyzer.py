"""The names layer: finds name mentions, fills ``files[].names`` and
``doc.annotations["names"]``, and reports spellings (rules PV801–PV807 in
provenance/rules/packs/core/names.yaml).

- PV801/PV802/PV803: a glossary form that is forbidden, deprecated or admitted.
- PV804: one name spelled two ways in a document when the glossary does not
  list the second spelling: an unlisted spelling of a glossary name, or two
  unlisted spellings of one name (the less frequent one is reported).
- PV805: a bare surname that refers to a full name but is spelled otherwise
  ("Liu" after "Jack Lew").
- PV806: the same name spelled differently in different files of one run.
- PV807: an Arabic given name translated as the word it means ("Khaled
  Beautiful" for Khaled Jamil), see provenance/names/translated.py.
- PV810: an outlet's or bloc's name translated as the word it means ("the
  "Information" agency"), see provenance/names/outlets.py.

Unlisted spellings are merged only on strong evidence: the same number of
words (two or more), one word identical, the matcher agreeing, and at least
one of the two typed as a person. So Yahya Sinwar / Yehia Sinwar are merged,
Yahya Sinwar / Mohammed Sinwar are not.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from provenance.names.mentions import detect
from provenance.names.name_mention import NameMention

if TYPE_CHECKING:
    from provenance.names.glossary import Entry, Glossary

_GLOSSARY_RULES = {"forbidden": "PV801", "deprecated": "PV802", "admitted": "PV803"}


class NamesAnalyzer:
    name = "names"
    needs_finish = True

    def __init__(self, config, ruleset):
        from provenance.names.glossary import load_for_config

        self.glossary: Glossary = load_for_config(config)
        self.ruleset = ruleset
        self._person_index: dict[str, set[str]] | None = None

    @classmethod
    def enabled(cls, config) -> bool:
        return True

    def signature(self) -> str | None:
        return self.glossary.signature()

    # -- one document ----------------------------------------------------------------
    def analyze(self, doc, report, emit) -> None:
        mentions = detect(doc, self.glossary)
        mentions = self._resolve_unlisted(mentions, doc, emit)
        mentions = self._surname_variants(mentions, doc, emit)
        for m in mentions:
            self._emit_glossary(m, doc, emit)
        if self.ruleset.is_enabled("PV807"):
            self._translated(doc, emit)
        if self.ruleset.is_enabled("PV810"):
            from provenance.names.outlets import find as find_outlets

            for start, end, suggestion, message in find_outlets(doc.text):
                emit("PV810", start, end, message, suggestion)
        doc.annotations["names"] = mentions
        report.names = [m.to_dict() for m in mentions]

    def _emit_glossary(self, m: NameMention, doc, emit) -> None:
        if m.via == "glossary" and m.glossary_status in _GLOSSARY_RULES:
            code = _GLOSSARY_RULES[m.glossary_status]
            what = {"forbidden": "a forbidden form", "deprecated": "a deprecated spelling", "admitted": "an admitted variant"}[m.glossary_status]
            detail = f"{m.kind}: {m.note}" if m.kind and m.note else (m.kind or m.note)
            message = f"“{m.text}” is {what} of {m.canonical}" + (f" ({detail})" if detail else "")
            if m.glossary_status == "admitted":
                message += f"; the glossary prefers {m.canonical}"
            emit(code, m.start, m.end, message, None if m.glossary_status == "admitted" else m.canonical)
        elif m.via == "context" and m.glossary_status in ("deprecated", "forbidden"):
            entry = self.glossary.by_id[m.entry]
            surname = _canonical_short(entry)
            where = ""
            if m.full:
                line = doc.line_col(m.full_start)[0]
                where = f" (named in full on line {line})" if m.full == m.canonical else f" (“{m.full}”, line {line})"
            emit("PV805", m.start, m.end, f"“{m.text}” refers to {m.canonical}{where}; the surname is spelled {surname}", surname)

    # -- names translated as words (PV807) ------------------------------------------
    def _translated(self, doc, emit) -> None:
        from provenance.names.prose import regions
        from provenance.names.translated import find

        for start, end, _, suggestion, message in find(doc, self.glossary, regions(doc)):
            emit("PV807", start, end, message, suggestion)

    # -- unlisted spellings (PV804) ------------------------------------------------------
    def _resolve_unlisted(self, mentions: list[NameMention], doc, emit) -> list[NameMention]:
        from provenance.names.matcher import match

        fulls = [i for i, m in enumerate(mentions) if m.via == "name" and m.words >= 2]
        if not fulls:
            return mentions
        out = list(mentions)
        # 1. an unlisted spelling of a glossary name ("Antony Blinkin")
        for i in fulls:
            m = out[i]
            hit = self._glossary_match(m.text)
            if hit is None:
                continue
            entry, form, why = hit
            out[i] = m._replace(entry=entry.id, canonical=entry.canonical, status="variant", type=entry.type, via="fuzzy")
            emit("PV804", m.start, m.end, f"“{m.text}” looks like an unlisted spelling of {entry.canonical} (glossary: {entry.id}; {why})", entry.canonical)
        # 2. two unlisted spellings of one name in this document
        names = [i for i in fulls if out[i].via == "name"]
        texts = sorted({out[i].text for i in names}, key=lambda t: min(out[i].start for i in names if out[i].text == t))
        typed = {out[i].text: out[i].type for i in names}
        groups = _cluster(texts, lambda a, b: _same_name(a, b, typed, self.glossary, match))
        for group in groups:
            if len(group) < 2:
                continue
            counts = Counter(out[i].text for i in names if out[i].text in group)
            # a bare surname after a full name is one more use of that spelling ("Karim Mousa" in the
            # headline, "Karim Moussa" and six "Moussa" in the body: Moussa is the majority)
            full_text = {out[i].start: out[i].text for i in names if out[i].text in group}
            lone = [m for m in out if m.via == "surname" and m.full_start in full_text]
            counts.update(full_text[m.full_start] for m in lone)
            first = {t: min(out[i].start for i in names if out[i].text == t) for t in group}
            # the more frequent spelling wins; a tie goes to the one used first
            main = max(group, key=lambda t: (counts[t], -first[t]))
            for i in names:
                m = out[i]
                if m.text not in group:
                    continue
                if m.text == main:
                    out[i] = m._replace(canonical=main)
                    continue
                out[i] = m._replace(canonical=main, status="variant", via="fuzzy")
                _, why = _explain(m.text, main)
                emit(
                    "PV804",
                    m.start,
                    m.end,
                    f"“{m.text}” and “{main}” (used {counts[main]}×) look like one name spelled two ways ({why}); keep one spelling",
                    main,
                )
                # its bare surname later on is the same misspelling ("al-Zeidan" after "Rami al-Zeidan")
                main_surname = main.split()[-1]
                for s in lone:
                    if full_text[s.full_start] == m.text and s.text == m.text.split()[-1] and s.text != main_surname:
                        emit(
                            "PV804",
                            s.start,
                            s.end,
                            f"“{s.text}” is the surname of “{m.text}” (line {m.line}), spelled “{main_surname}” in “{main}”; keep one spelling",
                            main_surname,
                        )
        # surnames of a full name now resolved follow it
        by_start = {m.start: m for m in out}
        for i, m in enumerate(out):
            if m.via == "surname" and m.full_start in by_start:
                full = by_start[m.full_start]
                if full.canonical and full.canonical != m.canonical:
                    out[i] = m._replace(entry=full.entry, canonical=full.canonical)
        return out

    def _glossary_match(self, text: str) -> tuple["Entry", str, str] | None:
        """The glossary person entry this unlisted name is a spelling of, if any."""
        from rapidfuzz.fuzz import ratio

        from provenance.names.matcher import match
        from provenance.names.normalize import core_tokens, name_tokens

        tokens = core_tokens(name_tokens(text))
        index = self._index()
        candidates: set[str] = set()
        for t in tokens:
            candidates |= index.get(t, set())
        best = None
        joined = " ".join(tokens)
        for eid in sorted(candidates):
            entry = self.glossary.by_id[eid]
            for form in entry.all_forms():
                ft = core_tokens(name_tokens(form))
                if len(ft) != len(tokens) or not set(ft) & set(tokens):
                    continue
                if ratio(joined, " ".join(ft)) < 60:
                    continue
                result = match(text, form, self.glossary)
                if result.same and (best is None or result.score > best[0]):
                    best = (result.score, entry, form, result.reason)
        if best is None:
            return None
        return best[1], best[2], best[3]

    def _index(self) -> dict[str, set[str]]:
        """Reduced word -> ids of person entries with a form containing it."""
        if self._person_index is None:
            from provenance.names.normalize import core_tokens, name_tokens

            index: dict[str, set[str]] = defaultdict(set)
            for e in self.glossary.entries:
                if e.type != "person":
                    continue
                for form in e.all_forms():
                    tokens = core_tokens(name_tokens(form))
                    if len(tokens) >= 2:
                        for t in tokens:
                            index[t].add(e.id)
            self._person_index = dict(index)
        return self._person_index

    # -- surnames spelled otherwise (PV805) ---------------------------------------------
    def _surname_variants(self, mentions: list[NameMention], doc, emit) -> list[NameMention]:
        """A lone capitalized word spelled like the surname of a person named in full
        earlier ("Liu" after "Jack Lew") but not the same."""
        from provenance.names.matcher import token_similarity
        from provenance.names.normalize import name_tokens
        from provenance.names.structure import is_place, place_words, subhead_spans
        from provenance.names.surname_mentions import lone_words, occurrences
        from provenance.names.surnames import no_variant

        persons = [m for m in mentions if m.type == "person" and m.words >= 2 and m.via in ("glossary", "name", "fuzzy")]
        if not persons:
            return mentions
        places = place_words(self.glossary)
        # a run ending on a city ("Governor Basri Basra visit") is no surname source
        persons = [m for m in persons if m.via == "glossary" or not is_place(m.text.split()[-1], places)]
        subheads = subhead_spans(doc)
        surnames: dict[str, list[NameMention]] = defaultdict(list)
        for m in persons:
            surnames[m.text.split()[-1]].append(m)
        known = {w.casefold() for m in mentions for w in m.text.split()}
        known |= {w + s for w in list(known) for s in ("s", "es", "'s")}  # the Clintons
        added = []
        covered = sorted((m.start, m.end) for m in mentions)
        for word in lone_words(doc):
            if word.casefold() in known:
                continue
            wt = name_tokens(word)
            if len(wt) != 1:
                continue
            best = None
            where: list[tuple[int, int]] = []
            for surname, fulls in surnames.items():
                st = name_tokens(surname)
                # "Shahine" beside "Chahine", "Kasim" beside "Qasim": one Arabic letter, two romanizations
                if surname[0].lower() != word[0].lower() and not (st and st[0][:1].lower() == wt[0][:1].lower()):
                    continue
                if len(st) != 1:
                    continue
                score, _ = token_similarity(wt[0], st[0])
                if score < 0.8 or (best is not None and score <= best[0]):
                    continue
                # a subhead ("Troop presence.") is structure: its first word is no name
                # "al-Zeidan" after "Rami Zaidan": the article's particle does not hide the surname
                where = where or [o for o in occurrences(doc, word, covered, particle=True) if not _inside(subheads, o[0])]
                earlier = [f for f in fulls if where and f.start < where[0][0]]
                if earlier:
                    best = (score, surname, earlier[-1])
            if best is None or _lower_case_word(doc, word) or is_place(word, places):
                continue  # "Troop", "How": an ordinary word of the article; "Basra" is no spelling of "Basri"
            _, surname, full = best
            if no_variant(word, surname, doc.text, where):
                continue  # "He’ll", "Trumped", "Coca-Cola", "Reid" beside "Reed": no misspelling
            start, end = where[0]
            canonical_surname = surname
            if full.entry and full.via == "glossary":
                canonical_surname = _canonical_short(self.glossary.by_id[full.entry])
            for n, (s, e) in enumerate(where):
                added.append(
                    NameMention(s, e, doc.text[s:e], doc.line_col(s)[0], full.entry, full.canonical or full.text, "variant", "person",
                                "surname", None, None, None, full.text, full.start, 1)
                )
            times = f" ({len(where)} times in this article)" if len(where) > 1 else ""
            seen = doc.text[start:end]
            if seen != word and not canonical_surname.lower().startswith(("al-", "el-")):
                canonical_surname = seen[: len(seen) - len(word)] + canonical_surname  # keep "al-"
            emit(
                "PV805",
                start,
                end,
                f"“{seen}”{times} seems to refer to {full.text} (line {full.line}), whose surname is spelled {canonical_surname}",
                canonical_surname,
            )
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: m.start)

    # -- across files (PV806) -------------------------------------------------------------
    def summary(self, doc):
        """What finish() reads of a document: its multi-word names and their spans."""
        names = [m for m in doc.annotations.get("names", []) if m.via == "name" and m.words >= 2]
        return {"names": names}, [(m.start, m.end) for m in names]

    def finish(self, files):
        """An unlisted name spelled one way in some files and another way in others."""
        from provenance.names.matcher import match

        per_file: list[dict[str, list[NameMention]]] = []
        typed: dict[str, str | None] = {}
        for doc, report, emit in files:
            forms: dict[str, list[NameMention]] = defaultdict(list)
            for m in doc.annotations.get("names", []):
                if m.via == "name" and m.words >= 2:
                    forms[m.text].append(m)
                    if m.type:
                        typed[m.text] = m.type
                    else:
                        typed.setdefault(m.text, None)
            per_file.append(forms)
        texts = list(dict.fromkeys(t for forms in per_file for t in forms))  # in order of first use
        if len(files) < 2 or len(texts) < 2:
            return None
        groups = _cluster(texts, lambda a, b: _same_name(a, b, typed, self.glossary, match))
        across = []
        for group in groups:
            if len(group) < 2:
                continue
            files_of = {t: [i for i, forms in enumerate(per_file) if t in forms] for t in group}
            used = [t for t in group if files_of[t]]
            if len(used) < 2:
                continue
            # in-document differences are PV804's; here: files that use only a minority spelling
            main = max(used, key=lambda t: (len(files_of[t]), sum(len(per_file[i][t]) for i in files_of[t]), -texts.index(t)))
            used.sort(key=texts.index)
            across.append(
                {
                    "canonical": main,
                    "forms": [{"text": t, "files": [files[i][1].path for i in files_of[t]]} for t in used],
                }
            )
            for t in used:
                if t == main:
                    continue
                for i in files_of[t]:
                    if main in per_file[i]:
                        continue  # both spellings in this file: already PV804
                    m = per_file[i][t][0]
                    others = len(files_of[main])
                    emit = files[i][2]
                    emit(
                        "PV806",
                        m.start,
                        m.end,
                        f"“{t}” is spelled “{main}” in {others} other file{'s' if others > 1 else ''} of this run",
                        main,
                    )
        if not across:
            return None
        return {"names_across_files": across}


def _lower_case_word(doc, word: str) -> bool:
    """Does the article write the word (or its singular) in lower case somewhere?"""
    import re

    lower = doc.annotations.get("_names_lower")
    if lower is None:
        lower = doc.annotations["_names_lower"] = frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w-])", doc.text))
    w = word.lower()
    for suffix in ("'s", "’s"):
        w = w.removesuffix(suffix)
    return w in lower or w + "s" in lower or (w.endswith("s") and w[:-1] in lower)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s <= offset < e for s, e in spans)


def _canonical_short(entry: "Entry") -> str:
    """The surname to suggest: a context form that ends the canonical form, else its last word."""
    from provenance.names.glossary import form_key

    for short in entry.context_required:
        if form_key(entry.canonical).endswith(form_key(short)):
            return short
    return entry.canonical.split()[-1]


def _same_name(a: str, b: str, typed: dict, glossary, match) -> bool:
    """Strong evidence only: same number of words (2+), one identical, a person, the matcher agrees."""
    from provenance.names.normalize import core_tokens, name_tokens

    ta, tb = core_tokens(name_tokens(a)), core_tokens(name_tokens(b))
    if len(ta) != len(tb) or len(ta) < 2 or ta == tb and a == b:
        return False
    if not set(ta) & set(tb):
        return False
    if typed.get(a) != "person" and typed.get(b) != "person":
        return False
    result = match(a, b, glossary)
    # "Chuck Grassley" beside "Charles Grassley": the formal and the familiar given name of
    # one person are both right in English copy (PolNeAR train: 4 of 13 PV804 warnings)
    return result.same and not result.reason.startswith("nickname")


def _explain(a: str, b: str) -> tuple[float, str]:
    from provenance.names.matcher import score_names

    return score_names(a, b)


def _cluster(items: list[str], same) -> list[list[str]]:
    """Groups of items linked by ``same`` (single link, deterministic order)."""
    from provenance.names.normalize import core_tokens, name_tokens

    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # block on shared words: only names with a word in common are compared
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(items):
        for w in set(core_tokens(name_tokens(t))):
            by_word[w].append(i)
    seen = set()
    for word in sorted(by_word):
        idx = by_word[word]
        if len(idx) > 200:
            continue  # a very common word: no evidence on its own
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                if find(i) != find(j) and same(items[i], items[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, t in enumerate(items):
        groups[find(i)].append(t)
    return [groups[k] for k in sorted(groups)]
