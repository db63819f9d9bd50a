"""Checksums that tell whether two parts of the index still agree.

:class:`FileDigest` pins the vector file to the bytes that were saved (size + BLAKE2b), so
a damaged or foreign file is never handed to usearch. :class:`KeySetSum` summarises a set
of chunk ids so that the catalog's and the vector index's sets are compared in one step:
any difference changes it (barring a 2^-64 coincidence), at numpy speed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

_DIGEST_BYTES = 32
_DIGEST_NAME = "blake2b-256"
_READ_BYTES = 1 << 20


@dataclass(frozen=True)
class FileDigest:
    size: int
    blake2b: str

    @classmethod
    def of_stream(cls, fh: BinaryIO) -> FileDigest:
        """The digest of an open file, read from its start to its end."""
        digest = hashlib.blake2b(digest_size=_DIGEST_BYTES)
        size = 0
        fh.seek(0)
        while block := fh.read(_READ_BYTES):
            digest.update(block)
            size += len(block)
        return cls(size, digest.hexdigest())

    @classmethod
    def of_file(cls, path: Path) -> FileDigest:
        with path.open("rb") as fh:
            return cls.of_stream(fh)

    def encode(self) -> str:
        return f"{_DIGEST_NAME}:{self.size}:{self.blake2b}"

    @classmethod
    def decode(cls, text: str | None) -> FileDigest | None:
        """The digest written by :meth:`encode`; None for anything else."""
        if text is None:
            return None
        name, _, rest = text.partition(":")
        size, _, value = rest.partition(":")
        if name != _DIGEST_NAME or not size.isdigit() or len(value) != 2 * _DIGEST_BYTES:
            return None
        return cls(int(size), value)


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)


def _mix64(keys: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every bit of a key spreads over all 64 (wraps mod 2^64)."""
    z = keys + _GOLDEN
    z = (z ^ (z >> np.uint64(30))) * _MIX_1
    z = (z ^ (z >> np.uint64(27))) * _MIX_2
    mixed: np.ndarray = z ^ (z >> np.uint64(31))
    return mixed


@dataclass(frozen=True)
class KeySetSum:
    """(count, sum of keys, sum of mixed keys), the sums mod 2^64, of a set of keys."""

    count: int
    total: int
    mixed: int

    @classmethod
    def of(cls, keys: np.ndarray) -> KeySetSum:
        values = np.ascontiguousarray(keys, dtype=np.uint64).ravel()
        return cls(
            count=int(values.size),
            total=int(np.sum(values, dtype=np.uint64)),
            mixed=int(np.sum(_mix64(values), dtype=np.uint64)),
        )
