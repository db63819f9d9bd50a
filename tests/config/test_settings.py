from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop_search.config.settings import SETTINGS_FILE, Settings
from tests.conftest import Cli


def test_with_changes_validates_and_copies() -> None:
    base = Settings()
    changed = base.with_changes({"encoder_threads": 2, "exclude_patterns": ["*.log"]})
    assert (changed.encoder_threads, changed.exclude_patterns) == (2, ["*.log"])
    assert base.encoder_threads == 0 and base.exclude_patterns == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"encoder_threads": "two"}, "encoder_threads"),
        ({"max_file_bytes": 10}, "at least 1024"),
        ({"pause_on_battery": 1}, "true or false"),
        ({"exclude_patterns": "*.log"}, "list of patterns"),
        ({"colour": "blue"}, "unknown setting"),
    ],
)
def test_bad_values_are_refused_with_a_reason(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings().with_changes(changes)


def test_a_bad_exclude_pattern_is_refused_with_the_pattern_named() -> None:
    with pytest.raises(ValueError, match=r"exclude_patterns: '\[z-a\]' is not a valid pattern"):
        Settings().with_changes({"exclude_patterns": ["*.log", "[z-a]"]})
    with pytest.raises(ValueError, match=r"'\[\]' is not a valid pattern"):
        Settings().with_changes({"exclude_patterns": ["[]"]})


def test_a_settings_file_with_wrong_values_keeps_the_good_ones(
    data_dir: Path, cli: Cli, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / SETTINGS_FILE).write_text(
        json.dumps(
            {
                "max_file_bytes": "big",
                "folders": "/tmp",
                "exclude_patterns": ["[z-a]", "*.log"],
                "encoder_threads": None,
                "extract_timeout_s": True,
                "pause_on_battery": False,
                "chunk_tokens": 100,
                "colour": "blue",
            }
        ),
        "utf-8",
    )
    with caplog.at_level(logging.WARNING):
        loaded = Settings.load(data_dir)
    defaults = Settings()
    assert loaded.max_file_bytes == defaults.max_file_bytes
    assert loaded.folders == [] and loaded.encoder_threads == 0
    assert loaded.extract_timeout_s == defaults.extract_timeout_s
    assert loaded.exclude_patterns == ["*.log"]
    assert (loaded.pause_on_battery, loaded.chunk_tokens) == (False, 100)
    warned = caplog.text
    for name in ("max_file_bytes", "folders", "encoder_threads", "extract_timeout_s", "colour"):
        assert name in warned
    assert "'[z-a]' is not a valid pattern" in warned
    # every command works with it
    result = cli.run("status", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["files_indexed"] == 0


@pytest.mark.parametrize("text", ["[1, 2]", '"folders"', "null", "{not json"])
def test_a_settings_file_that_is_not_an_object_gives_the_defaults(
    tmp_path: Path, text: str
) -> None:
    (tmp_path / SETTINGS_FILE).write_text(text, "utf-8")
    assert Settings.load(tmp_path) == Settings()


def test_a_shipped_model_is_chosen_by_its_folders_name(tmp_path: Path) -> None:
    from desktop_search.config.paths import default_model_dir, shipped_models_dir

    assert Settings().resolved_model_dir() == default_model_dir()
    chosen = Settings(model_dir="all-MiniLM-L6-v2-int8").resolved_model_dir()
    assert chosen == shipped_models_dir() / "all-MiniLM-L6-v2-int8"
    assert Settings(model_dir=str(tmp_path)).resolved_model_dir() == tmp_path
    assert Settings(model_dir="no-such-model").resolved_model_dir() == Path("no-such-model")
