"""Issue 11 on the Monitor page: one clock for the time column (a reader's measured drift
is taken out, its own stamp is in the detail), a long event never crushes the device
table, and at 1100×720 the device table needs no horizontal scroll bar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt

from app.domain.stored import StoredEvent
from ui.monitor.describe import describe
from ui.monitor.table_model import EventTableModel


def stored(i: int, time: str, device: str = "Staff door") -> StoredEvent:
    return StoredEvent(id=i, time=time, received=time, source=device, kind="reader",
                       code="AccessControl", severity="info", device=device, door=0,
                       user="7", card="C0001", granted=True,
                       payload={"device": device, "card": "C0001", "granted": True},
                       raw="Code=AccessControl;action=Pulse;index=0")


def on_pc(iso: str) -> str:
    """The time as the table writes it (the desk's locale) on this PC's clock."""
    from ui import formats

    return formats.when(datetime.fromisoformat(iso).astimezone(), seconds=True)


def test_a_fast_readers_rows_are_shown_on_the_pcs_clock(qtbot):
    model = EventTableModel()
    model.set_drift("Staff door", 95.0)  # the reader's clock is 95 s fast
    model.append_events([stored(1, "2030-01-01T10:00:00+00:00", "Lobby"),
                         stored(2, "2030-01-01T10:01:37+00:00"),  # really 10:00:02
                         stored(3, "2030-01-01T10:00:04+00:00", "Lobby")])
    times = [model.text_at(r).time for r in range(3)]
    assert times == [on_pc("2030-01-01T10:00:00+00:00"), on_pc("2030-01-01T10:00:02+00:00"),
                     on_pc("2030-01-01T10:00:04+00:00")]
    detail = model.text_at(1).detail
    assert "PC's clock" in detail and on_pc("2030-01-01T10:01:37+00:00") in detail
    assert "+95 s" in detail
    tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "order KeyDesk received them" in tip and "PC's time" in tip


def test_an_exact_clock_changes_nothing():
    event = stored(1, "2030-01-01T10:00:00+00:00")
    assert describe(event, drift=0.4) == describe(event)


def test_a_long_event_scrolls_in_its_pane_and_the_devices_keep_their_rows(session, qtbot):
    window = session.window
    window.resize(1100, 460)  # a small screen: every pixel is contested
    page = window.show_page("monitor")
    qtbot.waitUntil(lambda: page.devices.rowCount() >= 3, timeout=10000)
    qtbot.wait(50)
    long_event = replace(stored(10**9, "2030-01-01T10:00:00+00:00", "test-long"),
                         raw="Code=AccessControl;data={\n" + "  \"Field\": 1,\n" * 40 + "}")
    page.banner._beep = lambda: None
    page.banner.raise_alarms([replace(long_event, id=10**9 + 1, code="BreakIn",
                                      severity="alarm")])  # the banner takes its height too
    page.table.model.append_events([long_event])
    row = page.table.model.rowCount() - 1
    page.table.view.selectRow(row)
    qtbot.waitUntil(lambda: "test-long" in page.detail.text(), timeout=5000)
    qtbot.wait(100)
    assert page.devices.height() >= 110  # header + three readers stay readable


def test_the_device_table_fits_1100_by_720_without_a_horizontal_scroll_bar(session, qtbot):
    window = session.window
    window.resize(1100, 720)
    page = window.show_page("monitor")
    qtbot.waitUntil(lambda: page.devices.rowCount() >= 3, timeout=10000)
    qtbot.wait(100)
    assert page.devices.horizontalScrollBar().maximum() == 0
