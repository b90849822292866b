"""A desk's own queue of what the site store has not taken yet, in a local SQLite file.

While the server is away, events and audit rows are written here (durable: a desk that is
closed or crashes meanwhile keeps them) and sent, oldest first, when it is back. Every
item carries its *origin*, an id given once on this desk; the site store keeps it in a
unique column, so an item sent again after a crash between "sent" and "dropped here" is
ignored there: nothing lost, nothing twice. An item the server refuses for another reason
than being away (a bug of ours or of the server's: it never should) must not hold up the
rest for ever; it is moved to ``refused_out`` with the server's answer, kept for support
(``sqlite3 site-outbox.sqlite3 "SELECT * FROM refused_out"``), never dropped.

Only the site store's writer thread uses it (and ``count`` from any thread).
"""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from app.store.rows import Pending

EVENTS, AUDIT, REFUSED = "events_out", "audit_out", "refused_out"
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {EVENTS} (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "origin TEXT NOT NULL UNIQUE, columns BLOB NOT NULL, payload BLOB NOT NULL, "
    "raw BLOB NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS {AUDIT} (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "origin TEXT NOT NULL UNIQUE, columns BLOB NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS {REFUSED} (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "origin TEXT NOT NULL, item TEXT NOT NULL, columns BLOB NOT NULL, payload BLOB, raw BLOB, "
    "error TEXT NOT NULL, at TEXT NOT NULL)",
)


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                   timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # rare writes: survive a power cut too
        for sql in _SCHEMA:
            self._db.execute(sql)
        self._counts = {table: self._count(table) for table in (EVENTS, AUDIT)}

    def _count(self, table: str) -> int:
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def _insert(self, table: str, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            if table in self._counts:  # what is still to send (refused_out is not)
                self._counts[table] = self._count(table)

    def put_events(self, items: list[tuple[str, Pending]]) -> None:
        """Keep (origin, event) pairs, in this order."""
        self._insert(EVENTS, f"INSERT OR IGNORE INTO {EVENTS} (origin, columns, payload, raw) "
                     "VALUES (?, ?, ?, ?)",
                     [(origin, orjson.dumps(list(item.values)), item.payload, item.raw)
                      for origin, item in items])

    def put_audit(self, origin: str, values: tuple[str, ...]) -> None:
        self._insert(AUDIT, f"INSERT OR IGNORE INTO {AUDIT} (origin, columns) VALUES (?, ?)",
                     [(origin, orjson.dumps(list(values)))])

    def put_refused(self, origin: str, item: str, values: tuple[Any, ...], error: str,
                    payload: bytes | None = None, raw: bytes | None = None) -> None:
        """Keep an item the server refused (``item``: "event" or "audit"), with why."""
        at = datetime.now(UTC).isoformat(timespec="seconds")
        self._insert(REFUSED, f"INSERT INTO {REFUSED} (origin, item, columns, payload, raw, "
                     "error, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [(origin, item, orjson.dumps(list(values), default=str), payload, raw,
                       error, at)])

    def refused(self) -> list[tuple[str, str, tuple[Any, ...], str]]:
        """Every refused item: (origin, "event" or "audit", its values, the error)."""
        with self._lock:
            rows = self._db.execute(f"SELECT origin, item, columns, error FROM {REFUSED} "
                                    "ORDER BY seq").fetchall()
        return [(str(o), str(i), tuple(orjson.loads(c)), str(e)) for o, i, c, e in rows]

    def events(self, limit: int, *, newest: bool = False
               ) -> list[tuple[int, str, tuple[Any, ...], bytes, bytes]]:
        """The oldest ``limit`` events, oldest first (``newest``: the newest, newest
        first): (seq, origin, column values, payload, raw)."""
        with self._lock:
            rows = self._db.execute(f"SELECT seq, origin, columns, payload, raw FROM {EVENTS} "
                                    f"ORDER BY seq{' DESC' if newest else ''} LIMIT ?",
                                    (limit,)).fetchall()
        return [(int(s), str(o), tuple(orjson.loads(c)), bytes(p), bytes(r))
                for s, o, c, p, r in rows]

    def audit(self, limit: int, *, newest: bool = False
              ) -> list[tuple[int, str, tuple[str, ...]]]:
        """The oldest ``limit`` audit rows, oldest first (``newest``: the newest, newest
        first): (seq, origin, the row's values)."""
        with self._lock:
            rows = self._db.execute(f"SELECT seq, origin, columns FROM {AUDIT} ORDER BY seq"
                                    f"{' DESC' if newest else ''} LIMIT ?", (limit,)).fetchall()
        return [(int(s), str(o), tuple(orjson.loads(c))) for s, o, c in rows]

    def drop(self, table: str, upto: int) -> None:
        """Forget every item up to ``upto`` (the site store has them)."""
        with self._lock:
            self._db.execute(f"DELETE FROM {table} WHERE seq <= ?", (upto,))
            self._counts[table] = self._count(table)

    def count(self, table: str) -> int:
        return self._counts[table]

    def close(self) -> None:
        with self._lock:
            self._db.close()
