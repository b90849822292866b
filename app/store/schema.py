"""The event database's schema as an ordered list of migrations.

``PRAGMA user_version`` holds how many migrations a file has had; opening a file runs the
missing ones in order, each in its own transaction. Never edit a released step: append a
new one. A file from a newer KeyDesk (user_version beyond the list) is refused rather than
written to with a schema we do not know.
"""

from __future__ import annotations

import sqlite3

# Each step is a script run inside one transaction.
MIGRATIONS: list[str] = [
    # 1: every event, raw and decoded, with the columns the desk filters on.
    """
    CREATE TABLE events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        time        TEXT NOT NULL,     -- the event's UTC time, fixed-width ISO 8601
        received    TEXT NOT NULL,     -- when KeyDesk received it (UTC)
        source      TEXT NOT NULL,     -- bus source (reader name, "encoder", ...)
        kind        TEXT NOT NULL,     -- reader / encoder / lock / cloud / desk
        code        TEXT NOT NULL,     -- vendor event code (AccessControl, BreakIn, ...)
        severity    TEXT NOT NULL,     -- info / warning / error / alarm
        device      TEXT NOT NULL,
        door        INTEGER,
        user        TEXT,
        card        TEXT,
        granted     INTEGER,           -- 1 granted, 0 refused, NULL not an access
        dedupe_key  TEXT,              -- same access record live or back-filled
        payload     TEXT NOT NULL,     -- decoded fields, JSON
        raw         TEXT NOT NULL      -- the original body, never dropped
    );
    CREATE UNIQUE INDEX events_dedupe ON events(dedupe_key) WHERE dedupe_key IS NOT NULL;
    CREATE INDEX events_time ON events(time);
    CREATE INDEX events_device_time ON events(device, time);
    CREATE INDEX events_door ON events(door);
    CREATE INDEX events_user ON events(user);
    CREATE INDEX events_card ON events(card);
    CREATE INDEX events_kind ON events(kind);
    CREATE INDEX events_severity ON events(severity);
    CREATE INDEX events_code ON events(code);
    """,
    # 2: who acknowledged which alarm, and when (alarms must be acknowledged at the desk).
    """
    CREATE TABLE alarm_acks (
        event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        acked_at    TEXT NOT NULL,
        acked_by    TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
    );
    """,
    # 3: which device (serial number) each reader name has been. Dedupe keys name the
    # device itself from now on; keys stored before (``<name>:rec:<n>``) are rewritten
    # for the first device a name is seen to be (EventStore.adopt_legacy_keys).
    """
    CREATE TABLE device_ids (
        name        TEXT NOT NULL,     -- the reader's name in Settings
        device_id   TEXT NOT NULL,     -- what the device says it is (sn:<serial>, url:...)
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        PRIMARY KEY (name, device_id)
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer KeyDesk; we do not write to it."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[str] | None = None) -> int:
    """Bring ``conn`` up to the latest schema; returns the version it started from.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so each step can run in
    an explicit transaction together with its ``user_version`` bump.
    """
    steps = MIGRATIONS if migrations is None else migrations
    start = user_version(conn)
    if start > len(MIGRATIONS):
        raise SchemaTooNew(f"event store schema {start} is newer than {len(MIGRATIONS)}")
    for version in range(start, len(steps)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(steps[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return start


def _statements(script: str) -> list[str]:
    """Split a migration script on ``;`` (our scripts keep no ``;`` inside literals).

    ``executescript`` would commit the open transaction first, so the version bump could
    not be atomic with the step; hence this split.
    """
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
