"""The window's pages, in navigation order. Each entry: (key, title, page class or factory).

A page class takes the :class:`ui.context.UiContext` and may define ``shutdown()``
(called when the window closes) and ``show_code(domain, code)`` (Explain page only).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.pages.audit import AuditPage
from ui.pages.explain import ExplainPage
from ui.pages.front_desk import FrontDeskPage
from ui.pages.locks import LocksPage
from ui.pages.monitor import MonitorPage
from ui.pages.settings import SettingsPage

PAGES: list[tuple[str, str, Callable[[UiContext], QWidget]]] = [
    ("front_desk", "Front desk", FrontDeskPage),
    ("locks", "Locks", LocksPage),
    ("monitor", "Monitor", MonitorPage),
    ("explain", "Explain", ExplainPage),
    ("settings", "Settings", SettingsPage),
    ("audit", "Audit", AuditPage),  # last: the pages before keep their Ctrl+number
]
