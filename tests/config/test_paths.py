from __future__ import annotations

from pathlib import Path

import pytest

from desktop_search.config.paths import default_model_dir, resolve_data_dir
from desktop_search.config.settings import Settings


def test_explicit_data_dir_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DESKTOP_SEARCH_HOME", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"


def test_platform_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESKTOP_SEARCH_HOME", raising=False)
    assert "desktop-search" in str(resolve_data_dir(None))


def test_shipped_model_is_found() -> None:
    assert (default_model_dir() / "manifest.json").is_file()


def test_settings_round_trip(tmp_path: Path) -> None:
    settings = Settings(folders=["/a", "/b"], encoder_threads=3)
    settings.save(tmp_path)
    loaded = Settings.load(tmp_path)
    assert loaded == settings
    assert loaded.resolved_encoder_threads() == 3


def test_broken_or_unknown_settings_fall_back(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", "utf-8")
    assert Settings.load(tmp_path) == Settings()
    (tmp_path / "settings.json").write_text('{"folders": ["/x"], "future_key": 1}', "utf-8")
    assert Settings.load(tmp_path).folders == ["/x"]
