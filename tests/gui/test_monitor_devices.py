"""The Monitor page's per-reader status and actions, against the demo's simulated readers
over real sockets: heartbeat, clock drift and "Set clock", door states, "Open door…"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from app.store.audit import AuditLog
from ui.monitor.device_status import HEADERS


@pytest.fixture
def page(session):
    p = session.window.show_page("monitor")
    p.banner._beep = lambda: None
    return p


def cell(page, name: str, column: str) -> str:
    table = page.devices
    for row in range(table.rowCount()):
        if table.item(row, 0) is not None and table.item(row, 0).text() == name:
            return table.item(row, HEADERS.index(column)).text()
    raise AssertionError(f"{name} is not in the device table")


def audit(what: str):
    log = AuditLog()
    try:
        return log.recent(what_prefix=f"reader.{what}")
    finally:
        log.close()


def door_opens(sim) -> int:
    return sim.call(lambda: sim.server.routes.door_opens)


def test_heartbeats_show_while_events_flow(page, qtbot):
    # The demo readers send an event every 2 s, more often than the 5 s heartbeat: the
    # heartbeats must still arrive and be shown (they used to come only on idle streams,
    # so at most one came, right at the connection).
    later = datetime.now(UTC) + timedelta(seconds=3)

    def beat_after_connecting() -> bool:
        status = page.reader_monitor.statuses()["Lobby"]
        return status.last_heartbeat is not None and status.last_heartbeat > later

    qtbot.waitUntil(beat_after_connecting, timeout=12000)
    assert page.reader_monitor.statuses()["Lobby"].events > 0
    page._poll_status()
    assert cell(page, "Lobby", "Last heartbeat").endswith("s ago")


def test_set_clock_removes_the_drift(session, page, qtbot):
    sim = session.demo.readers["Staff door"]
    # The simulator runs 95 s ahead; a loaded machine may read it a second either way.
    qtbot.waitUntil(lambda: cell(page, "Staff door", "Clock drift")[:5] in
                    ("+94 s", "+95 s", "+96 s"), timeout=10000)
    assert "set clock" in cell(page, "Staff door", "Clock drift")
    buttons = page.devices.actions_for("Staff door")
    assert buttons is not None and page.devices.actions_for("encoder") is None
    buttons.set_clock.click()
    qtbot.waitUntil(lambda: "clock set" in page.device_line.label.text(), timeout=10000)
    assert abs(sim.call(lambda: sim.device.clock_offset)) < 2
    assert cell(page, "Staff door", "Clock drift") in ("+0 s", "-1 s", "+1 s")
    page._poll_status()  # the monitor's own status agrees (no stale +95 s comes back)
    assert cell(page, "Staff door", "Clock drift") in ("+0 s", "-1 s", "+1 s")
    rows = audit("set_clock")
    assert [(e.target, e.result) for e in rows] == [("Staff door", "ok")]


def test_open_door_needs_confirmation(session, page, qtbot):
    sim = session.demo.readers["Lobby"]
    # Both doors of the Lobby reader are discovered and their state shown.
    qtbot.waitUntil(lambda: cell(page, "Lobby", "Doors").startswith("1 ") and
                    ", 2 " in cell(page, "Lobby", "Doors"), timeout=10000)
    before = door_opens(sim)

    page.devices.actions_for("Lobby").open_door.click()
    box = page.device_actions.confirm_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert [b.text() for b in box.buttons()] == ["Open door 1", "Open door 2", "Cancel"]
    # Asking sends nothing: no reader job was even started (jobs are the only way out).
    assert not page.device_actions.jobs.running and door_opens(sim) == before
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: "cancelled" in page.device_line.label.text(), timeout=3000)
    assert not page.device_actions.jobs.running and door_opens(sim) == before
    assert audit("open_door") == []

    page.devices.actions_for("Lobby").open_door.click()
    box = page.device_actions.confirm_box
    next(b for b in box.buttons() if b.text() == "Open door 2").click()
    qtbot.waitUntil(lambda: "door 2 opened" in page.device_line.label.text(), timeout=10000)
    assert door_opens(sim) == before + 1
    assert sim.state()["doors"][1] == "Open"
    assert "2 open" in cell(page, "Lobby", "Doors")
    rows = audit("open_door")
    assert [(e.target, e.result, e.detail["door"]) for e in rows] == [("Lobby", "ok", 2)]


def test_action_failure_is_explained_in_the_page(session, page, qtbot):
    sim = session.demo.readers["Staff door"]
    qtbot.waitUntil(lambda: page.devices.actions_for("Staff door") is not None, timeout=5000)
    sim.stop()  # the reader goes away
    page.device_actions.open_door("Staff door", 0)
    qtbot.waitUntil(lambda: "✖ Staff door:" in page.device_line.label.text(), timeout=15000)
    assert "(2686320" in page.device_line.label.text()  # couldn't reach / timed out
    assert page.device_line.explain.isVisible()
    assert [e.result.split()[0] for e in audit("open_door")] == ["error"]
