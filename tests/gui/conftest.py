from __future__ import annotations

import pytest


@pytest.fixture
def session(qtbot):
    """A window on the demo simulators, closed (and checked for leftover threads) after."""
    from ui.application import KeyDeskSession

    s = KeyDeskSession(demo=True)
    qtbot.addWidget(s.window)
    s.window.show()
    yield s
    assert s.close()
