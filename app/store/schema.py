"""The event database's schema as an ordered list of migrations.

``PRAGMA user_version`` holds how many migrations a file has had; opening a file runs the
missing ones in order, each in its own transaction. Never edit a released step: append a
new one. A file from a newer KeyDesk (user_version beyond the list) is refused rather than
written to with a schema we do not know.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from app.store import bodies, body_dicts, legacy_v4, rows, search, terms

Step = str | Callable[[sqlite3.Connection], None]

# Each step is a script (or a function, when SQL alone cannot do it) run inside one
# transaction together with its version bump.
MIGRATIONS: list[Step] = [
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
    # 4 (a function, below): a million events. The filter columns in a narrow row (times
    # as integer microseconds), payload and raw compressed in event_bodies, an FTS5 index
    # of the searched words, indexes that fit the Monitor's queries.
]

V4_TABLES = f"""
CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    time        INTEGER NOT NULL,  -- the event's UTC time, microseconds since 1970
    received    INTEGER NOT NULL,  -- when KeyDesk received it, likewise
    source      TEXT NOT NULL,     -- bus source (reader name, "encoder", ...)
    kind        TEXT NOT NULL,     -- reader / encoder / lock / cloud / desk
    code        TEXT NOT NULL,     -- vendor event code (AccessControl, BreakIn, ...)
    severity    TEXT NOT NULL,     -- info / warning / error / alarm
    device      TEXT NOT NULL,
    door        INTEGER,
    user        TEXT,
    card        TEXT,
    granted     INTEGER,           -- 1 granted, 0 refused, NULL not an access
    dedupe_key  TEXT               -- same access record live or back-filled
);
CREATE TABLE event_bodies (
    id          INTEGER PRIMARY KEY,  -- events.id
    body        BLOB NOT NULL         -- zlib of the payload JSON and the raw text
);
CREATE VIRTUAL TABLE events_fts USING fts5(
    text, detail=none, tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE alarm_acks (
    event_id    INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    acked_at    TEXT NOT NULL,
    acked_by    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX events_dedupe ON events(dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX events_time ON events(time);
CREATE INDEX events_device ON events(device);
CREATE INDEX events_card ON events(card) WHERE card IS NOT NULL;
CREATE INDEX events_user ON events(user) WHERE user IS NOT NULL;
CREATE INDEX events_code ON events(code);
CREATE INDEX events_alarm ON events(severity) WHERE {legacy_v4.ALARM_SQL_V4};
"""
_OLD_INDEXES = ("events_dedupe", "events_time", "events_device_time", "events_door",
                "events_user", "events_card", "events_kind", "events_severity", "events_code")
_OLD_COLUMNS = ("id, time, received, source, kind, code, severity, device, door, user, "
                "card, granted, dedupe_key, payload, raw")


def _to_v4(conn: sqlite3.Connection) -> None:
    """Copy every row into the v4 tables (times converted, bodies compressed, words
    indexed), then drop the old tables. Acknowledgements come along."""
    seq = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'").fetchone()
    conn.execute("ALTER TABLE alarm_acks RENAME TO alarm_acks_v3")
    conn.execute("ALTER TABLE events RENAME TO events_v3")
    for name in _OLD_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for statement in _statements(V4_TABLES):
        conn.execute(statement)
    packer = legacy_v4.PackerV4()
    cur = conn.execute(f"SELECT {_OLD_COLUMNS} FROM events_v3 ORDER BY id")
    while chunk := cur.fetchmany(5000):
        events, bodies, words = [], [], []
        for (rid, time, received, source, kind, code, severity, device, door, user, card,
             granted, key, payload, raw) in chunk:
            got = rows.to_us(received) or 0
            events.append((rid, rows.to_us(time) or got, got, source, kind, code, severity,
                           device, door, user, card, granted, key))
            bodies.append((rid, packer.pack(payload, raw)))
            try:
                decoded = json.loads(payload)
            except ValueError:
                decoded = {}
            words.append((rid, legacy_v4.search_text_v4(
                decoded if isinstance(decoded, dict) else {}, device, code)))
        conn.executemany(f"INSERT INTO events (id, {rows.COLUMNS}) VALUES "
                         f"({', '.join('?' * 13)})", events)
        conn.executemany("INSERT INTO event_bodies (id, body) VALUES (?, ?)", bodies)
        conn.executemany("INSERT INTO events_fts (rowid, text) VALUES (?, ?)", words)
    conn.execute("INSERT INTO alarm_acks SELECT event_id, acked_at, acked_by, note "
                 "FROM alarm_acks_v3")
    conn.execute("DROP TABLE alarm_acks_v3")
    conn.execute("DROP TABLE events_v3")
    if seq is not None:  # ids are never given twice, even those of deleted events
        if not conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) "
                            "WHERE name = 'events'", (seq[0],)).rowcount:
            conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)",
                         (seq[0],))


MIGRATIONS.append(_to_v4)

V5_TABLES = """
CREATE TABLE search_terms (
    id          INTEGER PRIMARY KEY,
    kind        INTEGER NOT NULL,  -- app.store.search: device, code, card, user, name, note
    value       TEXT NOT NULL,     -- as the event has it
    folded      TEXT NOT NULL,     -- case and accents away: what is searched
    UNIQUE (kind, value)
);
CREATE VIRTUAL TABLE terms_fts USING fts5(
    folded, content='search_terms', content_rowid='id', tokenize='trigram'
);
CREATE VIRTUAL TABLE event_terms USING fts5(
    t, content='', detail=none, tokenize='unicode61'
);
CREATE TABLE event_bodies (
    id          INTEGER PRIMARY KEY,  -- the last event id in the block
    first       INTEGER NOT NULL,     -- the first
    sizes       BLOB NOT NULL,        -- little-endian uint32 pairs: payload, raw bytes
    body        BLOB NOT NULL         -- zlib of the bodies, one after the other
);
DROP INDEX events_card;
DROP INDEX events_user;
DROP INDEX events_code;
"""


def _to_v5(conn: sqlite3.Connection) -> None:
    """Bodies in blocks, the search by terms (``app/store/search.py``): every row's body
    is read once, its terms found and counted, and it is written again in blocks of
    consecutive ids; the word index of schema 4 is dropped."""
    conn.execute("DROP TABLE events_fts")
    conn.execute("ALTER TABLE event_bodies RENAME TO event_bodies_v4")
    conn.execute("ALTER TABLE events ADD COLUMN name_id INTEGER")
    conn.execute("ALTER TABLE events ADD COLUMN note_id INTEGER")
    for statement in _statements(V5_TABLES):
        conn.execute(statement)
    known = terms.Terms()
    cur = conn.execute("SELECT e.id, e.device, e.code, e.user, e.card, b.body FROM events e "
                       "JOIN event_bodies_v4 b ON b.id = e.id ORDER BY e.id")
    write = conn.cursor()
    while chunk := cur.fetchmany(2000):
        run: list[tuple[bytes, bytes]] = []
        run_first = -1
        ids: list[tuple[int | None, int | None, int]] = []
        wanted: list[tuple[tuple[int, str], ...]] = []
        for rid, device, code, user, card, body in chunk:
            payload, raw = legacy_v4.unpack_body_v4(body)
            try:
                decoded = json.loads(payload)
            except ValueError:
                decoded = None
            p = decoded if isinstance(decoded, dict) else {}
            wanted.append(terms.of_row(device, code, card, user, search.name_of(p),
                                       search.note_of(p)))
            if run and (rid != run_first + len(run) or len(run) == bodies.BLOCK):
                write.executemany("INSERT INTO event_bodies (id, first, sizes, body) "
                                  "VALUES (?, ?, ?, ?)", bodies.blocks(run_first, run))
                run = []
            if not run:
                run_first = rid
            run.append((payload.encode("utf-8", "surrogatepass"),
                        raw.encode("utf-8", "surrogatepass")))
            ids.append((None, None, rid))
        if run:
            write.executemany("INSERT INTO event_bodies (id, first, sizes, body) "
                              "VALUES (?, ?, ?, ?)", bodies.blocks(run_first, run))
        ids_by_kind = {kind: known.ids_of(conn, kind, (dict(row).get(kind) for row in wanted))
                       for kind in search.COLUMN}
        known.committed()
        named, tokens = [], []
        for (_, _, rid), row in zip(ids, wanted, strict=True):
            by_kind = dict(row)
            name, note = by_kind.get(search.NAME), by_kind.get(search.NOTE)
            named.append((ids_by_kind[search.NAME][name] if name else None,
                          ids_by_kind[search.NOTE][note] if note else None, rid))
            tokens.append((rid, search.tokens((k, ids_by_kind[k][v]) for k, v in row)))
        write.executemany("UPDATE events SET name_id = ?, note_id = ? WHERE id = ?", named)
        write.executemany("INSERT INTO event_terms (rowid, t) VALUES (?, ?)", tokens)
    conn.execute("DROP TABLE event_bodies_v4")


MIGRATIONS.append(_to_v5)


def _to_v6(conn: sqlite3.Connection) -> None:
    """A preset dictionary for the body blocks (:mod:`app.store.body_dicts`), kept in the
    file; blocks name theirs (``zdict``), those written before have none (NULL) and are
    read as they are. The alarms' partial index tests equalities instead of a list."""
    conn.execute("CREATE TABLE body_dicts (id INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    conn.execute("INSERT INTO body_dicts (id, data) VALUES (1, ?)", (body_dicts.READER_1,))
    conn.execute("ALTER TABLE event_bodies ADD COLUMN zdict INTEGER")
    # The alarms' index on equalities (why: rows.ALARM_SQL), built again from the rows.
    conn.execute("DROP INDEX events_alarm")
    conn.execute("CREATE INDEX events_alarm ON events(severity) WHERE (severity = 'alarm' "
                 "OR code = 'BreakIn' OR code = 'ChassisIntruded' OR code = 'DoorNotClosed' "
                 "OR code = 'Duress')")


MIGRATIONS.append(_to_v6)

# Schema 7's token text of an event, as schema 5 and 6 wrote it ("d1 k2 c4711 u815 n42
# t7": reader, code, card and user by value, name and note by id), frozen here.
_V7_TOKEN_PARTS = " || ' ' || ".join(
    f"COALESCE('{letter}' || (SELECT id FROM search_terms WHERE kind = {kind} "
    f"AND {pick} = e.{column}), '')"
    for kind, letter, pick, column in (
        (0, "d", "value", "device"), (1, "k", "value", "code"), (2, "c", "value", "card"),
        (3, "u", "value", "user"), (4, "n", "id", "name_id"), (5, "t", "id", "note_id")))


def _to_v7(conn: sqlite3.Connection) -> None:
    """``event_terms`` without its ``docsize`` table (``columnsize=0``): no query ranks
    (bm25) or reads a row's token count, and writing that table's row cost ~5,600 machine
    instructions and ~10 bytes per event. A contentless table cannot be altered, so it is
    made again and every event's tokens written again from its columns."""
    conn.execute("DROP TABLE event_terms")
    conn.execute("CREATE VIRTUAL TABLE event_terms USING fts5(t, content='', detail=none, "
                 "tokenize='unicode61', columnsize=0)")
    cur = conn.execute(f"SELECT id, {_V7_TOKEN_PARTS} FROM events e ORDER BY id")
    write = conn.cursor()
    while chunk := cur.fetchmany(5000):
        write.executemany("INSERT INTO event_terms (rowid, t) VALUES (?, ?)",
                          [(rid, " ".join(text.split())) for rid, text in chunk])


MIGRATIONS.append(_to_v7)


def _to_v8(conn: sqlite3.Connection) -> None:
    """Body blocks in Zstandard (:mod:`app.store.bodies`): a dictionary names its codec;
    dictionary 2 is zstd with the bytes of dictionary 1. Blocks already written keep
    theirs and are read as they are (nothing is compressed again). The reader index
    goes: a reader filter is answered by ``event_terms`` (its ``d`` token), as the card
    and user filters are since schema 5, and its b-tree cost every insert ~7,100
    machine instructions and ~20 bytes."""
    conn.execute("DROP INDEX events_device")
    conn.execute("ALTER TABLE body_dicts ADD COLUMN codec TEXT NOT NULL DEFAULT 'deflate'")
    conn.execute("INSERT INTO body_dicts (id, data, codec) VALUES (2, ?, 'zstd')",
                 (body_dicts.READER_1,))


MIGRATIONS.append(_to_v8)

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer KeyDesk; we do not write to it."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[Step] | None = None) -> int:
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
            step = steps[version]
            if callable(step):
                step(conn)
            else:
                for statement in _statements(step):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    if start == 0 and len(steps) > 1:
        conn.execute("VACUUM")  # a new file: no pages left free by the steps' old tables
    return start


def _statements(script: str) -> list[str]:
    """Split a migration script on ``;`` (our scripts keep no ``;`` inside literals).

    ``executescript`` would commit the open transaction first, so the version bump could
    not be atomic with the step; hence this split.
    """
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
