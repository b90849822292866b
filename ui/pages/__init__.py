"""The window's pages, in navigation order. Each entry: (key, title, page class or factory);
the title is English, marked for ``lupdate`` and translated when shown (:func:`page_title`).

A page class takes the :class:`ui.context.UiContext` and may define ``shutdown()``
(called when the window closes) and ``show_code(domain, code)`` (Explain page only).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.pages.audit import AuditPage
from ui.pages.explain import ExplainPage
from ui.pages.front_desk import FrontDeskPage
from ui.pages.locks import LocksPage
from ui.pages.monitor import MonitorPage
from ui.pages.settings import SettingsPage

PAGES: list[tuple[str, str, Callable[[UiContext], QWidget]]] = [
    ("front_desk", QT_TRANSLATE_NOOP("Pages", "Front desk"), FrontDeskPage),
    ("locks", QT_TRANSLATE_NOOP("Pages", "Locks"), LocksPage),
    ("monitor", QT_TRANSLATE_NOOP("Pages", "Monitor"), MonitorPage),
    ("explain", QT_TRANSLATE_NOOP("Pages", "Explain"), ExplainPage),
    ("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), SettingsPage),
    # last: the pages before keep their Ctrl+number
    ("audit", QT_TRANSLATE_NOOP("Pages", "Audit"), AuditPage),
]


def page_title(title: str) -> str:
    """A page's title from :data:`PAGES` in the window's language."""
    return QCoreApplication.translate("Pages", title)
