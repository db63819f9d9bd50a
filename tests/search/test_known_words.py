"""Real words are told from typos by the encoder's own vocabulary."""

from __future__ import annotations

from desktop_search.config.paths import default_model_dir
from desktop_search.embedding.encoder import Encoder
from desktop_search.search.known_words import KnownWords


def test_real_words_and_plurals_are_known_and_typos_are_not() -> None:
    known = KnownWords(Encoder(default_model_dir()).whole_words())
    for word in ("pasta", "crowd", "selling", "crowds", "Prospective"):
        assert word in known
    for typo in ("lasgna", "recpie", "dishwaser", "writting", "pasport"):
        assert typo not in known
