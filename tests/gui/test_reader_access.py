"""Lobby access (Front desk): a card captured on the encoder gets access to the demo's
simulated readers for exactly the stay, over real sockets, and loses it again."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime

from app.store.audit import AuditLog

UID = "C0FFEE42"  # not one of the simulated readers' built-in cards
READERS = ("Lobby", "Staff door")


def lobby_panel(session):
    page = session.window.show_page("front_desk")
    for p in page.panels:
        if type(p).__name__ == "ReaderAccessPanel":
            page.tabs.setCurrentWidget(p)
            return p
    raise AssertionError("Lobby access is not among the front desk panels")


def set_when(edit, when: datetime) -> None:
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))


def reader_state(session, name: str) -> dict:
    return session.demo.readers[name].state()


def audit_rows(what: str):
    log = AuditLog()
    try:
        return [e for e in log.recent(what_prefix=f"reader.{what}")]
    finally:
        log.close()


def test_captured_card_opens_the_readers_for_exactly_the_stay_then_not(session, qtbot):
    panel = lobby_panel(session)
    assert [n for n in panel.reader_checks] == list(READERS)
    assert panel.capture_button.isEnabled()  # the Cards tab owns an encoder service
    session.demo.encoder.place("classic-1k", bytes.fromhex(UID))
    panel.capture_button.click()
    qtbot.waitUntil(lambda: panel.card.text() == UID, timeout=5000)

    start = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    end = (start + timedelta(days=2)).replace(hour=12, minute=0)
    panel.name.setText("Ana Silva")
    panel.room.setText("101")
    set_when(panel.valid_from, start)
    set_when(panel.valid_to, end)
    panel.give_button.click()
    qtbot.waitUntil(lambda: "Access given on 2 of 2" in panel.message.label.text(),
                    timeout=10000)
    for name in READERS:
        state = reader_state(session, name)
        user = state["users"][UID]
        assert user["ValidFrom"] == start.strftime("%Y-%m-%d %H:%M:00")
        assert user["ValidTo"] == end.strftime("%Y-%m-%d %H:%M:00")
        assert user["UserName"] == "Ana Silva · 101"
        assert state["cards"][UID]["UserID"] == UID
        assert panel.results[name].label.text().startswith(f"✔ {name}: card {UID} opens door 1")
    # The stay has begun: the reader lets the card in.
    lobby = session.demo.readers["Lobby"]
    assert lobby.access(UID, method=1, door=0)["ErrorCode"] == 0

    panel.take_button.click()
    qtbot.waitUntil(lambda: "Access taken away on 2 of 2" in panel.message.label.text(),
                    timeout=10000)
    for name in READERS:
        state = reader_state(session, name)
        assert UID not in state["users"] and UID not in state["cards"]
    assert lobby.access(UID, method=1, door=0)["ErrorCode"] == 17  # unknown card now

    given = audit_rows("give_access")
    taken = audit_rows("take_access")
    assert sorted(e.detail["reader"] for e in given) == sorted(READERS)
    assert all(e.ok and e.target == UID and e.detail["room"] == "101" for e in given)
    assert sorted(e.detail["reader"] for e in taken) == sorted(READERS)
    assert all(e.ok for e in taken)


def test_stay_outside_now_is_refused_by_the_reader(session, qtbot):
    panel = lobby_panel(session)
    panel.reader_checks["Staff door"].setChecked(False)
    panel.card.setText("c0:ff:ee:43")  # typed with separators, normalised
    start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=3)
    set_when(panel.valid_from, start)
    set_when(panel.valid_to, start + timedelta(days=1))
    panel.give()
    qtbot.waitUntil(lambda: "Access given on 1 of 1" in panel.message.label.text(),
                    timeout=10000)
    lobby = session.demo.readers["Lobby"]
    assert lobby.access("C0FFEE43", method=1, door=0)["ErrorCode"] == 20  # not yet valid
    assert "C0FFEE43" not in reader_state(session, "Staff door")["users"]


def test_wrong_reader_password_is_explained_and_not_retried(session, qtbot):
    panel = lobby_panel(session)
    staff = session.demo.readers["Staff door"]
    failed_before = staff.state()["failed_logins"]
    session.ctx.secrets.set("reader:Staff door", "not-the-password")
    panel.card.setText(UID)
    panel.give()
    qtbot.waitUntil(lambda: "Access given on 1 of 2" in panel.message.label.text(),
                    timeout=10000)
    line = panel.results["Staff door"]
    assert "Wrong reader user name or password (268632085)" in line.label.text()
    assert "Settings" in line.label.text()  # what to do, from the catalog
    assert "not-the-password" not in line.label.text()
    assert line.explain.isVisible()
    assert panel.results["Lobby"].label.text().startswith("✔ Lobby:")
    assert staff.state()["failed_logins"] == failed_before + 1  # one try, no hammering
    assert UID not in staff.state()["users"]

    line.explain.click()
    assert session.window.stack.currentWidget() is session.window.pages["explain"]
    failed = [e for e in audit_rows("give_access") if e.detail["reader"] == "Staff door"]
    assert [e.result for e in failed] == ["error reader_request_error 268632085"]
    assert "not-the-password" not in str(failed[0].detail)


def test_card_of_someone_else_leaves_nothing_half_done(session, qtbot):
    panel = lobby_panel(session)
    panel.reader_checks["Staff door"].setChecked(False)
    panel.card.setText("12EA3004")  # already a staff member's card on the reader
    panel.give()
    qtbot.waitUntil(lambda: "Access given on 0 of 1" in panel.message.label.text(),
                    timeout=10000)
    assert "286064930" in panel.results["Lobby"].label.text()
    state = reader_state(session, "Lobby")
    assert "12EA3004" not in state["users"]  # the guest user was rolled back
    assert state["cards"]["12EA3004"]["UserID"] == "1001"  # the owner keeps the card


def test_bad_input_never_reaches_a_reader(session, qtbot):
    panel = lobby_panel(session)
    panel.card.setText("not hex!")
    panel.give()
    assert "not a card UID" in panel.message.label.text()
    panel.card.setText(UID)
    set_when(panel.valid_to, datetime.now() - timedelta(days=1))
    panel.give()
    assert "end after it starts" in panel.message.label.text()
    assert panel.message.explain.isVisible()
    for box in panel.reader_checks.values():
        box.setChecked(False)
    panel.take()
    assert "tick at least one reader" in panel.message.label.text()
    assert not panel.results
    # Nothing was attempted on any reader (each attempt writes an audit row).
    assert audit_rows("") == []
    assert UID not in reader_state(session, "Lobby")["users"]
