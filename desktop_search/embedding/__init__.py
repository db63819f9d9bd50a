"""Sentence embeddings: the run-time encoder and the model build tool.

onnxruntime's telemetry is switched off here, before any module of this package imports
onnxruntime (see :mod:`desktop_search.embedding.telemetry`)."""

from desktop_search.embedding.telemetry import switch_off_onnxruntime_telemetry

switch_off_onnxruntime_telemetry()
