"""Pages without text of their own (scanned PDF pages, images): OCR, cached by content.

The formats call :func:`page_text` for each such page. What happens depends on the file's
:class:`~desktop_search.extract.context.OcrRequest`: OCR switched off, the page is left
empty; the text is in the cache (keyed by the file's content, so a renamed or copied file
is never read again), it is used; in the ordinary pass the page is counted as pending for
the OCR job; in the OCR job it is recognised, within the file's page cap and deadline, and
cached.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_search.config.private import make_private_dir
from desktop_search.extract.context import current

if TYPE_CHECKING:
    from PIL.Image import Image

log = logging.getLogger(__name__)

CACHE_FOLDER = "ocr-cache"  # in the data dir
NEGLIGIBLE_CHARACTERS = 16  # a page with fewer letters/digits than this has no text layer


def content_key(data: bytes) -> str:
    """The cache key of a file's (or member's) bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def is_negligible(text: str) -> bool:
    """True for a page whose text layer is empty or a few stray characters (a scan's
    page number, an invisible OCR layer of nothing)."""
    return sum(ch.isalnum() for ch in text) < NEGLIGIBLE_CHARACTERS


class OcrCache:
    """Recognised page text, one small JSON file per content key (``{page: text}``), in a
    folder of the data dir. Written atomically (temp file + rename), owner-only."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._loaded: dict[str, dict[str, str]] = {}  # a long scan reads its entry once

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str) -> dict[str, str]:
        if key not in self._loaded:
            self._loaded[key] = self._read(key)
        return self._loaded[key]

    def _read(self, key: str) -> dict[str, str]:
        try:
            pages = json.loads(self._file(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("unreadable OCR cache entry %s (%s): recognising again", key, exc)
            return {}
        if not isinstance(pages, dict):
            return {}
        return {str(k): v for k, v in pages.items() if isinstance(v, str)}

    def store(self, key: str, page: int, text: str) -> None:
        pages = self.load(key)
        pages[str(page)] = text  # (the file is rewritten: a file has at most a few hundred)
        target = self._file(key)
        try:
            make_private_dir(self.folder)
            make_private_dir(target.parent)
            fd, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(pages, fh, ensure_ascii=False)
                os.replace(temp, target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a full disk costs the cache entry, not the text
            log.warning("could not write the OCR cache (%s)", exc)


def page_text(key: str, page: int, render: Callable[[], Image]) -> str:
    """The recognised text of page ``page`` (1-based) of the content ``key``, or '' when it
    is not (yet) read. ``render`` draws the page; it is called only when OCR runs."""
    context = current()
    request = context.ocr
    if request.cache_dir is None:
        return ""
    cache = context.ocr_cache(request.cache_dir, OcrCache)
    cached = cache.load(key).get(str(page))
    if cached is not None:
        context.tally.cached += 1
        return cached
    if not request.run:
        context.tally.pending += 1
        return ""
    done = context.tally.recognised
    if done >= request.max_pages or context.time_left() <= 0:
        context.tally.skipped += 1
        return ""
    from desktop_search.ocr.engine import recognise  # only the OCR job loads the models

    text = recognise(render())
    cache.store(key, page, text)
    context.tally.recognised += 1
    if context.on_page is not None:
        context.on_page(context.tally.recognised)
    return text
