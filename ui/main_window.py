"""The main window: navigation, pages, the message banner and the device status bar."""

from __future__ import annotations

import logging

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
from app.domain.events import DeviceForgotten, DeviceStateChanged
from app.i18n import resolve_language
from app.setup.apply import Applied
from ui.about import show_about
from ui.context import UiContext
from ui.monitor.store_health import check_action
from ui.operators.desk_lock import DeskLock
from ui.pages import PAGES
from ui.setup.wizard import SetupAssistant, SetupWizard
from ui.widgets.message_banner import MessageBanner, SettingsBanner
from ui.widgets.status_bar import DeviceStatusBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        title = "KeyDesk" + (" — demo (simulated devices)" if ctx.demo else "")
        self.setWindowTitle(title)
        self.setMinimumSize(QSize(640, 480))

        self.banner = MessageBanner()
        self.banner.explain_requested.connect(self.show_explanation)
        report = None if ctx.demo else ctx.settings_store.report
        self.settings_banner = SettingsBanner(report, resolve_language(ctx.settings.language))
        self.settings_banner.open_settings_requested.connect(lambda: self.show_page("settings"))
        ctx.requests.setParent(self)  # destroyed with the window, on the Qt thread
        ctx.requests.error.connect(self.banner.show_error)
        ctx.requests.explanation.connect(self.show_explanation)
        ctx.requests.settings_saved.connect(self.settings_banner.saved)
        ctx.requests.open_settings.connect(self.open_settings)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Pages")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for index, (key, label, page_class) in enumerate(PAGES):
            page = page_class(ctx)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
            self.nav.addItem(label)
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
        ctx.bridge.subscribe(self.status.on_event, DeviceStateChanged, DeviceForgotten,
                             owner=self.status)
        self._build_menu()
        # Who holds the desk: status label, switch / lock / sign out, the idle lock.
        self.desk_lock = DeskLock(self, ctx, self.file_menu)
        self.assistant = SetupAssistant(ctx, self)
        self.assistant.applied.connect(self._setup_applied)
        self._restore_geometry()

    def _build_menu(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(check_action(self, self.ctx, lambda: self.ctx.services.events))
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        setup = QAction(self.tr("Set-up &assistant…"), self)
        setup.setObjectName("run_setup_assistant")
        setup.triggered.connect(self.run_setup_assistant)
        help_menu.addAction(setup)
        logs = QAction("Open &log folder", self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        help_menu.addAction(logs)
        about = QAction(f"&About KeyDesk {__version__}", self)
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _, _ in PAGES]
        self.nav.setCurrentRow(keys.index(key))
        return self.pages[key]

    def open_settings(self, section: str) -> QWidget:
        """Settings at ``section`` (the "Set up…" buttons of the pages land here)."""
        page = self.show_page("settings")
        show = getattr(page, "show_section", None)
        if show is not None:
            show(section)
        return page

    def run_setup_assistant(self) -> SetupWizard:
        return self.assistant.open()

    def _setup_applied(self, applied: Applied) -> None:
        settings = self.pages.get("settings")
        reload = getattr(settings, "load", None)
        if reload is not None:
            reload()
        self.ctx.requests.settings_changed.emit()
        self.statusBar().showMessage(self.tr("Set-up saved."), 8000)

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
        self.desk_lock.stop()
        self.ctx.settings.ui_state["geometry"] = bytes(
            self.saveGeometry().toBase64().data()
        ).decode("ascii")
        try:
            self.ctx.save_ui_state()  # never over a damaged file the user has not saved
        except OSError:
            log.exception("could not save settings")
        for page in self.pages.values():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                try:
                    shutdown()
                except Exception:
                    log.exception("page shutdown failed")
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
