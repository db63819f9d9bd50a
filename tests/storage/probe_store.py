"""Opens an index and searches the vectors read on stdin; prints one JSON line.

Run by the storage tests in a fresh process: if usearch crashes on a damaged file, the
test fails with the exit code instead of pytest dying.

    python -m tests.storage.probe_store DATA_DIR DIMENSIONS writer|reader < vectors.json
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import numpy as np

from desktop_search.storage.store import IndexStore


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    data_dir, dimensions, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    queries = np.asarray(json.loads(sys.stdin.read()), dtype=np.float32)
    store = IndexStore(data_dir, model_name="m", dimensions=dimensions, read_only=mode == "reader")
    top = []
    for query in queries:
        keys, sims = store.vectors.search(query, 1)
        top.append([int(keys[0]), float(sims[0])] if len(keys) else [0, 0.0])
    counts = store.catalog.counts()
    print(json.dumps({"top": top, "vectors": len(store.vectors), "chunks": counts["chunks"]}))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
