"""How long the upgrade to schema 4 (the keyword index re-analysed in each chunk's
language) takes, and what it does to the catalog's size:

    python benchmarks/keyword_migration.py OLD_DATA_DIR [--json]

OLD_DATA_DIR holds an index of schema 3 (for example one that ``benchmarks/latency.py
--work-dir DIR`` built at a commit before schema 4: ``DIR/chunks-100000``). It is copied
to a temporary folder, opened by a writer, as the daemon opens it, which migrates it
(progress is logged), and measured: seconds, chunks, the languages found, the catalog's
size before, after, and after a VACUUM, and the space each table takes (SQLite's dbstat).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import machine
from desktop_search.storage.catalog import CATALOG_FILE
from desktop_search.storage.store import IndexStore


def table_sizes(catalog: Path) -> dict[str, float]:
    """MB by table (an FTS5 table's shadow tables counted with it)."""
    sizes: dict[str, float] = {}
    with contextlib.closing(sqlite3.connect(catalog)) as conn:
        try:
            rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.OperationalError:  # SQLite built without dbstat
            return sizes
    for name, size in rows:
        table = str(name)
        for fts in ("chunk_fts", "file_fts"):
            if table.startswith(fts):
                table = fts
        sizes[table] = round(sizes.get(table, 0.0) + int(size) / 1e6, 1)
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="an index of schema 3 (left unchanged)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)

    work = Path(tempfile.mkdtemp(prefix="ds-migration-"))
    try:
        copy = work / "data"
        shutil.copytree(args.data_dir, copy)
        catalog = copy / CATALOG_FILE
        with contextlib.closing(sqlite3.connect(catalog)) as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            model = conn.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()[0]
        if version != 3:
            parser.error(f"{args.data_dir} holds an index of schema {version}, not 3")
        name, dimensions = str(model).rsplit("/", 1)
        before_mb = catalog.stat().st_size / 1e6
        tables_before = table_sizes(catalog)
        started = time.monotonic()
        store = IndexStore(copy, model_name=name, dimensions=int(dimensions))
        seconds = time.monotonic() - started
        languages = store.catalog.languages()
        chunks = store.catalog.chunk_count()
        store.close()
        after_mb = catalog.stat().st_size / 1e6
        with contextlib.closing(sqlite3.connect(catalog)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("VACUUM")
        vacuumed_mb = catalog.stat().st_size / 1e6
        report = {
            "chunks": chunks,
            "seconds": round(seconds, 1),
            "us_per_chunk": round(seconds * 1e6 / max(chunks, 1)),
            "languages": dict(languages[:10]),
            "catalog_mb": {
                "schema_3": round(before_mb, 1),
                "migrated": round(after_mb, 1),
                "vacuumed": round(vacuumed_mb, 1),
            },
            "tables_mb": {"schema_3": tables_before, "schema_4": table_sizes(catalog)},
            "machine": machine.describe(),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not args.json:
        for key, value in report.items():
            print(f"{key}: {value}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
