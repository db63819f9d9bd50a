"""Each text's language, from the model py3langid ships, read without writing anything."""

from __future__ import annotations

import subprocess
import sys

from desktop_search.language.detect import chunk_language, guess, query_language
from tests.conftest import REPO

# Any temporary file (TMPDIR is outside our folders) fails the run.
NO_TEMPORARY_FILES = """
import tempfile

def refuse(*args, **kwargs):
    raise AssertionError("a temporary file was made")

for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp", "mkdtemp", "SpooledTemporaryFile"):
    setattr(tempfile, name, refuse)

from desktop_search.language import detect

print(detect.chunk_language("Hiermit kündige ich meinen Arbeitsvertrag zum Monatsende."))
"""


def test_the_model_is_read_without_writing_a_temporary_file() -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_TEMPORARY_FILES],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["de"]


def test_languages_of_chunks_and_queries() -> None:
    assert (
        chunk_language("Le propriétaire a accepté de réparer le chauffage de la chambre.") == "fr"
    )
    assert chunk_language("来月末をもちまして退職させていただくことになりました。") == "ja"
    assert chunk_language("다음 달 말에 회사를 그만두게 되었음을 알려 드립니다.") == "ko"
    assert chunk_language("关于新预算的会议改到星期四下午了。") == "zh"
    assert chunk_language("2024 - 17.50 - 3") == ""  # nothing to tell
    assert query_language("telling my boss I'm leaving the company") == "en"
    assert query_language("lasgna recpie") == ""  # a typo has no language
    assert guess("Сообщаю вам, что я увольняюсь из компании.").language == "ru"
    assert guess("bad \udcff bytes in an English sentence here").language == "en"
