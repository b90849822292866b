"""``QT_TRANSLATE_NOOP`` typed for what it returns: the text itself (a ``str``).

PySide6's stubs say ``object``, so every text marked for translation as data (page
titles, column headers, combo items) would need a cast. The window's modules import
``QT_TRANSLATE_NOOP`` from here instead of ``PySide6.QtCore``; the name stays the same,
since Qt's ``lupdate`` finds those texts by the literal name of the call.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _qt_translate_noop


def QT_TRANSLATE_NOOP(context: str, text: str, /) -> str:
    """PySide6's own: ``text`` unchanged (the context is for ``lupdate`` only)."""
    return cast(str, _qt_translate_noop(context, text))
