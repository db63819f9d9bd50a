"""Fault injection: kill -9 the daemon at random moments while it indexes, change the
folder between runs, restart it each time, and compare the final index with the disk."""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.manifest import ModelManifest
from desktop_search.indexer.pipeline import content_hash
from desktop_search.storage.store import IndexStore
from tests.daemon.harness import REPO, RunningDaemon

KILL_POINTS = 12
FILES = 300
WORDS = [
    "river",
    "mountain",
    "harbour",
    "glacier",
    "desert",
    "forest",
    "meadow",
    "canyon",
    "island",
    "valley",
    "volcano",
    "prairie",
    "lagoon",
    "tundra",
    "delta",
    "plateau",
    "estuary",
    "reef",
    "marsh",
    "savanna",
]


def note(rng: random.Random, number: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 400)))
    return f"Note {number} token{number}x. {body}\n"


def catalog_value(data_dir: Path, sql: str) -> float:
    path = data_dir / "catalog.sqlite3"
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as conn:
        try:
            row = conn.execute(sql).fetchone()
        except sqlite3.OperationalError:  # killed before the schema was written
            return 0
    return float(row[0] or 0)


def indexed_count(data_dir: Path) -> int:
    return int(catalog_value(data_dir, "SELECT COUNT(*) FROM files WHERE status = 'indexed'"))


def last_commit(data_dir: Path) -> float:
    """When the daemon last committed a file (time.time() clock)."""
    return catalog_value(data_dir, "SELECT MAX(indexed_at) FROM files")


def disk_state(folder: Path) -> dict[str, str]:
    return {str(path): content_hash(str(path)) for path in folder.rglob("*.txt")}


@pytest.mark.slow
def test_kill_minus_nine_at_random_points_loses_and_duplicates_nothing(
    tmp_path: Path, runtime: Path
) -> None:
    rng = random.Random(20261124)
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for i in range(FILES):
        (docs / ("sub" if i % 4 == 0 else "") / f"n{i:03d}.txt").write_text(note(rng, i), "utf-8")
    daemon = RunningDaemon(tmp_path / "data", [docs], runtime)
    next_number = FILES
    kills = 0
    progress: list[int] = []  # files indexed when each kill struck
    for point in range(KILL_POINTS):
        started = time.time()
        process = subprocess.Popen(
            daemon.command(),
            cwd=REPO,
            env=daemon.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if point % 3 == 0:  # somewhere in start-up (model loading, first scan)
            time.sleep(rng.uniform(0.1, 2.5))
        else:  # while files are being committed, whatever the machine's speed
            deadline = time.monotonic() + 60
            while last_commit(daemon.data_dir) < started and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 1.0))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        kills += 1
        progress.append(indexed_count(daemon.data_dir))
        # The world moves on while the daemon is dead: edits, deletions, new files.
        files = sorted(docs.rglob("*.txt"))
        for path in rng.sample(files, 3):
            path.write_text(note(rng, next_number), "utf-8")
            next_number += 1
        for path in rng.sample(sorted(docs.rglob("*.txt")), 2):
            path.unlink()
        for _ in range(2):
            (docs / f"new{next_number}.txt").write_text(note(rng, next_number), "utf-8")
            next_number += 1

    daemon.start()
    status = daemon.idle()
    assert daemon.stop() == 0
    print(f"kill -9 points tried: {kills}; files indexed at each: {progress}")
    # Kills that struck while files were being indexed (progress made, work left over):
    mid_run = [
        cur for prev, cur in itertools.pairwise([0, *progress]) if prev + 5 < cur < FILES - 10
    ]
    assert len(mid_run) >= 2, f"too few kills landed mid-indexing: {progress}"

    expected = disk_state(docs)
    manifest = ModelManifest.load(default_model_dir())
    store = IndexStore(daemon.data_dir, model_name=manifest.name, dimensions=manifest.dimensions)
    try:
        catalog = store.catalog
        rows = catalog.conn.execute(
            "SELECT path, status, content_hash, chunk_count FROM files"
        ).fetchall()
        indexed = {os.fsdecode(bytes(r[0])): r[2] for r in rows if r[1] == "indexed"}
        assert {r[1] for r in rows} == {"indexed"}, "pending or failed rows left over"
        assert indexed == expected  # every file once, with the content now on disk
        chunk_rows = catalog.conn.execute("SELECT file_id, ordinal FROM chunks").fetchall()
        assert max(Counter(map(tuple, chunk_rows)).values()) == 1, "duplicated chunks"
        per_file = Counter(r[0] for r in chunk_rows)
        counts = {
            int(r[0]): int(r[1]) for r in catalog.conn.execute("SELECT id, chunk_count FROM files")
        }
        assert per_file == Counter(counts)
        fts_rows = catalog.conn.execute("SELECT COUNT(*) FROM chunk_fts").fetchone()[0]
        assert fts_rows == len(chunk_rows)
        assert store.vectors.keys() == catalog.chunk_ids()
        assert catalog.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()
    assert status["files_indexed"] == len(expected)
    # Every surviving file is findable by its own unique token.
    daemon.start()
    for name in rng.sample(sorted(expected), 10):
        token = Path(name).read_text("utf-8").split()[2]  # 'tokenNx.'
        hits = daemon.client.call("search", query=token.strip("."), mode="lexical", k=1)
        assert hits and hits[0]["path"] == name
    daemon.stop()
