"""Near-synonym families for the ``doublet`` kind's ``pairs`` mode (PV631).

Arabic coordinates two near-synonyms for one notion (hendiadys: أدان واستنكر
"condemned and denounced", الهدوء والاستقرار "calm and stability", الجهود
والمساعي "efforts and endeavours"); a literal translation keeps both, and an
English editor cuts one. A family lists the English words that render one
such notion; any two of its members joined by "and" or a comma are a doublet,
in either order and in any inflection ("condemned and denounced", "denounces,
condemns"). No synonym resource usable offline was found on PyPI (Open
English WordNet is fetched at run time by ``wn``): the families are written
from knowledge of Arabic-to-English translation.

A family is ``[pos, lemma, lemma, ...]`` with ``pos`` one of ``verb``,
``noun``, ``adj``; a lemma may carry extra forms after ``|`` (irregular ones:
``"hold|held"``). Regular inflections are generated: a verb's as phrase slots inflect (``_slots.inflections``),
a noun's plural; an adjective stands as written.
"""

from __future__ import annotations

from provenance.rules.kinds._slots import inflections
from provenance.rules.model import PackError

_POS = ("verb", "noun", "adj")


def _noun_forms(w: str) -> list[str]:
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies"]  # atrocity -> atrocities
    if w.endswith(("s", "sh", "ch", "x", "z")):
        return [w, w + "es"]
    return [w, w + "s"]


def _forms(pos: str, entry: str) -> tuple[str, set[str]]:
    """(lemma, its forms) of one family member."""
    lemma, *extra = [w.strip().lower() for w in entry.split("|") if w.strip()]
    gen = inflections(lemma) if pos == "verb" else _noun_forms(lemma) if pos == "noun" else [lemma]
    return lemma, set(gen) | set(extra)


def family_pairs(families: list, exclude: list) -> set[tuple[str, str]]:
    """Every (first, second) word pair two members of one family make, both orders, less the pairs
    of ``exclude``: each ``[a|forms, b|forms]`` as in ``pairs``, where a side that names a family's
    lemma stands for all its forms ("[support, endorse]": every inflection of the two)."""
    found: set[tuple[str, str]] = set()
    lemma_forms: dict[str, set[str]] = {}
    for family in families:
        if len(family) < 3 or family[0] not in _POS:
            raise PackError(f"a doublet family is [verb|noun|adj, lemma, lemma, ...], not {family!r}")
        members = [_forms(family[0], e) for e in family[1:]]
        for lemma, forms in members:
            lemma_forms.setdefault(lemma, set()).update(forms)
        for la, fa in members:
            for lb, fb in members:
                if la != lb:
                    found |= {(x, y) for x in fa for y in fb if x != y}
    for pair in exclude:
        if len(pair) != 2:
            raise PackError(f"an excluded doublet pair has two sides, not {pair!r}")
        x, y = (_side(side, lemma_forms) for side in pair)
        found -= {(a, b) for a in x for b in y} | {(b, a) for a in x for b in y}
    for x, y in found:
        if not (x.isalpha() and y.isalpha()):
            raise PackError(f"a doublet family lists single words: {x!r}, {y!r}")
    return found


def _side(side: str, lemma_forms: dict[str, set[str]]) -> set[str]:
    words = {w.strip().lower() for w in side.split("|") if w.strip()}
    return words.union(*(lemma_forms.get(w, ()) for w in words))
