"""onnxruntime's telemetry, switched off before onnxruntime is loaded.

Since 1.29 the official Linux wheels of onnxruntime carry Microsoft's 1DS telemetry,
on by default: importing onnxruntime writes a device id and an event queue under
``$XDG_CACHE_HOME/Microsoft/DeveloperTools/.onnxruntime/`` and a ``.ses`` file in the
temp dir, and a background thread resolves and posts to
``mobile.events.data.microsoft.com``. Measured with strace on 1.32.0:

- ``ORT_DISABLE_TELEMETRY=1`` in the environment *before* ``import onnxruntime`` is the
  full opt-out (no uploader, no device id, no cache). It is read once, at import; set
  later it does nothing.
- ``onnxruntime.disable_telemetry_events()`` only mutes later events: the files are
  already written and the uploader still runs. It is called too, as a second guard.

So :func:`switch_off_onnxruntime_telemetry` runs when ``desktop_search.embedding`` is
imported, which is before any of its modules imports onnxruntime. The variable is
inherited by child processes too.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

OPT_OUT_VARIABLE = "ORT_DISABLE_TELEMETRY"


def switch_off_onnxruntime_telemetry() -> None:
    """Opt out of onnxruntime's telemetry; warn when onnxruntime was loaded before."""
    os.environ[OPT_OUT_VARIABLE] = "1"
    if "onnxruntime" in sys.modules:
        log.warning(
            "onnxruntime was imported before desktop_search.embedding: "
            "its telemetry may already have started"
        )
