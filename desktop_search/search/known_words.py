"""Words known to be words: the encoder's whole-word vocabulary, in any inflection.

A word of the query the keyword index has never seen may be a typo ("lasgna") or a real
word the person's files just do not use ("pasta", "jabs"). Only the first should be
corrected; the tokenizer's vocabulary tells them apart offline (a word it holds whole is
a word of the language), and a plural counts as its singular ("jabs" as "jab"). Stems
are not compared: a typo may stem to a word ("writting" -> "writ").
"""

from __future__ import annotations

from collections.abc import Container, Iterable

from desktop_search.language import normalise


class KnownWords(Container[str]):
    def __init__(self, words: Iterable[str]) -> None:
        self._words = frozenset(normalise.fold(w) for w in words)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        folded = normalise.fold(word)
        singulars = (folded, folded.removesuffix("s"), folded.removesuffix("es"))
        return any(w in self._words for w in singulars)

    def __len__(self) -> int:
        return len(self._words)
