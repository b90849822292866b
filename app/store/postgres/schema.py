"""The site store's schema on PostgreSQL, as ordered migrations.

``keydesk_schema`` holds how many steps the database has had. Every desk runs the missing
steps when it connects, under an advisory lock, so two desks starting together never run a
step twice. Append steps; never edit one. A database from a newer KeyDesk is refused.
"""

from __future__ import annotations

from typing import Any

MIGRATION_LOCK = 0x4B44_0017  # advisory lock ids: "KD" and the issue
EVENTS_LOCK = 0x4B44_0018  # serializes event writes: ids commit in order (LISTEN readers)
AUDIT_LOCK = 0x4B44_0019  # serializes audit appends: one chain per site, never forked
CHANNEL = "keydesk_events"
ACK_CHANNEL = "keydesk_acks"  # alarm acknowledgements, told to the other desks (acks.py)

MIGRATIONS: list[str] = [
    # 1: events (times as UTC microseconds, as in SQLite; payload JSON and raw text as
    # bytes, since a reader may send what PostgreSQL's text refuses: NUL, lone
    # surrogates), acknowledgements, reader identities, and the chained audit trail with
    # its head and key fingerprint.
    """
    CREATE TABLE events (
        id          BIGSERIAL PRIMARY KEY,
        time        BIGINT NOT NULL,
        received    BIGINT NOT NULL,
        source      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        code        TEXT NOT NULL,
        severity    TEXT NOT NULL,
        device      TEXT NOT NULL,
        door        INTEGER,
        "user"      TEXT,
        card        TEXT,
        granted     SMALLINT,
        dedupe_key  TEXT UNIQUE,          -- one access record once, whichever desk saw it
        payload     BYTEA NOT NULL,       -- JSON, UTF-8
        raw         BYTEA NOT NULL,
        search      TEXT NOT NULL,        -- the searched fields, folded (app.store.search)
        desk        TEXT NOT NULL,        -- the desk that stored it
        origin      TEXT NOT NULL UNIQUE  -- the desk's own id for it: a resend is ignored
    );
    CREATE INDEX events_time ON events (time);
    CREATE INDEX events_device ON events (device, id);
    CREATE INDEX events_card ON events (card, id) WHERE card IS NOT NULL;
    CREATE INDEX events_user ON events ("user", id) WHERE "user" IS NOT NULL;
    CREATE INDEX events_code ON events (code, id);
    CREATE TABLE alarm_acks (
        event_id    BIGINT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
        acked_at    TEXT NOT NULL,
        acked_by    TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE device_ids (
        name        TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        PRIMARY KEY (name, device_id)
    );
    CREATE TABLE audit (
        id      BIGINT PRIMARY KEY,
        at      TEXT NOT NULL,
        who     TEXT NOT NULL,
        role    TEXT NOT NULL DEFAULT '',
        what    TEXT NOT NULL,
        target  TEXT NOT NULL DEFAULT '',
        room    TEXT NOT NULL DEFAULT '',
        result  TEXT NOT NULL,
        detail  TEXT NOT NULL DEFAULT '',
        mac     TEXT NOT NULL DEFAULT '',
        desk    TEXT NOT NULL DEFAULT '',
        origin  TEXT UNIQUE              -- the desk's own id for it: a resend is ignored
    );
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_who ON audit (who, id);
    CREATE INDEX audit_what ON audit (what, id);
    CREATE TABLE audit_head (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        id   BIGINT NOT NULL,
        mac  TEXT NOT NULL,
        seal TEXT NOT NULL
    );
    CREATE TABLE audit_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SiteSchemaTooNew(RuntimeError):
    """The site database was made by a newer KeyDesk; this desk does not write to it."""


def migrate(conn: Any) -> int:
    """Bring the site database up to date; returns the version it had. ``conn`` is not
    in autocommit mode: each step commits with its version bump."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS keydesk_schema (version INTEGER NOT NULL)")
        row = conn.execute("SELECT version FROM keydesk_schema").fetchone()
        start = int(row[0]) if row else 0
        if row is None:
            conn.execute("INSERT INTO keydesk_schema (version) VALUES (0)")
        if start > SCHEMA_VERSION:
            raise SiteSchemaTooNew(f"site store schema {start} is newer than {SCHEMA_VERSION}")
        for version in range(start, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute("UPDATE keydesk_schema SET version = %s", (version + 1,))
    return start


def _statements(script: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
