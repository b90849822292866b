"""The Monitor page says, in red and for as long as it lasts, that events are NOT being
kept; a damaged database set aside at start is told; File → Check event database….

The write failure is SQLite's own (``max_page_count`` on the store's writer connection,
the same SQLITE_FULL a full disk gives).
"""

from __future__ import annotations

import os
import random

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from app.store.events import EventStore
from tests.gui.test_monitor_page import access
from tests.unit.test_store_health import damage_middle, fill, limit_pages, unlimit_pages

SHOTS = os.environ.get("KEYDESK_SCREENSHOTS")


@pytest.fixture
def page(session):
    p = session.window.show_page("monitor")
    p.banner._beep = lambda: None
    return p


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


def test_a_store_that_cannot_write_shows_a_persistent_red_state(session, page, qtbot):
    bus = session.runtime.bus
    bus.publish(access(1, note=random.Random(1).randbytes(1500).hex()))
    qtbot.waitUntil(lambda: page.table.model.rowCount() >= 1, timeout=5000)
    assert page.store_health.isHidden()
    limit_pages(page.store)
    for n in range(2, 12):
        bus.publish(access(n, note=random.Random(n).randbytes(1500).hex()))
    qtbot.waitUntil(lambda: page.store_health.isVisible() and page.store_health.failing,
                    timeout=5000)
    text = page.store_health.label.text()
    assert "Events are NOT being kept" in text and "full" in text
    assert page.store_health.dismiss.isHidden()  # it cannot be waved away
    shot(session.window, "monitor-not-kept.png")
    # Later rows and counts do not replace it.
    page._update_counts()
    qtbot.wait(50)
    assert page.store_health.isVisible() and page.store_health.failing

    unlimit_pages(page.store)
    assert page.store.flush()
    qtbot.waitUntil(lambda: not page.store_health.failing, timeout=5000)
    qtbot.waitUntil(lambda: page.store.count(device="test-lobby") == 11, timeout=5000)
    assert page.store_health.isHidden()  # nothing lost: nothing left to say


def test_a_damaged_database_at_start_is_set_aside_and_told(qtbot, keydesk_home):
    from app import paths
    from ui.application import KeyDeskSession

    session = KeyDeskSession(demo=True)  # the demo's own data folder exists now
    path = paths.data_dir() / "events.sqlite3"
    session.close()
    fill(path, 2000)
    damage_middle(path)
    store = EventStore(path)
    session = KeyDeskSession(demo=True)
    try:
        qtbot.addWidget(session.window)
        session.window.show()
        page = session.window.show_page("monitor")
        page.store.close()
        page.store = store.start()
        page.store_health.show_health(page.store.health())
        assert page.store_health.isVisible() and not page.store_health.failing
        assert "was damaged" in page.store_health.label.text()
        assert str(store.damaged_file) in page.store_health.label.text()
        shot(session.window, "monitor-damaged.png")
        page.store_health.dismiss.click()
        assert page.store_health.isHidden()
    finally:
        store.close()
        assert session.close()


def test_the_menu_checks_the_database_and_tells_the_result(session, page, qtbot):
    action = next(a for a in session.window.menuBar().actions()[0].menu().actions()
                  if "database" in a.text())
    action.trigger()

    def box():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10000)
    assert "is sound" in box().text()
    box().accept()


def test_an_event_file_of_a_newer_keydesk_is_said_so_and_not_as_a_full_disk(qtbot,
                                                                             keydesk_home):
    import sqlite3

    from app import paths
    from app.settings import MemorySecretStore, SettingsStore
    from ui.application import KeyDeskSession

    paths.data_dir().mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(paths.data_dir() / "events.sqlite3")
    conn.execute("PRAGMA user_version = 999")  # written by a newer KeyDesk
    conn.close()
    store = SettingsStore()
    store.save(store.load())
    s = KeyDeskSession(settings_store=store, secrets=MemorySecretStore())
    try:
        s.window.show()
        assert s.services.events is None
        page = s.window.show_page("monitor")
        text = page.store_health.label.text()
        assert page.store_health.isVisible() and page.store_health.failing
        assert "made by a newer KeyDesk" in text and "Install the newer KeyDesk" in text
        assert "disk space" not in text and "every second" not in text
        shot(page, "monitor-newer-file.png")
    finally:
        assert s.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_events_kept_apart_are_told_until_dismissed_and_again_when_more_come(qtbot):
    from app.domain.stored import StoreHealth
    from ui.monitor.store_health import StoreHealthBanner

    banner = StoreHealthBanner("en")
    qtbot.addWidget(banner)
    where = "/data/events.refused.jsonl"
    banner.show_health(StoreHealth("store", refused=1, refused_in=where))
    assert not banner.isHidden() and not banner.failing
    assert "refused to store" in banner.label.text() and where in banner.label.text()
    assert "): 1." in banner.label.text()
    banner.dismiss.click()
    banner.show_health(StoreHealth("store", refused=1, refused_in=where))
    assert banner.isHidden()  # read and dismissed: nothing new
    banner.show_health(StoreHealth("store", refused=2, refused_in=where))
    assert not banner.isHidden() and "): 2." in banner.label.text()
