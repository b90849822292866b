"""The desk's parts work whichever pages the window has: events are stored by the desk
(app.services), not because the Monitor page happens to exist."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

import ui.main_window
from ui.application import KeyDeskSession


def test_a_window_without_the_monitor_page_still_stores_card_events(qtbot, monkeypatch):
    pages = [p for p in ui.main_window.PAGES if p[0] != "monitor"]
    monkeypatch.setattr(ui.main_window, "PAGES", pages)
    session = KeyDeskSession(demo=True)
    try:
        qtbot.addWidget(session.window)
        assert "monitor" not in session.window.pages
        store = session.services.events
        assert store is not None
        # The demo encoder has a blank card on it: the desk's encoder watch sees it.
        qtbot.waitUntil(lambda: store.count(kind="encoder", code="CardPlaced") == 1,
                        timeout=10000)
        [event] = store.query(code="CardPlaced")
        assert session.demo is not None and session.demo.encoder is not None
        assert event.payload["uid"] == session.demo.encoder.card.uid.hex().upper()
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
