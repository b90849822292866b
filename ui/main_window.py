"""The main window: navigation, pages, the message banner and the device status bar."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths
from app.domain.events import DeviceStateChanged
from app.i18n import resolve_language
from ui.about import show_about
from ui.context import UiContext
from ui.monitor.store_health import check_action
from ui.operators.desk_lock import DeskLock
from ui.pages import PAGES, page_title
from ui.widgets.message_banner import MessageBanner, SettingsBanner
from ui.widgets.status_bar import DeviceStatusBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.retired = False
        self.setWindowTitle(self.tr("KeyDesk — demo (simulated devices)") if ctx.demo
                            else "KeyDesk")
        self.setMinimumSize(QSize(640, 480))

        self.banner = MessageBanner()
        self.banner.explain_requested.connect(self.show_explanation)
        report = None if ctx.demo else ctx.settings_store.report
        self.settings_banner = SettingsBanner(report, resolve_language())  # --lang or setting
        self.settings_banner.open_settings_requested.connect(lambda: self.show_page("settings"))
        ctx.requests.setParent(self)  # destroyed with the window, on the Qt thread
        for signal, slot in self._answers():
            signal.connect(slot)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for index, (key, label, page_class) in enumerate(PAGES):
            page = page_class(ctx)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
            self.nav.addItem(page_title(label))
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            shortcut.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(shortcut)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.settings_banner)
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self.status = DeviceStatusBar()
        self.setStatusBar(self.status)
        self._status_sub = ctx.bridge.subscribe(self.status.on_event, DeviceStateChanged,
                                                owner=self.status)
        self._build_menu()
        # Who holds the desk: status label, switch / lock / sign out, the idle lock.
        self.desk_lock = DeskLock(self, ctx, self.file_menu)
        self._restore_geometry()

    def _build_menu(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(check_action(self, self.ctx, lambda: self.ctx.services.events))
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        logs = QAction(self.tr("Open &log folder"), self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        help_menu.addAction(logs)
        about = QAction(self.tr("&About KeyDesk {version}").format(version=__version__), self)
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    def _answers(self) -> list[tuple[Any, Any]]:
        """The window requests this window answers (a window reopened in another language
        lets go of them). Built when asked: a list kept on the window would hold its own
        bound methods, and keep it alive after Qt deleted it."""
        r = self.ctx.requests
        return [(r.error, self.banner.show_error), (r.explanation, self.show_explanation),
                (r.settings_saved, self.settings_banner.saved)]

    def work_in_progress(self) -> bool:
        """A job still running in a page (a card being written, a door commissioned)."""
        from PySide6.QtCore import QObject

        from ui.jobs import JobRunner

        for obj in self.findChildren(QObject):
            jobs = getattr(obj, "jobs", None)
            if isinstance(jobs, JobRunner) and jobs.running:
                return True
        door = getattr(self.pages.get("locks"), "_door_future", None)
        return door is not None and not door.done()

    def current_page(self) -> str:
        return [k for k, _, _ in PAGES][max(0, self.nav.currentRow())]

    def take_over_from(self, old: MainWindow) -> None:
        """Become the window ``old`` was (reopened in another language): its size and
        place, its page, and the device states it had been told."""
        self.restoreGeometry(old.saveGeometry())
        if not old.isMaximized():
            self.resize(old.size())
            self.move(old.pos())
        self.show_page(old.current_page())
        for event in old.status.last_events():
            self.status.on_event(event)
            monitor = self.pages.get("monitor")
            on_state = getattr(getattr(monitor, "devices", None), "on_state", None)
            if on_state is not None:
                on_state(event)

    def retire(self) -> None:
        """Stand down for a window reopened in another language: its pages stop (their
        jobs' late results are dropped), it answers no request and hears no bus event.
        It stays alive, hidden, until the session closes, so a late callback never finds
        its widgets deleted."""
        self.retired = True
        self.desk_lock.stop()
        for signal, slot in self._answers():
            signal.disconnect(slot)
        self.ctx.bridge.unsubscribe(self._status_sub)
        self._shutdown_pages()
        self.hide()

    def _shutdown_pages(self) -> None:
        for page in self.pages.values():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                try:
                    shutdown()
                except Exception:
                    log.exception("page shutdown failed")

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _, _ in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def show_explanation(self, domain: str, code: str) -> None:
        page = self.show_page("explain")
        show = getattr(page, "show_code", None)
        if show is not None:
            show(domain, code)

    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.ui_state.get("geometry")
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.retired:  # the window that took over owns the session's ending
            event.accept()
            return
        self.desk_lock.stop()
        self.ctx.settings.ui_state["geometry"] = bytes(
            self.saveGeometry().toBase64().data()
        ).decode("ascii")
        try:
            self.ctx.save_ui_state()  # never over a damaged file the user has not saved
        except OSError:
            log.exception("could not save settings")
        self._shutdown_pages()
        self.ctx.bridge.close()
        event.accept()


def keyboard_focus_order(window: MainWindow) -> list[QWidget]:
    """The widgets reachable with Tab from the navigation list (used by tests)."""
    seen: list[QWidget] = []
    widget: QWidget | None = window.nav
    while widget is not None and widget not in seen:
        seen.append(widget)
        widget = widget.nextInFocusChain()
        if widget is not None and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
    return seen
