"""The shipped int8 model against fp32 sentence-transformers reference embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from tokenizers import Tokenizer

from desktop_search.chunking.chunker import Chunker
from desktop_search.config.paths import default_model_dir, shipped_models_dir
from desktop_search.embedding.encoder import Encoder, _truncated
from desktop_search.embedding.manifest import ModelError, ModelManifest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "reference_embeddings.json"
# Floors for the int8 model against fp32: measured minimum 0.986 and mean 0.993 when the
# model was built (reduce_range, per-channel int8).
MIN_COSINE = 0.97
MEAN_COSINE = 0.985


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return Encoder(default_model_dir(), threads=1)


def test_int8_matches_fp32_reference(encoder: Encoder) -> None:
    reference = json.loads(FIXTURE.read_text(encoding="utf-8"))
    expected = np.asarray(reference["embeddings"], dtype=np.float32)
    got = encoder.encode(reference["sentences"])
    cosines = (got * expected).sum(axis=1)
    assert cosines.min() >= MIN_COSINE, cosines
    assert cosines.mean() >= MEAN_COSINE, cosines


def test_vectors_are_normalised(encoder: Encoder) -> None:
    vectors = encoder.encode(["one", "two words", "a somewhat longer sentence here"])
    assert vectors.shape == (3, encoder.dimensions)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_order_and_batching_do_not_change_results(encoder: Encoder) -> None:
    texts = [
        ("short", "a medium length sentence about gardens", "long " * 200)[i % 3] + str(i)
        for i in range(40)
    ]
    together = encoder.encode(texts, batch_tokens=1024)
    alone = np.stack([encoder.encode([t])[0] for t in texts[:6]])
    # Dynamic int8 quantization derives activation scales from the whole batch, so the
    # batch a text lands in nudges its vector a little (measured minimum 0.976).
    assert ((together[:6] * alone).sum(axis=1) > 0.97).all()


def test_meaning_beats_words(encoder: Encoder) -> None:
    query, related, unrelated = encoder.encode(
        ["a feline resting", "the cat is asleep on the sofa", "stock markets fell sharply"]
    )
    assert float(query @ related) > float(query @ unrelated) + 0.2


def test_long_input_is_truncated_not_rejected(encoder: Encoder) -> None:
    vector = encoder.encode(["word " * 5000])
    assert np.isfinite(vector).all()


def test_empty_input(encoder: Encoder) -> None:
    assert encoder.encode([]).shape == (0, encoder.dimensions)


def test_shipped_model_matches_its_manifest() -> None:
    manifest = ModelManifest.load(default_model_dir())
    manifest.verify()
    assert manifest.name == "all-MiniLM-L6-v2"
    assert manifest.dimensions == 384
    assert manifest.raw["quantization"]["weight_type"] == "QInt8"
    assert manifest.raw["quantization"]["reduce_range"] is True


def test_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="manifest"):
        Encoder(tmp_path)


@pytest.mark.parametrize("model", ["all-MiniLM-L6-v2-int8", "multilingual-e5-small-int8"])
def test_long_texts_are_cut_as_the_tokenizer_would_and_the_chunker_shares_it(model: str) -> None:
    folder = shipped_models_dir() / model
    encoder = Encoder(folder)
    own = Tokenizer.from_file(str(folder / "tokenizer.json"))
    own.enable_truncation(max_length=encoder.manifest.max_tokens)
    text = "Lighthouses guide ships past the rocks at night. " * 200
    whole = encoder.tokenizer.encode(text).ids
    assert len(whole) > encoder.manifest.max_tokens  # the shared tokenizer never truncates
    assert _truncated(whole, encoder.manifest.max_tokens) == own.encode(text).ids
    # one copy of the vocabulary for both (e5's costs some 280 MB)
    chunker = Chunker(encoder.tokenizer, chunk_tokens=100, overlap_tokens=10)
    assert chunker.tokenizer is encoder.tokenizer
