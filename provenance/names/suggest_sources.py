"""Mining source–English name pairs from aligned articles (`glossary suggest --aligned`).

A desk that keeps the originals beside the translations (``story.ar.txt``
beside ``story.en.txt``, any language tag) can grow the glossary's source
forms from them: in each pair of aligned sentences, every name of the English
(a run of two or more capitalized words, connectors such as al-, bin, Abu
inside) is compared with the word n-grams of the source sentence by the
cross-script matcher; the best source n-gram at or above its threshold is the
name's source form. Pairs are counted over all files; an English form of a
glossary entry proposes a source form for that entry, any other name seen
``min_count`` times a new entry with its source form.

The sentence alignment here is deliberately simple and kept behind one
function, ``align_sentences``, for the source-aware alignment to replace:
paragraphs pair up when both texts have as many, sentences within a
paragraph pair when both have as many, and otherwise the whole paragraph (or
the whole text) is one unit, which costs only precision in candidate n-grams.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.names.glossary import Glossary

_PAIR_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.txt$")
_PARAGRAPHS = re.compile(r"\n\s*\n")
#: Sentence ends of the scripts handled: . ! ? and the Arabic, Urdu, Devanagari and CJK marks.
_SENTENCE_END = re.compile(r"(?<=[.!?؟۔।。！？])\s+")
_SOURCE_WORD = re.compile(r"[^\W\d_]+(?:['’\u05f3][^\W\d_]+)*")
#: The longest source n-gram tried (words, "bin" and articles written apart counted).
MAX_NGRAM = 6


@dataclass
class MinedPair:
    source: str
    lang: str
    english: str
    count: int = 0
    files: set[str] = field(default_factory=set)
    entry: str | None = None  # the glossary entry the English form belongs to
    score: float = 0.0
    also: list[str] = field(default_factory=list)  # other English spellings found with this source form


def find_aligned_files(paths: list[Path]) -> list[tuple[str, Path, str, Path]]:
    """(display stem, source file, source language, English file) for every ``NAME.LANG.txt``
    with a ``NAME.en.txt`` beside it, in the given files and directories (recursively), sorted."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    by_dir: dict[tuple[Path, str], dict[str, Path]] = defaultdict(dict)
    for f in files:
        m = _PAIR_NAME.match(f.name)
        if m:
            by_dir[(f.parent, m["stem"])][m["lang"]] = f
    out = []
    for (parent, stem), langs in sorted(by_dir.items()):
        en = langs.get("en")
        if en is None:
            continue
        for lang, src in sorted(langs.items()):
            if lang != "en":
                out.append((str(parent / stem), src, lang, en))
    return out


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def align_sentences(source: str, english: str) -> list[tuple[str, str]]:
    """Aligned (source, English) units of two texts: see the module docstring."""
    sp = [p for p in _PARAGRAPHS.split(source.strip()) if p.strip()]
    ep = [p for p in _PARAGRAPHS.split(english.strip()) if p.strip()]
    if len(sp) != len(ep):
        sl, el = source.strip().splitlines(), english.strip().splitlines()
        if len(sl) == len(el):
            sp, ep = sl, el
        else:
            return [(source, english)]
    out = []
    for s, e in zip(sp, ep):
        ss, es = _sentences(s), _sentences(e)
        out.extend(zip(ss, es) if len(ss) == len(es) else [(s, e)])
    return out


def _ngrams(text: str) -> list[tuple[int, str]]:
    """(number of words, text) of the source's word n-grams, as written (spaces between words)."""
    words = _SOURCE_WORD.findall(text)
    out = []
    for i in range(len(words)):
        for n in range(1, MAX_NGRAM + 1):
            if i + n <= len(words):
                out.append((n, " ".join(words[i : i + n])))
    return out


def mine(source: str, lang: str, english: str, glossary: "Glossary | None" = None) -> list[tuple[str, str, float]]:
    """(source form, English name, score) for the names of ``english`` found in the aligned ``source``."""
    from provenance.names.crossscript import _name_runs, match_cross, script_of
    from provenance.names.normalize import core_tokens, name_tokens

    out = []
    for src, en in align_sentences(source, english):
        grams = [g for g in _ngrams(src) if script_of(g[1]) != "latin"]
        if not grams:
            continue
        for run in _name_runs(en):
            best: tuple[float, int, int, str, str] | None = None
            # every window of two words or more: a title may stand first (Foreign Minister Sami Khouri)
            for i in range(len(run) - 1):
                for j in range(i + 2, len(run) + 1):
                    name = en[run[i][0] : run[j - 1][1]]
                    k = j - i
                    words = len(core_tokens(name_tokens(name)))
                    if words < 2:  # a person's full name; "Minister Sami" is one name word
                        continue
                    for n, gram in grams:
                        if not (k - 2 <= n <= k + 2):  # source words ~ English words (articles, bin written apart)
                            continue
                        r = match_cross(gram, name, lang, glossary)
                        # the best score; on a tie more name words, then fewer written (a title the normalizer dropped)
                        cand = (r.score, words, -k, gram, name)
                        if r.same and (best is None or cand[:3] > best[:3]):
                            best = cand
            if best is not None:
                out.append((best[3], best[4], round(best[0], 3)))
    return out


def mine_files(pairs: list[tuple[str, Path, str, Path]], glossary: "Glossary") -> tuple[list[MinedPair], list[str]]:
    """Mined pairs over aligned files, most frequent first; and the files that could not be read."""
    from provenance.document import InputError
    from provenance.safeio import read_input

    found: dict[tuple[str, str, str], MinedPair] = {}
    problems = []
    for shown, src_path, lang, en_path in pairs:
        try:
            src = read_input(src_path).decode("utf-8-sig")
            en = read_input(en_path).decode("utf-8-sig")
        except (InputError, UnicodeDecodeError, OSError) as exc:
            problems.append(f"{shown}: {exc if not isinstance(exc, UnicodeDecodeError) else 'not UTF-8 text'}")
            continue
        for source_form, name, score in mine(src, lang, en, glossary):
            key = (lang, source_form, name)
            pair = found.get(key)
            if pair is None:
                entry = glossary.entry_for_form(name) if glossary is not None else None
                pair = found[key] = MinedPair(source_form, lang, name, entry=entry.id if entry else None)
            pair.count += 1
            pair.files.add(shown)
            pair.score = max(pair.score, score)
    return sorted(found.values(), key=lambda p: (-p.count, p.english, p.lang, p.source)), problems


def proposals(mined: list[MinedPair], glossary: "Glossary", min_count: int = 2) -> list[MinedPair]:
    """What to add, one proposal per source form: the English spellings it was found with
    merged (a listed entry's form first, then the most frequent; the others in ``also``);
    a source form a listed entry lacks (any count), or a name seen ``min_count`` times that no
    entry has (a new entry)."""
    groups: dict[tuple[str, str], list[MinedPair]] = defaultdict(list)
    for p in mined:
        groups[(p.lang, p.source)].append(p)
    out = []
    for (lang, source), ps in groups.items():
        ps.sort(key=lambda p: (p.entry is None, -p.count, p.english))
        head = ps[0]
        merged = MinedPair(source, lang, head.english, sum(p.count for p in ps), set().union(*(p.files for p in ps)), head.entry, max(p.score for p in ps))
        merged.also = [p.english for p in ps[1:]]
        if merged.entry is not None:
            e = glossary.by_id[merged.entry]
            if any(sf.lang == lang and sf.form == source for sf in e.source_forms):
                continue
            out.append(merged)
        elif merged.count >= min_count:
            out.append(merged)
    return sorted(out, key=lambda p: (-p.count, p.english, p.lang, p.source))


def render_table(props: list[MinedPair]) -> str:
    if not props:
        return "no source forms to propose\n"
    out = [f"{'count':>5}  {'lang':<5} {'source form':<28} {'English':<32} entry"]
    for p in props:
        also = f"  (also {', '.join(p.also)})" if p.also else ""
        out.append(f"{p.count:>5}  {p.lang:<5} {p.source:<28} {p.english:<32} {p.entry or '(new)'}{also}")
    return "\n".join(line.rstrip() for line in out) + "\n"


def render_yaml(props: list[MinedPair]) -> str:
    """A glossary fragment: new entries with their forms, and ``forms`` to add to listed ones."""
    from provenance.names.suggest import _slug

    lines = ["# source forms mined from aligned articles (provenance glossary suggest --aligned)", "entries:"]
    by_entry: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    canon: dict[str, str] = {}
    counts: Counter = Counter()
    for p in props:
        eid = p.entry or _slug(p.english)
        canon.setdefault(eid, p.english)
        if p.source not in by_entry[eid][p.lang]:
            by_entry[eid][p.lang].append(p.source)
        counts[eid] += p.count
    for eid, langs in by_entry.items():
        listed = any(p.entry == eid for p in props)
        seen = f"seen {counts[eid]} time{'s' if counts[eid] != 1 else ''}"
        lines.append(f"  - id: {eid}" + ("   # listed: add these forms" if listed else f"   # {seen}"))
        if not listed:
            lines.append("    type: person")
            lines.append(f"    canonical: {canon[eid]}")
        lines.append("    forms:")
        for lang, forms in langs.items():
            lines.append(f"      {lang}: [{', '.join(forms)}]")
    return "\n".join(lines) + "\n"
