"""Monitor page parts: row wording, the capped model, the live buffer, filters, emit fix."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from app.domain.events import DeviceEvent
from app.domain.stored import KeptEvent, StoredEvent
from app.store.events import EventStore
from ui.monitor.alarm_banner import AlarmBanner
from ui.monitor.describe import describe
from ui.monitor.filters import Filters
from ui.monitor.live_table import LiveEventTable
from ui.monitor.table_model import EventTableModel


def stored(i: int, *, code: str = "AccessControl", granted: bool | None = True,
           device: str = "Lobby", severity: str = "info", **payload) -> StoredEvent:
    base = {"device": device, "card": f"C{i:04d}", "user": "7", "user_name": "Ana",
            "method": 15, "error_code": 0 if granted else 20, "granted": granted,
            "direction": "entry"}
    base.update(payload)
    return StoredEvent(id=i, time="2030-01-01T10:00:00.000000+00:00",
                       received="2030-01-01T10:00:00.000000+00:00", source=device,
                       kind="reader", code=code, severity=severity, device=device, door=0,
                       user="7", card=f"C{i:04d}", granted=granted, payload=base,
                       raw=f"Code={code};action=Pulse;index=0")


def test_refused_access_is_explained_from_the_catalog():
    text = describe(stored(1, granted=False))
    assert text.result.startswith("Refused — card or stay expired (20): ")
    assert "; " in text.result  # explanation; next step
    assert text.verdict == "refused" and text.explain == ("reader_event_error", "20")
    assert text.method == "Face (checked by the reader)"
    assert text.person == "Ana (user 7) · card C0001"
    assert text.door == "0 (entry)"
    assert "Raw: Code=AccessControl" in text.detail


def test_unknown_codes_fall_back_to_reader_texts_and_raw():
    unknown = describe(stored(2, granted=False, error_code=4242, error_text="weird failure"))
    assert unknown.result == "Refused — weird failure (4242)"
    face = describe(stored(3, code="_DoorFace_", granted=None, method=None))
    assert face.result.startswith("_DoorFace_")
    assert "Code=_DoorFace_" in face.detail


def test_alarms_and_door_status_in_plain_words():
    breakin = describe(stored(4, code="BreakIn", granted=None, severity="alarm", action="Start"))
    assert breakin.result.startswith("ALARM — Door forced open")
    assert breakin.verdict == "alarm"
    door = describe(stored(5, code="DoorStatus", granted=None, data={"Status": "Open"}))
    assert door.result == "Door opened"


def test_model_caps_rows_and_prepends_history(qtbot):
    model = EventTableModel(max_rows=100)
    removed: list[int] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append(last - first + 1))
    model.append_events(stored(i) for i in range(1, 81))
    model.append_events(stored(i) for i in range(81, 131))
    assert model.rowCount() == 100 and removed == [30]
    assert (model.oldest_id, model.newest_id) == (31, 130)
    model.prepend_events([stored(i) for i in range(30, 20, -1)])
    assert model.oldest_id == 21 and model.rowCount() == 110
    assert model.index(0, 5).data() == "Granted"


def kept(i: int, **kw) -> KeptEvent:
    return KeptEvent(f"run.{i}", replace(stored(i, **kw), id=0))


def test_kept_rows_stay_below_the_stored_ones_until_the_site_store_takes_them(qtbot):
    table = LiveEventTable(max_rows=6)
    qtbot.addWidget(table)
    table.stop()
    model = table.model
    table.offer([stored(1), stored(2)])
    table.drain()
    assert table.keep([kept(10), kept(11, granted=False), kept(12)]) == 3
    assert table.keep([kept(11, granted=False)]) == 0  # told twice (window opened): once
    assert model.rowCount() == 5 and model.kept_count == 3
    assert [model.is_kept(r) for r in range(5)] == [False, False, True, True, True]
    assert [model.event_at(r).card for r in range(5)] == [
        "C0001", "C0002", "C0010", "C0011", "C0012"]
    italic = model.index(2, 0).data(Qt.ItemDataRole.FontRole)
    assert italic.italic() and model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(3, 5).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#664d03"
    assert model.index(4, 5).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#5c636a"
    assert model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Kept on this desk: the site store's server cannot be reached.")
    # A stored row arriving meanwhile (another reader's back-fill) goes above them.
    table.offer([stored(3)])
    table.drain()
    assert [model.event_at(r).card for r in range(6)] == [
        "C0001", "C0002", "C0003", "C0010", "C0011", "C0012"]
    # The filters apply to kept rows too, and the kept ones come back when cleared.
    table.apply_filters(Filters(result="refused"))
    assert [model.event_at(r).card for r in range(model.rowCount())] == ["C0011"]
    table.apply_filters(Filters())
    assert model.kept_count == 3
    # Taken by the site store (the middle one first): each leaves, the rest stay.
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    assert table.sent(["run.11", "run.99"]) == 1
    assert table.sent(["run.10", "run.12"]) == 2
    assert model.kept_count == 0 and table.kept == {}
    assert removed[0] == (model.rowCount() + 1, model.rowCount() + 1)
    # At most max_rows kept rows are shown (the rest stay on this desk's disk).
    table.keep([kept(i) for i in range(20, 30)])
    assert model.kept_count == 6 and model.event_at(model.rowCount() - 1).card == "C0029"
    assert list(table.kept) == [f"run.{i}" for i in range(24, 30)]
    # Under a filter the model shows fewer rows than the table knows: one the table no
    # longer keeps (past its bound) leaves the model too, not only once it is sent.
    table.sent([f"run.{i}" for i in range(24, 30)])
    table.apply_filters(Filters(result="refused"))
    table.keep([kept(50, granted=False)])
    table.keep([kept(i) for i in range(51, 56)])  # not shown: granted
    assert model.kept_count == 1
    table.keep([kept(56)])  # 50 passes the bound
    assert model.kept_count == 0 and "run.50" not in table.kept


def test_a_kept_alarm_sounds_at_once_and_is_acknowledged_once_stored(qtbot):
    banner = AlarmBanner(beep=lambda: None)
    qtbot.addWidget(banner)
    asked: list[list[int]] = []
    banner.acknowledge_requested.connect(asked.append)
    alarm = kept(7, code="BreakIn", granted=None, severity="alarm", action="Start")
    banner.raise_kept([alarm])
    banner.raise_kept([alarm])  # told twice: sounds once
    assert not banner.isHidden() and banner.beeps == 1 and not banner.ack.isEnabled()
    assert "BreakIn" not in banner.label.text() and "Door forced open" in banner.label.text()
    assert "acknowledged once it has reached the store" in banner.ack.toolTip()
    banner.kept_sent([alarm.origin])  # sent before its stored row is announced
    assert banner.isHidden()
    banner.raise_alarms([stored(70, code="BreakIn", granted=None, severity="alarm")])
    assert not banner.isHidden() and banner.ack.isEnabled() and banner.ack.toolTip() == ""
    banner.raise_kept([kept(8, code="Duress", granted=None, severity="alarm")])
    assert "(+1 more)" in banner.label.text() and banner.ack.isEnabled()
    banner.ack.click()
    assert asked == [[70]]  # only what the store can record


def test_live_table_drains_in_batches_skipping_rows_already_shown(qtbot, tmp_path):
    store = EventStore(tmp_path / "e.sqlite3").start()
    for i in range(10):
        store.add(DeviceEvent("Lobby", kind="reader", code="AccessControl",
                              payload={"device": "Lobby", "granted": i % 2 == 0}))
    assert store.flush(5)
    table = LiveEventTable(max_rows=50)
    qtbot.addWidget(table)
    table.stop()  # drain by hand
    table.set_query(store.query)
    table.apply_filters(Filters())
    assert table.model.rowCount() == 10
    again = store.query(limit=3)  # the same rows arriving late through the bus
    table.offer(again)
    assert table.drain() == 0
    table.offer([stored(i) for i in range(11, 81)])  # more than the buffer holds
    assert table.skipped == 20
    assert table.drain() == 50 and table.model.rowCount() == 50
    table.apply_filters(Filters(result="refused"))
    assert table.model.rowCount() == 5
    table.offer([stored(200, granted=True), stored(201, granted=False)])
    assert table.drain() == 1 and table.model.newest_id == 201
    store.close()


@pytest.mark.parametrize("filters", [
    Filters(result="granted"), Filters(result="refused"), Filters(result="alarm"),
    Filters(device="Garage"), Filters(text="ana"), Filters(text="BREAKIN"),
])
def test_live_filter_agrees_with_the_store_query(tmp_path, filters):
    store = EventStore(tmp_path / "e.sqlite3").start()
    events = [
        DeviceEvent("Lobby", kind="reader", code="AccessControl",
                    payload={"device": "Lobby", "granted": True, "user_name": "Ana"}),
        DeviceEvent("Lobby", kind="reader", code="AccessControl",
                    payload={"device": "Lobby", "granted": False, "error_code": 20}),
        DeviceEvent("Garage", kind="reader", code="BreakIn", severity="alarm",
                    payload={"device": "Garage"}, raw="Code=BreakIn"),
        DeviceEvent("Garage", kind="reader", code="DoorNotClosed", payload={"device": "Garage"}),
        DeviceEvent("encoder", kind="encoder", code="CardPlaced", payload={"uid": "04AA"}),
    ]
    for e in events:
        store.add(e)
    assert store.flush(5)
    everything = store.query(limit=None)
    by_store = {e.id for e in store.query(limit=None, **filters.store_kwargs())}
    by_predicate = {e.id for e in everything if filters.matches(e)}
    store.close()
    assert by_store == by_predicate and by_store


def test_signal_emit_keeps_the_refcount_of_true():
    # PySide6 6.12.0 dropped a reference to True on every emit() (the process dies with
    # "bool_dealloc" after a few thousand); the pin avoids it, this guards future upgrades.
    class Source(QObject):
        ping = Signal(int)

    src = Source()
    src.ping.connect(lambda _n: None)
    before = sys.getrefcount(True)
    for n in range(2000):
        src.ping.emit(n)
    assert abs(sys.getrefcount(True) - before) < 50


def test_backfilled_rows_say_so():
    text = describe(stored(6, origin="backfill"))
    assert text.time.endswith("↺") and "reader's own log" in text.detail
    assert not describe(stored(7, origin="stream")).time.endswith("↺")
