from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication


@pytest.fixture
def session(qtbot):
    """A window on the demo simulators, closed (and checked for leftover threads) after."""
    from app.operators import demo as operators_demo
    from ui.application import KeyDeskSession

    s = KeyDeskSession(demo=True)
    operators_demo.sign_in(s.services.operators, "admin")  # the demo has operator accounts
    qtbot.addWidget(s.window)
    s.window.show()
    yield s
    assert s.close()
    # Destroy the window now, inside its own test, rather than whenever a later test
    # happens to spin an event loop.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
