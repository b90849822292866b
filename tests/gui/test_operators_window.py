"""The window with operator accounts (the demo's): sign-in dialog, refusals explained,
switch operator, lock after idle with the pages covered, the Audit page (filters, the
chain check naming a row edited outside KeyDesk, rights), settings saves audited, and
the dialog in Portuguese and Chinese. Screenshots are written for a person to look at."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.operators import demo as operators_demo
from ui import translations
from ui.operators.sign_in import LOCKED, START, SignInDialog

MASTER = Issuance((), datetime(2026, 11, 1), datetime(2027, 11, 1), kind="master")


@pytest.fixture
def shots(tmp_path_factory):
    """Where screenshots go (KEYDESK_SCREENSHOTS keeps them; else a temp folder)."""
    import os
    from pathlib import Path

    folder = os.environ.get("KEYDESK_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screens")
    path.mkdir(parents=True, exist_ok=True)
    return path


def sign_in_with(qtbot, dialog: SignInDialog, name: str, password: str) -> None:
    dialog.name.setCurrentText(name)
    dialog.secret.setText(password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_sign_in_dialog_explains_a_wrong_password_then_signs_in(qtbot, session, shots,
                                                               keydesk_home):
    operators = session.services.operators
    operators.sign_out()
    dialog = SignInDialog(session.ctx, START, session.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Dana" in dialog.demo_hint.text() and "demo-clerk" in dialog.demo_hint.text()
    sign_in_with(qtbot, dialog, "Ana", "not-her-password")
    qtbot.waitUntil(lambda: "Wrong name or password" in dialog.message.text(), timeout=10000)
    assert dialog.secret.text() == "" and dialog.isVisible()
    dialog.grab().save(str(shots / "sign-in-wrong-password.png"))
    with qtbot.waitSignal(dialog.signed_in, timeout=10000):
        sign_in_with(qtbot, dialog, "ana", "demo-clerk")
    assert not dialog.isVisible()
    assert operators.current().name == "Ana"
    qtbot.waitUntil(lambda: session.window.desk_lock.label.text() == "Signed in: Ana (clerk)",
                    timeout=5000)  # told by the bus, through the bridge
    rows = session.services.audit.query(what="operator.sign_in", limit=2)
    assert [(r.who, r.result[:7]) for r in rows] == [("Ana", "ok"), ("Ana", "refused")]
    # Neither password typed reached any file the window wrote (stores, logs, accounts).
    assert session.services.events is not None and session.services.events.flush(5)
    written = [p for p in keydesk_home.rglob("*") if p.is_file()]
    assert any(p.name == "operators.json" for p in written)
    for path in written:
        data = path.read_bytes()
        for typed in ("demo-clerk", "not-her-password"):
            assert typed.encode() not in data and typed.encode("utf-16-le") not in data, path


def test_a_clerk_in_the_window_is_refused_a_master_card_with_the_reason(qtbot, session):
    operators_demo.sign_in(session.services.operators, "clerk")
    future = session.services.encoder.issue(MASTER)
    with pytest.raises(KeyDeskError) as info:
        future.result(20)
    session.ctx.report_error(info.value)
    qtbot.waitUntil(lambda: "Issuing a master card needs a manager"
                    in session.window.banner.label.text(), timeout=5000)
    operators_demo.sign_in(session.services.operators, "manager")
    assert session.services.encoder.issue(MASTER).result(20).issuance.kind == "master"


def test_lock_after_idle_covers_the_pages_until_someone_signs_in(qtbot, session, shots):
    window = session.window
    operators = session.services.operators
    clock = [1000.0]
    operators.monotonic = lambda: clock[0]
    operators.touch()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # activity resets the idle time
    clock[0] += 9 * 60
    window.desk_lock.check_idle()
    assert window.centralWidget().objectName() != "lock_cover"
    clock[0] += 10 * 60 + 1
    window.desk_lock.check_idle()
    assert window.centralWidget().objectName() == "lock_cover"
    dialog = window.desk_lock.dialog
    assert dialog is not None and dialog.mode == LOCKED and dialog.isVisible()
    assert dialog.name.currentText() == "Dana"
    assert not operators.allows("card.read")
    qtbot.waitUntil(lambda: window.centralWidget().isVisible(), timeout=5000)
    window.grab().save(str(shots / "locked-desk.png"))
    dialog.grab().save(str(shots / "locked-desk-dialog.png"))
    with qtbot.waitSignal(dialog.signed_in, timeout=10000):
        sign_in_with(qtbot, dialog, "Bruno", "demo-manager")  # a switch while locked
    assert window.centralWidget().objectName() != "lock_cover"
    assert window.stack.currentWidget().isVisibleTo(window)  # the pages are back
    assert operators.current().name == "Bruno"
    lock_row = session.services.audit.query(what="operator.lock", limit=1)[0]
    assert (lock_row.who, lock_row.detail["reason"]) == ("Dana", "idle 10 min")


def test_audit_page_filters_checks_the_chain_and_names_an_edited_row(qtbot, session, shots):
    services = session.services
    operators_demo.sign_in(services.operators, "clerk")
    refused = services.encoder.issue(MASTER)
    with pytest.raises(KeyDeskError):
        refused.result(20)
    operators_demo.sign_in(services.operators, "manager")
    page = session.window.show_page("audit")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    assert not page.notice.isVisible()
    texts = [page.model.cell(e, 6) for e in page.model.rows]
    assert "Refused: Issuing a master card needs a manager" in texts

    page.who.setCurrentIndex(page.who.findData("Ana"))
    page.action.setCurrentIndex(page.action.findData("card."))
    page.refresh()
    qtbot.waitUntil(lambda: [e.what for e in page.model.rows] == ["card.issue"],
                    timeout=10000)
    assert page.model.rows[0].who == "Ana"
    session.window.grab().save(str(shots / "audit-page.png"))

    page.verify()
    qtbot.waitUntil(lambda: "intact" in page.status.text(), timeout=10000)
    conn = sqlite3.connect(services.audit.path)
    conn.execute("UPDATE audit SET who = 'Bruno' WHERE what = 'card.issue'")
    conn.commit()
    conn.close()
    broken_row = services.audit.query(what="card.issue", limit=1)[0].id
    page.verify()
    qtbot.waitUntil(lambda: "changed after it was written" in page.status.text(),
                    timeout=10000)
    assert f"row {broken_row}." in page.status.text()
    session.window.grab().save(str(shots / "audit-page-broken.png"))


def test_audit_page_is_for_managers_and_says_so(qtbot, session):
    operators_demo.sign_in(session.services.operators, "clerk")
    page = session.window.show_page("audit")
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=5000)
    assert "The audit trail is for managers" in page.notice.text()
    assert not page.body.isVisible()
    [row] = session.services.audit.query(what="audit.view", limit=1)
    assert (row.who, row.result) == ("Ana", "refused operator right.audit.view")


def test_export_from_the_page_needs_a_manager_and_writes_csv(qtbot, session, tmp_path):
    operators_demo.sign_in(session.services.operators, "manager")
    page = session.window.show_page("audit")
    out = tmp_path / "audit.csv"
    page.export(str(out))
    qtbot.waitUntil(lambda: out.exists() and "rows written" in page.status.text(),
                    timeout=10000)
    assert out.read_text(encoding="utf-8-sig").startswith("id,at,who,role,what")


def test_settings_saves_need_an_admin_and_name_the_fields(qtbot, session):
    page = session.window.show_page("settings")
    operators_demo.sign_in(session.services.operators, "manager")
    page.encoder_trace.setChecked(not page.encoder_trace.isChecked())
    page.save()
    banner = session.window.banner.label
    qtbot.waitUntil(lambda: "Changing settings needs an admin" in banner.text(), timeout=5000)
    operators_demo.sign_in(session.services.operators, "admin")
    page.save()
    row = session.services.audit.query(what="settings.change", limit=1)[0]
    assert (row.who, row.result) == ("Dana", "ok")
    assert "encoder_trace" in row.detail["fields"]


@pytest.mark.parametrize("lang, heading, button", [
    ("pt-BR", "Quem está no balcão?", "Entrar"),
    ("zh-CN", "谁在前台？", "登录"),
])
def test_the_sign_in_dialog_speaks_the_desk_language(qtbot, session, shots, lang, heading,
                                                     button):
    assert translations.install(lang)
    try:
        dialog = SignInDialog(session.ctx, START, session.window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.heading.text() == heading
        assert dialog.ok.text() == button
        dialog.grab().save(str(shots / f"sign-in-{lang}.png"))
    finally:
        translations.install("en")


def test_the_window_asks_who_is_at_the_desk_before_it_opens(qtbot):
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.application import KeyDeskSession, sign_in_at_start

    session = KeyDeskSession(demo=True)  # the demo has accounts: nobody holds the desk yet
    try:
        qtbot.addWidget(session.window)
        seen: list[str] = []

        def answer(name: str, password: str | None) -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SignInDialog), dialog
            seen.append(dialog.heading.text())
            if password is None:
                dialog.cancel.click()
            else:
                sign_in_with(qtbot, dialog, name, password)

        QTimer.singleShot(0, lambda: answer("Carla", None))
        assert sign_in_at_start(session) is False  # "Quit KeyDesk"
        QTimer.singleShot(0, lambda: answer("Carla", "demo-tech"))
        assert sign_in_at_start(session) is True
        assert seen == ["Who is at the desk?", "Who is at the desk?"]
        assert session.services.operators.current().role == "technician"
        assert session.window.desk_lock.label.text() == "Signed in: Carla (technician)"
        assert sign_in_at_start(session) is True  # already signed in: asks nothing
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_event_exports_need_a_manager_and_alarm_acks_name_the_operator(qtbot, session,
                                                                        tmp_path):
    page = session.window.show_page("monitor")
    operators_demo.sign_in(session.services.operators, "clerk")
    out = tmp_path / "events.csv"
    assert page.export_to(str(out)) is None and not out.exists()
    banner = session.window.banner.label
    qtbot.waitUntil(lambda: "Exports need a manager" in banner.text(), timeout=5000)
    assert session.services.audit.query(what="events.export", limit=1)[0].result == (
        "refused operator right.export")
    operators_demo.sign_in(session.services.operators, "manager")
    future = page.export_to(str(out))
    qtbot.waitUntil(future.done, timeout=10000)
    row = session.services.audit.query(what="events.export", limit=1)[0]
    assert (row.who, row.result, row.detail["rows"]) == ("Bruno", "ok", future.result())

    from tests.gui.test_monitor_page import alarm

    page.banner._beep = lambda: None  # silent in tests
    session.runtime.bus.publish(alarm("BreakIn"))
    qtbot.waitUntil(page.banner.isVisible, timeout=5000)
    [event_id] = [e.id for e in page.banner.pending]
    qtbot.mouseClick(page.banner.ack, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=5000)
    assert page.store.acknowledgement(event_id)[1] == "Bruno"  # by whom, in the store
    row = session.services.audit.query(what="alarm.acknowledge", limit=1)[0]
    assert (row.who, row.detail["events"]) == ("Bruno", [event_id])
