"""Finding the glossary's forms in a text: one Aho-Corasick pass over the
lower-cased text; the longest form wins where forms overlap, and a form must
start and end at word boundaries and be capitalized as the glossary writes it,
or in capitals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from provenance.names.glossary import Glossary


def case_ok(form: str, surface: str) -> bool:
    """Does the text write the form as the glossary does (allowing capitals, and
    a capital on a lower-case particle: Al-Quds for al-Quds)? Acronyms must match exactly."""
    if surface == form:
        return True
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return True  # a headline in capitals
    fw = re.split(r"([\s-])", form)
    sw = re.split(r"([\s-])", surface)
    if len(fw) != len(sw):
        return False
    for i, (f, s) in enumerate(zip(fw, sw)):
        if i == 0 and f == "The" and s == "the":
            continue  # "the New York Times" inside a sentence
        if not f or not f[0].isalpha():
            continue
        if len(f) >= 2 and f.isupper():
            if s != f:
                return False
        elif f[0].isupper() and not s[0].isupper():
            return False
    return True


class Hit(NamedTuple):
    """A glossary form in the text: its span and the glossary's references to it."""

    start: int
    end: int
    refs: tuple


def lowered(text: str) -> str:
    """The text in lower case, same length (so offsets hold): a character whose
    lower case is longer stays as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def glossary_hits(text: str, glossary: "Glossary") -> list[Hit]:
    """Non-overlapping glossary forms in the text: of overlapping forms the longest wins
    ("Gaza Strip" over "Gaza"; "Mohammed bin Abdulrahman Al Thani" over "Sheikh Mohammed")."""
    auto = glossary.automaton()
    if not len(auto):
        return []
    low = lowered(text)
    found: list[Hit] = []
    for end_idx, (key, refs) in auto.iter(low):
        end = end_idx + 1
        hit = _valid(text, end - len(key), end, refs)
        if hit is not None:
            found.append(hit)
    found.sort()
    out: list[Hit] = []
    i, n = 0, len(found)
    while i < n:
        j, reach = i + 1, found[i].end
        while j < n and found[j].start < reach:
            reach = max(reach, found[j].end)
            j += 1
        if j == i + 1:
            out.append(found[i])
        else:  # overlapping forms: the longest first, then whatever still fits
            chosen: list[Hit] = []
            for h in sorted(found[i:j], key=lambda h: (h.start - h.end, h.start)):
                if all(h.end <= c.start or h.start >= c.end for c in chosen):
                    chosen.append(h)
            out += sorted(chosen)
        i = j
    return out


def _valid(text: str, start: int, end: int, refs) -> Hit | None:
    if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
        return None
    surface = text[start:end]
    if len(refs) == 1 and refs[0].form == surface:
        return Hit(start, end, refs)
    ok = tuple(r for r in refs if case_ok(r.form, surface))
    return Hit(start, end, ok) if ok else None
