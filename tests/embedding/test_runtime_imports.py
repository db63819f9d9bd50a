"""The run-time path (index + search + status) never imports torch or sentence-transformers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCKER = r"""
import sys, importlib.abc

class Block(importlib.abc.MetaPathFinder):
    banned = ("torch", "sentence_transformers", "transformers", "onnx", "optimum")
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.banned:
            raise ImportError(f"run-time path imported {name}")
        return None

sys.meta_path.insert(0, Block())
from desktop_search.cli.main import main
folder, data = sys.argv[1], sys.argv[2]
codes = [
    main(["index", folder, "--data-dir", data]),
    main(["search", "hello world", "--data-dir", data, "--json"]),
    main(["status", "--data-dir", data, "--json"]),
]
banned = [m for m in sys.modules if m.split(".")[0] in Block.banned]
print("CODES", codes, "BANNED", banned)
sys.exit(1 if banned or any(codes) else 0)
"""


def test_runtime_path_never_imports_build_tools(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("hello world, a small text file", "utf-8")
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, str(folder), str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BANNED []" in result.stdout
