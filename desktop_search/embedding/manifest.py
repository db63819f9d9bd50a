"""The packaged model format: ``model.onnx`` + ``tokenizer.json`` + ``manifest.json``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"


class ModelError(Exception):
    """A model folder is missing, incomplete or does not match its manifest."""


def _prefix(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise TypeError(f"{key} must be a string, not {type(value).__name__}")
    return value


@dataclass(frozen=True)
class ModelManifest:
    folder: Path
    name: str
    dimensions: int
    max_tokens: int
    pooling: str
    files: dict[str, str]
    raw: dict[str, Any]
    # Put before every query / every passage (E5: "query: " / "passage: "); empty: none.
    query_prefix: str = ""
    passage_prefix: str = ""

    @property
    def model_path(self) -> Path:
        return self.folder / MODEL_FILE

    @property
    def tokenizer_path(self) -> Path:
        return self.folder / TOKENIZER_FILE

    @classmethod
    def load(cls, folder: Path) -> ModelManifest:
        path = folder / MANIFEST_FILE
        if not path.is_file():
            raise ModelError(f"no {MANIFEST_FILE} in model folder {folder}")
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            manifest = cls(
                folder=folder,
                name=str(raw["name"]),
                dimensions=int(raw["dimensions"]),
                max_tokens=int(raw["max_tokens"]),
                pooling=str(raw["pooling"]),
                files={str(k): str(v) for k, v in raw["files"].items()},
                raw=raw,
                query_prefix=_prefix(raw, "query_prefix"),
                passage_prefix=_prefix(raw, "passage_prefix"),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"invalid manifest {path}: {exc}") from exc
        for needed in (MODEL_FILE, TOKENIZER_FILE):
            if not (folder / needed).is_file():
                raise ModelError(f"model folder {folder} lacks {needed}")
        return manifest

    def verify(self) -> None:
        """Check every file against its sha256 in the manifest (slow-ish: reads the model)."""
        for name, expected in self.files.items():
            digest = hashlib.sha256((self.folder / name).read_bytes()).hexdigest()
            if digest != expected:
                raise ModelError(f"{self.folder / name} does not match its manifest checksum")

    def reads(self, language: str) -> bool:
        """Whether the model was trained on ``language`` (ISO 639-1): the manifest's
        ``languages`` list ("*" for any; a model that declares none is taken to read all)."""
        declared = self.raw.get("languages")
        if not isinstance(declared, list) or "*" in declared:
            return True
        return language in declared

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dimensions": self.dimensions,
            "max_tokens": self.max_tokens,
            "pooling": self.pooling,
            "path": str(self.folder),
        }
