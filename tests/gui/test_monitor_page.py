"""The Monitor page: stored events become rows, filters, alarms, history, export.

The demo may run simulated readers that stream their own events into the page, so
these tests use their own device names and look only at their rows.
"""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from app import paths
from app.domain.events import ConnectionState, DeviceEvent, DeviceStateChanged
from app.store.events import EventStore
from ui.monitor.filters import Filters
from ui.monitor.table_model import COLUMNS

RESULT = COLUMNS.index("Result")
READER = COLUMNS.index("Reader")


def access(n: int, device: str = "test-lobby", granted: bool = True, **extra) -> DeviceEvent:
    payload = {
        "device": device, "code": "AccessControl", "action": "Pulse", "index": 0,
        "time": f"2030-01-01T10:{n // 60 % 60:02d}:{n % 60:02d}Z", "card": f"AB{n:06d}",
        "user": str(n), "user_name": "Zoë", "method": 1, "error_code": 0 if granted else 20,
        "error_text": "card expired", "granted": granted, "door": 0, "direction": "entry",
        "dedupe_key": f"{device}:rec:{n}", **extra,
    }
    return DeviceEvent(device, kind="reader", code="AccessControl", payload=payload,
                       raw=f"Code=AccessControl;action=Pulse;index=0;data={{\"RecNo\":{n}}}",
                       severity="info" if granted else "warning")


def alarm(code: str = "BreakIn", device: str = "test-lobby") -> DeviceEvent:
    return DeviceEvent(device, kind="reader", code=code, severity="alarm",
                       payload={"device": device, "door": 1, "action": "Start",
                                "time": "2030-01-01T11:00:00Z"},
                       raw=f"Code={code};action=Start;index=0")


def rows_of(page, device: str = "test-lobby") -> list[list[str]]:
    model = page.table.model
    out = []
    for r in range(model.rowCount()):
        values = [model.index(r, c).data() for c in range(len(COLUMNS))]
        if values[READER] == device:
            out.append(values)
    return out


@pytest.fixture
def page(session, qtbot):
    p = session.window.show_page("monitor")
    p.banner._beep = lambda: None  # counted by the banner, silent in tests
    return p



def settle(session, page) -> None:
    """Deterministically deliver everything published so far: the store commits and
    announces it, the bridge hands it to the page, the table drains its buffer."""
    assert page.store.flush(5)
    session.bridge.flush()
    page.table.drain()

def test_stored_events_become_rows_once_in_plain_words(session, page, qtbot):
    bus = session.runtime.bus
    for n in range(5):
        bus.publish(access(n, granted=n != 3))
    qtbot.waitUntil(lambda: len(rows_of(page)) == 5, timeout=5000)
    rows = rows_of(page)
    assert rows[0][RESULT] == "Granted"
    assert rows[0][COLUMNS.index("Person / card")] == "Zoë (user 0) · card AB000000"
    assert rows[0][COLUMNS.index("Method")] == "Card"
    refused = rows[3][RESULT]
    assert refused.startswith("Refused — card or stay expired (20): ")
    # Every row shown is on disk (rows come from StoredEvents, after the commit).
    assert page.store.count(device="test-lobby") == 5
    # A record arriving again (back-fill after a gap) is neither stored nor shown twice.
    bus.publish(access(2))
    bus.publish(access(5))
    settle(session, page)  # both are committed, announced, delivered and drained
    assert len(rows_of(page)) == 6
    assert page.store.count(device="test-lobby") == 6


def test_filters_apply_to_history_and_live_rows(session, page, qtbot):
    bus = session.runtime.bus
    for n in range(6):
        bus.publish(access(n, granted=n % 2 == 0))
    bus.publish(access(50, device="test-garage"))
    assert page.store.flush(5)
    qtbot.waitUntil(lambda: len(rows_of(page)) == 6, timeout=5000)

    page.filter_bar.result.setCurrentIndex(page.filter_bar.result.findData("refused"))
    assert [r[RESULT][:7] for r in rows_of(page)] == ["Refused"] * 3
    bus.publish(access(7, granted=True))  # live rows are filtered too
    bus.publish(access(9, granted=False))
    settle(session, page)
    assert page.store.count(device="test-lobby") == 8  # both arrived...
    assert len(rows_of(page)) == 4  # ...and only the refusal is shown
    assert all(r[RESULT].startswith("Refused") for r in rows_of(page))

    page.filter_bar.result.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.filter_bar.device.findData("test-garage") >= 0, timeout=2000)
    page.filter_bar.device.setCurrentIndex(page.filter_bar.device.findData("test-garage"))
    assert page.table.model.rowCount() == 1 and rows_of(page, "test-garage")

    page.filter_bar.device.setCurrentIndex(0)
    page.filter_bar.search.setText("AB000004")
    qtbot.waitUntil(lambda: page.table.model.rowCount() == 1, timeout=3000)
    assert rows_of(page)[0][COLUMNS.index("Person / card")].endswith("AB000004")


def test_alarm_banner_stays_until_acknowledged_and_records_it(session, page, qtbot):
    assert not page.banner.isVisible()
    session.runtime.bus.publish(alarm("BreakIn"))
    qtbot.waitUntil(page.banner.isVisible, timeout=5000)
    assert "Door forced open" in page.banner.label.text()
    assert page.banner.beeps == 1
    session.runtime.bus.publish(alarm("ChassisIntruded"))
    qtbot.waitUntil(lambda: len(page.banner.pending) == 2, timeout=5000)
    assert page.banner.beeps == 2
    settle(session, page)  # everything published so far has reached the page
    assert page.banner.isVisible()  # nothing but the button makes it go away

    ids = [e.id for e in page.banner.pending]
    qtbot.mouseClick(page.banner.ack, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=5000)
    for i in ids:
        acked = page.store.acknowledgement(i)
        assert acked is not None and acked[1]  # when and by whom
    assert not [e for e in page.store.unacknowledged_alarms() if e.device == "test-lobby"]


def test_unacknowledged_alarms_from_a_previous_run_show_at_start(qtbot):
    store = EventStore(paths.data_dir() / "events.sqlite3").start()
    store.add(alarm("Duress", device="test-old"))
    store.close()

    from ui.application import KeyDeskSession

    s = KeyDeskSession()  # the real profile: the demo starts with an empty store
    qtbot.addWidget(s.window)
    try:
        page = s.window.pages["monitor"]
        assert page.banner.isVisible() or page.banner.pending
        assert [e.code for e in page.banner.pending] == ["Duress"]
    finally:
        assert s.close()


def test_history_loads_older_pages_from_the_store(qtbot):
    store = EventStore(paths.data_dir() / "events.sqlite3").start()
    for n in range(500):
        store.add(access(n, device="test-history"))
    store.close()

    from ui.application import KeyDeskSession

    s = KeyDeskSession()  # the real profile: the demo starts with an empty store
    qtbot.addWidget(s.window)
    try:
        page = s.window.show_page("monitor")
        page.table.apply_filters(Filters(device="test-history"))
        model = page.table.model
        assert model.rowCount() == page.table.PAGE
        assert model.event_at(model.rowCount() - 1).card == "AB000499"  # newest at the bottom
        qtbot.mouseClick(page.older, Qt.MouseButton.LeftButton)
        assert model.rowCount() == 400
        # Scrolling back to the top loads the next page by itself.
        page.table.view.verticalScrollBar().setValue(0)
        qtbot.waitUntil(lambda: model.rowCount() == 500, timeout=3000)
        assert model.event_at(0).card == "AB000000"
        ids = [model.event_at(r).id for r in range(model.rowCount())]
        assert ids == sorted(set(ids))
        assert page.table.load_older() == 0
        assert "nothing older" in page.counts.text()
    finally:
        assert s.close()


def test_device_status_and_export(session, page, qtbot, tmp_path):
    bus = session.runtime.bus
    bus.publish(DeviceStateChanged("test-lobby", kind="reader", state=ConnectionState.CONNECTED))
    for n in range(3):
        bus.publish(access(n))
    qtbot.waitUntil(lambda: "test-lobby" in page.devices.devices, timeout=3000)
    qtbot.waitUntil(lambda: len(rows_of(page)) == 3, timeout=5000)
    table = page.devices
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "test-lobby")
    assert "online" in table.item(row, 1).text()

    page.table.apply_filters(Filters(device="test-lobby"))
    out = tmp_path / "events.csv"
    future = page.export_to(str(out))
    qtbot.waitUntil(future.done, timeout=5000)
    assert future.result() == 3
    with open(out, encoding="utf-8-sig", newline="") as fh:
        assert [r["card"] for r in csv.DictReader(fh)] == ["AB000000", "AB000001", "AB000002"]
