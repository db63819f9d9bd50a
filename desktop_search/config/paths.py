"""Where desktop-search keeps its files: data dir resolution and the shipped model folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "desktop-search"
HOME_ENV = "DESKTOP_SEARCH_HOME"
MODEL_ENV = "DESKTOP_SEARCH_MODEL"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: ``--data-dir`` first, then ``$DESKTOP_SEARCH_HOME``, then the platform's."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def shipped_models_dir() -> Path:
    """The ``models/`` folder that ships with the application (source tree or bundle)."""
    here = Path(__file__).resolve()
    candidates = [
        here.parents[2] / "models",  # source checkout / editable install
        here.parents[1] / "models",  # frozen bundle keeps models/ inside the package dir
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def resources_dir() -> Path:
    """The ``resources/`` folder (icons, desktop entries): source tree or bundle."""
    here = Path(__file__).resolve()
    candidates = [here.parents[2] / "resources", here.parents[1] / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def default_model_dir(chosen: str = "") -> Path:
    """The model used when none is configured: ``$DESKTOP_SEARCH_MODEL``, else the shipped
    one ``chosen`` by the app from the user's files (see :mod:`config.model_choice`), else
    the one for the user's locale."""
    from desktop_search.config.model_choice import ENGLISH_MODEL, locale_language, model_for_locale

    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env).expanduser().resolve()
    folder = shipped_models_dir() / (chosen or model_for_locale(locale_language()))
    return folder if folder.is_dir() else shipped_models_dir() / ENGLISH_MODEL
