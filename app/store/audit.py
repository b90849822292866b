"""The audit trail: who did what at the desk, when, and how it ended.

One SQLite file (``data_dir()/audit.sqlite3`` unless a path is given). Every desk
operation on the lock cloud writes one row, success or failure. Nothing secret goes in:
``detail`` is passed through :func:`app.logsetup.redact` and callers pass only public
fields (room, card number, mobile). Thread-safe: one connection guarded by a lock (the
writes are tiny and rare; WAL keeps readers from blocking the writer).
"""

from __future__ import annotations

import getpass
import json
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import paths
from app.logsetup import redact

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,          -- UTC, ISO 8601
    who     TEXT NOT NULL,          -- desk user (OS login unless the app names someone)
    what    TEXT NOT NULL,          -- operation, e.g. "cloud.issue_key"
    target  TEXT NOT NULL DEFAULT '',  -- room / card number / serial
    result  TEXT NOT NULL,          -- "ok" or "error <domain> <code>"
    detail  TEXT NOT NULL DEFAULT ''   -- JSON of public fields
);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
"""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    who: str
    what: str
    target: str
    result: str
    detail: dict[str, Any]

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "who": self.who, "what": self.what,
                "target": self.target, "result": self.result, "detail": self.detail}


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd platforms)
        return "desk"


def _retry_locked(step: Callable[[], object], attempts: int = 50) -> None:
    """Run ``step``, retrying while another process holds the file.

    Switching a new file to WAL needs an exclusive lock and SQLite answers "database is
    locked" at once instead of waiting, so two commands started together (a script
    issuing two keys) would otherwise fail on first use.
    """
    for attempt in range(attempts):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.02 + random.random() * 0.05)


class AuditLog:
    def __init__(self, path: Path | str | None = None, *,
                 publish: Callable[[AuditEntry], None] | None = None) -> None:
        """``publish`` is told of every row once it is committed (``app.services`` puts
        it on the bus, so desk operations reach the event store too)."""
        self.path = Path(path) if path is not None else paths.data_dir() / "audit.sqlite3"
        self._publish = publish
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=5)
        with self._lock:
            _retry_locked(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
            _retry_locked(lambda: self._db.executescript(SCHEMA))
            self._db.commit()

    def record(self, what: str, *, who: str | None = None, target: str = "", result: str = "ok",
               detail: dict[str, Any] | None = None) -> int:
        text = redact(json.dumps(detail or {}, ensure_ascii=False, default=str))
        at = datetime.now(UTC)
        row = (at.isoformat(), who or default_user(), what, redact(target), redact(result), text)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO audit(at, who, what, target, result, detail) VALUES (?,?,?,?,?,?)",
                row)
            self._db.commit()
            row_id = int(cur.lastrowid or 0)
        if self._publish is not None:
            try:
                public = json.loads(text)  # what was stored: secrets already masked
            except ValueError:  # a mask cut through JSON syntax
                public = {"text": text}
            self._publish(AuditEntry(row_id, at, *row[1:5], public))
        return row_id

    def recent(self, limit: int = 100, what_prefix: str = "") -> list[AuditEntry]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, at, who, what, target, result, detail FROM audit "
                "WHERE what LIKE ? ORDER BY id DESC LIMIT ?",
                (what_prefix + "%", limit)).fetchall()
        return [AuditEntry(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5],
                           json.loads(r[6] or "{}")) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()
