"""Is the event database sound? ``quick_check`` at open, the full ``integrity_check`` on
demand, and setting a damaged file aside (renamed, never modified) so the desk goes on in
a fresh file while the old one waits, untouched, for support to recover it.

A full check that finds damage while the store is open leaves a marker beside the file
(``<name>.damaged``): the next start sets the file aside even when the quicker check at
open would not notice (``quick_check`` skips index-to-table consistency).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

log = logging.getLogger(__name__)

# SQLite primary result codes for a file that is not a sound database.
_DAMAGED = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
_SIDE_FILES = ("-wal", "-shm", "-journal")
MAX_PROBLEMS = 20  # the check stops listing after this many


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: tuple[str, ...]  # empty: sound
    error: str = ""  # the check itself could not run (not damage: permissions, missing)

    @property
    def sound(self) -> bool:
        return not self.problems and not self.error


def is_damage(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (int(code) & 0xFF) in _DAMAGED
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.OperationalError)


def marker(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


def check(path: Path, *, full: bool = False) -> CheckResult:
    """Run ``quick_check`` (or ``integrity_check`` when ``full``) on its own connection."""
    pragma = f"integrity_check({MAX_PROBLEMS})" if full else f"quick_check({MAX_PROBLEMS})"
    try:
        conn = sqlite3.connect(path, timeout=10)
    except sqlite3.Error as exc:
        return CheckResult(path, (), f"{type(exc).__name__}: {exc}")
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.Error as exc:
        if is_damage(exc):
            return CheckResult(path, (f"{exc}",))
        return CheckResult(path, (), f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()
    return CheckResult(path, tuple(r for r in rows if r != "ok"))


def needs_setting_aside(path: Path) -> CheckResult | None:
    """At open: the reason to set ``path`` aside (damaged or marked so), else None."""
    if not path.exists():
        return None
    mark = marker(path)
    if mark.exists():
        found = mark.read_text("utf-8", "replace").splitlines() or ["marked damaged"]
        return CheckResult(path, tuple(found))
    result = check(path)
    return result if result.problems else None


def mark_damaged(result: CheckResult) -> None:
    """Remember a damaged file for the next start (see the module docstring)."""
    marker(result.path).write_text("\n".join(result.problems) + "\n", "utf-8")


def set_aside(path: Path) -> Path:
    """Rename ``path`` (and its WAL/SHM files) to ``<stem>.damaged-<UTC time><suffix>``;
    returns the new path. The bytes are not touched."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    path.rename(target)
    for side in _SIDE_FILES:
        extra = path.with_name(path.name + side)
        if extra.exists():
            extra.rename(target.with_name(target.name + side))
    marker(path).unlink(missing_ok=True)
    log.error("event store %s was damaged: kept as %s, continuing in a fresh file",
              path, target)
    return target
