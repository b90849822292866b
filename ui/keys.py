"""Keyboard shortcuts set without waking Qt's ``Qt`` namespace.

``QAction.setShortcut`` makes PySide6 build every enum of the ``Qt`` namespace (~13 ms)
to pick its overload; ``setShortcuts`` with a list does not. The window's frame is
painted before anything else needs that namespace (``ui.application``), so the actions
built before the first paint set their keys here.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def set_keys(action: QAction, keys: str | QKeySequence.StandardKey) -> None:
    """``action`` answers ``keys`` ("Ctrl+I", or a platform's standard key)."""
    if isinstance(keys, QKeySequence.StandardKey):
        action.setShortcuts(keys)
    else:
        action.setShortcuts([QKeySequence(keys)])
