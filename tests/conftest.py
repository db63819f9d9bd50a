from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_search.config.model_choice import MULTILINGUAL_MODEL
from desktop_search.config.paths import shipped_models_dir
from desktop_search.config.settings import Settings
from desktop_search.engine import Engine
from tests.corpus import build_sample_folder

REPO = Path(__file__).resolve().parents[1]

# Qt tests run headless; a real display (Xvfb) is used only by benchmarks/screenshots.py.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# The default model follows the locale: tests run in a known one (English), whatever the
# machine's; tests of other locales set their own.
os.environ["LC_ALL"] = "C.UTF-8"


QT_TEST_FOLDERS = ("gui", "tray", "qt")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/gui, tests/tray and tests/qt need Qt: marked 'gui'."""
    for item in items:
        parts = Path(str(item.fspath)).relative_to(REPO / "tests").parts
        if parts and parts[0] in QT_TEST_FOLDERS:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR for daemons started by a test (their socket lives there)."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    saved = os.environ.get("XDG_RUNTIME_DIR")
    yield folder
    if saved is None:
        os.environ.pop("XDG_RUNTIME_DIR", None)
    else:
        os.environ["XDG_RUNTIME_DIR"] = saved


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def engine(data_dir: Path) -> Iterator[Engine]:
    with Engine(data_dir, settings=Settings(encoder_threads=1)) as opened:
        yield opened


@pytest.fixture(scope="session")
def other_model() -> Path:
    """A second model for switching models: the shipped multilingual one (its vectors
    differ from the default's, so a switch that kept the old ones shows)."""
    return shipped_models_dir() / MULTILINGUAL_MODEL


@pytest.fixture(scope="session")
def sample_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_folder(tmp_path_factory.mktemp("sample") / "docs")


class Cli:
    """Runs the real ``desktop-search`` command as a subprocess."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def run(
        self, *args: str, env: dict[str, str] | None = None, prefix: list[str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, **(env or {})}
        full_env.pop("DESKTOP_SEARCH_HOME", None) if env is None else None
        command = [*(prefix or []), sys.executable, "-m", "desktop_search", *args]
        if "--data-dir" not in args and not (env and "DESKTOP_SEARCH_HOME" in env):
            command += ["--data-dir", str(self.data_dir)]
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=REPO,
            timeout=300,
            check=False,
        )

    def json(self, *args: str, **kwargs: Any) -> Any:
        result = self.run(*args, "--json", **kwargs)
        assert result.returncode in (0, 1), result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def cli(data_dir: Path) -> Cli:
    return Cli(data_dir)
