"""The real pipeline (guarded extraction, real encoder, real store) on temporary folders."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_search.engine import Engine
from desktop_search.search.service import SearchRequest


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def top_path(engine: Engine, query: str) -> str | None:
    hits = engine.search.search(SearchRequest(query=query, k=1))
    return hits[0].path if hits else None


def test_index_then_update_then_delete(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    a = write(docs, "a.txt", "The committee approved the new budget for road repairs.")
    write(docs, "b.txt", "Tomatoes need plenty of sun and regular watering.")
    summary = engine.indexer().index([str(docs)])
    assert (summary.indexed, summary.unchanged, summary.failed) == (2, 0, {})

    again = engine.indexer().index([str(docs)])
    assert (again.indexed, again.unchanged) == (0, 2)

    a.write_text("Penguins live in the cold southern hemisphere.", encoding="utf-8")
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 10**9))
    changed = engine.indexer().index([str(docs)])
    assert changed.indexed == 1
    assert top_path(engine, "flightless antarctic birds") == str(a)
    assert engine.search.search(SearchRequest(query="budget committee", mode="lexical")) == []

    a.unlink()
    removed = engine.indexer().index([str(docs)])
    assert removed.removed == 1
    assert engine.store.catalog.file_by_path(str(a)) is None
    assert engine.search.search(SearchRequest(query="penguins", mode="lexical")) == []
    assert len(engine.store.vectors) == engine.store.catalog.counts()["chunks"]


def test_touched_file_with_same_content_is_not_reembedded(engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Some stable content about rivers and lakes.")
    engine.indexer().index([str(tmp_path)])
    before = engine.store.catalog.chunk_ids()
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5 * 10**9))
    summary = engine.indexer().index([str(tmp_path)])
    assert (summary.indexed, summary.unchanged) == (0, 1)
    assert engine.store.catalog.chunk_ids() == before
    state = engine.store.catalog.file_state(str(path))
    assert state is not None and state.mtime_ns == path.stat().st_mtime_ns


def test_interrupted_run_redoes_exactly_the_unfinished_files(
    engine: Engine, tmp_path: Path
) -> None:
    for i in range(3):
        write(tmp_path, f"f{i}.txt", f"Document number {i} about topic {i}.")
    engine.indexer().index([str(tmp_path)])
    # A run that marked f1 pending and died before committing it leaves mtime NULL.
    engine.store.catalog.mark_pending([str(tmp_path / "f1.txt")])
    assert engine.store.catalog.counts()["indexed"] == 3
    summary = engine.indexer().index([str(tmp_path)])
    assert summary.unchanged == 3  # f1: same hash, so only its mtime is restored
    state = engine.store.catalog.file_state(str(tmp_path / "f1.txt"))
    assert state is not None and state.mtime_ns is not None


def test_file_vanishing_mid_run_is_reported_and_the_rest_indexed(
    engine: Engine, tmp_path: Path
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, f"Contents of {name} about harbours and ships.")
    indexer = engine.indexer()
    indexer.threaded = False

    def delete_b(done: int, total: int, path: str) -> None:
        if path.endswith("a.txt"):
            (tmp_path / "b.txt").unlink()

    summary = indexer.index([str(tmp_path)], progress=delete_b)
    assert summary.failed == {str(tmp_path / "b.txt"): "file vanished during indexing"}
    assert summary.indexed == 2
    assert engine.store.catalog.file_by_path(str(tmp_path / "b.txt")) is None


def test_failures_are_recorded_and_cleared_when_fixed(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(os.urandom(2048))
    write(tmp_path, "good.txt", "A perfectly fine note about mountains.")
    summary = engine.indexer().index([str(tmp_path)])
    assert summary.indexed == 1
    assert "binary" in summary.failed[str(bad)]
    # An unchanged failing file is still reported, and not retried.
    again = engine.indexer().index([str(tmp_path)])
    assert "binary" in again.failed[str(bad)] and again.indexed == 0
    bad.write_text("Now it is a readable note about valleys.", encoding="utf-8")
    fixed = engine.indexer().index([str(tmp_path)])
    assert fixed.failed == {} and fixed.indexed == 1
    assert engine.store.catalog.counts()["failed"] == 0


def test_sequential_and_threaded_runs_agree(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(12):
        write(docs, f"n{i:02d}.md", f"# Note {i}\n\n" + f"Paragraph {i} on subject {i % 4}. " * 40)
    results = []
    for threaded in (False, True):
        with Engine(tmp_path / f"data-{threaded}") as engine:
            indexer = engine.indexer()
            indexer.threaded = threaded
            summary = indexer.index([str(docs)])
            results.append((summary.indexed, summary.chunks))
    assert results[0] == results[1] == (12, results[0][1])
    assert results[0][1] > 12


def test_update_handles_single_paths_folders_and_deletions(engine: Engine, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    a = write(docs, "a.txt", "Alpha document about glaciers.")
    write(docs / "sub", "b.txt", "Beta document about deserts.")
    write(docs / "sub", "c.txt", "Gamma document about rainforests.")
    engine.indexer().index([str(docs)])
    indexer = engine.indexer()

    a.write_text("Alpha document now about volcanoes.", encoding="utf-8")
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 10**9))
    summary = indexer.update([str(a)])
    assert (summary.indexed, summary.removed) == (1, 0)

    moved = tmp_path / "elsewhere"
    (docs / "sub").rename(moved)  # a folder moved out: both of its files must go
    summary = indexer.update([str(docs / "sub")])
    assert summary.removed == 2
    assert engine.store.catalog.paths_under([str(docs)]) == [str(a)]

    (moved).rename(docs / "back")  # and moved back in under another name
    summary = indexer.update([str(docs / "back")])
    assert summary.indexed == 2
    assert engine.store.catalog.counts()["indexed"] == 3


def test_paths_under_does_not_match_siblings_with_a_common_prefix(
    engine: Engine, tmp_path: Path
) -> None:
    for folder in ("notes", "notes-old", "notes/deep"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        write(tmp_path / folder, "f.txt", f"text in {folder}")
    engine.indexer().index([str(tmp_path)])
    under = engine.store.catalog.paths_under([str(tmp_path / "notes")])
    assert sorted(Path(p).relative_to(tmp_path).as_posix() for p in under) == [
        "notes/deep/f.txt",
        "notes/f.txt",
    ]
