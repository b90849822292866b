"""The window's pages, in navigation order. Each entry: (key, title, factory).

A factory takes the :class:`ui.context.UiContext` and returns the page; it imports the
page's module when called, so start-up loads only the pages shown (the window builds a
page the first time it is shown). A page may define ``shutdown()`` (called when the
window closes) and ``show_code(domain, code)`` (Explain page only). Titles are
translated when shown (context "Pages").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.qt_noop import QT_TRANSLATE_NOOP


def front_desk(ctx: UiContext) -> QWidget:
    from ui.pages.front_desk import FrontDeskPage

    return FrontDeskPage(ctx)


def locks(ctx: UiContext) -> QWidget:
    from ui.pages.locks import LocksPage

    return LocksPage(ctx)


def monitor(ctx: UiContext) -> QWidget:
    from ui.pages.monitor import MonitorPage

    return MonitorPage(ctx)


def explain(ctx: UiContext) -> QWidget:
    from ui.pages.explain import ExplainPage

    return ExplainPage(ctx)


def settings(ctx: UiContext) -> QWidget:
    from ui.pages.settings import SettingsPage

    return SettingsPage(ctx)


def audit(ctx: UiContext) -> QWidget:
    from ui.pages.audit import AuditPage

    return AuditPage(ctx)


PAGES: list[tuple[str, str, Callable[[UiContext], QWidget]]] = [
    ("front_desk", QT_TRANSLATE_NOOP("Pages", "Front desk"), front_desk),
    ("locks", QT_TRANSLATE_NOOP("Pages", "Locks"), locks),
    ("monitor", QT_TRANSLATE_NOOP("Pages", "Monitor"), monitor),
    ("explain", QT_TRANSLATE_NOOP("Pages", "Explain"), explain),
    ("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), settings),
    ("audit", QT_TRANSLATE_NOOP("Pages", "Audit"), audit),  # last: the others keep Ctrl+number
]
PAGE_ICONS = {"front_desk": "desk", "locks": "lock-access", "monitor": "activity-heartbeat",
              "explain": "help-circle", "settings": "settings", "audit": "shield-check"}


def page_title(title: str) -> str:
    """A page's title from :data:`PAGES` in the window's language."""
    return QCoreApplication.translate("Pages", title)
