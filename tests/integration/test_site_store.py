"""The shared site store on a real PostgreSQL: several desks, one trail, the server away.

Each desk is a full site store of its own (its threads, connections and outbox file), as
on two PCs; the server is stopped and started again under them (tests/pg_server.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged
from app.domain.stored import (
    AlarmAcknowledged,
    KeptEvent,
    KeptEvents,
    KeptEventsSent,
    StoredEvent,
    StoredEvents,
    StoreHealth,
)
from app.runtime.bus import EventBus
from app.store import messages
from app.store.backend import SiteBackends, open_site
from app.store.postgres import schema
from app.store.postgres.outbox import Outbox
from app.store.rows import to_pending
from tests.pg_server import PgServer

KEY = bytes(range(32))


class Watched:
    """A desk and what its bus was told."""

    def __init__(self, backends: SiteBackends) -> None:
        self.b = backends
        self.bus = EventBus()
        self.cond = threading.Condition()
        self.stored: list[StoredEvent] = []
        self.health: list[StoreHealth] = []
        self.states: list[DeviceStateChanged] = []
        self.kept: list[KeptEvent] = []
        self.sent: list[str] = []
        self.bus.subscribe(self._told, StoredEvents, StoreHealth, DeviceStateChanged,
                           KeptEvents, KeptEventsSent)
        backends.events.attach(self.bus)

    def _told(self, event: Any) -> None:
        with self.cond:
            if isinstance(event, StoredEvents):
                self.stored.extend(event.events)
            elif isinstance(event, StoreHealth):
                self.health.append(event)
            elif isinstance(event, KeptEvents):
                self.kept.extend(event.events)
            elif isinstance(event, KeptEventsSent):
                self.sent.extend(event.origins)
            else:
                self.states.append(event)
            self.cond.notify_all()

    def wait(self, predicate: Any, timeout: float = 15.0, what: str = "") -> None:
        with self.cond:
            assert self.cond.wait_for(predicate, timeout), what or "condition not met"

    def connected(self) -> Watched:
        """Wait until the desk reached the server: it announces what is written from now."""
        self.wait(lambda: any(s.state == ConnectionState.CONNECTED for s in self.states),
                  what="connected")
        return self

    def records(self) -> list[int]:
        return sorted(e.payload["n"] for e in self.stored if e.kind == "reader")


@pytest.fixture
def desks(pg_url: str, tmp_path: Path) -> Iterator[Any]:
    made: list[Watched] = []

    def make(name: str, url: str = pg_url) -> Watched:
        desk = Watched(open_site(url, None, data_dir=tmp_path / name, key=KEY, desk=name))
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.b.events.close(5)
        desk.b.audit.close()


def access(n: int, key: bool = True) -> DeviceEvent:
    payload: dict[str, Any] = {"device": "Lobby", "card": f"C{n:05d}", "granted": True, "n": n}
    if key:
        payload["dedupe_key"] = f"sn:9#rec:{n}@0"
    return DeviceEvent("Lobby", kind="reader", code="AccessControl", payload=payload)


def rows(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchall()


def test_desks_see_each_others_events_live_and_a_record_is_kept_once(desks: Any,
                                                                      pg_url: str) -> None:
    a, b = desks("front").connected(), desks("back").connected()
    for n in range(1, 41):  # both desks watch the same reader: every record comes twice
        a.b.events.add(access(n))
        b.b.events.add(access(n))
    assert a.b.events.flush(10) and b.b.events.flush(10)
    for desk in (a, b):
        desk.wait(lambda d=desk: len(d.records()) >= 40, what="all 40 announced")
        assert desk.records() == list(range(1, 41))  # each once, whoever wrote it
    assert rows(pg_url, "SELECT COUNT(*), COUNT(DISTINCT dedupe_key) FROM events") == [(40, 40)]
    ids = [e.id for e in a.stored]
    assert ids == sorted(ids)  # announced in id order, the other desk's rows among them
    a.b.events.add(access(99, key=False))
    b.wait(lambda: 99 in b.records(), what="b sees a's new event")
    assert b.b.events.query(card="C00099")[0].payload["n"] == 99


class Acks:
    """The alarm acknowledgements a desk's bus was told."""

    def __init__(self, desk: Watched) -> None:
        self.told: list[AlarmAcknowledged] = []
        self.cond = threading.Condition()
        desk.bus.subscribe(self._told, AlarmAcknowledged)

    def _told(self, event: AlarmAcknowledged) -> None:
        with self.cond:
            self.told.append(event)
            self.cond.notify_all()

    def ids(self) -> set[int]:
        return {i for event in self.told for i in event.event_ids}

    def wait_for(self, event_id: int, what: str) -> None:
        with self.cond:
            assert self.cond.wait_for(lambda: event_id in self.ids(), 15), what


def break_in(n: int) -> DeviceEvent:
    return DeviceEvent("Lobby", kind="reader", code="BreakIn", severity="alarm",
                       payload={"device": "Lobby", "n": n, "door": 0})


def stored_alarm(desk: Watched, n: int) -> int:
    desk.wait(lambda: any(e.payload.get("n") == n and e.code == "BreakIn"
                          for e in desk.stored), what=f"alarm {n} announced")
    return next(e.id for e in desk.stored if e.payload.get("n") == n and e.code == "BreakIn")


def test_an_alarm_acknowledged_at_one_desk_leaves_every_desks_banner(desks: Any,
                                                                     pg_url: str) -> None:
    a, b = desks("front").connected(), desks("back").connected()
    told_a, told_b = Acks(a), Acks(b)
    a.b.events.add(break_in(1))
    assert a.b.events.flush(10)
    alarm = stored_alarm(b, 1)
    assert [e.id for e in b.b.events.unacknowledged_alarms()] == [alarm]
    assert a.b.events.acknowledge([alarm], by="ana", note="door checked: wind") == 1
    told_b.wait_for(alarm, "the other desk was told")
    event = told_b.told[0]
    assert (event.event_ids, event.by, event.note) == ((alarm,), "ana", "door checked: wind")
    assert b.b.events.unacknowledged_alarms() == []
    # The desk that acknowledged announced it once, when it committed: not again when its
    # own notice came back (the other desk's next notice is the marker that it would have).
    b.b.events.add(break_in(2))
    assert b.b.events.flush(10)
    second = stored_alarm(a, 2)
    assert b.b.events.acknowledge([second], by="bruno") == 1
    told_a.wait_for(second, "the first desk was told of the second alarm")
    assert [e.event_ids for e in told_a.told] == [(alarm,), (second,)]
    assert [e.event_ids for e in told_b.told] == [(alarm,), (second,)]


def test_acknowledgements_made_while_a_desk_was_away_reach_its_banner(desks: Any,
                                                                      pg_url: str) -> None:
    a, b = desks("front").connected(), desks("back").connected()
    told_b = Acks(b)
    a.b.events.add(break_in(3))
    assert a.b.events.flush(10)
    alarm = stored_alarm(b, 3)
    # Acknowledged where no notice reaches this desk (as while its listener was away)...
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO alarm_acks (event_id, acked_at, acked_by, note) VALUES "
                     "(%s, '2030-01-01T00:00:00+00:00', 'night porter', '')", (alarm,))
        assert told_b.told == []
        # ... then every connection of the desks is cut: they come back, and read it.
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE pid <> pg_backend_pid() AND datname = current_database()")
    told_b.wait_for(alarm, "read back after reconnecting")
    assert told_b.told[-1].by == "night porter"


def test_one_audit_chain_for_the_site_whoever_appends(desks: Any, pg_url: str) -> None:
    a, b = desks("front"), desks("back")

    def record(desk: Watched, who: str) -> None:
        for i in range(15):
            desk.b.audit.record("desk.test", who=who, target=str(i))

    threads = [threading.Thread(target=record, args=(d, w)) for d, w in ((a, "ana"), (b, "bo"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [r[0] for r in rows(pg_url, "SELECT id FROM audit ORDER BY id")] == \
        list(range(1, 31))
    for desk in (a, b):
        verdict = desk.b.audit.verify()
        assert verdict.ok and verdict.checked == 30
        assert set(desk.b.audit.distinct("who")) == {"ana", "bo"}
    assert rows(pg_url, "SELECT DISTINCT desk FROM audit ORDER BY 1") == [("back",), ("front",)]


def test_server_away_the_desk_keeps_everything_and_sends_it_once_when_back(
        desks: Any, pg_url: str, pg_server: PgServer) -> None:
    a, b = desks("front").connected(), desks("back").connected()
    a.b.events.add(access(1))
    assert a.b.events.flush(10)
    a.b.audit.record("desk.before", who="ana")
    pg_server.stop()
    try:
        for n in range(2, 52):
            a.b.events.add(access(n))
            b.b.events.add(access(n))  # the same records, seen by both desks
        assert a.b.audit.record("desk.away", who="ana") == 0  # kept here, no number yet
        assert [(e.id, e.what, e.who) for e in a.b.audit.kept()] == [(0, "desk.away", "ana")]
        assert not a.b.events.flush(1)  # not in the site store yet: it says so
        a.wait(lambda: a.b.events.health().queued == 51, what="queued on the desk")
        health = a.b.events.health()
        assert health.away and health.away_since and health.writing
        assert a.states[-1].state == ConnectionState.DISCONNECTED
        said = messages.health_lines(health, "en")[-1]
        assert "cannot be reached" in said and "51 events and audit rows" in said
        assert "password" not in said.lower() and "desk-test-password" not in said
        assert a.b.events.query() == []  # answers at once, without waiting for the server
    finally:
        pg_server.start()
    assert a.b.events.flush(15) and b.b.events.flush(15)
    a.wait(lambda: a.b.events.health().queued == 0 and not a.b.events.health().away)
    assert a.states[-1].state == ConnectionState.CONNECTED
    assert rows(pg_url, "SELECT COUNT(*), COUNT(DISTINCT dedupe_key) FROM events") == [(51, 51)]
    for desk in (a, b):
        desk.wait(lambda d=desk: len(d.records()) >= 51, what="every event announced")
        assert desk.records() == list(range(1, 52))
    assert [e.what for e in b.b.audit.query()] == ["desk.away", "desk.before"]
    assert a.b.audit.kept() == []  # sent: the site's trail has it now
    assert a.b.audit.verify().ok


def test_events_kept_while_away_are_told_and_told_again_when_the_server_takes_them(
        desks: Any, pg_url: str, pg_server: PgServer) -> None:
    a = desks("front").connected()
    pg_server.stop()
    try:
        for n in range(1, 11):
            a.b.events.add(access(n))
        a.wait(lambda: len(a.kept) == 10, what="kept events told")
        assert [k.event.payload["n"] for k in a.kept] == list(range(1, 11))
        assert {k.event.id for k in a.kept} == {0}  # no id before the site store has it
        assert a.kept[0].event.card == "C00001" and a.kept[0].event.device == "Lobby"
        assert len({k.origin for k in a.kept}) == 10
        # What the Monitor reads when it opens meanwhile: the same events, from the file.
        assert [(k.origin, k.event.payload["n"]) for k in a.b.events.kept()] == [
            (k.origin, k.event.payload["n"]) for k in a.kept]
        assert a.sent == [] and a.stored == []
    finally:
        pg_server.start()
    a.wait(lambda: len(a.sent) == 10, what="sent events told")
    assert a.sent == [k.origin for k in a.kept]
    a.wait(lambda: len(a.records()) == 10, what="their stored rows announced")
    assert a.records() == list(range(1, 11)) and all(e.id > 0 for e in a.stored)
    assert a.b.events.kept() == []


def test_an_event_the_server_refuses_is_kept_apart_and_holds_up_nothing(
        desks: Any, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not for being away (a bug, ours or the server's): the rest go in, and the refused
    one stays in the desk's outbox file, apart, with the server's answer."""
    from app.store.postgres import writes

    real = writes.insert_events

    def picky(conn: Any, desk: str, items: list[Any]) -> dict[str, int]:
        if any(item.values[9] in ("C00003", "C00007") for _origin, item in items):
            raise ValueError("refused by a bug")
        return real(conn, desk, items)

    monkeypatch.setattr(writes, "insert_events", picky)
    a = desks("front").connected()
    for n in range(1, 6):  # written live
        a.b.events.add(access(n))
    a.wait(lambda: len(a.records()) == 4, what="the others stored")
    pg_server.stop()
    try:
        for n in range(6, 9):  # kept while away, sent when back
            a.b.events.add(access(n))
        a.wait(lambda: len(a.kept) == 3, what="kept while away")
    finally:
        pg_server.start()
    a.wait(lambda: len(a.records()) == 6, what="the outbox sent")
    assert a.records() == [1, 2, 4, 5, 6, 8]
    outbox = a.b.events.site.outbox
    refused = outbox.refused()
    assert [(item, values[9], error) for _o, item, values, error in refused] == [
        ("event", "C00003", "ValueError: refused by a bug"),
        ("event", "C00007", "ValueError: refused by a bug")]
    refused_health = a.b.events.health()  # the desk is told how many, and where
    assert refused_health.refused == 2 and "refused_out" in refused_health.refused_in
    # Nothing holds up what comes next: the outbox empties.
    a.wait(lambda: a.b.events.health().queued == 0, what="the outbox empty")
    assert a.b.events.flush(10)


def test_what_a_closed_desk_kept_is_sent_at_its_next_start(pg_url: str, tmp_path: Path,
                                                          pg_server: PgServer) -> None:
    pg_server.stop()
    try:
        desk = open_site(pg_url, None, data_dir=tmp_path, key=KEY, desk="front")
        for n in range(1, 21):
            desk.events.add(access(n))
        desk.audit.record("desk.away", who="ana")
        assert not desk.events.flush(1)
        assert desk.events.close(5)
        desk.audit.close()
        # Opened again while still away, the desk shows what it kept before.
        away = open_site(pg_url, None, data_dir=tmp_path, key=KEY, desk="front")
        assert [k.event.payload["n"] for k in away.events.kept()] == list(range(1, 21))
        assert [k.event.payload["n"] for k in away.events.kept(5)] == list(range(16, 21))
        assert away.events.close(5)
        away.audit.close()
    finally:
        pg_server.start()
    again = open_site(pg_url, None, data_dir=tmp_path, key=KEY, desk="front")
    try:
        assert again.events.flush(15)
        assert again.events.count() == 20
        assert [e.what for e in again.audit.query()] == ["desk.away"]
    finally:
        again.events.close(5)
        again.audit.close()


def test_an_item_sent_again_after_a_crash_is_ignored(pg_url: str, tmp_path: Path) -> None:
    desk = open_site(pg_url, None, data_dir=tmp_path / "a", key=KEY, desk="front")
    try:
        desk.events.add(access(1, key=False))  # no dedupe key: only its origin protects it
        desk.audit.record("desk.one", who="ana")
        assert desk.events.flush(10)
        origin, = rows(pg_url, "SELECT origin FROM events")[0]
        audit_origin, = rows(pg_url, "SELECT origin FROM audit")[0]
        # A crash after the server took them, before the outbox forgot them: sent again.
        outbox = Outbox(tmp_path / "a" / "site-outbox.sqlite3")
        outbox.put_events([(origin, to_pending(access(1, key=False)))])
        outbox.put_audit(audit_origin, ("2031-01-01T00:00:00.000000+00:00", "ana", "",
                                        "desk.one", "", "", "ok", "{}"))
        outbox.close()
    finally:
        desk.events.close(5)
        desk.audit.close()
    again = open_site(pg_url, None, data_dir=tmp_path / "a", key=KEY, desk="front")
    try:
        assert again.events.flush(10)
        assert again.events.count() == 1
        assert rows(pg_url, "SELECT COUNT(*) FROM audit") == [(1,)]
        assert again.site.writer.queued() == 0
    finally:
        again.events.close(5)
        again.audit.close()


def test_migrations_run_once_and_a_newer_site_database_is_not_written(pg_url: str) -> None:
    conns = [psycopg.connect(pg_url) for _ in range(3)]
    try:
        started = [None] * 3

        def go(i: int) -> None:
            started[i] = schema.migrate(conns[i])  # type: ignore[call-overload]

        threads = [threading.Thread(target=go, args=(i,)) for i in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(started) == [0, schema.SCHEMA_VERSION, schema.SCHEMA_VERSION]  # type: ignore[type-var]
        conns[0].execute("UPDATE keydesk_schema SET version = version + 1")
        conns[0].commit()
        with pytest.raises(schema.SiteSchemaTooNew):
            schema.migrate(conns[1])
    finally:
        for conn in conns:
            conn.close()


def test_a_desk_on_a_newer_site_database_keeps_its_events_and_says_why(
        desks: Any, pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        schema.migrate(conn)
        conn.execute("UPDATE keydesk_schema SET version = version + 1")
    a = desks("front")
    a.b.events.add(access(1))
    a.wait(lambda: a.b.events.health().queued == 1, what="kept on the desk")
    assert "SiteSchemaTooNew" in a.b.events.health().away
    assert rows(pg_url, "SELECT COUNT(*) FROM events") == [(0,)]


def test_a_desk_with_another_audit_key_keeps_its_rows_and_says_why(pg_url: str,
                                                                   tmp_path: Path) -> None:
    right = open_site(pg_url, None, data_dir=tmp_path / "a", key=KEY, desk="front")
    wrong = open_site(pg_url, None, data_dir=tmp_path / "b", key=b"x" * 32, desk="back")
    try:
        assert right.audit.record("desk.one", who="ana") == 1
        assert wrong.audit.record("desk.two", who="bo") == 0  # not sealed into the chain
        health = wrong.events.health()
        assert "audit trail is sealed with key" in health.away and health.queued == 1
        assert right.audit.verify().ok and right.audit.verify().checked == 1
    finally:
        for desk in (right, wrong):
            desk.events.close(5)
            desk.audit.close()
