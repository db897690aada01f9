"""The data behind kind ``romanized``: an English vocabulary and a character
n-gram model of English words against Arabic romanizations.

Both come from ``provenance/rules/data/romanized.json.gz``, built by
``tools/build_romanized_model.py`` from wordfreq's word lists (see there and
``docs/romanized.md``). The file is read once and kept in the on-disk cache
(``provenance.cache``, JSON) in a form that loads faster than the gzipped file.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import sys
from array import array
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "romanized.json.gz"
_FORMAT = 6  # bump when Model changes shape: a cached state of another layout is not read

# Interpolation weights of the n-gram orders, highest first (fixed: the model is
# a class score, not a language model to tune; these held up on invented words).
_LAMBDAS = {4: 0.5, 3: 0.3, 2: 0.15, 1: 0.05}
_FLOOR = 1e-6
# Bisection costs ~5 us a lookup, building the set ~15 ms: past this many lookups the set is built.
_BISECT_LOOKUPS = 3000  # probability of a letter no order has seen


class Model:
    def __init__(self, common: frozenset[str], rare: list[str], tables: dict[str, dict[str, int]], order: int):
        self.common = common
        # the rarer two thirds of the vocabulary as one sorted string, searched by bisection: a set of
        # 90,000 strings costs 30 ms to unpickle, more than a one-article check can spare
        self._rare = "\n" + "\n".join(sorted(rare)) + "\n"
        self._rare_set: frozenset[str] | None = None
        self._lookups = 0
        self.order = order
        self._interp = {cls: _interpolated(t, order) for cls, t in tables.items()}
        self._weights = [sum(_LAMBDAS.get(n, 0.0) for n in range(1, min(order, i + 1) + 1)) for i in range(64)]

    def known(self, w: str) -> bool:
        """Is w in the English vocabulary (exactly, lower case)?"""
        if w in self.common:
            return True
        rare = self._rare_set
        if rare is not None:
            return w in rare
        self._lookups += 1
        if self._lookups > _BISECT_LOOKUPS:  # a run of many articles: a set pays for itself
            self._rare_set = frozenset(self._rare.split())
        return self._in_rare(w)

    def state(self) -> dict:
        """The model as plain data for the on-disk cache (which holds data, never
        objects): the compact vocabulary and the precomputed probabilities."""
        # each class's probabilities as two strings, the grams and their values as doubles in
        # base64 (exact; in this machine's byte order, which the state names): JSON reads a few
        # long strings in a few ms, 30,000 pairs of a gram and a float in 20
        interp = {cls: ["\n".join(table), base64.b64encode(array("d", table.values()).tobytes()).decode("ascii")]
                  for cls, table in self._interp.items()}
        return {"common": " ".join(sorted(self.common)), "rare": self._rare, "order": self.order,
                "interp": interp, "byteorder": sys.byteorder, "weights": self._weights}

    @classmethod
    def from_state(cls, state: dict) -> "Model":
        model = cls.__new__(cls)
        model.common = frozenset(state["common"].split())
        model._rare = state["rare"]
        model._rare_set = None
        model._lookups = 0
        model.order = int(state["order"])
        if state["byteorder"] != sys.byteorder:
            raise ValueError("the cached doubles are in another byte order")  # a cache made elsewhere: build again
        model._interp = {}
        for cls, (grams, probs) in state["interp"].items():
            keys, values = grams.split("\n"), array("d", base64.b64decode(probs))
            if len(keys) != len(values):
                raise ValueError("grams and probabilities differ in number")
            model._interp[cls] = dict(zip(keys, values))
        model._weights = state["weights"]
        return model

    def _in_rare(self, w: str) -> bool:
        blob = self._rare
        lo, hi = 0, len(blob) - 1  # blob[lo] and blob[hi] are newlines
        while lo < hi:
            mid = blob.rfind("\n", lo, (lo + hi) // 2 + 1)
            if mid < 0 or mid >= hi:
                return False
            end = blob.find("\n", mid + 1)
            word = blob[mid + 1 : end]
            if word == w:
                return True
            if word < w:
                lo = end
            else:
                if mid == lo:
                    return False
                hi = mid
        return False

    def _logprob(self, cls: str, word: str) -> float:
        interp = self._interp[cls]
        padded = "^" + word + "$"
        logp = 0.0
        for i in range(1, len(padded)):
            p = 0.0
            for n in range(min(self.order, i + 1), 0, -1):  # the longest gram seen carries the lower orders
                p = interp.get(padded[i - n + 1 : i + 1], 0.0)
                if p:
                    break
            logp += math.log(max(p / self._weights[min(i, 63)], _FLOOR))
        return logp

    def score(self, word: str) -> float:
        """How much more an Arabic romanization than an English word the
        lower-case word looks: log-likelihood ratio per letter (0: either)."""
        return (self._logprob("ar", word) - self._logprob("en", word)) / (len(word) + 1)


def _interpolated(table: dict[str, int], order: int) -> dict[str, float]:
    """For each gram seen, its interpolated probability given its context:
    lambda_n * c(gram) / c(context) plus the same for the gram one letter
    shorter, down to the unigram. Computed once, when the data file is read."""
    total = sum(c for g, c in table.items() if len(g) == 1 and g != "^")
    interp: dict[str, float] = {}
    for n in range(1, order + 1):
        lam = _LAMBDAS.get(n, 0.0)
        for gram, count in table.items():
            if len(gram) != n:
                continue
            if n == 1:
                interp[gram] = lam * count / total
                continue
            context = table.get(gram[:-1], 0)
            own = lam * count / context if context else 0.0
            interp[gram] = own + _backoff(interp, gram[1:])
    return interp


def _backoff(interp: dict[str, float], gram: str) -> float:
    while gram:
        p = interp.get(gram)
        if p is not None:
            return p
        gram = gram[1:]
    return 0.0


@lru_cache(maxsize=1)
def model() -> Model:
    from provenance import cache

    raw = DATA.read_bytes()
    key = hashlib.sha256(b"romanized-v%d\0" % _FORMAT + raw).hexdigest()
    cached = cache.get("romanized", key)
    if isinstance(cached, dict):
        try:
            return Model.from_state(cached)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # another layout: build it again
    data = json.loads(gzip.decompress(raw))
    built = Model(frozenset(data["english"]["common"].split()), data["english"]["rare"].split(), data["ngrams"], int(data["order"]))
    cache.put("romanized", key, built.state())
    return built
