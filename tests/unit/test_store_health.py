"""A store that cannot write says so, keeps events in memory (bounded), retries, and
counts what it lost; a damaged file is set aside untouched and a fresh one continues.

Failures are SQLite's own: ``PRAGMA max_page_count`` on the writer's connection makes
every insert fail with SQLITE_FULL ("database or disk is full"), exactly as a full disk
does; damage is real bytes overwritten in the middle of the file.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import threading
import time

from app.domain.stored import StoredEvents, StoreHealth
from app.runtime import EventBus
from app.store import integrity
from app.store.events import EventStore
from tests.unit.test_store_events import access


def wait_until(predicate, timeout=10.0):
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def limit_pages(store: EventStore, extra: int = 0) -> None:
    """From now on the file may not grow (``extra`` pages more at most)."""

    def cap(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + extra}")

    store._writer.call(cap).result(5)


def unlimit_pages(store: EventStore) -> None:
    store._writer.call(lambda c: c.execute("PRAGMA max_page_count = 1073741823")).result(5)


def big(i: int):
    # Random text does not compress: a few pages per batch, so the cap bites at once.
    return access(i, note=random.Random(i).randbytes(1500).hex())


class Watch:
    def __init__(self, bus: EventBus) -> None:
        self.health: list[StoreHealth] = []
        self.stored = 0
        self._lock = threading.Lock()
        bus.subscribe(self._on, StoreHealth, StoredEvents)

    def _on(self, event: object) -> None:
        with self._lock:
            if isinstance(event, StoreHealth):
                self.health.append(event)
            elif isinstance(event, StoredEvents):
                self.stored += len(event.events)

    @property
    def last(self) -> StoreHealth:
        with self._lock:
            return self.health[-1]


def test_a_full_disk_is_reported_events_held_and_written_once_space_returns(tmp_path):
    bus = EventBus()
    watch = Watch(bus)
    store = EventStore(tmp_path / "events.sqlite3").start()
    store.attach(bus)
    try:
        assert watch.last.writing and watch.last.ok  # published at attach
        for i in range(10):
            store.add(big(i))
        assert store.flush()
        limit_pages(store)
        for i in range(10, 60):
            store.add(big(i))
        assert not store.flush()  # not committed: flush says so, not "done"
        wait_until(lambda: not watch.last.writing and watch.last.pending == 50)
        failing = watch.last
        assert "full" in failing.error and failing.since and failing.lost == 0
        assert store.count() == 10 and watch.stored == 10
        assert not store.health().writing  # the same state, read without the bus
        assert store.has_key("lobby:55")  # held: not lost, so not to be fetched again

        unlimit_pages(store)
        assert store.flush()  # a flush retries at once
        assert store.count() == 60 and watch.stored == 60
        assert watch.last.writing and watch.last.pending == 0 and watch.last.lost == 0
        ids = [e.id for e in store.query(limit=None, oldest_first=True)]
        cards = [e.card for e in store.query(limit=None, oldest_first=True)]
        assert ids == sorted(ids) and cards == [f"CARD{i:04d}" for i in range(60)]
    finally:
        assert store.close()


def test_past_the_memory_bound_events_are_counted_as_lost(tmp_path):
    bus = EventBus()
    watch = Watch(bus)
    store = EventStore(tmp_path / "events.sqlite3")
    store._writer.MAX_HELD_BYTES = 20 * 3500  # room for about 20 events
    store.start()
    store.attach(bus)
    try:
        store.add(big(0))
        assert store.flush()
        limit_pages(store)
        for i in range(1, 51):
            store.add(big(i))
        wait_until(lambda: watch.last.pending + watch.last.lost == 50)
        held, lost = watch.last.pending, watch.last.lost
        assert 15 <= held <= 20 and lost == 50 - held
        assert not store.has_key("lobby:50")  # lost: nothing claims it is coming

        unlimit_pages(store)
        assert store.flush()
        assert store.count() == 1 + held
        assert watch.last.writing and watch.last.pending == 0
        assert watch.last.lost == lost  # still told: lost events are not forgotten
        assert not watch.last.ok
    finally:
        assert store.close()


def test_events_still_held_at_close_are_counted_lost_not_silently_dropped(tmp_path):
    bus = EventBus()
    watch = Watch(bus)
    store = EventStore(tmp_path / "events.sqlite3").start()
    store.attach(bus)
    store.add(big(0))
    assert store.flush()
    limit_pages(store)
    for i in range(1, 6):
        store.add(big(i))
    wait_until(lambda: watch.last.pending == 5)
    assert store.close()
    assert watch.last.lost == 5 and watch.last.pending == 0


def damage_middle(path) -> bytes:
    """Overwrite pages in the middle of the file with garbage; returns the new bytes."""
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    assert pages > 10
    for n in range(pages // 2 - 2, pages // 2 + 2):
        data[n * page:(n + 1) * page] = bytes((n * 37 + k) % 251 for k in range(page))
    path.write_bytes(bytes(data))
    return bytes(data)


def fill(path, count=3000) -> None:
    store = EventStore(path).start()
    for i in range(count):
        store.add(access(i, note="y" * 200))
    assert store.flush(20)
    assert store.close()


def test_a_damaged_file_is_kept_untouched_and_a_fresh_one_continues(tmp_path):
    path = tmp_path / "events.sqlite3"
    fill(path)
    damaged = damage_middle(path)
    assert not integrity.check(path).sound  # what the quick check at open sees

    bus = EventBus()
    watch = Watch(bus)
    store = EventStore(path).start()
    store.attach(bus)
    try:
        aside = store.damaged_file
        assert aside is not None and aside.parent == path.parent and aside != path
        assert hashlib.sha256(aside.read_bytes()).digest() == hashlib.sha256(damaged).digest()
        assert watch.last.damaged_file == str(aside) and not watch.last.ok
        store.add(access(1))
        assert store.flush()
        assert store.count() == 1  # paging and queries work on the fresh file
        assert [e.card for e in store.query()] == ["CARD0001"]
    finally:
        assert store.close()
    # The next start finds a sound file: nothing more is set aside.
    again = EventStore(path).start()
    try:
        assert again.damaged_file is None and again.count() == 1
    finally:
        assert again.close()


def test_a_full_check_finds_damage_and_the_next_start_sets_the_file_aside(tmp_path):
    path = tmp_path / "events.sqlite3"
    fill(path, 2000)
    store = EventStore(path).start()
    try:
        assert store.check().sound
        damage_middle(path)  # under the running store, as a failing disk would
        result = store.check()
        assert result.problems and not result.sound
    finally:
        assert store.close()
    reopened = EventStore(path).start()
    try:
        assert reopened.damaged_file is not None and reopened.count() == 0
        assert not integrity.marker(path).exists()
    finally:
        assert reopened.close()


def test_keydesk_store_check_says_sound_or_damaged_and_marks_it(tmp_path, capsys):
    import json

    from app.cli.main import main

    path = tmp_path / "events.sqlite3"
    fill(path, 2000)
    assert main(["store", "check", "--path", str(path), "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["ok"] is True and "is sound" in line["message"]
    before = damage_middle(path)
    assert main(["store", "check", "--path", str(path), "--lang", "pt-BR"]) == 1
    out = capsys.readouterr().out
    assert "está danificado" in out and "Traceback" not in out
    assert path.read_bytes() == before  # checked, never modified
    assert integrity.marker(path).exists()  # the next start sets it aside
