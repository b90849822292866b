"""Issue 10 in the window: a damaged settings file opens the window with the problem
named in a banner, is not written over on close, is copied aside, and does not let
retention delete old events. The user's own Save writes the file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from app import paths
from app.domain.events import DeviceEvent
from app.settings import SettingsStore
from app.store.events import EventStore

OLD_TIME = "2001-01-01T10:00:00Z"  # older than any retention, at whatever hour this runs

DAMAGED = {
    "trailing-comma": ('{"event_retention_days": 30, "readers": [],}', "not valid JSON"),
    "retention-text": ('{"event_retention_days": "0"}', "event_retention_days"),
    "retention-bool": ('{"event_retention_days": true}', "event_retention_days"),
    "retention-decimal": ('{"event_retention_days": 1.5}', "event_retention_days"),
    "retention-huge": ('{"event_retention_days": 100000000000}', "event_retention_days"),
    "geometry-number": ('{"ui_state": {"geometry": 5}}', "ui_state.geometry"),
    "version-text": ('{"version": "x"}', "version"),
    "version-null": ('{"version": null}', "version"),
}


def _store_old_event() -> None:
    store = EventStore(paths.data_dir() / "events.sqlite3").start()
    store.add(DeviceEvent("test-old", kind="reader", code="AccessControl",
                          payload={"device": "test-old", "time": OLD_TIME, "card": "AB1",
                                   "dedupe_key": "test-old:rec:1"}))
    assert store.flush()
    store.close()


def _old_events_left() -> int:
    store = EventStore(paths.data_dir() / "events.sqlite3").start()
    try:
        return store.count(device="test-old")
    finally:
        store.close()


def _open(qtbot):
    from ui.application import KeyDeskSession

    session = KeyDeskSession()  # the real profile (KEYDESK_HOME of this test); closed by us
    session.window.show()
    monitor = session.window.pages["monitor"]
    assert monitor.store is not None and monitor.store.flush()  # retention, if queued, ran
    return session, monitor


def _close(session) -> None:
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.mark.parametrize("case", list(DAMAGED))
def test_window_opens_on_a_damaged_file_names_it_and_loses_nothing(qtbot, case):
    content, named = DAMAGED[case]
    path = SettingsStore().path
    path.write_text(content, encoding="utf-8")
    _store_old_event()

    session, monitor = _open(qtbot)
    try:
        banner = session.window.settings_banner
        assert banner.isVisible()
        assert named in banner.label.text() and str(path) in banner.label.text()
        assert monitor.store.count(device="test-old") == 1
        session.window.resize(733, 517)  # geometry that closing would remember
    finally:
        _close(session)

    assert path.read_text(encoding="utf-8") == content  # not overwritten on close
    copies = list(path.parent.glob("settings.damaged-*.json"))
    assert len(copies) == 1 and copies[0].read_text(encoding="utf-8") == content
    assert _old_events_left() == 1


def test_a_valid_file_lets_retention_run_and_remembers_geometry(qtbot):
    """The control: the same old event does go when the file says so and is sound."""
    path = SettingsStore().path
    path.write_text(json.dumps({"version": 1, "event_retention_days": 30}), encoding="utf-8")
    _store_old_event()
    session, monitor = _open(qtbot)
    try:
        assert not session.window.settings_banner.isVisible()
        assert monitor.store.count(device="test-old") == 0
    finally:
        _close(session)
    assert "geometry" in json.loads(path.read_text(encoding="utf-8"))["ui_state"]
    assert not list(path.parent.glob("settings.damaged-*"))


def test_saving_on_the_settings_page_writes_the_file_and_says_where_the_original_is(
        qtbot, tmp_path):
    path = SettingsStore().path
    path.write_text('{"event_retention_days": "0", "encoder_url": "COM9"}', encoding="utf-8")
    session, _monitor = _open(qtbot)
    try:
        banner = session.window.settings_banner
        qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
        page = session.window.stack.currentWidget()
        assert page is session.window.pages["settings"]
        banner.grab().save(str(tmp_path / "settings-banner.png"))
        session.window.grab().save(str(tmp_path / "window-damaged-settings.png"))
        page.retention.setValue(120)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert (saved["event_retention_days"], saved["encoder_url"]) == (120, "COM9")
        assert "settings.damaged-" in banner.label.text() and not banner.open_button.isVisible()
    finally:
        _close(session)
    # After the user's save the file is no longer held: closing remembers the geometry.
    assert "geometry" in json.loads(path.read_text(encoding="utf-8"))["ui_state"]


def test_save_on_a_folder_that_cannot_be_written_is_explained(session, qtbot, tmp_path):
    """Issue 11: Settings > Save on a read-only config folder raised with no banner and
    no status text. Now the page says so and the window's banner explains it."""
    from app.settings import SettingsStore

    blocked = tmp_path / "settings.json"
    blocked.mkdir()  # a folder where the file must go: the write fails as on a read-only one
    ctx = session.ctx
    ctx.demo, demo = None, ctx.demo  # the demo never writes: act as a real desk here
    ctx.settings_store = SettingsStore(blocked)
    shown = []
    ctx.requests.error.connect(shown.append)
    try:
        page = session.window.show_page("settings")
        page.save()
    finally:
        ctx.demo = demo
    assert "Settings were not saved" in page.status.text()
    assert [(e.domain, e.code) for e in shown] == [("desk", "settings-not-saved")]
    assert str(blocked) in shown[0].detail
