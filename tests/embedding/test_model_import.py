"""``desktop-search model import``: a local sentence-transformers folder becomes a usable model.

Uses the build tools (torch, sentence-transformers), which the test setup installs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_search.embedding.manifest import ModelManifest
from tests.conftest import Cli

pytest.importorskip("torch", reason="model import needs the build extra")


@pytest.mark.slow
def test_import_then_index_and_search_with_it(cli: Cli, tmp_path: Path) -> None:
    from desktop_search.embedding.export import default_source_model

    result = cli.run("model", "import", str(default_source_model()), "--name", "mini", "--use")
    assert result.returncode == 0, result.stderr
    package = cli.data_dir / "models" / "mini"
    manifest = ModelManifest.load(package)
    manifest.verify()
    assert (manifest.name, manifest.dimensions, manifest.pooling) == ("mini", 384, "mean")
    assert json.loads((cli.data_dir / "settings.json").read_text("utf-8"))["model_dir"] == str(
        package
    )

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "cat.txt").write_text("My kitten sleeps on the radiator.", "utf-8")
    (tmp_path / "docs" / "tax.txt").write_text("File the annual tax return by April.", "utf-8")
    assert cli.run("index", str(tmp_path / "docs")).returncode == 0
    status = cli.json("status")
    assert status["model"]["name"] == "mini"
    hits = cli.json("search", "pet feline napping near heater")
    assert Path(hits[0]["path"]).name == "cat.txt"


def test_import_rejects_a_folder_that_is_not_a_model(cli: Cli, tmp_path: Path) -> None:
    result = cli.run("model", "import", str(tmp_path))
    assert result.returncode == 2 and "not a sentence-transformers model" in result.stderr


def test_model_info_shows_the_shipped_model(cli: Cli) -> None:
    result = cli.run("model", "info", "--verify")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert info["name"] == "all-MiniLM-L6-v2" and info["dimensions"] == 384
