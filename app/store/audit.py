"""The audit trail: who did what at the desk, when, and how it ended — tamper-evident.

One SQLite file (``data_dir()/audit.sqlite3`` unless a path is given). Every desk action
writes one row, success, refusal or failure. Each row is sealed into the HMAC chain of
:mod:`app.audit.chain` in the same transaction that writes it (one transaction per row,
``synchronous=FULL``), so a crash leaves the last row complete or absent and the chain
verifiable. Several processes may write at once (the window and a ``keydesk`` command):
``BEGIN IMMEDIATE`` makes reading the head, writing the row and moving the head one step.

Nothing secret goes in: callers pass only public fields and ``detail`` is passed through
:func:`app.logsetup.redact` before it is sealed.
"""

from __future__ import annotations

import csv
import getpass
import json
import logging
import os
import random
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import paths
from app.audit.chain import (
    UNSEALED,
    ChainRow,
    Head,
    Verdict,
    key_id,
    seal_head,
    seal_row,
    verify,
)
from app.audit.site_key import chain_key
from app.logsetup import redact
from app.store.audit_schema import ROW_COLUMNS, chain_row, migrate

log = logging.getLogger(__name__)
# Linked to by the first row written after the head record vanished: the chain stays
# broken there (the rows it sealed may have gone with it) instead of healing silently.
HEAD_MISSING = "head-missing"
CSV_COLUMNS = ("id", "at", "who", "role", "what", "target", "room", "result", "detail", "mac")
# Who is acting, for rows whose caller names nobody: (name, role).
Actor = Callable[[], tuple[str, str]]


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    who: str
    what: str
    target: str
    result: str
    detail: dict[str, Any]
    role: str = ""
    room: str = ""
    sealed: bool = field(default=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.result == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "who": self.who, "role": self.role,
                "what": self.what, "target": self.target, "room": self.room,
                "result": self.result, "detail": self.detail}


def next_link(key: bytes | None, last: Any, head: Any,
              values: tuple[str, ...]) -> tuple[ChainRow, str, str]:
    """The row to append after ``last`` (the newest row's id and seal, or None) under
    ``head`` (the head's id and seal, or None), and its seal and the new head's seal
    (both "" without a key). Shared by every backend, so their chains are the same."""
    last_id = int(last[0]) if last else 0
    if head is not None:
        prev_mac = str(head[1])
        next_id = max(last_id, int(head[0])) + 1
    else:
        prev_mac = HEAD_MISSING if last else ""
        next_id = last_id + 1
    row = ChainRow(next_id, *values)
    mac = seal_row(key, prev_mac, row) if key else ""
    seal = seal_head(key, next_id, mac) if key else ""
    return row, mac, seal


def default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, odd platforms)
        return "desk"


def utc_text(when: datetime | str) -> str:
    """Fixed-width UTC ISO 8601 (text order is time order); naive means UTC."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def rooms_text(rooms: Any) -> str:
    """One room or several as the stored column: "101" or "101,102" (no spaces)."""
    if isinstance(rooms, list | tuple):
        return ",".join(str(r).strip() for r in rooms if str(r).strip())
    return str(rooms or "").strip()


def _retry_locked(step: Callable[[], object], attempts: int = 50) -> None:
    """Run ``step``, retrying while another process holds the file.

    Switching a new file to WAL needs an exclusive lock and SQLite answers "database is
    locked" at once instead of waiting, so two commands started together would otherwise
    fail on first use.
    """
    for attempt in range(attempts):
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.02 + random.random() * 0.05)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, check_same_thread=False, timeout=10, isolation_level=None)
    _retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL"))
    conn.execute("PRAGMA synchronous=FULL")  # rare, tiny writes: survive a power cut too
    return conn


def where(*, who: str | None = None, room: str | None = None, what: str | None = None,
          result: str | None = None, since: datetime | str | None = None,
          until: datetime | str | None = None, text: str | None = None,
          before_id: int | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause for the filters given (all optional, combined with AND).

    ``what`` is a prefix ("card." matches every card action); ``result`` "ok", "refused",
    "error" (also matches "bug ...") as a prefix; ``room`` one room of the row's rooms;
    ``until`` exclusive; ``text`` a substring of target or detail."""
    parts: list[str] = []
    params: list[Any] = []
    if who:
        parts.append("who = ?")
        params.append(who)
    if room:
        parts.append("(instr(',' || room || ',', ',' || ? || ',') > 0 OR target = ?)")
        params += [room.strip(), room.strip()]
    if what:
        parts.append("what LIKE ? ESCAPE '\\'")
        params.append(what.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if result:
        if result == "error":
            parts.append("(result LIKE 'error%' OR result LIKE 'bug%')")
        else:
            parts.append("result LIKE ?")
            params.append(result + "%")
    if since is not None:
        parts.append("at >= ?")
        params.append(utc_text(since))
    if until is not None:
        parts.append("at < ?")
        params.append(utc_text(until))
    if text:
        parts.append("(instr(lower(target), lower(?)) > 0 OR instr(lower(detail), lower(?)) > 0)")
        params += [text, text]
    if before_id is not None:
        parts.append("id < ?")
        params.append(before_id)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def row_values(actor: Actor | None, clock: Callable[[], datetime], what: str, *,
               who: str | None, role: str | None, target: str, room: Any, result: str,
               detail: dict[str, Any] | None) -> tuple[str, ...]:
    """The stored fields of a new row (after ``id``), secrets masked: (at, who, role,
    what, target, room, result, detail)."""
    if not who:
        who, default_role = actor() if actor else (default_user(), "")
        role = default_role if role is None else role
    text = redact(json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True))
    return (utc_text(clock()), redact(who), role or "", what, redact(target),
            rooms_text(room), redact(result), text)


def published_entry(row_id: int, values: tuple[str, ...], *, sealed: bool) -> AuditEntry:
    """What the desk is told of a row just recorded (``row_id`` 0: not numbered yet)."""
    try:
        public = json.loads(values[7])  # what was stored: secrets already masked
    except ValueError:  # a mask cut through JSON syntax
        public = {"text": values[7]}
    return AuditEntry(row_id, datetime.fromisoformat(values[0]), values[1], values[3],
                      values[4], values[6], public, role=values[2], room=values[5],
                      sealed=sealed)


def entry(r: tuple[Any, ...]) -> AuditEntry:
    """A stored row (:data:`ROW_COLUMNS`, ``mac`` last) as an entry."""
    return _entry(r)


def _entry(r: tuple[Any, ...]) -> AuditEntry:
    try:
        detail = json.loads(r[8] or "{}")
    except ValueError:  # edited by hand: show it as text, verify names the row
        detail = {"text": r[8]}
    if not isinstance(detail, dict):
        detail = {"value": detail}
    return AuditEntry(int(r[0]), datetime.fromisoformat(r[1]), r[2], r[4], r[5], r[7], detail,
                      role=r[3], room=r[6], sealed=bool(r[9]))


class AuditLog:
    """The site's audit trail. ``key``: the chain key (default: :func:`chain_key` from
    ``KEYDESK_AUDIT_KEY`` or ``secrets``' keyring entry; None → rows written unsealed).
    ``actor``: who is acting when a caller names nobody (the signed-in operator);
    ``clock``: the time rows are stamped with (tests give their own); ``publish`` is told
    of every row once it is committed (``app.services`` puts it on the bus, so desk
    operations reach the event store too)."""

    def __init__(self, path: Path | str | None = None, *, key: bytes | None = None,
                 secrets: Any = None, actor: Actor | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 publish: Callable[[AuditEntry], None] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.data_dir() / "audit.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.key = key if key is not None else chain_key(secrets)
        self.actor = actor
        self.clock = clock
        self._publish = publish
        self._lock = threading.Lock()
        self._db = _connect(self.path)
        with self._lock:
            _retry_locked(lambda: migrate(self._db, self.key))
        if self.key is None:
            log.warning("no audit chain key (no keyring, no KEYDESK_AUDIT_KEY): audit rows "
                        "are written unsealed")

    # -- writing -----------------------------------------------------------------------
    def record(self, what: str, *, who: str | None = None, role: str | None = None,
               target: str = "", room: Any = "", result: str = "ok",
               detail: dict[str, Any] | None = None) -> int:
        """Write and seal one row; returns its id."""
        values = row_values(self.actor, self.clock, what, who=who, role=role, target=target,
                            room=room, result=result, detail=detail)
        with self._lock:
            row_id = self._append(values)
        if self._publish is not None:
            self._publish(published_entry(row_id, values, sealed=bool(self.key)))
        return row_id

    def _append(self, values: tuple[str, ...]) -> int:
        db = self._db
        for attempt in range(50):
            try:
                db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:  # busy past the timeout
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.02)
        try:
            last = db.execute("SELECT id, mac FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            head = db.execute("SELECT id, mac FROM audit_head WHERE slot = 1").fetchone()
            row, mac, seal = next_link(self.key, last, head, values)
            next_id = row.id
            db.execute(f"INSERT INTO audit({ROW_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (*row.fields(), mac))
            db.execute("INSERT OR REPLACE INTO audit_head(slot, id, mac, seal) "
                       "VALUES (1, ?, ?, ?)", (next_id, mac, seal))
            if self.key:
                db.execute("INSERT OR IGNORE INTO audit_meta(name, value) VALUES "
                           "('key_id', ?)", (key_id(self.key),))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return next_id

    # -- reading -----------------------------------------------------------------------
    def query(self, limit: int = 500, **filters: Any) -> list[AuditEntry]:
        """Newest first; filters as in :func:`where`."""
        clause, params = where(**filters)
        with self._lock:
            rows = self._db.execute(
                f"SELECT {ROW_COLUMNS} FROM audit{clause} ORDER BY id DESC LIMIT ?",
                [*params, limit]).fetchall()
        return [_entry(r) for r in rows]

    def recent(self, limit: int = 100, what_prefix: str = "") -> list[AuditEntry]:
        return self.query(limit, what=what_prefix or None)

    def kept(self, limit: int = 500) -> list[AuditEntry]:
        """Rows kept apart, not yet in the trail: none here (a desk on the shared site
        store keeps its rows while the server is away: ``SiteAuditLog.kept``)."""
        return []

    def distinct(self, column: str) -> list[str]:
        """The operators (``who``) or actions (``what``) seen so far, sorted."""
        if column not in ("who", "what"):
            raise ValueError(column)
        with self._lock:
            rows = self._db.execute(f"SELECT DISTINCT {column} FROM audit ORDER BY 1").fetchall()
        return [str(r[0]) for r in rows]

    def _rows(self, conn: sqlite3.Connection, clause: str = "",
              params: list[Any] | None = None) -> Iterator[tuple[Any, ...]]:
        cur = conn.execute(f"SELECT {ROW_COLUMNS} FROM audit{clause} ORDER BY id", params or [])
        while chunk := cur.fetchmany(1000):
            yield from chunk

    def verify(self) -> Verdict:
        """Check the whole chain (its own connection: the desk keeps writing meanwhile)."""
        if self.key is None:
            return Verdict(0, UNSEALED, None, "no chain key on this desk to check with")
        conn = _connect(self.path)
        try:
            conn.execute("BEGIN")  # one snapshot: rows and head as of the same moment
            head_row = conn.execute("SELECT id, mac, seal FROM audit_head WHERE slot = 1"
                                    ).fetchone()
            meta = conn.execute("SELECT value FROM audit_meta WHERE name = 'key_id'").fetchone()
            head = Head(int(head_row[0]), str(head_row[1]), str(head_row[2])) if head_row else None
            verdict = verify(self.key, (chain_row(r) for r in self._rows(conn)), head,
                             meta[0] if meta else None)
            conn.execute("COMMIT")
        finally:
            conn.close()
        return verdict

    def export_csv(self, path: Path | str, **filters: Any) -> int:
        """Matching rows, oldest first, to a CSV file (UTF-8 with BOM, for Excel); written
        beside the target and renamed, so a failed export leaves no half file. Returns the
        row count."""
        clause, params = where(**filters)
        conn = _connect(self.path)
        try:
            return write_csv(Path(path), self._rows(conn, clause, params))
        finally:
            conn.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()


def write_csv(target: Path, rows: Iterable[tuple[Any, ...]]) -> int:
    """Audit rows to a CSV file (UTF-8 with BOM, for Excel), written beside ``target`` and
    renamed, so a failed export leaves no half file; both store backends export through
    it. Returns the row count."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".audit-", suffix=".csv")
    count = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8-sig") as fh:
            out = csv.writer(fh)
            out.writerow(CSV_COLUMNS)
            for r in rows:
                out.writerow([_cell(v) for v in r])
                count += 1
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count


def _cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (a name like "=cmd|..." stays text)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
