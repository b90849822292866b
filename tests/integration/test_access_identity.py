"""No genuine event is deduplicated away: keys name the device (its serial number, read
from it), not the reader's display name, and survive record numbers starting again.

Simulated readers over real sockets, the real stream and the real store.
"""

from __future__ import annotations

import time

import pytest

from app.access.client import ReaderHttp
from app.access.sim import ReaderSimulator
from app.access.stream import Backoff, ReaderStream
from app.domain.events import DeviceEvent
from app.runtime import EventBus
from app.store.events import EventStore

PW = "identity-pw"


def wait_until(predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


@pytest.fixture
def desk(runtime, tmp_path):
    """A bus with a store on it, and a way to stream a simulator into it."""
    bus = EventBus()
    store = EventStore(tmp_path / "events.sqlite3").start()
    store.attach(bus)
    running: list[tuple[object, ReaderHttp]] = []

    def stream(sim: ReaderSimulator, name: str = "Lobby", **kw) -> ReaderStream:
        http = ReaderHttp(sim.url, "admin", PW)
        s = ReaderStream(name, http, bus.publish, heartbeat=1, backoff=Backoff(0.05, 0.2),
                         check_clock=False, **kw)
        running.append((runtime.loop.submit(s.run()), http))
        wait_until(lambda: s.status.online)
        return s

    def stop() -> None:
        for future, http in running:
            future.cancel()
            runtime.loop.run(http.aclose(), timeout=5)
        running.clear()

    yield store, stream, stop
    stop()
    assert store.close()


def accesses(store: EventStore) -> int:
    store.flush()
    return store.count(code="AccessControl")


def sim(name="Lobby", **kw) -> ReaderSimulator:
    return ReaderSimulator(name, password=PW, traffic=False, seed=5, **kw).start()


def test_two_readers_with_one_name_keep_every_event(desk):
    store, stream, _stop = desk
    a, b = sim(serial="SERIAL-A"), sim(serial="SERIAL-B")
    try:
        sa, sb = stream(a), stream(b)
        assert (sa.device_id, sb.device_id) == ("sn:SERIAL-A", "sn:SERIAL-B")
        for _ in range(5):  # both number their records 1..5
            a.access("12EA3004", door=0)
            b.access("5B7C9D01", door=0)
        wait_until(lambda: accesses(store) == 10)
        rows = store.query(code="AccessControl", limit=None)
        assert {r.payload["record_no"] for r in rows} == {1, 2, 3, 4, 5}
        assert {r.payload["device_id"] for r in rows} == {"sn:SERIAL-A", "sn:SERIAL-B"}
        assert store.device_ids("Lobby") == ["sn:SERIAL-A", "sn:SERIAL-B"]
    finally:
        a.stop()
        b.stop()


def test_a_reader_replaced_under_the_same_name_keeps_every_event(desk):
    store, stream, stop = desk
    old = sim(serial="OLD-1")
    try:
        stream(old)
        for _ in range(3):
            old.access("12EA3004")
        wait_until(lambda: accesses(store) == 3)
    finally:
        stop()
        old.stop()
    new = sim(serial="NEW-2")  # same name, its records numbered from 1 again
    try:
        stream(new)
        for _ in range(3):
            new.access("12EA3004")
        wait_until(lambda: accesses(store) == 6)
    finally:
        new.stop()


def test_a_reset_reader_whose_record_numbers_restart_keeps_every_event(desk):
    store, stream, _stop = desk
    reader = sim(serial="RESET-1")
    try:
        s = stream(reader)
        for _ in range(4):
            reader.access("12EA3004")
        wait_until(lambda: accesses(store) == 4)
        reader.reset_log(clock_jump=30)  # factory reset: numbering starts at 1 again
        for _ in range(4):
            reader.access("5B7C9D01")
        wait_until(lambda: accesses(store) == 8)
        assert s.status.record_restarts == 1
        assert [r["RecNo"] for r in reader.records()] == [1, 2, 3, 4]
    finally:
        reader.stop()


def test_keys_stored_before_identities_are_adopted_so_a_backfill_adds_nothing(desk):
    store, stream, _stop = desk
    reader = sim(serial="UPGRADE-1")
    try:
        for _ in range(4):
            reader.access("12EA3004")
        # What an older KeyDesk stored for these records: keys by display name.
        for rec in reader.records():
            data = dict(rec, UTC=rec["CreateTime"])
            store.add(DeviceEvent("Lobby", kind="reader", code="AccessControl", payload={
                "device": "Lobby", "time": "2030-01-01T00:00:00Z", "data": data,
                "record_no": rec["RecNo"], "dedupe_key": f"Lobby:rec:{rec['RecNo']}"}))
        assert accesses(store) == 4
        first = reader.records()[0]["CreateTime"]
        s = stream(reader, since=first - 5)  # the back-fill fetches all four again
        wait_until(lambda: s.status.backfilled == 4)
        assert accesses(store) == 4  # adopted: the same records, not stored twice
        assert store.has_key(f"sn:UPGRADE-1#rec:1@{first}")
        reader.access("12EA3004")
        wait_until(lambda: accesses(store) == 5)
    finally:
        reader.stop()
