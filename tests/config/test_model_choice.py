"""The default model: from the locale, then from the languages of the user's files."""

from __future__ import annotations

import pytest

from desktop_search.config.model_choice import (
    ENGLISH_MODEL,
    MULTILINGUAL_MODEL,
    files_need_multilingual,
    locale_language,
    model_for_locale,
)
from desktop_search.config.paths import default_model_dir, shipped_models_dir
from desktop_search.config.settings import Settings


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "zh_CN", "LANG": "en_GB.UTF-8"}, "zh"),
        ({"LANG": "sr_RS@latin"}, "sr"),
        ({"LANG": "C.UTF-8"}, ""),
        ({"LANG": "POSIX"}, ""),
        ({}, ""),
    ],
)
def test_the_users_language_comes_from_the_locale(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


def test_a_user_whose_locale_is_not_english_starts_multilingual() -> None:
    assert model_for_locale("de") == MULTILINGUAL_MODEL
    assert model_for_locale("ja") == MULTILINGUAL_MODEL
    assert model_for_locale("en") == ENGLISH_MODEL
    assert model_for_locale("") == ENGLISH_MODEL


def test_the_default_model_folder_follows_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DESKTOP_SEARCH_MODEL", raising=False)
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert default_model_dir() == shipped_models_dir() / MULTILINGUAL_MODEL
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert default_model_dir() == shipped_models_dir() / ENGLISH_MODEL
    chosen = Settings(default_model=MULTILINGUAL_MODEL)
    assert chosen.resolved_model_dir() == shipped_models_dir() / MULTILINGUAL_MODEL
    assert default_model_dir("no-such-model") == shipped_models_dir() / ENGLISH_MODEL


def test_files_in_other_languages_call_for_the_multilingual_model() -> None:
    assert not files_need_multilingual([("en", 400), ("", 30)])
    assert not files_need_multilingual([("en", 400), ("de", 10)])  # 2.4 %: a stray quote
    assert files_need_multilingual([("en", 400), ("de", 15), ("zh", 10)])  # 5.9 %
    assert files_need_multilingual([("fr", 30)])
    assert not files_need_multilingual([("fr", 5), ("", 100)])  # too few told to judge


def test_rare_labels_on_english_text_do_not_change_the_model() -> None:
    # py3langid tells some English word lists as Nigerian Pidgin ('pcm'): no reason to move
    assert not files_need_multilingual([("en", 130), ("pcm", 30), ("no", 1)])
    assert files_need_multilingual([("en", 130), ("de", 30)])
