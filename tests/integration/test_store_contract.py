"""The store's contract, run against both backends: SQLite files and the site's PostgreSQL.

The same calls, the same answers (``app.store.backend``): what the Monitor, the Audit page
and the commands rely on. The PostgreSQL runs are on a real server (tests/pg_server.py).
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.events import DeviceEvent
from app.domain.stored import AlarmAcknowledged, StoredEvent, StoredEvents
from app.runtime.bus import EventBus
from app.store.audit import AuditLog
from app.store.backend import open_site
from app.store.events import EventStore

KEY = bytes(range(32))
T0 = datetime(2031, 5, 4, 12, 0, tzinfo=UTC)


@dataclass
class Desk:
    kind: str
    events: Any
    audit: Any
    bus: EventBus
    url: str = ""
    announced: list[StoredEvent] = field(default_factory=list)
    acks: list[AlarmAcknowledged] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)

    def wait_announced(self, count: int, timeout: float = 10.0) -> list[StoredEvent]:
        with self.cond:
            assert self.cond.wait_for(lambda: len(self.announced) >= count, timeout), \
                f"{len(self.announced)} of {count} announced"
        return list(self.announced)

    def sql(self, statement: str, params: tuple[Any, ...] = ()) -> None:
        """Change the stored rows behind KeyDesk's back (what an intruder would do)."""
        if self.kind == "sqlite":
            import sqlite3

            conn = sqlite3.connect(self.audit.path)
            conn.execute(statement.replace("%s", "?"), params)
            conn.commit()
            conn.close()
        else:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                conn.execute(statement, params)


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    bus = EventBus()
    if request.param == "sqlite":
        events: Any = EventStore(tmp_path / "events.sqlite3").start()
        audit: Any = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
        url = ""
    else:
        url = request.getfixturevalue("pg_url")
        site = open_site(url, None, data_dir=tmp_path, key=KEY, desk="contract")
        events, audit = site.events, site.audit
    d = Desk(request.param, events, audit, bus, url)

    def stored(event: StoredEvents) -> None:
        with d.cond:
            d.announced.extend(event.events)
            d.cond.notify_all()

    bus.subscribe(stored, StoredEvents)
    bus.subscribe(d.acks.append, AlarmAcknowledged)
    events.attach(bus)
    yield d
    assert events.close(5)
    audit.close()


def access(n: int, *, card: str = "12EA3004", user: str = "7", name: str = "Ana Silva",
           device: str = "Lobby", granted: bool = True, door: int = 1,
           when: datetime | None = None, key: str | None = "auto",
           code: str = "AccessControl", severity: str = "info") -> DeviceEvent:
    when = when or T0 + timedelta(seconds=n)
    payload = {"device": device, "card": card, "user": user, "user_name": name,
               "granted": granted, "door": door, "time": when.isoformat(),
               "method_text": "Card", "record_no": n,
               "dedupe_key": f"sn:1#rec:{n}@0" if key == "auto" else key}
    return DeviceEvent(device, kind="reader", code=code, payload=payload, severity=severity,
                       raw=f"Code={code};action=Pulse;index=0;data={{\"RecNo\":{n}}}")


def fill(desk: Desk, events: list[DeviceEvent]) -> None:
    for e in events:
        desk.events.add(e)
    assert desk.events.flush(10)


def test_events_are_stored_announced_and_read_back_alike(desk: Desk) -> None:
    fill(desk, [access(i) for i in range(1, 31)])
    announced = desk.wait_announced(30)
    newest = desk.events.query(limit=10)
    assert [e.id for e in newest] == sorted((e.id for e in announced), reverse=True)[:10]
    first = desk.events.query(limit=1, oldest_first=True)[0]
    assert first == announced[0]  # what was announced is exactly what is read back
    assert first.card == "12EA3004" and first.granted is True and first.door == 1
    assert first.payload["user_name"] == "Ana Silva" and first.raw.startswith("Code=")
    assert first.time == (T0 + timedelta(seconds=1)).isoformat(timespec="microseconds")
    older = desk.events.query(limit=10, before_id=newest[-1].id)
    assert [e.id for e in older] == [e.id for e in desk.events.query(limit=20)][10:]
    assert desk.events.count() == 30


def test_an_access_record_is_kept_once(desk: Desk) -> None:
    fill(desk, [access(1), access(2), access(1), access(2, card="other")])
    assert desk.events.count() == 2
    assert desk.events.has_key("sn:1#rec:1@0") and not desk.events.has_key("sn:1#rec:9@0")
    fill(desk, [access(3, key=None), access(3, key=None)])  # no key: nothing to merge
    assert desk.events.count() == 4


def test_every_monitor_filter(desk: Desk) -> None:
    events = [
        access(1, card="12EA3004", name="Ana Silva", device="Lobby"),
        access(2, card="77001122", name="Jürgen Müller", device="Pool", granted=False),
        access(3, card="12EA3099", name="Li Wei", device="Lobby", door=2, user="9"),
        access(4, code="BreakIn", severity="alarm", key=None, device="Pool", card="", name=""),
        access(5, card="55", name="Ana Souza", when=T0 + timedelta(days=2)),
    ]
    fill(desk, events)
    q = desk.events.query

    def cards(**filters: Any) -> list[str | None]:
        return [e.card for e in q(oldest_first=True, **filters)]

    assert cards(device="Pool") == ["77001122", None]
    assert cards(door=2) == ["12EA3099"]
    assert cards(granted=False) == ["77001122"]
    assert cards(card="12EA3099") == ["12EA3099"]
    assert cards(user="9") == ["12EA3099"]
    assert cards(kind="reader", code="BreakIn") == [None]
    assert cards(alarm=True) == [None]
    assert len(cards(alarm=False)) == 4
    assert cards(since=T0 + timedelta(days=1)) == ["55"]
    assert cards(until=T0 + timedelta(seconds=2)) == ["12EA3004"]  # until is exclusive
    assert cards(since=(T0 + timedelta(seconds=2)).isoformat(),
                 until=T0 + timedelta(seconds=4)) == ["77001122", "12EA3099"]
    # The search box: any fragment of a card or name, case and accents ignored, every word.
    assert cards(text="EA30") == ["12EA3004", "12EA3099"]
    assert cards(text="mull") == ["77001122"]
    assert cards(text="ana s") == ["12EA3004", "55"]
    assert cards(text="ana sil") == ["12EA3004"]
    assert cards(text="lobby wei") == ["12EA3099"]
    assert cards(text="breakin") == [None]
    assert cards(text="nowhere") == []
    assert cards(text="   ") == []
    assert desk.events.count(device="Lobby") == 3
    assert desk.events.latest_time("Lobby") == T0 + timedelta(days=2)
    assert desk.events.latest_time("Nowhere") is None


def test_alarms_are_acknowledged_once_with_who_and_when(desk: Desk) -> None:
    fill(desk, [access(1, code="BreakIn", severity="alarm", key=None), access(2)])
    alarms = desk.events.unacknowledged_alarms()
    assert [a.code for a in alarms] == ["BreakIn"]
    assert desk.events.acknowledge([alarms[0].id], by="maria", note="checked") == 1
    assert desk.events.acknowledge([alarms[0].id], by="maria") == 0
    assert desk.events.unacknowledged_alarms() == []
    at, by, note = desk.events.acknowledgement(alarms[0].id)
    assert (by, note) == ("maria", "checked") and at
    assert [a.event_ids for a in desk.acks] == [(alarms[0].id,), (alarms[0].id,)]


def test_retention_export_and_reader_identities(desk: Desk, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    fill(desk, [access(1, when=now - timedelta(days=40)), access(2, when=now)])
    assert desk.events.apply_retention(30) == 1
    assert desk.events.apply_retention(0) == 0
    assert [e.payload["record_no"] for e in desk.events.query()] == [2]
    target = tmp_path / "events.csv"
    assert desk.events.export_csv(target) == 1
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["id", "time", "received"] and rows[0][-2:] == ["payload", "raw"]
    assert rows[1][rows[0].index("card")] == "12EA3004"
    assert '"record_no":2' in rows[1][-2].replace(" ", "")
    desk.events.identified("Lobby", "sn:A").result(5)
    desk.events.identified("Lobby", "sn:B").result(5)
    assert desk.events.device_ids("Lobby") == ["sn:A", "sn:B"]


def test_what_a_hostile_reader_sends_is_kept_and_shown(desk: Desk) -> None:
    nasty = DeviceEvent("Lobby", kind="reader", code="AccessControl",
                        payload={"card": "12\x00EA", "user_name": "bad\ud800name",
                                 "dedupe_key": "sn:1#rec:1@0", "note": "\x00"},
                        raw="Code=AccessControl;data=\x00\ud800")
    fill(desk, [nasty, access(2)])
    rows = desk.events.query(oldest_first=True)
    assert len(rows) == 2
    assert rows[0].card is not None and rows[0].card.startswith("12") and "EA" in rows[0].card
    assert rows[0].raw.startswith("Code=AccessControl;data=")
    assert [e.id for e in desk.events.query(text="bad")] == [rows[0].id]


def test_a_door_number_past_64_bits_is_null_and_whole_in_the_payload(desk: Desk) -> None:
    huge = DeviceEvent("Lobby", kind="reader", code="AccessControl",
                       payload={"card": "C1", "door": 10 ** 30, "dedupe_key": "sn:1#rec:9@0"})
    fill(desk, [huge, access(2)])
    rows = desk.events.query(oldest_first=True)
    assert [e.door for e in rows] == [None, 1]
    assert rows[0].payload["door"] == 10 ** 30  # every digit, not a float
    assert [e.card for e in desk.events.query(card="C1")] == ["C1"]


def test_audit_trail_records_filters_verifies_and_exports(desk: Desk, tmp_path: Path) -> None:
    log = desk.audit
    ids = [log.record("card.issue", who="ana", role="clerk", target="UID1", room=["101", "102"],
                      detail={"stay": 2}),
           log.record("cloud.unlock", who="bo", result="error cloud_api 5310", room="214"),
           log.record("card.read", who="ana", result="refused operator right.card.read")]
    assert ids == [1, 2, 3]
    assert [e.what for e in log.query()] == ["card.read", "cloud.unlock", "card.issue"]
    assert [e.id for e in log.query(who="ana")] == [3, 1]
    assert [e.id for e in log.query(what="card.")] == [3, 1]
    assert [e.id for e in log.query(result="error")] == [2]
    assert [e.id for e in log.query(result="refused")] == [3]
    assert [e.id for e in log.query(room="102")] == [1]
    assert [e.id for e in log.query(text="uid")] == [1]
    assert [e.id for e in log.query(before_id=2)] == [1]
    assert log.query(who="ana")[1].detail == {"stay": 2}
    assert log.distinct("who") == ["ana", "bo"]
    assert log.verify().ok and log.verify().checked == 3
    assert log.export_csv(tmp_path / "audit.csv", who="ana") == 2
    exported = list(csv.reader((tmp_path / "audit.csv").open(encoding="utf-8-sig")))
    assert [r[0] for r in exported] == ["id", "1", "3"]
    desk.sql("UPDATE audit SET room = %s WHERE id = %s", ("999", 2))
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == ("row_changed", 2)


def test_audit_tail_cut_is_caught(desk: Desk) -> None:
    for i in range(4):
        desk.audit.record("desk.test", who="ana", target=str(i))
    desk.sql("DELETE FROM audit WHERE id >= %s", (3,))
    verdict = desk.audit.verify()
    assert (verdict.problem, verdict.row) == ("tail_missing", 3)
    assert desk.audit.record("desk.test", who="ana") == 5  # writing on never hides it
    assert desk.audit.verify().problem is not None
