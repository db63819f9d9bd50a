"""Which model made an index's vectors, and where that model's folder is now.

An index records its model's identity (``name/dimensions``) and folder. To keep searching
an index while it changes model, the old model must still embed the queries: its folder
is looked for where it was recorded, then among the shipped models (an upgrade may have
moved them).
"""

from __future__ import annotations

from pathlib import Path

from desktop_search.config.paths import shipped_models_dir
from desktop_search.embedding.manifest import ModelError, ModelManifest


def model_identity(name: str, dimensions: int) -> str:
    """How an index records the model of its vectors."""
    return f"{name}/{dimensions}"


def identity_of(folder: Path) -> str | None:
    """The identity of the model in ``folder``; None if it is not a usable model folder."""
    try:
        manifest = ModelManifest.load(folder)
    except (ModelError, OSError):
        return None
    return model_identity(manifest.name, manifest.dimensions)


def find_model(identity: str, recorded_folder: str | None) -> Path | None:
    """The folder of the model with ``identity``: where it was recorded, else a shipped one."""
    candidates: list[Path] = []
    if recorded_folder:
        candidates.append(Path(recorded_folder))
    root = shipped_models_dir()
    if root.is_dir():
        candidates.extend(sorted(p for p in root.iterdir() if p.is_dir()))
    return next((c for c in candidates if identity_of(c) == identity), None)
