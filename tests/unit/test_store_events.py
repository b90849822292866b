"""The event store: WAL, migrations, batching, dedupe, queries, retention, CSV export."""

from __future__ import annotations

import csv
import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.events import DeviceEvent
from app.domain.stored import AlarmAcknowledged, StoredEvents
from app.runtime import EventBus
from app.store import schema
from app.store.events import EventStore


def access(i: int, *, device: str = "lobby", granted: bool = True, key: str | None = "auto",
           time: str | None = None, **extra: object) -> DeviceEvent:
    payload = {
        "device": device, "code": "AccessControl", "action": "Pulse", "index": 0,
        "time": time or f"2030-01-01T10:{i // 60 % 60:02d}:{i % 60:02d}Z",
        "card": f"CARD{i:04d}", "user": str(i % 7), "user_name": "João Ñandú",
        "method": 1, "error_code": 0 if granted else 20, "granted": granted,
        "door": i % 2, "direction": "entry", "record_no": i,
        "dedupe_key": f"{device}:{i}" if key == "auto" else key,
        **extra,
    }
    return DeviceEvent(device, kind="reader", code="AccessControl", payload=payload,
                       raw=f"Code=AccessControl;action=Pulse;index=0;data={{\"RecNo\": {i}}}")


@pytest.fixture
def store(tmp_path):
    s = EventStore(tmp_path / "events.sqlite3").start()
    yield s
    assert s.close()


@pytest.fixture
def bus_store(tmp_path):
    bus = EventBus()
    batches: list[StoredEvents] = []
    bus.subscribe(batches.append, StoredEvents)
    s = EventStore(tmp_path / "events.sqlite3").start()
    s.attach(bus)
    yield bus, s, batches
    assert s.close()


def test_file_is_wal_with_normal_sync_and_latest_schema(store):
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()
    with store._read_lock:  # the store's own connections use synchronous=NORMAL (1)
        assert store._read.execute("PRAGMA synchronous").fetchone()[0] == 1


def test_default_path_is_in_the_data_dir(keydesk_home):
    s = EventStore()
    assert s.path == keydesk_home / "data" / "events.sqlite3"


def test_migrates_a_file_from_an_older_version_keeping_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO events (time, received, source, kind, code, severity, device, payload, "
        "raw) VALUES ('2030-01-01T00:00:00.000000+00:00', '2030-01-01T00:00:00.000000+00:00',"
        " 'lobby', 'reader', 'BreakIn', 'alarm', 'lobby', '{}', 'Code=BreakIn')"
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()

    s = EventStore(path).start()
    try:
        assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == (
            schema.SCHEMA_VERSION)
        [old] = s.query()
        assert (old.code, old.raw) == ("BreakIn", "Code=BreakIn")
        assert [a.id for a in s.unacknowledged_alarms()] == [old.id]
        assert s.acknowledge([old.id], by="night desk") == 1  # table added by step 2
        assert s.unacknowledged_alarms() == []
        assert s.acknowledgement(old.id)[1] == "night desk"
    finally:
        s.close()


def test_refuses_a_file_from_a_newer_version(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(schema.SchemaTooNew):
        EventStore(path).start()
    assert not [t for t in threading.enumerate() if t.name == "event-store-writer"]


def test_events_are_written_in_batches_and_announced_after_commit(bus_store):
    bus, s, batches = bus_store
    for i in range(500):
        bus.publish(access(i))
    assert s.flush(10)
    ids = [e.id for b in batches for e in b.events]
    assert len(ids) == 500 and ids == sorted(ids)
    assert len(batches) < 100  # many events per transaction, not one each
    # Everything announced is really on disk, seen through a separate connection.
    conn = sqlite3.connect(s.path)
    assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 500
    conn.close()
    first = batches[0].events[0]
    assert (first.device, first.card, first.granted, first.door) == ("lobby", "CARD0000", True, 0)
    assert first.payload["user_name"] == "João Ñandú"
    assert first.time == "2030-01-01T10:00:00.000000+00:00"


def test_duplicate_dedupe_keys_are_stored_and_announced_once(bus_store):
    bus, s, batches = bus_store
    bus.publish(access(1))
    assert s.has_key("lobby:1")  # known while still queued, so a back-fill skips it
    bus.publish(access(1))  # same record arriving twice in one batch
    assert s.flush(5)
    bus.publish(access(1))  # and again after it was committed (back-fill)
    bus.publish(access(2, key=None))
    bus.publish(access(2, key=None))  # no key: never deduplicated
    assert s.flush(5)
    assert s.count() == 3
    assert [e.card for b in batches for e in b.events] == ["CARD0001", "CARD0002", "CARD0002"]
    assert s.has_key("lobby:1") and not s.has_key("lobby:99")


def test_a_batch_first_written_as_new_meets_a_stored_key_and_is_written_once(bus_store):
    bus, s, batches = bus_store
    for i in range(20):
        bus.publish(access(i))
    assert s.flush(5)
    gate = threading.Event()
    held = s._writer.call(lambda _conn: gate.wait(10))  # the next events: one batch
    for i in range(15, 40):  # 15..19 are stored already (a back-fill overlapping)
        bus.publish(access(i))
    gate.set()
    assert held.result(10) and s.flush(5)
    assert not s._optimistic  # the refused attempt was made, and undone
    assert s.count() == 40
    announced = [e.card for b in batches for e in b.events]
    assert announced == [f"CARD{i:04d}" for i in range(40)]  # each once, in order
    ids = [e.id for b in batches for e in b.events]
    assert ids == sorted(ids) and len(set(ids)) == 40
    assert [e.card for e in s.query(text="CARD0030")] == ["CARD0030"]  # its terms too
    assert s.query(card="CARD0031")[0].payload["record_no"] == 31  # and its body
    for i in range(40, 45):  # after a batch with duplicates, new ones still go in
        bus.publish(access(i))
    assert s.flush(5) and s.count() == 45
    assert s._optimistic  # a batch looked up with none stored: optimistic again


def test_other_sources_are_stored_generically(store):
    store.add(DeviceEvent("encoder", kind="encoder", code="CardPlaced",
                          payload={"uid": "04A1B2C3", "atqa": [0, 4]}, raw="D5 4B 01"))
    store.add(DeviceEvent("cloud", kind="cloud", code="UnknownThing", payload={}, raw=""))
    assert store.flush(5)
    cloud, enc = store.query()
    assert (enc.kind, enc.code, enc.device, enc.raw) == ("encoder", "CardPlaced", "encoder",
                                                          "D5 4B 01")
    assert enc.payload == {"uid": "04A1B2C3", "atqa": [0, 4]}
    assert enc.door is None and enc.granted is None and enc.card is None
    assert cloud.time == cloud.received  # no payload time: the moment it was received


def test_query_filters_and_paging(store):
    for i in range(120):
        store.add(access(i, granted=i % 3 != 0))
    for i in range(30):
        store.add(access(i, device="garage"))
    store.add(DeviceEvent("garage", kind="reader", code="BreakIn", severity="alarm",
                          payload={"device": "garage", "door": 1, "time": "2030-01-02T00:00:00Z"},
                          raw="Code=BreakIn;action=Start;index=0"))
    assert store.flush(5)
    assert store.count() == 151
    assert store.count(device="garage") == 31
    assert store.count(device="lobby", door=1) == 60
    assert store.count(card="CARD0007") == 2
    assert store.count(user="3", device="lobby") == len([i for i in range(120) if i % 7 == 3])
    assert store.count(granted=False) == 40
    assert store.count(severity="alarm") == store.count(code="BreakIn") == 1
    assert store.count(kind="encoder") == 0
    assert store.count(text="breakin") == 1  # case-insensitive over raw/payload
    assert store.count(text="100%") == 0  # LIKE wildcards are escaped
    assert store.count(since="2030-01-01T10:01:00Z", until="2030-01-01T10:01:30Z") == 30
    assert store.count(since=datetime(2030, 1, 2, tzinfo=UTC)) == 1

    seen: list[int] = []
    before = None
    while page := store.query(before_id=before, limit=40):
        ids = [e.id for e in page]
        assert ids == sorted(ids, reverse=True)  # newest first
        seen.extend(ids)
        before = ids[-1]
    assert sorted(seen) == list(range(1, 152))
    assert [e.id for e in store.query(limit=3, oldest_first=True)] == [1, 2, 3]


def test_latest_time_per_device(store):
    assert store.latest_time("lobby") is None
    store.add(access(5))
    store.add(access(59))
    store.add(access(70, device="garage"))
    assert store.flush(5)
    assert store.latest_time("lobby") == datetime(2030, 1, 1, 10, 0, 59, tzinfo=UTC)
    assert store.latest_time("lobby", kind="encoder") is None
    # A back-filled record is newer in id, older in time: the newest time still wins.
    store.add(access(7, device="lobby", time="2030-01-01T09:00:00Z"))
    assert store.flush(5)
    assert store.latest_time("lobby") == datetime(2030, 1, 1, 10, 0, 59, tzinfo=UTC)
    assert store.latest_time("garage") == datetime(2030, 1, 1, 10, 1, 10, tzinfo=UTC)


def test_a_quiet_readers_latest_time_comes_from_its_own_newest_events(store, monkeypatch):
    monkeypatch.setattr(store, "LATEST_WALK", 10)  # the newest 10 rows by time are walked
    monkeypatch.setattr(store, "LATEST_QUIET", 3)  # a quiet reader: its newest 3 events
    store.add(access(1, device="pool"))
    store.add(access(2, device="pool"))
    for i in range(3, 40):  # the lobby's traffic since: the pool's is far below the top
        store.add(access(i))
    assert store.flush(5)
    assert store.latest_time("pool") == datetime(2030, 1, 1, 10, 0, 2, tzinfo=UTC)
    assert store.latest_time("lobby") == datetime(2030, 1, 1, 10, 0, 39, tzinfo=UTC)
    assert store.latest_time("pool", kind="encoder") is None
    # Its clock set back since: its newest events are older than one it sent before. The
    # answer is one of them, earlier than the newest stored: the back-fill asks for more.
    for i in range(3):
        store.add(access(40 + i, device="pool", time=f"2030-01-01T09:00:0{i}Z"))
    assert store.flush(5)
    assert store.latest_time("pool") == datetime(2030, 1, 1, 9, 0, 2, tzinfo=UTC)


def test_a_reader_filter_answers_through_the_terms_and_the_rows_agree(store):
    for i in range(60):
        store.add(access(i, device=("lobby", "garage", "Recepção")[i % 3],
                         granted=i % 4 != 0))
    assert store.flush(5)
    every = store.query(limit=None)
    for device in ("lobby", "garage", "Recepção"):
        assert [e.id for e in store.query(device=device, limit=None)] == [
            e.id for e in every if e.device == device]
        assert [e.id for e in store.query(device=device, granted=False, limit=5)] == [
            e.id for e in every if e.device == device and e.granted is False][:5]
    assert store.query(device="nowhere") == []
    assert store.latest_time("nowhere") is None


def test_retention_deletes_only_old_events(store):
    now = datetime.now(UTC)
    store.add(access(1, time=(now - timedelta(days=40)).isoformat()))
    store.add(access(2, time=(now - timedelta(days=10)).isoformat()))
    store.add(access(3, time=now.isoformat(), severity_note="fresh"))
    store.add(access(4, device="garage", time=(now - timedelta(days=50)).isoformat()))
    assert store.flush(5)
    old_id = store.query(card="CARD0001")[0].id
    store.acknowledge([old_id])
    assert store.apply_retention(0) == 0  # 0 keeps everything
    assert store.latest_time("garage") is not None
    assert store.apply_retention(30) == 2
    assert store.latest_time("garage") is None and store.query(device="garage") == []
    assert sorted(e.card for e in store.query()) == ["CARD0002", "CARD0003"]
    assert store.acknowledgement(old_id) is None  # its acknowledgement went with it
    assert store.apply_retention(5) == 1


def test_acknowledging_publishes_and_is_recorded(bus_store):
    bus, s, _ = bus_store
    acks: list[AlarmAcknowledged] = []
    bus.subscribe(acks.append, AlarmAcknowledged)
    s.add(DeviceEvent("lobby", kind="reader", code="Duress", severity="alarm",
                      payload={"device": "lobby"}))
    assert s.flush(5)
    [alarm] = s.unacknowledged_alarms()
    assert s.acknowledge([alarm.id], by="maria", note="called security") == 1
    assert s.acknowledge([alarm.id]) == 0  # the first acknowledgement stays
    assert acks[0].event_ids == (alarm.id,) and acks[0].by == "maria"
    at, by, note = s.acknowledgement(alarm.id)
    assert (by, note) == ("maria", "called security") and at.startswith("20")


def test_csv_export_with_filters(store, tmp_path):
    for i in range(10):
        store.add(access(i, granted=i < 4))
    assert store.flush(5)
    out = tmp_path / "export.csv"
    assert store.export_csv(out, granted=True) == 4
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["card"] for r in rows] == ["CARD0000", "CARD0001", "CARD0002", "CARD0003"]
    assert "João Ñandú" in rows[0]["payload"]
    assert rows[0]["raw"].startswith("Code=AccessControl")
    assert store.export_csv(tmp_path / "all.csv") == 10


def test_close_writes_what_is_queued_and_joins_the_writer(tmp_path):
    s = EventStore(tmp_path / "e.sqlite3").start()
    for i in range(300):
        s.add(access(i))
    assert s.close()
    assert not [t for t in threading.enumerate() if t.name == "event-store-writer"]
    s.add(access(999))  # after close: refused with a log line, not an exception
    again = EventStore(tmp_path / "e.sqlite3").start()
    try:
        assert again.count() == 300
    finally:
        again.close()


def test_concurrent_producers_lose_nothing(bus_store):
    bus, s, batches = bus_store

    def produce(dev: str) -> None:
        for i in range(400):
            bus.publish(access(i, device=dev))

    threads = [threading.Thread(target=produce, args=(f"r{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert s.flush(10)
    assert s.count() == 1600
    assert sum(len(b.events) for b in batches) == 1600


def test_insert_rows_writes_what_executemany_would_at_every_length():
    from app.store.events import _ROWS_PER_STATEMENT, _insert_rows

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c BLOB)")
    for n in (0, 1, _ROWS_PER_STATEMENT - 1, _ROWS_PER_STATEMENT,
              2 * _ROWS_PER_STATEMENT + 5):
        conn.execute("DELETE FROM t")
        rows = [(i, f"row {i}", bytes([i % 256])) for i in range(n)]
        _insert_rows(conn, "INSERT INTO t (a, b, c) VALUES (?, ?, ?)", rows)
        assert conn.execute("SELECT a, b, c FROM t ORDER BY a").fetchall() == rows


def test_values_that_may_be_null_are_kept_exactly_beside_their_stand_ins(store):
    # None is bound as a NaN, which SQLite keeps as NULL (events._NULL): every mix of
    # present and missing values comes back, and the file holds NULL, never a number.
    doors = [None, 0, -1, 1, 7]
    for i in range(3 * 64 + 9):  # wide statements and the rest one by one
        payload: dict[str, object] = {"device": "lobby", "time": f"2030-01-01T00:00:{i % 60:02d}Z"}
        if i % 2:
            payload["card"] = f"C{i}"
        if i % 3:
            payload["user"] = str(i)
        if i % 5:
            payload["granted"] = bool(i % 4)
        if i % 7:
            payload["dedupe_key"] = f"k{i}"
        if i % 11:
            payload["user_name"] = f"Name {i % 4}"
        payload["door"] = doors[i % len(doors)]
        store.add(DeviceEvent("lobby", kind="reader", code="DoorStatus", payload=payload,
                              raw=f"r{i}"))
    assert store.flush(5)
    rows = {e.raw: e for e in store.query(limit=1000)}
    assert len(rows) == 3 * 64 + 9
    for i in range(3 * 64 + 9):
        e = rows[f"r{i}"]
        assert e.card == (f"C{i}" if i % 2 else None)
        assert e.user == (str(i) if i % 3 else None)
        assert e.granted == (bool(i % 4) if i % 5 else None)
        assert e.dedupe_key == (f"k{i}" if i % 7 else None)
        assert e.door == doors[i % len(doors)]
    with sqlite3.connect(store.path) as conn:  # NULL in the file, not a stand-in
        kinds = conn.execute("SELECT DISTINCT typeof(door), typeof(user), typeof(card), "
                             "typeof(granted), typeof(dedupe_key), typeof(name_id) "
                             "FROM events").fetchall()
        assert {k for row in kinds for k in row} == {"null", "integer", "text"}
        assert conn.execute("SELECT count(*) FROM events WHERE name_id IS NULL"
                            ).fetchone()[0] == len([i for i in range(201) if not i % 11])


def test_one_batch_of_many_events_keeps_every_row_its_text_and_its_body(store):
    # Hold the writer so that every event below lands in one batch (wide statements
    # and a remainder written one by one).
    gate = threading.Event()
    held = store._writer.call(lambda _conn: gate.wait(10))
    for i in range(197):
        store.add(access(i, device=("lobby", "garage")[i % 2]))
    gate.set()
    assert held.result(10)
    assert store.flush(10)
    every = store.query(limit=None, oldest_first=True)
    assert [e.card for e in every] == [f"CARD{i:04d}" for i in range(197)]
    assert [e.payload["record_no"] for e in every] == list(range(197))
    assert all(f'"RecNo": {i}' in e.raw for i, e in enumerate(every))
    assert [e.id for e in every] == list(range(every[0].id, every[0].id + 197))
    assert [e.card for e in store.query(text="card0130 garage")] == []  # 130 is the lobby's
    assert [e.card for e in store.query(text="card0131 garage")] == ["CARD0131"]


def test_a_door_number_no_integer_column_holds_is_null_and_kept_in_the_payload(store):
    for i, door in enumerate([10 ** 30, -(2 ** 63) - 1, 2 ** 63 - 1, float("inf"), "7"]):
        store.add(access(i, door=door))
    assert store.flush(5)
    rows = store.query(oldest_first=True)
    assert [e.door for e in rows] == [None, None, 2 ** 63 - 1, None, 7]
    assert rows[0].payload["door"] == 10 ** 30  # nothing of the event is lost


def test_a_row_that_fails_alone_costs_only_itself_and_the_batch_terms_stay_right(store):
    """A batch that fails for another reason than a duplicate is undone (its new terms
    too) and written row by row: the rest are stored once, with their text and body."""
    from app.store.rows import to_pending

    gate = threading.Event()
    held = store._writer.call(lambda _conn: gate.wait(10))  # the next rows: one batch
    bad = to_pending(access(3))
    bad = bad._replace(values=(*bad.values[:7], object(), *bad.values[8:]))  # unbindable
    store._pending_keys[bad.dedupe_key] = 1  # queued to be stored, as add() says it
    for i in range(6):
        store._writer.put(bad if i == 3 else to_pending(access(i, device=f"new-{i}")))
    gate.set()
    assert held.result(10) and store.flush(5)
    assert [e.card for e in store.query(oldest_first=True)] == [
        "CARD0000", "CARD0001", "CARD0002", "CARD0004", "CARD0005"]
    for i in (0, 1, 2, 4, 5):  # the terms the failed attempt made were made again
        assert [e.card for e in store.query(text=f"new-{i}")] == [f"CARD{i:04d}"]
        assert [e.card for e in store.query(device=f"new-{i}")] == [f"CARD{i:04d}"]
    assert store.query(text="new-3") == []
    # The refused one is kept apart, whole, with why: never silently dropped.
    import json
    kept = [json.loads(line) for line in store.refused_path.read_text().splitlines()]
    assert len(kept) == 1 and "Error" in kept[0]["error"]
    assert kept[0]["values"][9] == "CARD0003" and kept[0]["raw"].startswith("Code=Access")
    assert json.loads(kept[0]["payload"])["record_no"] == 3
    assert not store.has_key(bad.dedupe_key)  # no longer "queued to be stored"
    health = store.health()  # and the desk is told, with where it is
    assert health.refused == 1 and health.refused_in == str(store.refused_path)
    assert not health.ok and health.writing
    from app.store import messages
    said = messages.health_lines(health, "en")
    assert said == [messages.text("refused", "en", refused=1, where=store.refused_path)]
    assert store.query(card="CARD0004")[0].payload["record_no"] == 4  # and its body
    store.add(access(9, device="new-9"))  # the next batch goes in whole
    assert store.flush(5) and [e.card for e in store.query(text="new-9")] == ["CARD0009"]
