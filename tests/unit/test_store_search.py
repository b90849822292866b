"""Schemas 5 to 7: fragments of card numbers and names are found (any substring, case and
accents ignored), every query path agrees with a plain filter over all rows, bodies in
blocks survive retention, schema-4 and schema-5 files are migrated with their rows intact
(new blocks use the preset dictionary of schema 6), a schema-6 file gets schema 7's
`event_terms` with its search intact."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.access.decode import _epoch_text
from app.store import bodies, legacy_v4, schema, search
from app.store.events import EventStore
from app.store.rows import ALARM_SQL, from_us, to_us
from tests.unit.test_store_events import access

NAMES = ["Ana Silva", "José Müller", "Zoë Ørsted", "李雷", "Grace O'Neil"]


def _fill(store: EventStore, count: int = 300) -> list:
    start = datetime(2030, 1, 1, tzinfo=UTC)
    for i in range(count):
        store.add(access(i, device=f"R{i % 3}", user_name=NAMES[i % 5],
                         card=f"{i % 40:02d}EA30{i % 7:02d}",
                         error_text="Refused: card expired" if i % 11 == 0 else "No error",
                         time=(start + timedelta(minutes=7 * i)).isoformat()))
    assert store.flush()
    return store.query(limit=None)


def _fields(e) -> list[str]:
    p = e.payload
    return [search.fold(str(v)) for v in (e.device, e.code, e.card, e.user,
                                          p.get("user_name"), p.get("error_text")) if v]


def _plain(every, text: str, limit: int = 10_000, **where) -> list[int]:
    words = search.fold(text).split()
    out = [e.id for e in every
           if all(any(w in f for f in _fields(e)) for w in words)
           and all(getattr(e, k) == v for k, v in where.items())]
    return out[:limit]


def test_fragments_anywhere_in_card_numbers_and_names(tmp_path):
    store = EventStore(tmp_path / "events.sqlite3").start()
    try:
        every = _fill(store)
        assert len(every) == 300
        for text in ("EA30", "ea3003", "mull", "MÜLLER", "zoe orsted", "o'neil", "李",
                     "expired", "r2", "3", "ea30 silva", "nobody here"):
            got = [e.id for e in store.query(text=text, limit=None)]
            assert got == _plain(every, text), text
        card = store.query(text="12EA3004"[2:6], limit=500)  # the clerk's "EA30"
        assert card and all("EA30" in e.card for e in card)
        # With other filters, limits and paging, through every plan (few / many matches).
        for text, where in (("silva", {"device": "R1"}), ("ea300", {"device": "R2"}),
                            ("a", {"device": "R0"})):
            page = store.query(text=text, limit=7, **where)
            assert [e.id for e in page] == _plain(every, text, 7, **where)
            older = store.query(text=text, limit=7, before_id=page[-1].id, **where)
            assert [e.id for e in older] == [i for i in _plain(every, text, **where)
                                             if i < page[-1].id][:7]
        day0 = datetime(2030, 1, 1, 5, tzinfo=UTC)
        ranged = store.query(text="silva", since=day0, until=day0 + timedelta(hours=9))
        assert [e.id for e in ranged] == [e.id for e in every if "Silva" in
                                          e.payload["user_name"] and to_us(day0) <=
                                          to_us(e.time) < to_us(day0 + timedelta(hours=9))]
        assert [e.id for e in store.query(card="05EA3005", limit=None)] == [
            e.id for e in every if e.card == "05EA3005"]
        assert store.query(card="not a card") == [] and store.query(text="   ") == []
        assert store.count(text="muller") == len(_plain(every, "muller"))
    finally:
        assert store.close()


def test_retention_takes_events_out_of_the_search_and_their_blocks(tmp_path):
    store = EventStore(tmp_path / "events.sqlite3").start()
    try:
        now = datetime.now(UTC)
        for i in range(40):
            store.add(access(i, user_name="Old Guest" if i < 30 else "New Guest",
                             time=(now - timedelta(days=60 if i < 30 else 1)).isoformat()))
        assert store.flush()
        assert len(store.query(text="guest", limit=None)) == 40
        assert store.apply_retention(30) == 30
        assert [e.payload["user_name"] for e in store.query(text="guest", limit=None)] == [
            "New Guest"] * 10
        assert store.query(text="old guest") == []
        conn = sqlite3.connect(store.path)
        conn.execute("INSERT INTO event_terms (event_terms) VALUES ('integrity-check')")
        first_live = conn.execute("SELECT MIN(id) FROM events").fetchone()[0]
        # No block is left that holds only deleted events.
        assert conn.execute("SELECT COUNT(*) FROM event_bodies WHERE id < ?",
                            (first_live,)).fetchone()[0] == 0
        conn.close()
        assert [e.payload["user_name"] for e in store.query(limit=None)] == ["New Guest"] * 10
    finally:
        assert store.close()


def test_a_schema_4_file_keeps_its_rows_bodies_and_acknowledgements(tmp_path):
    path = tmp_path / "v4.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:4])
    packer = legacy_v4.PackerV4()
    conn.execute("BEGIN")
    for i in range(1, 41):
        if i in (5, 6, 23):
            continue  # gaps, as retention leaves them
        payload = {"card": f"CA{i:04d}EF", "user_name": NAMES[i % 5], "code_text": "Access"}
        text = json.dumps(payload, ensure_ascii=False)
        us = to_us(datetime(2030, 1, 1, tzinfo=UTC)) + i * 1_000_000
        conn.execute("INSERT INTO events (id, time, received, source, kind, code, severity, "
                     "device, card, dedupe_key) VALUES (?, ?, ?, 'R', 'reader', "
                     "'AccessControl', 'info', 'R', ?, ?)",
                     (i, us, us, payload["card"], f"sn:X#rec:{i}@1"))
        conn.execute("INSERT INTO event_bodies (id, body) VALUES (?, ?)",
                     (i, packer.pack(text, f"Code=AccessControl;raw {i} ü")))
        conn.execute("INSERT INTO events_fts (rowid, text) VALUES (?, ?)",
                     (i, legacy_v4.search_text_v4(payload, "R", "AccessControl")))
    conn.execute("INSERT INTO alarm_acks (event_id, acked_at, acked_by) VALUES (7, 'x', 'maria')")
    conn.execute("COMMIT")
    conn.close()

    store = EventStore(path).start()
    try:
        rows = store.query(limit=None, oldest_first=True)
        assert [e.id for e in rows] == [i for i in range(1, 41) if i not in (5, 6, 23)]
        assert rows[0].raw == "Code=AccessControl;raw 1 ü"
        assert rows[-1].payload["user_name"] == NAMES[0]
        assert [e.id for e in store.query(text="0012e", limit=None)] == [12]
        assert [e.id for e in store.query(text="muller", limit=None)] == [
            i for i in range(40, 0, -1) if i % 5 == 1 and i not in (5, 6, 23)]
        assert store.acknowledgement(7)[1] == "maria"
        store.add(access(100, card="NEWCARD"))
        assert store.flush()
        assert store.query(limit=1)[0].id == 41  # ids go on after the largest
        tables = {r[0] for r in sqlite3.connect(path).execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "events_fts" not in tables and "event_bodies_v4" not in tables
    finally:
        assert store.close()


def test_a_block_holds_bodies_of_any_size_and_content():
    made = [(b"", b""), ("ü".encode(), b"\xed\xa0\x80raw"), (b"{}" * 5000, b"x")]
    sizes, data = bodies.pack_block(made)
    assert bodies.unpack_block(40, sizes, data) == {40: made[0], 41: made[1], 42: made[2]}
    zdict = bodies.DICTS[1]  # schema 6 and 7: deflate with a dictionary
    sizes, data = bodies.pack_block(made, zdict.data)
    assert bodies.unpack_block(40, sizes, data, zdict) == {
        40: made[0], 41: made[1], 42: made[2]}
    packer = bodies.Packer()  # schema 8: zstd, one compressor for every block
    for _ in range(2):
        sizes, data = packer.pack(made)
        assert bodies.unpack_block(40, sizes, data, bodies.DICTS[bodies.DICT]) == {
            40: made[0], 41: made[1], 42: made[2]}
    rows = list(bodies.blocks(1, [(b"p", b"r")] * (bodies.BLOCK + 3)))
    assert [(last, first) for last, first, _s, _d in rows] == [
        (bodies.BLOCK, 1), (bodies.BLOCK + 3, bodies.BLOCK + 1)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=253402300799999999))
def test_stored_times_read_back_as_datetime_would_write_them(us):
    expected = (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=us)).isoformat(
        timespec="microseconds")
    assert from_us(us) == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(min_value=1, max_value=10**12),
                 st.floats(min_value=0.001, max_value=2e11, allow_nan=False)))
def test_reader_times_read_as_datetime_would_read_them(epoch):
    try:
        expected = datetime.fromtimestamp(epoch, UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, OSError, ValueError):
        expected = None
    assert _epoch_text(epoch) == expected


def test_a_schema_5_file_keeps_its_blocks_and_new_ones_use_the_dictionary(tmp_path):
    path = tmp_path / "v5.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:5])
    made = [(json.dumps({"card": f"CA{i:04d}", "user_name": NAMES[i % 5]}).encode(),
             f"Code=AccessControl;raw {i} ü".encode()) for i in range(1, 21)]
    conn.execute("BEGIN")
    for i in range(1, 21):
        us = to_us(datetime(2030, 1, 1, tzinfo=UTC)) + i * 1_000_000
        conn.execute("INSERT INTO events (id, time, received, source, kind, code, severity, "
                     "device, card) VALUES (?, ?, ?, 'R', 'reader', 'AccessControl', 'info', "
                     "'R', ?)", (i, us, us, f"CA{i:04d}"))
    # Written as schema 5 wrote them: zlib streams without a dictionary.
    conn.executemany("INSERT INTO event_bodies (id, first, sizes, body) VALUES (?, ?, ?, ?)",
                     bodies.blocks(1, made))
    conn.execute("COMMIT")
    conn.close()

    store = EventStore(path).start()
    try:
        store.add(access(100, card="NEWCARD", user_name="Zoë Ørsted"))
        assert store.flush()
        rows = store.query(limit=None, oldest_first=True)
        assert [e.id for e in rows] == list(range(1, 22))
        assert [(json.dumps(e.payload).encode(), e.raw.encode()) for e in rows[:20]] == made
        assert rows[20].payload["user_name"] == "Zoë Ørsted" and rows[20].card == "NEWCARD"
        check = sqlite3.connect(path)
        assert check.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert check.execute("SELECT id, zdict FROM event_bodies ORDER BY id").fetchall() == [
            (16, None), (20, None), (21, bodies.DICT)]
        assert check.execute("SELECT codec, data FROM body_dicts WHERE id = ?",
                             (bodies.DICT,)).fetchone() == ("zstd", bodies.DICTS[bodies.DICT].data)
        check.close()
    finally:
        assert store.close()


def test_bodies_are_read_with_the_dictionary_the_file_keeps(tmp_path):
    """A block names its dictionary; one this KeyDesk does not carry is read from the
    file (as a later KeyDesk's would be)."""
    path = tmp_path / "events.sqlite3"
    store = EventStore(path).start()
    store.add(access(1, card="CARD0001"))
    assert store.flush()
    store.close()
    other = bodies.DICTS[bodies.DICT].data[::-1]  # any bytes will do as a dictionary
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO body_dicts (id, data) VALUES (7, ?)", (other,))
    sizes, data = bodies.pack_block([(b'{"card": "CARD0002"}', b"raw two")], other)
    conn.execute("INSERT INTO event_bodies (id, first, sizes, body, zdict) "
                 "VALUES (2, 2, ?, ?, 7)", (sizes, data))
    conn.execute("INSERT INTO events (id, time, received, source, kind, code, severity, "
                 "device) SELECT 2, time, received, source, kind, code, severity, device "
                 "FROM events WHERE id = 1")
    conn.close()
    store = EventStore(path).start()
    try:
        got = {e.id: (e.payload.get("card"), e.raw) for e in store.query(limit=None)}
        assert got[2] == ("CARD0002", "raw two") and got[1][0] == "CARD0001"
    finally:
        assert store.close()


def test_a_new_file_has_8_kib_pages_and_an_old_one_keeps_its_own(tmp_path):
    fresh = EventStore(tmp_path / "new.sqlite3").start()
    fresh.close()
    old_path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    schema.migrate(conn, schema.MIGRATIONS[:5])
    conn.close()
    old = EventStore(old_path).start()
    old.add(access(1))
    assert old.flush()
    old.close()
    sizes = [sqlite3.connect(p).execute("PRAGMA page_size").fetchone()[0]
             for p in (tmp_path / "new.sqlite3", old_path)]
    assert sizes == [8192, 4096]


def test_the_alarms_index_tests_the_queries_own_condition(tmp_path):
    """The partial index is used only when a query repeats its condition exactly, and it
    must not test a list (``IN``): SQLite rebuilt the list at every row inserted."""
    store = EventStore(tmp_path / "events.sqlite3").start()
    store.close()
    conn = sqlite3.connect(tmp_path / "events.sqlite3")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_alarm'").fetchone()[0]
    assert sql.endswith(f"WHERE {ALARM_SQL}") and " IN " not in sql.upper()
    plan = conn.execute(f"EXPLAIN QUERY PLAN SELECT id FROM events INDEXED BY events_alarm "
                        f"WHERE {ALARM_SQL} ORDER BY id DESC LIMIT 200").fetchall()
    assert any("events_alarm" in row[3] for row in plan)
    conn.close()


def _filled_by_an_older_keydesk(path, monkeypatch, steps: int, count: int) -> list:
    """``count`` events in a file written by a KeyDesk that knew ``steps`` schema steps."""
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:steps])
        old = EventStore(path).start()
        try:
            return _fill(old, count)
        finally:
            assert old.close()


def test_a_schema_6_file_gets_event_terms_without_docsize_and_keeps_its_search(
        tmp_path, monkeypatch):
    path = tmp_path / "v6.sqlite3"
    every = _filled_by_an_older_keydesk(path, monkeypatch, 6, 120)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 6
    assert check.execute("SELECT COUNT(*) FROM event_terms_docsize").fetchone()[0] == 120
    check.close()

    store = EventStore(path).start()
    try:
        for text in ("EA30", "mull", "zoe orsted", "expired", "r2", "ea30 silva"):
            got = [e.id for e in store.query(text=text, limit=None)]
            assert got == _plain(every, text), text
        assert [e.id for e in store.query(card=every[0].card, limit=None)] == [
            e.id for e in every if e.card == every[0].card]
        store.add(access(500, card="NEWCARD99", user_name="Zoë Ørsted"))
        assert store.flush()
        assert [e.card for e in store.query(text="newcard")] == ["NEWCARD99"]
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert "columnsize=0" in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'event_terms'").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM sqlite_master "
                            "WHERE name = 'event_terms_docsize'").fetchone()[0] == 0
        conn.execute("INSERT INTO event_terms (event_terms) VALUES ('integrity-check')")
        conn.close()
    finally:
        assert store.close()


def _as_schema_7_wrote_them(path) -> None:
    """Every block of ``path`` deflated again with dictionary 1, as schema 7 wrote it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for rid, first, sizes, data, zdict in conn.execute(
            "SELECT id, first, sizes, body, zdict FROM event_bodies").fetchall():
        held = bodies.unpack_block(first, sizes, data, bodies.DICTS[zdict])
        sizes, data = bodies.pack_block([held[i] for i in sorted(held)], bodies.DICTS[1].data)
        conn.execute("UPDATE event_bodies SET sizes = ?, body = ?, zdict = 1 WHERE id = ?",
                     (sizes, data, rid))
    conn.execute("COMMIT")
    conn.close()


def test_a_schema_7_file_keeps_its_deflate_blocks_and_new_ones_are_zstd(tmp_path, monkeypatch):
    path = tmp_path / "v7.sqlite3"
    every = _filled_by_an_older_keydesk(path, monkeypatch, 7, 40)
    _as_schema_7_wrote_them(path)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 7
    assert {r[0] for r in check.execute("SELECT zdict FROM event_bodies")} == {1}
    check.close()

    store = EventStore(path).start()
    try:
        store.add(access(500, card="NEWCARD99", user_name="Zoë Ørsted"))
        assert store.flush()
        got = store.query(limit=None)
        assert [(e.id, e.payload, e.raw) for e in got[1:]] == [
            (e.id, e.payload, e.raw) for e in every]
        assert got[0].card == "NEWCARD99" and got[0].payload["user_name"] == "Zoë Ørsted"
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
        assert conn.execute("SELECT id, codec FROM body_dicts ORDER BY id").fetchall() == [
            (1, "deflate"), (2, "zstd")]
        assert conn.execute("SELECT zdict FROM event_bodies ORDER BY id DESC LIMIT 1"
                            ).fetchone()[0] == bodies.DICT == 2
        conn.close()
    finally:
        assert store.close()


@pytest.mark.skipif(shutil.which("zstd") is None, reason="the zstd command is not installed")
def test_the_zstd_command_reads_a_block_with_the_file_s_own_dictionary(tmp_path):
    """A third-party reader (the reference ``zstd`` tool) decodes what the store wrote,
    with nothing but the file's own bytes."""
    path = tmp_path / "events.sqlite3"
    store = EventStore(path).start()
    try:
        store.add(access(1, card="CARD0001"))
        store.add(access(2, card="CARD0002", user_name="李雷"))
        assert store.flush()
    finally:
        assert store.close()
    conn = sqlite3.connect(path)
    sizes, body, zdict = conn.execute(
        "SELECT sizes, body, zdict FROM event_bodies").fetchone()
    (tmp_path / "dict.bin").write_bytes(conn.execute(
        "SELECT data FROM body_dicts WHERE id = ?", (zdict,)).fetchone()[0])
    conn.close()
    (tmp_path / "block.zst").write_bytes(body)
    out = subprocess.run(["zstd", "-q", "-d", "-c", "-D", str(tmp_path / "dict.bin"),
                          str(tmp_path / "block.zst")], capture_output=True, check=True).stdout
    counts = struct.unpack(f"<{len(sizes) // 4}I", sizes)
    assert len(out) == sum(counts)
    first_payload = json.loads(out[:counts[0]])
    assert first_payload["card"] == "CARD0001"
    second = out[sum(counts[:2]):sum(counts[:3])]
    assert json.loads(second)["user_name"] == "李雷"


def test_a_damaged_block_shows_its_events_without_bodies_and_the_rest_whole(tmp_path, caplog):
    path = tmp_path / "events.sqlite3"
    store = EventStore(path).start()
    try:
        for i in range(1, 41):
            store.add(access(i, card=f"CARD{i:04d}"))
        assert store.flush()
    finally:
        assert store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    (last, first), = conn.execute("SELECT id, first FROM event_bodies WHERE first <= 20 "
                                  "AND id >= 20").fetchall()
    body = conn.execute("SELECT body FROM event_bodies WHERE id = ?", (last,)).fetchone()[0]
    conn.execute("UPDATE event_bodies SET body = ? WHERE id = ?",  # cut short, then garbage
                 (body[:9] + b"\x00\xff\x00\xff", last))
    conn.close()
    store = EventStore(path).start()
    try:
        got = store.query(limit=None, oldest_first=True)
        assert [e.card for e in got] == [f"CARD{i:04d}" for i in range(1, 41)]
        damaged = [e.id for e in got if e.payload == {"_missing_body": True}]
        assert damaged == list(range(first, last + 1))
        assert all(e.payload["card"] == e.card for e in got if e.id not in damaged)
        assert f"event bodies {first} to {last} cannot be read" in caplog.text
        assert caplog.text.count("cannot be read") == 1
    finally:
        assert store.close()
