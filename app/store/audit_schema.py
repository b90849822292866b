"""The audit file's schema as ordered migrations (``PRAGMA user_version`` counts them).

Step 1 is the table the first KeyDesk wrote (no chain). Step 2 adds the chain: the seal of
every row, the head (last id and seal, sealed), the key's fingerprint, and the columns the
Audit page filters on. Rows that existed before step 2 are sealed as they are, once, when
the step runs with a chain key (see :func:`seal_legacy_rows`). Append steps; never edit one.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from app.audit.chain import ChainRow, key_id, seal_head, seal_row

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE IF NOT EXISTS audit (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at      TEXT NOT NULL,
            who     TEXT NOT NULL,
            what    TEXT NOT NULL,
            target  TEXT NOT NULL DEFAULT '',
            result  TEXT NOT NULL,
            detail  TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX IF NOT EXISTS audit_at ON audit(at)",
    ],
    [
        "ALTER TABLE audit ADD COLUMN role TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit ADD COLUMN room TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit ADD COLUMN mac TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE audit_head (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            id   INTEGER NOT NULL,
            mac  TEXT NOT NULL,
            seal TEXT NOT NULL
        )""",
        "CREATE TABLE audit_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX audit_who ON audit(who, id)",
        "CREATE INDEX audit_room ON audit(room, id)",
        "CREATE INDEX audit_what ON audit(what, id)",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)
ROW_COLUMNS = "id, at, who, role, what, target, room, result, detail, mac"


class AuditSchemaTooNew(RuntimeError):
    """The file was written by a newer KeyDesk; we do not write to it."""


def chain_row(r: tuple[Any, ...]) -> ChainRow:
    at, who, role, what, target, room, result, detail = (str(v) for v in r[1:9])
    return ChainRow(int(r[0]), at, who, role, what, target, room, result, detail,
                    mac=str(r[9] or ""))


def migrate(conn: sqlite3.Connection, key: bytes | None) -> None:
    """Run the missing steps, each in one transaction with its version bump.
    ``conn`` must be in autocommit mode (``isolation_level=None``)."""
    start = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if start > SCHEMA_VERSION:
        raise AuditSchemaTooNew(f"audit schema {start} is newer than {SCHEMA_VERSION}")
    for version in range(start, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) != version:
                conn.execute("ROLLBACK")  # another process ran this step meanwhile
                continue
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            if version == 1:
                seal_legacy_rows(conn, key)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def seal_legacy_rows(conn: sqlite3.Connection, key: bytes | None) -> None:
    """Seal the rows written before the chain existed, in id order, as they are now."""
    if key is None:
        return
    prev, last = "", 0
    for r in conn.execute(f"SELECT {ROW_COLUMNS} FROM audit ORDER BY id").fetchall():
        row = chain_row(r)
        prev, last = seal_row(key, prev, row), row.id
        conn.execute("UPDATE audit SET mac = ? WHERE id = ?", (prev, row.id))
    if last:
        conn.execute("INSERT INTO audit_head(slot, id, mac, seal) VALUES (1, ?, ?, ?)",
                     (last, prev, seal_head(key, last, prev)))
        conn.execute("INSERT OR REPLACE INTO audit_meta(name, value) VALUES ('key_id', ?)",
                     (key_id(key),))
