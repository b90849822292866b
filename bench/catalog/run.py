"""Error catalog: is a lookup "instant"? Measured side by side in one run.

Printed: the one-time load (read + validate + index every resources/catalog/*.json), then
the per-call cost of ``lookup`` and ``search`` on the loaded catalog, the same work done
the naive way (re-reading the files on every lookup), and the ratio between them. Goal: a
lookup and a keystroke's search each well under one 60 Hz frame (16 ms).

    .venv/bin/python bench/catalog/run.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.catalog import catalog_dir, load_catalog
from app.catalog.index import Catalog
from app.catalog.loader import load_directory

FRAME_MS = 16.0
QUERIES = ["5310", "17", "cartão", "发卡器", "door forced", "accessControlErrorDuplicateRecord",
           "timeout", "BreakIn", "a", ""]


def per_call_ms(fn, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) * 1000 / repeat


def main() -> int:
    start = time.perf_counter()
    catalog = load_catalog(reload=True)
    load_ms = (time.perf_counter() - start) * 1000
    lookup_ms = per_call_ms(lambda: [catalog.lookup(q) for q in QUERIES], 200) / len(QUERIES)
    search_ms = per_call_ms(lambda: [catalog.search(q) for q in QUERIES], 50) / len(QUERIES)
    naive_ms = per_call_ms(lambda: Catalog(load_directory(catalog_dir())).lookup("5310"), 5)
    print(f"entries: {len(catalog)} in {len(catalog.domains)} domains")
    print(f"load once (read + validate + index): {load_ms:8.2f} ms")
    print(f"lookup, in memory:                   {lookup_ms:8.4f} ms  (goal < {FRAME_MS} ms)")
    print(f"search, in memory (per keystroke):   {search_ms:8.4f} ms  (goal < {FRAME_MS} ms)")
    print(f"lookup re-reading the files:         {naive_ms:8.2f} ms")
    print(f"ratio naive / in-memory lookup:      {naive_ms / max(lookup_ms, 1e-9):8.0f}x")
    ok = lookup_ms < FRAME_MS and search_ms < FRAME_MS
    print("goal met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
