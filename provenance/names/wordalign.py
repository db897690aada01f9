"""Aligning the words of two names whose word counts differ.

"Abu Bakr" / "Abubakr", "Mohammad Mehdi" / "محمدمهدي", "Xi Jinping" / "Xi Jin
Ping": a word of one name may be two words of the other, written apart. A word
with no counterpart is not a spelling choice: a son's name is his own given
name before his father's ("Ali Hassan Ibrahim" is not "Hassan Ibrahim"), so
every word must be aligned, one to one or one to two, in order.
"""

from __future__ import annotations

from typing import Callable

#: A word aligned with two written apart is a little less sure than a word with one.
SPLIT_FACTOR = 0.97
#: Weight of the weakest aligned pair in the name score (the rest is the mean).
MIN_WEIGHT = 0.7
#: Longer names are not aligned this way (the number of alignments grows fast).
MAX_WORDS = 8

#: (i, j, di, dj) -> similarity of words i..i+di of one name and j..j+dj of the other.
PairScore = Callable[[int, int, int, int], float]


def name_score(values: list[float]) -> float:
    return MIN_WEIGHT * min(values) + (1 - MIN_WEIGHT) * sum(values) / len(values)


def best_alignment(n: int, m: int, pair: PairScore) -> tuple[float, list[tuple[int, int, int, int, float]]] | None:
    """The best monotone alignment of n words with m words in steps 1–1, 2–1 and 1–2:
    (name score, [(i, j, di, dj, value)]), or None when there is none (or the names are too long)."""
    if not n or not m or n > MAX_WORDS or m > MAX_WORDS or n > 2 * m or m > 2 * n:
        return None
    cache: dict[tuple[int, int, int, int], float] = {}

    def value(i: int, j: int, di: int, dj: int) -> float:
        k = (i, j, di, dj)
        if k not in cache:
            v = pair(i, j, di, dj)
            cache[k] = v if di == dj == 1 else v * SPLIT_FACTOR
        return cache[k]

    best: tuple[float, list] | None = None

    def walk(i: int, j: int, path: list) -> None:
        nonlocal best
        if i == n and j == m:
            s = name_score([p[4] for p in path])
            if best is None or s > best[0]:
                best = (s, list(path))
            return
        for di, dj in ((1, 1), (2, 1), (1, 2)):
            if i + di <= n and j + dj <= m:
                path.append((i, j, di, dj, value(i, j, di, dj)))
                walk(i + di, j + dj, path)
                path.pop()

    walk(0, 0, [])
    return best
