"""Build ``models/ocr`` from the PyPI wheel rapidocr-onnxruntime 1.4.4 (Apache-2.0):

    python -m desktop_search.ocr.build [--wheel FILE] [--out DIR]

The wheel carries PaddleOCR's PP-OCRv4 models as ONNX: text detection (DB, 4.7 MB) and
recognition (SVTR-LCNet with CTC, 10.9 MB, whose character list of 6,623 Chinese, Latin,
digit and punctuation characters is in the model's metadata). They are copied unchanged;
the wheel is checked against its known SHA-256 and fetched with ``pip download --no-deps``
when not given (its own Python code needs OpenCV, 180 MB, which the app does without:
``desktop_search/ocr/engine.py`` does the pre- and post-processing in numpy and Pillow).
The angle classifier is left out: scans and screenshots are upright.
Two builds are byte-identical (the manifest holds the files' SHA-256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from desktop_search.ocr.models import DETECTION, RECOGNITION, ocr_models_dir

PACKAGE = "rapidocr-onnxruntime==1.4.4"
WHEEL = "rapidocr_onnxruntime-1.4.4-py3-none-any.whl"
WHEEL_SHA256 = "971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf"
MEMBERS = {
    DETECTION: "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
    RECOGNITION: "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
}
COMMAND = "python -m desktop_search.ocr.build"


def fetch_wheel(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--quiet",
            "-d",
            str(folder),
            PACKAGE,
        ],
        check=True,
    )
    return folder / WHEEL


def build(wheel: Path, out: Path) -> dict[str, object]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel} is not {WHEEL} (sha256 {digest})")
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as archive:
        for name, member in MEMBERS.items():
            data = archive.read(member)
            (out / name).write_bytes(data)
            files[name] = hashlib.sha256(data).hexdigest()
    manifest: dict[str, object] = {
        "name": "PP-OCRv4 mobile (detection + recognition)",
        "license": "Apache-2.0 (PaddleOCR models, packaged by RapidOCR)",
        "source": {"package": PACKAGE, "wheel_sha256": WHEEL_SHA256, "members": MEMBERS},
        "command": COMMAND,
        "files": files,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"the {WHEEL} file (else pip downloads it)")
    parser.add_argument("--out", type=Path, default=ocr_models_dir())
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ocr-build-") as scratch:
        wheel = args.wheel or fetch_wheel(Path(scratch))
        manifest = build(wheel, args.out)
    print(json.dumps(manifest["files"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
