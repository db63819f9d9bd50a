"""Text from an image: PP-OCRv4 detection finds the text lines, recognition reads them.

The steps of RapidOCR's pipeline, with OpenCV's part done by ``geometry.py`` and Pillow:
detection on the image with its longer side at most 960 px (PaddleOCR's default, which
reads 8-point print on a 300-dpi page and keeps the extractor's child far below its memory
limit), probability threshold 0.3, box threshold 0.5, unclip ratio 1.6, 2x2 dilation;
recognition on 48 px high line crops in batches of 6, CTC greedy decoding, lines under 0.5
confidence dropped. Line crops are taken from the full-resolution image. Lines are put
back in reading order (top to bottom, left to right within a line) and joined with spaces
and newlines."""

from __future__ import annotations

import math
import os
import threading
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from desktop_search.embedding import telemetry  # noqa: F401  (opts out before onnxruntime loads)
from desktop_search.ocr import geometry
from desktop_search.ocr.models import OcrModels, load

MAX_SIDE = 960  # detection input's longer side (PaddleOCR's default; 300-dpi A4: about 80 dpi)
MIN_SIDE = 32
MAX_PIXELS = 64_000_000  # an image larger than this is scaled down before anything else
PROBABILITY = 0.3
BOX_SCORE = 0.5
UNCLIP_RATIO = 1.6
MAX_BOXES = 1000
LINE_HEIGHT = 48
BATCH = 6
MIN_CONFIDENCE = 0.5

Array = NDArray[np.float32]


@dataclass(frozen=True)
class Line:
    box: NDArray[np.float64]  # tl, tr, br, bl in the source image
    text: str
    confidence: float


class Recogniser:
    """The two onnxruntime sessions, loaded once per process."""

    def __init__(self, models: OcrModels, threads: int = 0) -> None:
        import onnxruntime as ort

        ort.disable_telemetry_events()
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # no arena: the extractor's child runs under a memory limit (RLIMIT_AS), and the
        # arena keeps the largest page's buffers for good
        options.enable_cpu_mem_arena = False
        providers = ["CPUExecutionProvider"]
        self.detector = ort.InferenceSession(str(models.detection), options, providers=providers)
        self.reader = ort.InferenceSession(str(models.recognition), options, providers=providers)
        characters = self.reader.get_modelmeta().custom_metadata_map["character"].splitlines()
        self.characters = ["", *characters, " "]  # CTC blank first, space last

    # -- detection -------------------------------------------------------------------
    def detect(self, image: Image.Image) -> list[NDArray[np.float64]]:
        """Text line boxes (corner points in ``image``'s pixels), in reading order."""
        width, height = image.size
        scale = min(1.0, MAX_SIDE / max(width, height))
        target_w = max(MIN_SIDE, round(width * scale / 32) * 32)
        target_h = max(MIN_SIDE, round(height * scale / 32) * 32)
        resized = image.resize((target_w, target_h), Image.Resampling.BILINEAR)
        pixels = np.asarray(resized, dtype=np.float32) / 255.0
        tensor = ((pixels - 0.5) / 0.5).transpose(2, 0, 1)[np.newaxis].astype(np.float32)
        probability = self.detector.run(None, {self.detector.get_inputs()[0].name: tensor})[0][0, 0]
        mask = probability > PROBABILITY
        dilated = mask.copy()
        dilated[1:, :] |= mask[:-1, :]
        dilated[:, 1:] |= mask[:, :-1]
        dilated[1:, 1:] |= mask[:-1, :-1]
        boxes = []
        sx, sy = width / target_w, height / target_h
        for points in geometry.blobs(dilated, MAX_BOXES):
            box, short = geometry.min_area_rect(points)
            if short < 3 or _box_score(probability, box) < BOX_SCORE:
                continue
            w = float(np.linalg.norm(box[1] - box[0]))
            h = float(np.linalg.norm(box[3] - box[0]))
            distance = w * h * UNCLIP_RATIO / max(2 * (w + h), 1e-9)
            grown = geometry.expand(box, distance)
            grown_w = float(np.linalg.norm(grown[1] - grown[0]))
            grown_h = float(np.linalg.norm(grown[3] - grown[0]))
            if min(grown_w, grown_h) < 5:
                continue
            grown[:, 0] = np.clip(grown[:, 0] * sx, 0, width - 1)
            grown[:, 1] = np.clip(grown[:, 1] * sy, 0, height - 1)
            corners = geometry.order_corners(grown)
            if (
                np.linalg.norm(corners[1] - corners[0]) <= 3
                or np.linalg.norm(corners[3] - corners[0]) <= 3
            ):
                continue
            boxes.append(corners)
        return reading_order(boxes)

    # -- recognition -----------------------------------------------------------------
    def read(self, crops: list[Image.Image]) -> list[tuple[str, float]]:
        results: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        ratios = [c.width / max(c.height, 1) for c in crops]
        order = np.argsort(np.array(ratios))
        for first in range(0, len(crops), BATCH):
            batch = [int(i) for i in order[first : first + BATCH]]
            widest = max(320 / LINE_HEIGHT, *(ratios[i] for i in batch))
            width = int(LINE_HEIGHT * widest)
            tensor = np.zeros((len(batch), 3, LINE_HEIGHT, width), dtype=np.float32)
            for row, index in enumerate(batch):
                crop = crops[index]
                line_w = min(width, math.ceil(LINE_HEIGHT * ratios[index]))
                line = crop.resize((max(1, line_w), LINE_HEIGHT), Image.Resampling.BILINEAR)
                pixels = np.asarray(line, dtype=np.float32).transpose(2, 0, 1) / 255.0
                tensor[row, :, :, : pixels.shape[2]] = (pixels - 0.5) / 0.5
            output = self.reader.run(None, {self.reader.get_inputs()[0].name: tensor})[0]
            for row, index in enumerate(batch):
                results[index] = self._decode(output[row])
        return results

    def _decode(self, scores: Array) -> tuple[str, float]:
        best = scores.argmax(axis=1)
        confidence = scores.max(axis=1)
        keep = best != 0
        keep[1:] &= best[1:] != best[:-1]
        chars = [self.characters[i] for i in best[keep] if i < len(self.characters)]
        text = "".join(chars)
        return text, float(confidence[keep].mean()) if keep.any() else 0.0

    def lines(self, image: Image.Image) -> list[Line]:
        image = _bounded(image.convert("RGB"))
        boxes = self.detect(image)
        crops = [_crop(image, box) for box in boxes]
        found = []
        for box, (text, confidence) in zip(boxes, self.read(crops), strict=True):
            if confidence >= MIN_CONFIDENCE and text.strip():
                found.append(Line(box, text.strip(), confidence))
        return found


def _bounded(image: Image.Image) -> Image.Image:
    """An image of at most MAX_PIXELS (a photo of 100 megapixels gains nothing beyond)."""
    pixels = image.width * image.height
    if pixels <= MAX_PIXELS:
        return image
    scale = math.sqrt(MAX_PIXELS / pixels)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return image.resize(size, Image.Resampling.BILINEAR)


def _box_score(probability: Array, box: NDArray[np.float64]) -> float:
    """The mean text probability inside ``box`` (DB's 'fast' score)."""
    h, w = probability.shape
    x0 = int(np.clip(np.floor(box[:, 0].min()), 0, w - 1))
    x1 = int(np.clip(np.ceil(box[:, 0].max()), 0, w - 1))
    y0 = int(np.clip(np.floor(box[:, 1].min()), 0, h - 1))
    y1 = int(np.clip(np.ceil(box[:, 1].max()), 0, h - 1))
    mask = Image.new("L", (x1 - x0 + 1, y1 - y0 + 1), 0)
    polygon = [(float(x) - x0, float(y) - y0) for x, y in box]
    ImageDraw.Draw(mask).polygon(polygon, fill=1)
    inside = np.asarray(mask, dtype=bool)
    region = probability[y0 : y1 + 1, x0 : x1 + 1]
    return float(region[inside].mean()) if inside.any() else 0.0


def _crop(image: Image.Image, box: NDArray[np.float64]) -> Image.Image:
    """The line under ``box`` straightened into a rectangle; a tall one turned to lie."""
    width = int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3])))
    height = int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2])))
    width, height = max(width, 1), max(height, 1)
    tl, tr, br, bl = box
    quad = (*tl, *bl, *br, *tr)
    crop = image.transform(
        (width, height), Image.Transform.QUAD, data=quad, resample=Image.Resampling.BICUBIC
    )
    if height / width >= 1.5:
        crop = crop.rotate(90, expand=True)
    return crop


def reading_order(boxes: list[NDArray[np.float64]]) -> list[NDArray[np.float64]]:
    """Top to bottom; boxes on the same line (their top within 10 px) left to right."""
    ordered = sorted(boxes, key=lambda b: (float(b[0][1]), float(b[0][0])))
    for i in range(len(ordered) - 1):
        for j in range(i, -1, -1):
            a, b = ordered[j], ordered[j + 1]
            if abs(b[0][1] - a[0][1]) < 10 and b[0][0] < a[0][0]:
                ordered[j], ordered[j + 1] = b, a
            else:
                break
    return ordered


def as_text(lines: list[Line]) -> str:
    """Lines whose boxes share a row joined by spaces; rows by newlines, a blank line where
    the gap between rows is more than a line's height (a new paragraph)."""
    rows: list[list[Line]] = []
    for line in lines:
        top, bottom = float(line.box[:, 1].min()), float(line.box[:, 1].max())
        middle = (top + bottom) / 2
        if rows:
            last = rows[-1][-1].box
            if float(last[:, 1].min()) <= middle <= float(last[:, 1].max()):
                rows[-1].append(line)
                continue
        rows.append([line])
    parts: list[str] = []
    previous_bottom: float | None = None
    for row in rows:
        top = min(float(line.box[:, 1].min()) for line in row)
        bottom = max(float(line.box[:, 1].max()) for line in row)
        height = bottom - top
        if previous_bottom is not None:
            parts.append("\n\n" if top - previous_bottom > height else "\n")
        parts.append(" ".join(line.text for line in sorted(row, key=lambda x: x.box[0][0])))
        previous_bottom = bottom
    return "".join(parts)


_RECOGNISER: Recogniser | None = None
_LOCK = threading.Lock()


def recogniser() -> Recogniser:
    """The process's recogniser, loaded (and its models verified) on first use."""
    global _RECOGNISER
    with _LOCK:
        if _RECOGNISER is None:
            _RECOGNISER = Recogniser(load())
        return _RECOGNISER


def recognise(image: Image.Image) -> str:
    """The text of ``image``, in reading order ('' when it holds none)."""
    return as_text(recogniser().lines(image))
