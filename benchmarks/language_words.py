# ruff: noqa: RUF001, RUF002  (text in many scripts, on purpose)
"""Content words in any of the multilingual collection's languages: what "sharing a word"
between a query and a file means there.

- Alphabetic scripts (Latin, Cyrillic, Arabic): a word is a run of letters or digits, taken
  in NFKC and casefolded; Arabic also loses its short vowels and tatweel, and its letter
  variants are unified (أ إ آ -> ا, ى -> ي, ة -> ه). A word on the language's stop list
  (function words: articles, pronouns, prepositions, auxiliaries) is not a content word;
  every other word is stemmed with the language's Snowball stemmer (PyStemmer; none for
  Chinese, Japanese and Korean, whose Latin words stay whole) and then loses its diacritics,
  so "Wohnungen" and "Wohnung", "facturación" and "factura" are one word. Numbers are
  content words.
- Chinese, Japanese and Korean write words without spaces (Korean writes particles onto
  them): a content word is a **character bigram** of a run of Han, Katakana or Hangul
  characters, and a run of one character counts as itself. Runs are split where the script
  changes, so a Japanese sentence gives its kanji and katakana words; hiragana runs
  (particles, inflections) are not content words. A few Chinese bigrams that are function
  words (我们, 一个, 可以 ...) are stop words, and so is any bigram holding one of the
  particles 的 了 吗 呢 吧 (是 and 在 are left in: they are parts of words). Sharing no
  content word therefore means a keyword index of CJK bigrams (and so also one of
  trigrams) finds no common term.

This is a deliberately strict notion: folding diacritics and counting every bigram and
number makes more pairs "share a word", never fewer.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import Stemmer

# Snowball stemmers by ISO 639-1 code; languages not listed are not stemmed.
_SNOWBALL = {
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
    "ar": "arabic",
    "it": "italian",
    "pt": "portuguese",
}

_STOP_TEXT = {
    "en": """a about above after again against all am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        few for from further had has have having he her here hers him his how i if in into is
        it its just me more most my no nor not now of off on once only or other our ours out
        over own same she should so some such than that the their them then there these they
        this those through to too under until up us very was we were what when where which
        while who whom why will with would you your yours s t m d ll re ve""",
    "de": """aber alle allem allen aller alles als also am an ander andere auch auf aus bei
        bin bis bist da damit dann das dass dein deine dem den der des dich die dies diese
        diesem diesen dieser dir doch du durch ein eine einem einen einer eines er es etwas
        euch euer für hab habe haben hat hatte ich ihm ihn ihnen ihr ihre im in ist ja jede
        jeder kann kein keine man mein meine mich mir mit muss nach nicht noch nun nur ob oder
        ohne sehr sein seine sich sie sind so soll über um und uns unser unsere unter viel vom
        von vor war waren was weil wenn wer wie wir wird wo zu zum zur""",
    "fr": """à a au aux avec ce ces cette d dans de des du elle elles en est et eux il ils je
        l la le les leur leurs lui m ma mais me mes moi mon n ne nos notre nous on ou où par
        pas pour qu que qui s sa se ses si son sont sur t ta te tes toi ton tu un une vos
        votre vous y été être avoir ai as avons avez ont était après avant chez sans sous entre
        comme plus très tout tous toute pendant cet ceci cela ça""",
    "es": """a al algo como con cual cuando de del donde el ella ellas ellos en entre era es
        esa ese eso esta este esto estos está están fue ha han hay la las le les lo los me mi
        mis muy más no nos nuestra nuestro o os para pero por que qué se sin sobre son su sus
        te ti tu tus un una uno unos y ya yo""",
    "ru": """а без бы был была были было в вам вас весь во вот все всё вы где да для до его
        её если есть ещё же за и из или им их к как ко когда кто ли мне мы на над не нет ни
        но о об он она они оно от по под при с со так там то тот у уже что чтобы эта эти
        это я мой моя мои наш наша наши""",
    "ar": """في من إلى على عن مع هذا هذه ذلك تلك التي الذي الذين و أو ثم أن إن كان كانت قد
        لا لم لن ما هو هي هم نحن أنا أنت كل بعض عند بين حتى إذا لكن أي""",
    "it": """a al all alla alle allo agli ai anche dell nell sull dall che chi ci con da dal
        dalla dei del della delle di e è gli ha i il in io la le lo loro ma mi ne nel nella
        non per più se si sono su sua suo tra un una uno""",
    "pt": """a ao aos as às com da das de do dos e é ela ele em entre eu isso já mais mas me
        na nas no nos o os ou para pela pelo por que se sem seu sua também um uma""",
}

# Chinese bigrams that are function words, not topics, and particles no word is made of.
_CJK_STOP_TEXT = """我们 你们 他们 她们 一个 这个 那个 可以 没有 什么 怎么 因为 所以 已经 还是
    就是 一下 一些 这些 那些 自己 时候 如果 但是"""
_CJK_STOP = frozenset(_CJK_STOP_TEXT.split())
_CJK_PARTICLES = frozenset("的了吗呢吧")

_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, dagger alef, tatweel
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"[^\W_]+")
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"  # 々 repeats a kanji
_CJK_RUN = re.compile(rf"[{_HAN}]+|[\u30a0-\u30ff\u31f0-\u31ff]+|[\uac00-\ud7af]+")
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
_CJK = re.compile(rf"[{_HAN}\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af]")


def fold(word: str) -> str:
    """``word`` without its diacritics (Latin and Cyrillic accents, Arabic vowel marks)."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


@functools.cache
def _stops(language: str) -> frozenset[str]:
    return frozenset(fold(_normalise(w)) for w in _STOP_TEXT.get(language, "").split())


@functools.cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    name = _SNOWBALL.get(language)
    return Stemmer.Stemmer(name) if name else None


def cjk_words(text: str) -> set[str]:
    """The bigrams of each run of Han, Katakana or Hangul characters (a lone one as itself)."""
    found: set[str] = set()
    for run in _CJK_RUN.findall(_HIRAGANA.sub(" ", text)):
        if len(run) == 1:
            found.add(run)
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return {w for w in found - _CJK_STOP if not _CJK_PARTICLES & set(w)}


def alphabetic_tokens(text: str, language: str) -> list[str]:
    """The normalised words of ``text`` outside CJK runs that are not stop words, in order,
    unstemmed."""
    stops = _stops(language)
    words = _WORD.findall(_CJK.sub(" ", _normalise(text)))
    return [w for w in words if fold(w) not in stops]


def content_words(text: str, language: str) -> set[str]:
    """The content words of ``text`` written in ``language`` (see the module's docstring)."""
    stemmer = _stemmer(language)
    tokens = alphabetic_tokens(text, language)
    stems = stemmer.stemWords(tokens) if stemmer is not None else tokens
    return {fold(stem) for stem in stems} | cjk_words(unicodedata.normalize("NFKC", text))


def is_cjk(language: str) -> bool:
    return language in ("zh", "ja", "ko")
