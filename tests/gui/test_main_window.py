from __future__ import annotations

import concurrent.futures
import subprocess
import sys

from PySide6.QtCore import Qt

from app.domain.errors import KeyDeskError
from app.domain.events import ConnectionState, DeviceStateChanged
from app.settings import SettingsStore
from tests.conftest import non_daemon_threads
from ui.application import KeyDeskSession
from ui.pages import PAGES


def test_window_has_every_page_and_keyboard_navigation(session, qtbot):
    w = session.window
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == [t for _, t, _ in PAGES]
    w.nav.setFocus()
    qtbot.keyClick(w.nav, Qt.Key.Key_Down)
    assert w.stack.currentIndex() == 1
    qtbot.keyClick(w, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert w.stack.currentWidget() is w.pages["settings"]


def test_window_is_resizable(session):
    w = session.window
    w.resize(1300, 900)
    assert (w.width(), w.height()) == (1300, 900)
    w.resize(900, 600)
    assert w.width() == 900


def test_bus_events_reach_the_status_bar(session, qtbot):
    session.runtime.bus.publish(
        DeviceStateChanged("Lobby reader", kind="reader", state=ConnectionState.FAILED)
    )
    qtbot.waitUntil(lambda: session.window.status.states.get("Lobby reader")
                    == ConnectionState.FAILED, timeout=2000)


def test_background_failure_becomes_a_banner_not_a_crash(session, qtbot):
    fut: concurrent.futures.Future = concurrent.futures.Future()
    session.bridge.watch(fut)
    fut.set_exception(KeyDeskError("cloud_api", "5310", "encoder not found"))
    banner = session.window.banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert "5310" in banner.label.text()
    assert banner.explain_button.isVisible()


def test_bug_in_background_work_is_logged_and_shown_once(session, qtbot, caplog):
    for _ in range(2):
        fut: concurrent.futures.Future = concurrent.futures.Future()
        session.bridge.watch(fut)
        fut.set_exception(ZeroDivisionError("oops"))
    banner = session.window.banner
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert "unexpected" in banner.label.text()
    assert not banner.explain_button.isVisible()
    qtbot.waitUntil(lambda: "ZeroDivisionError" in caplog.text, timeout=2000)


def test_cancelled_work_is_silent(session, qtbot):
    fut: concurrent.futures.Future = concurrent.futures.Future()
    later: concurrent.futures.Future = concurrent.futures.Future()
    delivered: list[str] = []
    session.bridge.watch(fut)
    session.bridge.watch(later, delivered.append)
    fut.cancel()
    later.set_result("after")
    session.bridge.flush()  # both deliveries ran, in order
    assert delivered == ["after"]
    assert not session.window.banner.isVisible()


def test_geometry_is_remembered(qtbot, tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    first = KeyDeskSession(settings_store=store)
    first.window.show()
    first.window.resize(731, 533)
    qtbot.wait(20)
    assert first.close()
    assert "geometry" in store.load().ui_state
    second = KeyDeskSession(settings_store=store)
    try:
        assert (second.window.width(), second.window.height()) == (731, 533)
    finally:
        assert second.close()


def test_open_and_close_twenty_times_leaves_no_thread(qtbot):
    before = set(non_daemon_threads())
    for _ in range(20):
        s = KeyDeskSession(demo=True)
        s.window.show()
        qtbot.wait(5)
        assert s.close()
    assert set(non_daemon_threads()) <= before


def test_about_box_names_version_and_licences(session):
    from app import __version__
    from ui.about import about_text

    text = about_text()
    assert __version__ in text and "LGPL" in text and "GPL-3.0" in text


def test_self_test_command_writes_a_screenshot(tmp_path):
    out = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "ui.entry", "self-test", "--screenshot", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "failed" in proc.stdout and ", 0 failed" in proc.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
