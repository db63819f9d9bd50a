"""onnxruntime's telemetry is off: no device id, no event queue, no session file (#2).

Measured on onnxruntime 1.32.0: importing it, with telemetry on, writes
``$XDG_CACHE_HOME/Microsoft/DeveloperTools/.onnxruntime/{deviceid,onnxruntime.db}`` and
``$TMPDIR/.ses``; its uploader resolves ``mobile.events.data.microsoft.com`` some seconds
later (the network side is tested under strace in tests/e2e/test_privacy.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.user_env import user_env

ENCODE = """
import os
from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.encoder import Encoder

vectors = Encoder(default_model_dir()).encode(["a lighthouse on a rocky coast"])
print("encoded", vectors.shape, os.environ.get("ORT_DISABLE_TELEMETRY"))
"""
# The model build tool imports onnxruntime itself (quantization, its version).
BUILD_TOOL = """
import desktop_search.embedding.export
import onnxruntime
print("imported", onnxruntime.__version__)
"""
TOO_LATE = """
import logging
import onnxruntime
logging.basicConfig()
import desktop_search.embedding
"""


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def written_files(env: dict[str, str]) -> list[Path]:
    folders = ("HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR")
    return sorted(path for name in folders for path in Path(env[name]).rglob("*"))


@pytest.mark.parametrize("code", [ENCODE, BUILD_TOOL], ids=["encoder", "build-tool"])
def test_onnxruntime_writes_no_telemetry_files(tmp_path: Path, code: str) -> None:
    env = user_env(tmp_path)
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert written_files(env) == []  # no ~/.cache/Microsoft/..., no $TMPDIR/.ses


def test_the_encoder_runs_with_the_opt_out_set(tmp_path: Path) -> None:
    result = run_python(ENCODE, user_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["encoded", "(1,", "384)", "1"]


def test_onnxruntime_loaded_too_early_is_reported(tmp_path: Path) -> None:
    result = run_python(TOO_LATE, user_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "onnxruntime was imported before desktop_search.embedding" in result.stderr
