"""Which script a word is written in, which languages write in it, and the runs of
Chinese, Japanese and Korean characters (written without spaces between words)."""

from __future__ import annotations

import functools
import unicodedata

import regex

# A word character for the keyword index: letters, digits, marks (kept inside a word:
# Devanagari vowel signs, Arabic tashkeel, combining accents) and private-use characters.
# Everything else (spaces, punctuation, "_", symbols) separates words.
WORD = regex.compile(r"[\p{L}\p{N}\p{M}\p{Co}]+")
# Chinese characters, kana and Hangul, with the marks that live inside their runs
# (the prolonged sound mark, iteration marks).
CJK_RUN = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}\u3005-\u3007\u30fc\u30fb\u3031-\u3035]+"
)
HAS_CJK = CJK_RUN

LATIN = "latin"
CJK = "cjk"
# The scripts whose words have language-specific analysis, by the first word of their
# letters' Unicode names.
_SCRIPT_NAMES = {
    "LATIN": LATIN,
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARABIC": "arabic",
    "HEBREW": "hebrew",
    "DEVANAGARI": "devanagari",
    "ARMENIAN": "armenian",
    "TAMIL": "tamil",
    "CJK": CJK,
    "HIRAGANA": CJK,
    "KATAKANA": CJK,
    "HANGUL": CJK,
}

# Languages (ISO 639-1) written in a script other than Latin, by script. A language in
# none of these and not Chinese, Japanese or Korean is taken to be written in Latin.
SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {
    "cyrillic": frozenset({"ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg"}),
    "greek": frozenset({"el"}),
    "arabic": frozenset({"ar", "fa", "ur", "ps", "ug", "sd", "ckb"}),
    "hebrew": frozenset({"he", "yi"}),
    "devanagari": frozenset({"hi", "ne", "mr", "sa"}),
    "armenian": frozenset({"hy"}),
    "tamil": frozenset({"ta"}),
    CJK: frozenset({"zh", "ja", "ko"}),
}
# Languages of other scripts this package has no analysis for (their words are only
# folded): never taken for Latin.
_OTHER_SCRIPT_LANGUAGES = frozenset(
    {"th", "lo", "km", "my", "ka", "am", "bn", "gu", "kn", "ml", "te", "si", "or", "pa", "dz"}
)
_BOTH_SCRIPTS = frozenset({"sr"})  # Serbian is written in Cyrillic and in Latin
# The language whose analysis a word of a script gets in a text of another language
# (English words in a Russian letter, Russian words in an English one).
SCRIPT_DEFAULT: dict[str, str] = {
    LATIN: "en",
    "cyrillic": "ru",
    "greek": "el",
    "arabic": "ar",
    "hebrew": "he",
    "devanagari": "hi",
    "armenian": "hy",
    "tamil": "ta",
}


@functools.lru_cache(maxsize=1 << 14)
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    return _SCRIPT_NAMES.get(name.split(" ", 1)[0], "")


def script_of(word: str) -> str:
    """The script of a word's first letter ('' for a word of digits or of a script this
    package has no analysis for)."""
    if word.isascii():
        return LATIN if any(c.isalpha() for c in word) else ""
    for char in word:
        if char.isalpha():
            return _char_script(char)
    return ""


def writes_in(language: str, script: str) -> bool:
    """Whether ``language`` is written in ``script``."""
    if script == LATIN:
        if language in _BOTH_SCRIPTS:
            return True
        return not any(language in langs for langs in SCRIPT_LANGUAGES.values()) and (
            language not in _OTHER_SCRIPT_LANGUAGES and language != ""
        )
    return language in SCRIPT_LANGUAGES.get(script, frozenset())


def analysis_language(script: str, language: str) -> str:
    """The language whose analysis a word of ``script`` gets in a text of ``language``:
    that language if it is written in the script, else the script's usual one."""
    if script == "":
        return ""
    if writes_in(language, script):
        return language
    return SCRIPT_DEFAULT.get(script, "")


def is_cjk(word: str) -> bool:
    return not word.isascii() and CJK_RUN.search(word) is not None
