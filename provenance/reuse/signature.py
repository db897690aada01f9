"""MinHash signatures and LSH band keys of passages (datasketch).

``provenance reuse`` puts the signatures in an in-memory ``MinHashLSH``; the
article index stores the same band keys in an indexed SQLite table, so the two
find the same candidates. The banding (``bands`` x ``rows``) is datasketch's
optimum for the Jaccard threshold, weighted towards recall (a missed pair is
worse than a candidate that the exact re-check drops).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
LSH_THRESHOLD = 0.5
#: (false-positive weight, false-negative weight): 64 permutations give 15 bands
#: of 3 rows; a pair at Jaccard 0.5 becomes a candidate with p = 0.87, at 0.6
#: with p = 0.97, at 0.15 with p = 0.05.
LSH_WEIGHTS = (0.2, 0.8)
SEED = 1


def key64(tag: bytes, data: bytes) -> int:
    """A signed 64-bit key (SQLite INTEGER) for tagged bytes."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8, person=tag).digest(), "little", signed=True)


def text_key(normalized: str) -> int:
    return key64(b"text", normalized.encode("utf-8"))


def opening_key64(opening: str) -> int:
    return key64(b"opening", opening.encode("utf-8"))


@dataclass(frozen=True)
class LshParams:
    num_perm: int
    bands: int
    rows: int

    def describe(self) -> str:
        return f"minhash:{self.num_perm}x{self.bands}x{self.rows}"


def default_params() -> LshParams:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    return LshParams(NUM_PERM, lsh.b, lsh.r)


class Signer:
    def __init__(self, params: LshParams | None = None):
        self.params = params or default_params()
        proto = MinHash(num_perm=self.params.num_perm, seed=SEED)
        self._permutations = proto.permutations
        self._scheme = proto.scheme

    def minhash(self, shingles) -> MinHash:
        # Sharing the permutations skips datasketch's per-object set-up (2x faster).
        m = MinHash(num_perm=self.params.num_perm, seed=SEED, permutations=self._permutations, scheme=self._scheme)
        m.update_batch([s.encode("utf-8") for s in shingles])
        return m

    def band_keys(self, minhash: MinHash) -> list[int]:
        r = self.params.rows
        hv = minhash.hashvalues
        return [key64(b"band%d" % i, hv[i * r : (i + 1) * r].tobytes()) for i in range(self.params.bands)]

    def new_lsh(self) -> MinHashLSH:
        return MinHashLSH(num_perm=self.params.num_perm, params=(self.params.bands, self.params.rows))
