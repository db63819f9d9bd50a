"""The shipped OCR models: where they are and that they are the files the manifest names."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from desktop_search.config.paths import shipped_models_dir

OCR_FOLDER = "ocr"  # models/ocr: not a sentence encoder, so the model lists skip it
DETECTION = "det.onnx"
RECOGNITION = "rec.onnx"


class OcrModelError(Exception):
    """The OCR models are missing or not the files the manifest names."""


@dataclass(frozen=True)
class OcrModels:
    folder: Path
    manifest: dict[str, object]

    @property
    def detection(self) -> Path:
        return self.folder / DETECTION

    @property
    def recognition(self) -> Path:
        return self.folder / RECOGNITION


def sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def ocr_models_dir() -> Path:
    return shipped_models_dir() / OCR_FOLDER


def load(folder: Path | None = None, *, verify: bool = True) -> OcrModels:
    """The OCR models of ``folder`` (the shipped ones by default), checked against the
    manifest's checksums when ``verify``."""
    folder = folder or ocr_models_dir()
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OcrModelError(f"OCR models not found in {folder}: {exc}") from exc
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict) or set(files) != {DETECTION, RECOGNITION}:
        raise OcrModelError(f"OCR manifest in {folder} does not name {DETECTION} and {RECOGNITION}")
    if verify:
        for name, expected in files.items():
            path = folder / name
            if not path.is_file() or sha256(path) != expected:
                raise OcrModelError(f"OCR model {path} is missing or damaged")
    return OcrModels(folder, manifest)
