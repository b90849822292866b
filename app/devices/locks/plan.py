"""The site plan: the doors to commission, each door's status, and every result, in a
SQLite file of its own (``<data>/locks/site_plan.sqlite``, separate from the event
store). Each change is one committed transaction (WAL, synchronous=FULL), so a crash or
a closed laptop resumes exactly where it stopped.

Statuses: ``todo`` → ``done`` / ``failed`` (with the reason) / ``revisit``. A cancelled
door keeps the status it had.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import paths
from app.devices.locks.advert import format_mac
from app.devices.locks.errors import lock_error

if TYPE_CHECKING:
    from app.devices.locks.commission import DoorResult

SCHEMA_VERSION = 1
TODO, DONE, FAILED, REVISIT = "todo", "done", "failed", "revisit"
STATUSES = (TODO, DONE, FAILED, REVISIT)
OUTCOME_STATUS = {"done": DONE, "failed": FAILED, "revisit": REVISIT}
MAX_CSV_BYTES = 5 * 1024 * 1024  # a plan file bigger than this is not a door list

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS doors (
    room TEXT PRIMARY KEY,
    mac TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    lock_type TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'todo',
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    updated TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS doors_mac ON doors (mac);
CREATE INDEX IF NOT EXISTS doors_status ON doors (status, position);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY,
    room TEXT NOT NULL,
    mac TEXT NOT NULL,
    finished TEXT NOT NULL,
    outcome TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS results_room ON results (room, id);
"""


@dataclass(frozen=True)
class PlanDoor:
    room: str
    mac: str  # AA:BB:CC:DD:EE:FF
    name: str = ""
    lock_type: str = ""
    source: str = ""
    position: int = 0
    status: str = TODO
    reason: str = ""
    detail: str = ""
    attempts: int = 0
    updated: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"room": self.room, "mac": self.mac, "name": self.name,
                "lock_type": self.lock_type, "status": self.status, "reason": self.reason,
                "detail": self.detail, "attempts": self.attempts, "updated": self.updated}


@dataclass(frozen=True)
class PlanSummary:
    total: int
    done: int
    failed: int
    revisit: int
    todo: int

    @property
    def finished(self) -> int:
        return self.done + self.failed + self.revisit

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, "done": self.done, "failed": self.failed,
                "revisit": self.revisit, "todo": self.todo, "finished": self.finished}


def default_plan_path() -> Path:
    return paths.data_dir() / "locks" / "site_plan.sqlite"


def parse_csv(text: str, source: str = "csv") -> list[PlanDoor]:
    """``room,mac[,name,lock_type]`` with a header row; errors name the line."""
    if len(text.encode("utf-8", "replace")) > MAX_CSV_BYTES:
        raise lock_error("plan-file", "the file is larger than 5 MB")
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if not {"room", "mac"} <= fields:
        raise lock_error("plan-file", f"the header must name the columns room and mac "
                                      f"(found: {', '.join(sorted(fields)) or 'nothing'})")
    doors: list[PlanDoor] = []
    seen: set[str] = set()
    for n, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        room, mac = row.get("room", ""), row.get("mac", "")
        if not room and not mac:
            continue
        try:
            mac = format_mac(mac)
        except ValueError:
            raise lock_error("plan-file", f"line {n}: {mac!r} is not a MAC address") from None
        if not room:
            raise lock_error("plan-file", f"line {n}: the room is empty")
        if room in seen:
            raise lock_error("plan-file", f"line {n}: room {room} is listed twice")
        seen.add(room)
        doors.append(PlanDoor(room, mac, row.get("name", ""), row.get("lock_type", ""),
                              source))
    return doors


def doors_from_directory(buildings: Iterable[Any]) -> list[PlanDoor]:
    """The cloud's room directory (``fetchRoomInfo``) as plan doors (rooms with a MAC)."""
    doors = []
    for building in buildings:
        for room in building.all_rooms():
            try:
                mac = format_mac(room.mac)
            except ValueError:
                continue  # a room without a lock MAC is not a Bluetooth door
            doors.append(PlanDoor(room.ref.label(), mac, room.name, room.lock_type, "cloud"))
    return doors


class PlanStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_plan_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)",
                             (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            raise lock_error("plan-file", f"{self.path.name}: {exc}") from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _door(row: tuple[Any, ...]) -> PlanDoor:
        return PlanDoor(*row)

    _COLUMNS = ("room, mac, name, lock_type, source, position, status, reason, detail, "
                "attempts, updated")

    # -- the doors -----------------------------------------------------------------------
    def import_doors(self, doors: Iterable[PlanDoor]) -> int:
        """Add or update doors (keeping the status of a door whose lock is the same)."""
        now = _now()
        count = 0
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                (top,) = cur.execute("SELECT COALESCE(MAX(position), -1) FROM doors").fetchone()
                for door in doors:
                    old = cur.execute("SELECT mac FROM doors WHERE room = ?",
                                      (door.room,)).fetchone()
                    if old is None:
                        top += 1
                        cur.execute(f"INSERT INTO doors ({self._COLUMNS}) VALUES "
                                    "(?, ?, ?, ?, ?, ?, 'todo', '', '', 0, ?)",
                                    (door.room, door.mac, door.name, door.lock_type,
                                     door.source, top, now))
                    elif old[0] != door.mac:  # another lock on that door: start again
                        cur.execute("UPDATE doors SET mac = ?, name = ?, lock_type = ?, "
                                    "source = ?, status = 'todo', reason = '', detail = '', "
                                    "updated = ? WHERE room = ?",
                                    (door.mac, door.name, door.lock_type, door.source, now,
                                     door.room))
                    else:
                        cur.execute("UPDATE doors SET name = ?, lock_type = ? WHERE room = ?",
                                    (door.name, door.lock_type, door.room))
                    count += 1
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return count

    def doors(self, status: str | None = None) -> list[PlanDoor]:
        return list(self.iter_doors(status))

    def iter_doors(self, status: str | None = None) -> Iterator[PlanDoor]:
        sql = f"SELECT {self._COLUMNS} FROM doors"
        args: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            args = (status,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY position", args).fetchall()
        return (self._door(r) for r in rows)

    def door(self, room: str) -> PlanDoor | None:
        with self._lock:
            row = self._db.execute(f"SELECT {self._COLUMNS} FROM doors WHERE room = ?",
                                   (room,)).fetchone()
        return self._door(row) if row else None

    def door_for_mac(self, mac: str) -> PlanDoor | None:
        with self._lock:
            row = self._db.execute(f"SELECT {self._COLUMNS} FROM doors WHERE mac = ?",
                                   (format_mac(mac),)).fetchone()
        return self._door(row) if row else None

    def rooms_by_mac(self) -> dict[str, str]:
        with self._lock:
            return dict(self._db.execute("SELECT mac, room FROM doors").fetchall())

    def summary(self) -> PlanSummary:
        with self._lock:
            counts = dict(self._db.execute(
                "SELECT status, COUNT(*) FROM doors GROUP BY status").fetchall())
        return PlanSummary(sum(counts.values()), counts.get(DONE, 0), counts.get(FAILED, 0),
                           counts.get(REVISIT, 0), counts.get(TODO, 0))

    def next_door(self, after: str | None = None) -> PlanDoor | None:
        """The next door to do: the first one still to do (after ``after`` if given)."""
        with self._lock:
            position = -1
            if after:
                row = self._db.execute("SELECT position FROM doors WHERE room = ?",
                                       (after,)).fetchone()
                position = row[0] if row else -1
            row = self._db.execute(
                f"SELECT {self._COLUMNS} FROM doors WHERE status = 'todo' "
                "ORDER BY position > ? DESC, position LIMIT 1", (position,)).fetchone()
        return self._door(row) if row else None

    def mark(self, room: str, status: str, reason: str = "", detail: str = "") -> None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        with self._lock:
            self._db.execute("UPDATE doors SET status = ?, reason = ?, detail = ?, updated = ? "
                             "WHERE room = ?", (status, reason, detail, _now(), room))

    # -- results -------------------------------------------------------------------------
    def record(self, result: DoorResult) -> None:
        """Keep one door's result and move its status (one transaction)."""
        status = OUTCOME_STATUS.get(result.outcome)
        failed = next((s for s in result.steps if s.status in ("failed", "warning")), None)
        detail = failed.detail if failed else ""
        finished = (result.finished or datetime.now(UTC)).isoformat()
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                cur.execute("INSERT INTO results (room, mac, finished, outcome, result) "
                            "VALUES (?, ?, ?, ?, ?)",
                            (result.room, result.mac, finished, result.outcome,
                             json.dumps(result.to_dict(), ensure_ascii=False)))
                if status is not None and result.action == "commission":
                    cur.execute("UPDATE doors SET status = ?, reason = ?, detail = ?, "
                                "attempts = attempts + 1, updated = ? WHERE room = ?",
                                (status, result.reason, detail, finished, result.room))
                else:
                    cur.execute("UPDATE doors SET attempts = attempts + 1, updated = ? "
                                "WHERE room = ?", (finished, result.room))
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def latest_results(self) -> Iterator[dict[str, Any]]:
        """Each door's newest commissioning result, in plan order (streamed row by row)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT d.room, d.mac, d.status, d.reason, r.result FROM doors d "
                "LEFT JOIN results r ON r.id = (SELECT id FROM results WHERE room = d.room "
                "ORDER BY id DESC LIMIT 1) ORDER BY d.position").fetchall()
        for room, mac, status, reason, raw in rows:
            result = json.loads(raw) if raw else {}
            yield {"room": room, "mac": mac, "status": status, "reason": reason,
                   "result": result}

    def results_for(self, room: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute("SELECT result FROM results WHERE room = ? ORDER BY id",
                                    (room,)).fetchall()
        return [json.loads(r[0]) for r in rows]


def _now() -> str:
    return datetime.now(UTC).isoformat()
