"""The desk's cloud flows in the window, on the demo's simulated cloud."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, time, timedelta

import pytest
import time_machine
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app import logsetup
from app.cloud.client import CloudClient
from app.cloud.models import GuestKeyRequest, RoomRef
from app.cloud.sim import community as demo
from app.cloud.sim.demo import demo_credentials
from app.cloud.sim.handlers_qr import qr_png
from app.store.audit import AuditLog
from tests.cloud_support import COMMUNITY_TZ, DEMO_SECRETS, MIDNIGHTS, MOBILE, midnight_moment
from ui.front_desk.cloud_common import set_community_time


def panel(session, cls_name):
    page = session.window.show_page("front_desk")
    for p in page.panels:
        if type(p).__name__ == cls_name:
            page.tabs.setCurrentWidget(p)
            return p
    raise AssertionError(f"{cls_name} not among the front desk panels")


def rooms_loaded(qtbot, picker):
    qtbot.waitUntil(lambda: len(picker.rooms) == 7, timeout=5000)


def issue_key(session, qtbot):
    """Issue a key for MOBILE in the first room through the Guest keys panel."""
    keys = panel(session, "GuestKeysPanel")
    rooms_loaded(qtbot, keys.room)
    keys.mobile.setText(MOBILE)
    keys.issue()
    qtbot.waitUntil(lambda: keys.qr_pixmap is not None, timeout=5000)
    return keys


def test_room_directory_is_listed_and_searchable(session, qtbot):
    rooms = panel(session, "RoomsPanel")
    qtbot.waitUntil(lambda: len(rooms.visible_rooms()) == 7, timeout=5000)
    rooms.search.setText("rflock")
    assert rooms.visible_rooms() == ["001-02-0202"]
    rooms.search.setText("C4A828002101")
    assert rooms.visible_rooms() == ["002-01-0101"]
    rooms.search.clear()
    rooms.test_connection()
    qtbot.waitUntil(lambda: "Connection OK" in rooms.message.label.text(), timeout=5000)


def test_issue_key_shows_a_scannable_qr_and_is_audited(session, qtbot):
    keys = issue_key(session, qtbot)
    card = keys.card_no.text()
    assert len(card) == 16 and card in keys.key_label.text()
    assert keys.qr_pixmap.width() >= 300 and keys.qr.pixmap().width() >= 300
    # the image shown is the cloud's QR of this card, scaled without blurring the modules
    expected = QImage.fromData(qr_png(card), "PNG").scaled(
        keys.qr_pixmap.width(), keys.qr_pixmap.height(), Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation)
    shown = keys.qr_pixmap.toImage().convertToFormat(expected.format())
    assert shown == expected
    sim = session.demo.cloud
    assert sim.state.keys[card].room == ("001", "01", "0101")
    issued = [e for e in AuditLog().recent() if e.what == "cloud.issue_key"]
    assert len(issued) == 1 and issued[0].ok and issued[0].target == "001-01-0101"


def test_a_key_issued_elsewhere_is_shown_by_card_number(session, qtbot):
    """The CLI (or another desk) issued the key; the window shows its QR."""
    url = session.demo.endpoints["cloud"]
    start = datetime.now().astimezone()

    async def issue():
        async with CloudClient(demo_credentials(url)) as c:
            return await c.get_link(GuestKeyRequest(MOBILE, RoomRef("001", "02", "0201"),
                                                    start, start + timedelta(hours=5)))

    card = asyncio.run(issue()).card_no
    keys = panel(session, "GuestKeysPanel")
    keys.mobile.setText(MOBILE)
    keys.card_no.setText(card)
    keys.fetch()
    qtbot.waitUntil(lambda: keys.qr_pixmap is not None, timeout=5000)
    assert card in keys.key_label.text()


def test_report_lost_says_what_the_guest_does_next(session, qtbot):
    keys = issue_key(session, qtbot)
    keys.report_lost()
    qtbot.waitUntil(lambda: "fetch the key again" in keys.notes.toPlainText(), timeout=5000)
    keys.cancel()
    qtbot.waitUntil(lambda: "cancelled" in keys.message.label.text(), timeout=5000)
    keys.cancel()  # again: the cloud says it is already cancelled
    qtbot.waitUntil(lambda: "5301" in keys.message.label.text(), timeout=5000)


def test_wrong_auth_token_shows_the_4008_explanation(session, qtbot):
    rooms = panel(session, "RoomsPanel")
    qtbot.waitUntil(lambda: len(rooms.visible_rooms()) == 7, timeout=5000)
    session.ctx.secrets.set("cloud.auth_token", "definitely-wrong-token")
    rooms.refresh()
    qtbot.waitUntil(lambda: "4008" in rooms.message.label.text(), timeout=5000)
    assert rooms.message.explain.isVisible()
    assert "definitely-wrong-token" not in rooms.message.label.text()
    rooms.message.explain.click()
    assert session.window.stack.currentWidget() is session.window.pages["explain"]
    assert not session.window.banner.isVisible()  # explained in place, no crash banner


def test_bluetooth_key_and_lock_without_bluetooth(session, qtbot):
    keys = panel(session, "GuestKeysPanel")
    rooms_loaded(qtbot, keys.room)
    keys.mobile.setText(MOBILE)
    keys.bluetooth()  # 001-01-0101, a QRALOCK
    qtbot.waitUntil(lambda: "Bluetooth key for" in keys.notes.toPlainText(), timeout=5000)
    keys.room.setCurrentIndex(1)  # 001-01-0102, a QRLOCK
    keys.bluetooth()
    qtbot.waitUntil(lambda: "6107" in keys.message.label.text(), timeout=5000)


def test_rf_card_issue_read_cancel(session, qtbot):
    rf = panel(session, "RfCardsPanel")
    rooms_loaded(qtbot, rf.room)
    rf.issue()
    qtbot.waitUntil(lambda: "Room 001-01-0101" in rf.card_view.toPlainText(), timeout=5000)
    assert rf.serial.text() == session.demo.cloud.state.card_on_issuer
    rf.cancel()
    qtbot.waitUntil(lambda: "logged out" in rf.message.label.text(), timeout=5000)
    rf.cancel()
    qtbot.waitUntil(lambda: "5308" in rf.message.label.text(), timeout=5000)


@pytest.mark.parametrize("confirmed", [True, False])
def test_remote_unlock_asks_first(session, qtbot, confirmed):
    doors = panel(session, "DoorLogPanel")
    rooms_loaded(qtbot, doors.room)
    sim = session.demo.cloud
    doors.confirm_unlock = lambda label: confirmed
    doors.unlock()
    if confirmed:
        qtbot.waitUntil(lambda: "opened" in doors.message.label.text(), timeout=5000)
        assert sim.requests["lockBoxRoom"] == 1
        [entry] = AuditLog().recent(what_prefix="cloud.unlock")
        assert entry.ok and entry.target == "001-01-0101"
        doors.load_log()
        qtbot.waitUntil(lambda: doors.table.rowCount() > 0, timeout=5000)
        assert doors.table.item(0, 2).text() == "remote (gateway)"
    else:
        assert "cancelled" in doors.message.label.text()  # said at once, nothing sent
        qtbot.wait(200)
        assert sim.requests["lockBoxRoom"] == 0
        assert AuditLog().recent(what_prefix="cloud.unlock") == []


@pytest.mark.parametrize("moment", MIDNIGHTS)
def test_door_log_dates_are_the_communitys_across_midnights(session, qtbot, moment):
    """The window stays open while the clock passes a midnight (the PC's or the
    community's): the untouched default period moves to the community's today, so the
    opening just made is listed, and the panel names the zone of its dates."""
    doors = panel(session, "DoorLogPanel")
    rooms_loaded(qtbot, doors.room)
    sim = session.demo.cloud
    sim.state.records.clear()  # the demo's records are at the real hour
    doors.confirm_unlock = lambda label: True
    with time_machine.travel(midnight_moment(moment), tick=True):
        doors.unlock()
        qtbot.waitUntil(lambda: "opened" in doors.message.label.text(), timeout=5000)
        doors.load_log()
        qtbot.waitUntil(lambda: doors.table.rowCount() > 0, timeout=5000)
        now = datetime.now(COMMUNITY_TZ)
    today = now.date()
    assert doors.table.item(0, 2).text() == "remote (gateway)"
    assert doors.date_to.date().toPython() == today
    assert doors.date_from.date().toPython() == today - timedelta(days=7)
    assert "Asia/Shanghai, UTC+08:00" in doors.zone_note.text()
    assert "Asia/Shanghai" in doors.table.horizontalHeaderItem(0).text()
    opened = datetime.strptime(doors.table.item(0, 0).text(), "%Y-%m-%d %H:%M:%S")
    assert abs(opened.replace(tzinfo=COMMUNITY_TZ) - now) < timedelta(minutes=1)  # its clock


def test_rf_serial_can_be_captured_on_the_local_encoder(session, qtbot):
    rf = panel(session, "RfCardsPanel")
    assert rf.capture_button.isEnabled()  # the Cards tab owns an encoder service
    card = session.demo.encoder.place("classic-1k", bytes.fromhex("A1B2C3D4"))
    rf.capture()
    qtbot.waitUntil(lambda: rf.serial.text() != "", timeout=5000)
    assert rf.serial.text().upper() == card.uid.hex().upper()


def test_settings_test_connection_checks_the_typed_values(session, qtbot):
    page = session.window.open_settings("cloud")
    said = page.cloud.form.result.label  # the Lock cloud section's own result line
    page.test_cloud()
    qtbot.waitUntil(lambda: "Lock cloud OK" in said.text(), timeout=5000)
    assert "the operator's login works" in said.text()
    page.secret_edits["cloud.auth_token"].setText("typed-wrong-token")
    page.test_cloud()
    qtbot.waitUntil(lambda: "4008" in said.text(), timeout=5000)
    assert "typed-wrong-token" not in said.text()
    # nothing was saved by testing
    assert session.ctx.secrets.get("cloud.auth_token") != "typed-wrong-token"


@pytest.fixture
def debug_log_file():
    """The program's log file at DEBUG level (as ``keydesk -v`` would write it)."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield logsetup.configure(logging.DEBUG)
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_no_secret_reaches_any_file_the_session_writes(session, qtbot, keydesk_home,
                                                       debug_log_file):
    """Log, audit trail, event store, settings: nothing on disk holds a secret."""
    keys = issue_key(session, qtbot)
    keys.report_lost()
    qtbot.waitUntil(lambda: "fetch the key again" in keys.notes.toPlainText(), timeout=5000)
    rf = panel(session, "RfCardsPanel")
    rooms_loaded(qtbot, rf.room)
    rf.read()  # sends the operator's password hash
    qtbot.waitUntil(lambda: "Serial" in rf.card_view.toPlainText(), timeout=5000)
    page = session.window.show_page("settings")
    page.secret_edits["cloud.auth_token"].setText(demo.DEMO_AUTH_TOKEN)
    page.save()  # the token goes to the keyring
    assert session.ctx.secrets.get("cloud.auth_token") == demo.DEMO_AUTH_TOKEN
    session.ctx.secrets.set("cloud.auth_token", "wrong-token-for-the-trail")
    rooms = panel(session, "RoomsPanel")
    rooms.refresh()
    qtbot.waitUntil(lambda: "4008" in rooms.message.label.text(), timeout=5000)
    assert session.close()
    files = [p for p in keydesk_home.rglob("*") if p.is_file()]
    assert {"audit.sqlite3", "events.sqlite3", debug_log_file.name} <= {p.name for p in files}
    assert "getLink" in debug_log_file.read_text(encoding="utf-8")  # the calls were logged
    trail = [e.result for e in AuditLog(next(p for p in files if p.name == "audit.sqlite3"))
             .recent()]
    assert "error cloud_api 4008" in trail and "ok" in trail  # the trail saw both
    for path in files:
        data = path.read_bytes()
        leaked = [s for s in (*DEMO_SECRETS, "wrong-token-for-the-trail") if s.encode() in data]
        assert not leaked, f"{leaked} in {path.name}"


def test_stay_pickers_are_on_the_communitys_clock(session, qtbot):
    """The desk types a stay as the hotel's clock shows it, and the panel names the zone:
    14:00 in the picker is 14:00 in the community, whatever zone this PC is in."""
    sim = session.demo.cloud
    day = datetime.now(COMMUNITY_TZ).date() + timedelta(days=3)
    start = datetime.combine(day, time(14), tzinfo=COMMUNITY_TZ)
    end = start + timedelta(hours=46)
    keys = panel(session, "GuestKeysPanel")
    rooms_loaded(qtbot, keys.room)
    assert "Asia/Shanghai, UTC+08:00" in keys.zone_note.text()
    set_community_time(keys.start, start, COMMUNITY_TZ)
    set_community_time(keys.end, end, COMMUNITY_TZ)
    assert keys.start.text() == f"{day} 14:00"
    keys.mobile.setText(MOBILE)
    keys.issue()
    qtbot.waitUntil(lambda: keys.qr_pixmap is not None, timeout=5000)
    key = sim.state.keys[keys.card_no.text()]
    assert (key.start, key.end) == (start, end)
    rf = panel(session, "RfCardsPanel")
    rooms_loaded(qtbot, rf.room)
    assert "Asia/Shanghai, UTC+08:00" in rf.zone_note.text()
    set_community_time(rf.end, end, COMMUNITY_TZ)
    rf.issue()
    qtbot.waitUntil(lambda: "Room 001-01-0101" in rf.card_view.toPlainText(), timeout=5000)
    assert sim.state.rf_cards[rf.serial.text()].end == end
