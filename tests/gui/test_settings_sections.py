"""Issue 14: Settings in sections, applied without a restart — a reader added streams into
the Monitor, one removed stops and leaves it; the encoder picked from the detected ports
(USB description, VID:PID) is remembered by USB identity; a refused reader password is
not sent twice; operator accounts managed by an admin; what needs a restart says so."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.access.sim import ReaderSimulator
from app.devices.encoder.discovery import PortInfo
from app.settings import MemorySecretStore, SettingsStore
from ui.application import KeyDeskSession

PW = "gate-pw-41"


@pytest.fixture
def desk(qtbot):
    store = SettingsStore()
    store.save(store.load())
    session = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    qtbot.addWidget(session.window)
    session.window.resize(1100, 740)
    session.window.show()
    yield session, store
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def reader():
    sim = ReaderSimulator("Gate", password=PW, rate=25, seed=3, serial="SIM-GATE-9").start()
    yield sim
    sim.stop()


def gate_rows(monitor) -> int:
    model = monitor.table.model
    return sum(1 for r in range(model.rowCount()) if model.text_at(r).reader == "Gate")


def test_a_reader_added_in_settings_streams_into_the_monitor_and_removed_stops(
        desk, reader, qtbot, tmp_path):
    session, store = desk
    monitor = session.window.show_page("monitor")
    monitor.banner._beep = lambda: None
    assert monitor.setup_hint.isVisible()
    settings = session.window.open_settings("readers")
    readers = settings.sections["readers"].readers
    dialog = readers.add()
    dialog.name.setText("Gate")
    dialog.url.setText(reader.url.removeprefix("http://"))  # typed without the scheme
    dialog.password.setText(PW)
    dialog.accept()
    session.window.grab().save(str(tmp_path / "settings-readers.png"))
    applied = settings.save()
    assert applied is not None and applied.readers.added == ("Gate",)
    assert "Now streaming: Gate." in settings.status.text()
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["readers"] == [{"name": "Gate", "url": reader.url, "user": "admin"}]
    assert PW not in store.path.read_text(encoding="utf-8")
    assert session.services.secrets.get("reader:Gate") == PW

    session.window.show_page("monitor")
    qtbot.waitUntil(lambda: gate_rows(monitor) > 0, timeout=20000)
    assert not monitor.setup_hint.isVisible()
    qtbot.waitUntil(lambda: monitor.devices.actions_for("Gate") is not None, timeout=5000)
    qtbot.waitUntil(lambda: "Gate" in session.window.status.states, timeout=5000)
    session.window.grab().save(str(tmp_path / "monitor-after-add.png"))

    settings = session.window.open_settings("readers")
    readers.table.selectRow(0)
    readers.remove()
    applied = settings.save()
    assert applied is not None and applied.readers.removed == ("Gate",)
    assert session.services.secrets.get("reader:Gate") is None
    qtbot.waitUntil(lambda: "Gate" not in session.window.status.states, timeout=10000)
    qtbot.waitUntil(lambda: "Gate" not in monitor.devices.devices, timeout=5000)
    assert not monitor.setup_hint.isHidden()  # "no reader" again (the page is not shown)
    # Stopped for real: the reader sees its event stream closed.
    qtbot.waitUntil(lambda: reader.state()["streams"] == 0, timeout=10000)


def test_a_refused_password_is_not_sent_twice(desk, reader, qtbot):
    session, _store = desk
    readers = session.window.open_settings("readers").sections["readers"].readers
    dialog = readers.add()
    dialog.name.setText("Gate")
    dialog.url.setText(reader.url)
    dialog.password.setText("wrong-pw")
    dialog.test()
    qtbot.waitUntil(lambda: dialog.outcome.explain.isVisible(), timeout=15000)
    assert reader.auth.failed_logins == 1
    assert "bold" in dialog.lockout.styleSheet()  # the lock-out warning, said louder
    dialog.test()  # the same password again: not sent
    assert "refused this user and password" in dialog.outcome.label.text()
    assert reader.auth.failed_logins == 1
    dialog.password.setText(PW)
    dialog.test()
    qtbot.waitUntil(lambda: "serial SIM-GATE-9" in dialog.outcome.label.text(), timeout=15000)
    dialog.reject()


def test_the_encoder_is_picked_from_the_detected_ports_by_usb_identity(desk, qtbot,
                                                                         monkeypatch):
    session, store = desk
    ports = [PortInfo("COM7", "1A86:7523", "5&2A1B", "USB-SERIAL CH340", "CH340"),
             PortInfo("COM1", "", "", "Communications Port", "")]
    monkeypatch.setattr("app.setup.encoder_probe.list_serial_ports", lambda: ports)
    settings = session.window.open_settings("encoder")
    picker = settings.sections["encoder"].picker
    qtbot.waitUntil(lambda: picker.port.count() == 4, timeout=10000)  # none, 2 ports, other
    texts = [picker.port.itemText(i) for i in range(picker.port.count())]
    assert "COM7 — USB-SERIAL CH340 (1A86:7523, CH340)" in texts
    assert "1 look like an encoder" in picker.result.label.text()
    picker.port.setCurrentIndex(texts.index("COM7 — USB-SERIAL CH340 (1A86:7523, CH340)"))
    settings.save()
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert (saved["encoder_url"], saved["encoder_vid_pid"], saved["encoder_serial"]) == (
        "", "1A86:7523", "5&2A1B")
    assert "The encoder reconnects" in settings.status.text()


def test_bluetooth_applies_at_once_and_the_store_says_it_needs_a_restart(desk):
    session, _store = desk
    settings = session.window.open_settings("bluetooth")
    settings.sections["bluetooth"].technician.setText("Rafa")
    settings.sections["bluetooth"].radio.setText("127.0.0.1:9")
    settings.save()
    locks = session.services.locks
    assert locks.config.technician == "Rafa" and locks.radio.sim == "127.0.0.1:9"
    assert "Restart" not in settings.status.text()
    settings.sections["store"].url.setText("postgresql://desk@db/keydesk")
    settings.save()
    assert "Restart KeyDesk to use the new store location." in settings.status.text()
    settings.save()
    assert settings.status.text() == "Nothing to save: the settings are as they were."


def test_operators_are_managed_from_settings_by_an_admin(desk, qtbot):
    session, _store = desk
    operators = session.services.operators
    section = session.window.open_settings("operators").sections["operators"]
    assert "Single-operator desk" in section.mode.text()
    assert not session.window.pages["settings"].save_button.isVisible()  # acts at once

    dialog = section.add()
    assert not dialog.role.isEnabled()  # the first account is an admin
    dialog.name.setText("Dana")
    dialog.secret.setText("first-admin-pw-1")
    dialog.again.setText("first-admin-pw-1")
    dialog.accept()
    qtbot.waitUntil(lambda: "Dana added as admin" in section.result.label.text(), timeout=15000)
    assert operators.current().name == "Dana"  # signed in: the desk stays usable

    dialog = section.add()
    dialog.name.setText("Ana")
    dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
    dialog.secret.setText("clerk-pw-2222")
    dialog.again.setText("clerk-pw-2222")
    dialog.accept()
    qtbot.waitUntil(lambda: "Ana added as clerk" in section.result.label.text(), timeout=15000)
    names = [section.table.item(r, 0).text() for r in range(section.table.rowCount())]
    assert names == ["Ana", "Dana"]

    section.table.selectRow(0)
    section.role.setCurrentIndex(section.role.findData("manager"))
    section.change_role()
    qtbot.waitUntil(lambda: "Ana is now manager" in section.result.label.text(), timeout=15000)
    section.table.selectRow(0)
    dialog = section.reset_password()
    dialog.secret.setText("new-pw-3333")
    dialog.again.setText("other")
    dialog.accept()
    assert dialog.isVisible() and "differ" in dialog.problem.text()
    dialog.again.setText("new-pw-3333")
    dialog.accept()
    qtbot.waitUntil(lambda: "New password set for Ana" in section.result.label.text(),
                    timeout=15000)
    assert operators.directory.check("Ana", "new-pw-3333").role == "manager"
    rows = session.services.audit.query(limit=50)
    assert {"operator.add", "operator.role", "operator.passwd"} <= {r.what for r in rows}

    operators.sign_in("Ana", "new-pw-3333")  # a manager: may not manage operators
    section.refresh()
    assert "Only an admin" in section.mode.text() and not section.add_button.isEnabled()
    assert section.table.rowCount() == 0
