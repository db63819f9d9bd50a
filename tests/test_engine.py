"""The engine: one data dir's settings, model, store, indexer and search, opened together."""

from __future__ import annotations

from pathlib import Path

from desktop_search.config.settings import Settings
from desktop_search.engine import Engine


def test_status_lists_the_folders_of_the_settings(data_dir: Path, tmp_path: Path) -> None:
    folders = [str(tmp_path / "docs"), str(tmp_path / "notes")]
    Settings(folders=folders, encoder_threads=1).save(data_dir)
    with Engine(data_dir, read_only=True) as engine:
        status = engine.status()
    assert status["folders"] == folders
    assert status["chunks"] == status["vectors"] == 0
