"""Run-time sentence encoder: onnxruntime + tokenizers + numpy, nothing else.

Texts are tokenized once, sorted by length and cut into batches under a token budget
(length bucketing), each padded only to its own longest member (dynamic padding).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer
from tokenizers.models import Unigram

from desktop_search.embedding.manifest import ModelManifest

log = logging.getLogger(__name__)

METASPACE = "\u2581"  # SentencePiece's mark of a piece that starts a word
DEFAULT_BATCH_TOKENS = 4096  # measured: 4096 beat 2048, 8192 and 16384 on 2 cores
MAX_BATCH = 64


class Encoder:
    """Embeds texts into L2-normalised float32 vectors with a packaged ONNX model."""

    def __init__(self, model_dir: Path, *, threads: int = 1) -> None:
        self.manifest = ModelManifest.load(model_dir)
        self.tokenizer = Tokenizer.from_file(str(self.manifest.tokenizer_path))
        # No truncation here: the chunker shares this tokenizer (a multilingual vocabulary
        # costs some 280 MB a copy) and must see whole texts; _embed truncates the ids.
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        # The opt-out proper is ORT_DISABLE_TELEMETRY, set before onnxruntime was imported
        # (desktop_search.embedding.telemetry); this mutes whatever events remain.
        ort.disable_telemetry_events()
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle threads must sleep, not spin: the daemon sits idle most of the time.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(self.manifest.model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.threads = threads
        self._output = self.session.get_outputs()[0].name

    @property
    def dimensions(self) -> int:
        return self.manifest.dimensions

    @property
    def name(self) -> str:
        return self.manifest.name

    def encode(
        self, texts: Sequence[str], *, batch_tokens: int = DEFAULT_BATCH_TOKENS
    ) -> np.ndarray:
        """Embed ``texts`` as passages (documents, chunks), with the model's passage prefix;
        returns an ``(len(texts), dimensions)`` float32 array."""
        return self._embed(texts, self.manifest.passage_prefix, batch_tokens)

    def encode_queries(
        self, texts: Sequence[str], *, batch_tokens: int = DEFAULT_BATCH_TOKENS
    ) -> np.ndarray:
        """Embed ``texts`` as search queries, with the model's query prefix."""
        return self._embed(texts, self.manifest.query_prefix, batch_tokens)

    def encode_query(self, text: str) -> np.ndarray:
        vector: np.ndarray = self.encode_queries([text])[0]
        return vector

    def _embed(self, texts: Sequence[str], prefix: str, batch_tokens: int) -> np.ndarray:
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch([prefix + text for text in texts])
        ids = [
            np.asarray(_truncated(e.ids, self.manifest.max_tokens), dtype=np.int64)
            for e in encodings
        ]
        order = np.argsort([len(x) for x in ids], kind="stable")
        start = 0
        while start < len(order):
            longest = len(ids[order[start]])
            end = start + 1
            while end < len(order) and end - start < MAX_BATCH:
                longest_if_added = max(longest, len(ids[order[end]]))
                if longest_if_added * (end - start + 1) > batch_tokens:
                    break
                longest = longest_if_added
                end += 1
            members = order[start:end]
            batch_ids = np.zeros((len(members), longest), dtype=np.int64)
            mask = np.zeros((len(members), longest), dtype=np.int64)
            for row, index in enumerate(members):
                seq = ids[index]
                batch_ids[row, : len(seq)] = seq
                mask[row, : len(seq)] = 1
            result = self.session.run(
                [self._output], {"input_ids": batch_ids, "attention_mask": mask}
            )[0]
            out[members] = result
            start = end
        return out

    def reads(self, language: str) -> bool:
        """Whether the model reads ``language`` (see :meth:`ModelManifest.reads`)."""
        return self.manifest.reads(language)

    def whole_words(self) -> frozenset[str]:
        """The words the tokenizer's vocabulary holds whole (lower case, letters only):
        words of the language, never typos, though an index may not hold them.

        WordPiece marks a word's continuations with ``##`` (never letters only); a
        SentencePiece vocabulary marks a word's start with ``▁`` instead, and its other
        pieces are continuations.
        """
        vocabulary = self.tokenizer.get_vocab()
        if isinstance(self.tokenizer.model, Unigram):
            words = [token[1:] for token in vocabulary if token.startswith(METASPACE)]
        else:
            words = list(vocabulary)
        lowered = (word.lower() for word in words)
        return frozenset(word for word in lowered if word.isalpha())  # "İ" lowers to "i" + U+0307


def _truncated(ids: list[int], limit: int) -> list[int]:
    """At most ``limit`` ids, keeping the closing special token the post-processor added
    (what the tokenizer's own truncation of one sequence gives)."""
    return ids if len(ids) <= limit else ids[: limit - 1] + ids[-1:]
