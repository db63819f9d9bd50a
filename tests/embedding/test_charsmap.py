"""The character map compiled for HF tokenizers' ``Precompiled`` normalizer (build tool)."""

from __future__ import annotations

import random

import pytest
from tokenizers import normalizers

from desktop_search.embedding.charsmap import compile_charsmap


def _random_map(count: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    mapping: dict[str, str] = {}
    while len(mapping) < count:
        cp = rng.choice([rng.randrange(1, 0x800), rng.randrange(0x800, 0xD800)])
        cp = cp if rng.random() < 0.8 else rng.randrange(0x10000, 0x30000)
        out = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(0, 4)))
        mapping[chr(cp)] = out
    return mapping


def test_every_mapped_character_becomes_its_replacement() -> None:
    mapping = {"\t": " ", "\u00a0": " ", "\u200b": "", "\ufb01": "fi", "\uff21": "A"}
    mapping |= {"\U0001d401": "B", "\u2460": "1"}
    mapping |= _random_map(3000, seed=1)
    normalizer = normalizers.Precompiled(compile_charsmap(mapping))
    wrong = {k: v for k, v in mapping.items() if normalizer.normalize_str(k) != v}
    assert not wrong


def test_characters_not_in_the_map_are_left_alone() -> None:
    mapping = _random_map(500, seed=2)
    normalizer = normalizers.Precompiled(compile_charsmap(mapping))
    others = [chr(cp) for cp in range(0x20, 0x3000) if chr(cp) not in mapping]
    others += ["😀", "𠀀", "한"]
    assert [normalizer.normalize_str(c) for c in others] == others


def test_the_same_map_compiles_to_the_same_bytes() -> None:
    mapping = _random_map(1000, seed=3)
    shuffled = dict(sorted(mapping.items(), key=lambda item: random.Random(4).random()))
    assert compile_charsmap(mapping) == compile_charsmap(shuffled)


def test_an_empty_source_is_refused() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        compile_charsmap({"": "x"})
