"""The data behind kind ``romanized``: an English vocabulary and a character
n-gram model of English words against Arabic romanizations.

Both come from ``provenance/rules/data/romanized.json.gz``, built by
``tools/build_romanized_model.py`` from wordfreq's word lists (see there and
``docs/romanized.md``). The file is read once and kept in the on-disk cache
(``provenance.cache``) as a pickle, which loads faster than gzipped JSON.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "romanized.json.gz"
_FORMAT = 1

# Interpolation weights of the n-gram orders, highest first (fixed: the model is
# a class score, not a language model to tune; these held up on invented words).
_LAMBDAS = {4: 0.5, 3: 0.3, 2: 0.15, 1: 0.05}
_FLOOR = 1e-6  # probability of a letter no order has seen


class Model:
    def __init__(self, english: frozenset[str], common: frozenset[str], tables: dict[str, dict[str, int]], order: int):
        self.english = english
        self.common = common
        self.order = order
        self.tables = tables
        self._totals = {cls: sum(c for g, c in t.items() if len(g) == 1 and g != "^") for cls, t in tables.items()}

    def _logprob(self, cls: str, word: str) -> float:
        table = self.tables[cls]
        total = self._totals[cls]
        padded = "^" + word + "$"
        logp = 0.0
        for i in range(1, len(padded)):
            p = 0.0
            weight = 0.0
            for n in range(1, self.order + 1):
                if i - n + 1 < 0:
                    break
                lam = _LAMBDAS.get(n, 0.0)
                weight += lam
                gram = padded[i - n + 1 : i + 1]
                if n == 1:
                    p += lam * table.get(gram, 0) / total
                    continue
                context = table.get(gram[:-1], 0)
                if context:
                    p += lam * table.get(gram, 0) / context
            logp += math.log(max(p / weight if weight else 0.0, _FLOOR))
        return logp

    def score(self, word: str) -> float:
        """How much more an Arabic romanization than an English word the
        lower-case word looks: log-likelihood ratio per letter (0: either)."""
        return (self._logprob("ar", word) - self._logprob("en", word)) / (len(word) + 1)


@lru_cache(maxsize=1)
def model() -> Model:
    from provenance import cache

    raw = DATA.read_bytes()
    key = hashlib.sha256(b"romanized-v%d\0" % _FORMAT + raw).hexdigest()
    cached = cache.get("romanized", key)
    if cached is not None:
        return cached
    data = json.loads(gzip.decompress(raw))
    common = frozenset(data["english"]["common"].split())
    built = Model(common | frozenset(data["english"]["rare"].split()), common, data["ngrams"], int(data["order"]))
    cache.put("romanized", key, built)
    return built
