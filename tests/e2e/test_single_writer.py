"""One writer per index: ``index`` goes through a running daemon, and two ``index`` runs
take turns instead of overwriting each other's vectors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.manifest import ModelManifest
from desktop_search.storage.store import IndexStore
from tests.conftest import REPO
from tests.daemon.harness import RunningDaemon
from tests.notes import write_notes


def index_command(data_dir: Path, *paths: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "desktop_search",
        "index",
        *map(str, paths),
        "--data-dir",
        str(data_dir),
    ]


def assert_vectors_match_catalog(data_dir: Path) -> int:
    manifest = ModelManifest.load(default_model_dir())
    store = IndexStore(
        data_dir, model_name=manifest.name, dimensions=manifest.dimensions, read_only=True
    )
    try:
        chunk_ids = store.catalog.chunk_ids()
        assert store.vectors.keys() == chunk_ids
        return len(chunk_ids)
    finally:
        store.close()


def test_two_index_runs_at_once_lose_no_vectors(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_notes(docs, 300, "n")
    data_dir = tmp_path / "data"
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}
    runs = [
        subprocess.Popen(
            index_command(data_dir, docs),
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("waiting" in err for _out, err in outputs)  # the second took its turn
    chunks = assert_vectors_match_catalog(data_dir)
    assert chunks >= 300
    # The writer's view on reopening agrees, and nothing is left to repair.
    again = subprocess.run(
        index_command(data_dir, docs), cwd=REPO, env=env, capture_output=True, text=True
    )
    assert again.returncode == 0 and "0 file(s)" in again.stdout and "300 unchanged" in again.stdout


def test_index_beside_a_running_daemon_goes_through_it(tmp_path: Path, runtime: Path) -> None:
    watched = tmp_path / "watched"
    write_notes(watched, 20, "w")
    running = RunningDaemon(tmp_path / "data", [watched], runtime)
    running.start()
    try:
        running.idle()
        extra = tmp_path / "extra"
        write_notes(extra, 120, "e")
        result = subprocess.run(
            index_command(running.data_dir, extra),
            cwd=REPO,
            env=running.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        assert "indexed 120 file(s)" in result.stdout
        assert "indexer is running" in result.stderr
        status = running.idle()
        assert status["files_indexed"] == 140
        assert status["vectors"] == status["chunks"]
        assert str(extra) in [f["path"] for f in status["folders"]]  # watched from now on
        hits = running.client.call("search", query="e117z", mode="lexical", k=1)
        assert Path(hits[0]["path"]).name == "e0117.txt"
        (extra / "later.txt").write_text("A later note about kites.", "utf-8")
        status = running.idle()
        assert running.search("kites", mode="lexical") == ["later.txt"]
    finally:
        assert running.stop() == 0
    assert assert_vectors_match_catalog(running.data_dir) == status["chunks"]
