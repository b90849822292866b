"""Issue 11 in the lock-cloud tabs: a clerk's mistake is said as theirs (no cloud code, no
bug box), nothing is sent; a failed key never leaves the previous guest's QR and number
on screen; a room is taken by the name the directory shows; a door without a gateway is
said as such."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate

from app.store.audit import AuditLog
from tests.cloud_support import MOBILE
from tests.gui.test_cloud_panels import issue_key, panel, rooms_loaded
from ui.front_desk.cloud_common import set_community_time, settings_zone


def requests(session) -> int:
    """Requests to the cloud but the room directory (which other tabs load when shown)."""
    counted = session.demo.cloud.requests
    return sum(n for action, n in counted.items() if action != "fetchRoomInfo")


def red_problem(line) -> str:
    """The result line's text, checked to be a problem said plainly (no Explain, no code)."""
    text = line.label.text()
    assert text.startswith("✖") and "#b71c1c" in line.label.styleSheet(), text
    assert not line.explain.isVisible(), text  # nothing failed: nothing to explain
    return text


def test_a_failed_key_does_not_leave_the_previous_guests_qr(session, qtbot, tmp_path):
    keys = issue_key(session, qtbot)
    first = keys.card_no.text()
    assert first in keys.key_label.text() and keys.qr_pixmap is not None
    keys.mobile.setText("12ab")
    keys.issue()
    text = red_problem(keys.message)
    assert "'12ab'" in text and "digits" in text
    assert keys.qr_pixmap is None and keys.qr.pixmap().isNull()
    assert first not in keys.key_label.text() + keys.card_no.text()
    keys.grab().save(str(tmp_path / "guest-key-bad-mobile.png"))
    assert not session.window.banner.isVisible()  # no "unexpected error" for a typing slip


def test_an_empty_mobile_or_card_number_is_the_clerks_to_fill(session, qtbot):
    keys = panel(session, "GuestKeysPanel")
    rooms_loaded(qtbot, keys.room)
    before = requests(session)
    keys.mobile.clear()
    keys.issue()
    assert "mobile" in red_problem(keys.message)
    keys.mobile.setText(MOBILE)
    keys.card_no.clear()
    keys.fetch()
    assert "card number" in red_problem(keys.message)
    assert requests(session) == before
    assert "5103" not in keys.message.label.text() and "5108" not in keys.message.label.text()


def test_a_room_is_taken_by_its_name_and_an_unknown_one_is_said(session, qtbot):
    keys = panel(session, "GuestKeysPanel")
    rooms_loaded(qtbot, keys.room)
    keys.mobile.setText(MOBILE)
    keys.room.setEditText("g101")  # the name column of the Rooms tab, any case
    keys.issue()
    qtbot.waitUntil(lambda: keys.qr_pixmap is not None, timeout=5000)
    assert "002-01-0101" in keys.message.label.text()
    before = requests(session)
    keys.room.setEditText("room nine!")
    keys.issue()
    text = red_problem(keys.message)
    assert "'room nine!'" in text and "001-01-0101" in text
    assert requests(session) == before


def test_a_reversed_door_log_period_is_said_beside_nothing_sent(session, qtbot, tmp_path):
    doors = panel(session, "DoorLogPanel")
    rooms_loaded(qtbot, doors.room)
    before = requests(session)
    doors.date_from.setDate(QDate(2026, 12, 3))
    doors.date_to.setDate(QDate(2026, 12, 1))
    doors.load_log()
    text = red_problem(doors.message)
    assert "2026-12-01" in text and "2026-12-03" in text and "5100" not in text
    doors.date_from.setDate(QDate(2026, 1, 1))
    doors.date_to.setDate(QDate(2026, 3, 1))
    doors.load_log()
    assert "59" in red_problem(doors.message)
    assert requests(session) == before
    doors.grab().save(str(tmp_path / "door-log-reversed.png"))


def test_unlock_without_a_gateway_is_said_and_nothing_opens(session, qtbot):
    doors = panel(session, "DoorLogPanel")
    rooms_loaded(qtbot, doors.room)
    doors.confirm_unlock = lambda label: True
    doors.room.setEditText("102")  # 001-01-0102: a QRLOCK with no gateway
    doors.unlock()
    qtbot.waitUntil(lambda: "gateway" in doors.message.label.text(), timeout=5000)
    assert "This room's lock has no gateway" in doors.message.label.text()
    assert doors.message.explain.isVisible()  # the catalog's entry, with what to do
    assert session.demo.cloud.requests["lockBoxRoom"] == 0
    [row] = [e for e in AuditLog().recent() if e.what == "cloud.unlock"]
    assert row.result == "error cloud_desk no-gateway" and row.target == "001-01-0102"


def test_an_rf_card_that_would_have_ended_is_not_written(session, qtbot):
    rf = panel(session, "RfCardsPanel")
    rooms_loaded(qtbot, rf.room)
    before = requests(session)
    tz = settings_zone(session.ctx.settings)
    set_community_time(rf.end, datetime.now(tz) - timedelta(hours=2), tz)
    rf.issue()
    assert "passed" in red_problem(rf.message)
    assert requests(session) == before


def test_an_rf_cards_end_is_said_on_the_communitys_named_clock(session, qtbot):
    """It read "03:39 CST": a zone abbreviation, not that it is the community's clock."""
    rf = panel(session, "RfCardsPanel")
    rooms_loaded(qtbot, rf.room)
    tz = settings_zone(session.ctx.settings)
    end = (datetime.now(tz) + timedelta(days=2)).replace(hour=3, minute=39, second=0,
                                                         microsecond=0)
    set_community_time(rf.end, end, tz)
    rf.issue()
    qtbot.waitUntil(lambda: "Room 001-01-0101" in rf.card_view.toPlainText(), timeout=5000)
    shown = rf.card_view.toPlainText()
    assert "03:39 (community time: Asia/Shanghai, UTC+08:00)" in shown, shown
    assert "CST" not in shown

