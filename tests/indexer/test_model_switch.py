"""Changing the index's model in the background: searches answer all along, a restart
keeps the work done, and the end leaves one model's vectors everywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from desktop_search.chunking.chunker import embedding_texts
from desktop_search.config.paths import default_model_dir
from desktop_search.config.settings import Settings
from desktop_search.embedding.encoder import Encoder
from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest
from desktop_search.storage.next_vectors import NEXT_VECTORS_FILE
from desktop_search.storage.store import recorded_model

DOCUMENTS = {
    "resignation.txt": "Dear Mr Hale, I am writing to resign from my position as analyst.",
    "curry.txt": "Thai green curry: coconut milk, lime leaves, basil and chicken.",
    "lease.txt": "The tenant pays the rent on the first day of each month.",
    "garden.txt": "Tomatoes need plenty of sun and regular watering in July.",
    "flight.txt": "Your flight to Lisbon departs at 7:40 from terminal 2.",
    "dentist.txt": "Reminder: dental check-up on Tuesday at 10 with Dr Okafor.",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def settings_for(model_dir: Path | None) -> Settings:
    return Settings(encoder_threads=1, model_dir=str(model_dir) if model_dir else "")


def top(engine: Engine, query: str) -> str:
    hits = engine.search.search(SearchRequest(query=query, k=3))
    assert hits, f"no result for {query!r}"
    return Path(hits[0].path).name


def indexed(data_dir: Path, folder: Path, model_dir: Path | None = None) -> None:
    with Engine(data_dir, settings=settings_for(model_dir)) as engine:
        engine.indexer().index([str(folder)])


def test_search_keeps_answering_while_the_index_changes_model(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    chunks = len(DOCUMENTS)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        assert engine.encoder.name == "all-MiniLM-L6-v2"  # the vectors' model embeds queries
        assert engine.status()["model_switch"] == {
            "to": "multilingual-e5-small",
            "done": 0,
            "total": chunks,
        }
        assert top(engine, "quitting my job") == "resignation.txt"
        assert engine.switch_step(limit=2) is False
        assert engine.status()["model_switch"]["done"] == 2
        assert top(engine, "when does my plane leave") == "flight.txt"
    # a restart (or a kill: each slice is committed) keeps what was embedded
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        assert engine.status()["model_switch"]["done"] == 2
        while not engine.switch_step(limit=2):
            assert top(engine, "paying the landlord") == "lease.txt"
        engine.finish_switch()
        assert engine.encoder.name == "multilingual-e5-small"
        assert engine.status()["model_switch"] is None
        assert top(engine, "quitting my job") == "resignation.txt"
        assert len(engine.store.vectors) == chunks
        assert recorded_model(engine.store.catalog).identity == "multilingual-e5-small/384"  # type: ignore[union-attr]
    assert not (data_dir / NEXT_VECTORS_FILE).exists()
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        assert engine.switch is None
        assert engine.store.catalog.chunk_count() == chunks  # nothing was embedded again
        assert top(engine, "appointment to have my teeth checked") == "dentist.txt"


def test_the_new_vectors_are_the_new_models_embeddings_of_the_stored_chunks(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        while not engine.switch_step():
            pass
        engine.finish_switch()
        catalog = engine.store.catalog
        ids = sorted(catalog.chunk_ids())
        chunks = catalog.chunks_by_ids(ids)
        files = catalog.files_by_ids({c.file_id for c in chunks.values()})
        texts = [
            embedding_texts(
                files[chunks[i].file_id].path, files[chunks[i].file_id].title, [chunks[i]]
            )[0]
            for i in ids
        ]
        expected = Encoder(other_model).encode(texts)
        before = Encoder(default_model_dir()).encode(texts)
        stored = np.concatenate([v for _, v in catalog.iter_vectors(ids)])
        assert np.min(np.sum(stored * expected, axis=1)) > 0.99
        assert np.max(np.abs(np.sum(stored * before, axis=1))) < 0.9  # not the old model's


def test_a_file_indexed_during_the_switch_is_embedded_by_the_new_model_too(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        engine.switch_step(limit=3)
        (folder / "passport.txt").write_text(
            "Passport renewal: bring two photos and the old passport.", encoding="utf-8"
        )
        engine.indexer().index([str(folder)])
        assert top(engine, "renew my travel document") == "passport.txt"
        while not engine.switch_step(limit=3):
            pass
        assert engine.status()["model_switch"]["total"] == len(DOCUMENTS) + 1
        engine.finish_switch()
        assert top(engine, "renew my travel document") == "passport.txt"
        assert len(engine.store.vectors) == len(DOCUMENTS) + 1


def test_going_back_to_the_indexs_model_drops_the_unfinished_switch(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        engine.switch_step(limit=2)
    assert (data_dir / NEXT_VECTORS_FILE).exists()
    with Engine(data_dir, settings=settings_for(None)) as engine:
        assert engine.switch is None
        assert engine.store.catalog.chunk_count() == len(DOCUMENTS)
        assert top(engine, "quitting my job") == "resignation.txt"
    assert not (data_dir / NEXT_VECTORS_FILE).exists()


def test_an_unreadable_side_file_is_started_again(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        engine.switch_step(limit=2)
    for companion in data_dir.glob(NEXT_VECTORS_FILE + "-*"):
        companion.unlink()
    (data_dir / NEXT_VECTORS_FILE).write_bytes(b"\x00garbage" * 512)
    with Engine(data_dir, settings=settings_for(other_model)) as engine:
        assert engine.status()["model_switch"]["done"] == 0
        while not engine.switch_step():
            pass
        engine.finish_switch()
        assert engine.encoder.name == "multilingual-e5-small"


def test_a_reader_embeds_queries_with_the_model_of_the_vectors(
    data_dir: Path, folder: Path, other_model: Path
) -> None:
    indexed(data_dir, folder)
    with Engine(data_dir, settings=settings_for(other_model)) as writer:
        writer.switch_step(limit=2)
        with Engine(data_dir, read_only=True, settings=settings_for(other_model)) as reader:
            assert reader.encoder.name == "all-MiniLM-L6-v2"
            assert reader.switch is None
            assert top(reader, "quitting my job") == "resignation.txt"


def test_an_index_whose_model_is_gone_is_embedded_again_from_the_files(
    data_dir: Path, folder: Path, other_model: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "gone-model"
    shutil.copytree(other_model, gone)
    manifest = json.loads((gone / "manifest.json").read_text(encoding="utf-8"))
    manifest["name"] = "gone-model"
    (gone / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    indexed(data_dir, folder, gone)
    shutil.rmtree(gone)
    with Engine(data_dir, settings=settings_for(None)) as engine:
        assert engine.switch is None
        assert engine.store.catalog.chunk_count() == 0  # emptied: queries need the old model
        engine.indexer().index([str(folder)])
        assert top(engine, "quitting my job") == "resignation.txt"
