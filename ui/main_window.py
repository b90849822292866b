"""The main window: navigation, pages, the message banners, the Desk and Help menus and
the device health in the status bar.

Pages are built when first shown (``LazyPages``), so start-up pays only for the first
one; the Monitor is built right after the window first paints, because it raises the
alarms. Each page's splitters and column widths are put back when it is built and
remembered on close (``ui.window_state``), with the window's size and position.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths
from app.domain.events import DeviceEvent, DeviceForgotten, DeviceStateChanged
from app.i18n import resolve_language
from ui import window_state
from ui.about import show_about
from ui.context import UiContext
from ui.icons import icon
from ui.monitor.store_health import check_action
from ui.operators.desk_lock import DeskLock
from ui.pages import PAGE_ICONS, PAGES, page_title
from ui.widgets.message_banner import MessageBanner, SettingsBanner
from ui.widgets.status_bar import CLOUD, READERS, DeviceStatusBar

if TYPE_CHECKING:
    from app.setup.apply import Applied
    from ui.log_view import LogView
    from ui.setup.wizard import SetupAssistant, SetupWizard

log = logging.getLogger(__name__)
BUILT_AFTER_SHOW = ("monitor",)  # raise alarms even when nobody opened them


class LazyPages(Mapping[str, QWidget]):
    """The window's pages by key; a page is built the first time it is asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = weakref.ref(window)  # no Python cycle with the window
        self._keys = [key for key, _title, _factory in PAGES]
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            window = self._window()
            if window is None:
                raise KeyError(key)
            page = self._built[key] = window.build_page(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)

    def values(self) -> Any:  # only the built ones: asking must not build them all
        return list(self._built.values())


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.retired = False
        self.setWindowTitle(self.tr("KeyDesk — demo (simulated devices)") if ctx.demo
                            else "KeyDesk")
        self.setWindowIcon(icon("desk"))
        self.setMinimumSize(QSize(640, 480))
        self._shown_once = False
        self._closed = False  # closed (or standing down): nothing more is built
        self._assistant: SetupAssistant | None = None
        self.log_view: LogView | None = None

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
        self.nav.setFixedWidth(168)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.pages = LazyPages(self)
        for index, (key, label, _factory) in enumerate(PAGES):
            self.stack.addWidget(QWidget())  # a stand-in until the page is first shown
            item = QListWidgetItem(icon(PAGE_ICONS.get(key, "")), page_title(label))
            item.setToolTip(f"Ctrl+{index + 1}")
            self.nav.addItem(item)
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            shortcut.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
            self.addAction(shortcut)
        self.nav.currentRowChanged.connect(self._page_chosen)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 4)
        outer.addWidget(self.settings_banner)
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self.status = DeviceStatusBar()
        self.status.open_section.connect(self.open_settings)
        self.setStatusBar(self.status)
        self._status_sub = ctx.bridge.subscribe(
            self.status.on_event, DeviceStateChanged, DeviceForgotten, DeviceEvent,
            owner=self.status, where=lambda e: not isinstance(e, DeviceEvent) or e.kind == "desk")
        self.refresh_setup()
        self._build_menu()
        # Who holds the desk: status label, switch / lock / sign out, the idle lock.
        self.desk_lock = DeskLock(self, ctx, self.file_menu)
        self._restore_geometry()
        self.nav.setCurrentRow(0)

    # -- pages -----------------------------------------------------------------------------
    def build_page(self, key: str) -> QWidget:
        index = [k for k, _, _ in PAGES].index(key)
        page = PAGES[index][2](self.ctx)
        page.setObjectName(f"page_{key}")
        window_state.restore(page, key, self.ctx.settings.ui_state)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.pages[PAGES[row][0]]  # built now if it was not yet
        self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _, _ in PAGES]
        page = self.pages[key]
        self.nav.setCurrentRow(keys.index(key))
        return page

    def current_page(self) -> str:
        return [k for k, _, _ in PAGES][max(0, self.nav.currentRow())]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self, self._after_first_show)  # not after a delete

    def _after_first_show(self) -> None:
        if self._closed or self.retired:  # closed before the first paint was over
            return
        for key in BUILT_AFTER_SHOW:
            if key in self.pages:
                self.pages[key]

    # -- menus -----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(check_action(self, self.ctx, lambda: self.ctx.services.events))
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        from ui.desk_actions import DeskShortcuts

        self.desk_shortcuts = DeskShortcuts(self, desk_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        setup = QAction(icon("wand"), self.tr("Set-up &assistant…"), self)
        setup.setObjectName("run_setup_assistant")
        setup.triggered.connect(self.run_setup_assistant)
        help_menu.addAction(setup)
        show_log = QAction(icon("file-description"), self.tr("Show &log"), self)
        show_log.setObjectName("show_log")
        show_log.setShortcut(QKeySequence("Ctrl+Shift+L"))
        show_log.triggered.connect(self.show_log)
        help_menu.addAction(show_log)
        logs = QAction(self.tr("Open log &folder"), self)
        logs.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        help_menu.addAction(logs)
        about = QAction(self.tr("&About KeyDesk {version}").format(version=__version__), self)
        about.triggered.connect(lambda: show_about(self))
        help_menu.addAction(about)

    def show_log(self) -> LogView:
        from app import logbuffer
        from ui.log_view import LogView

        if self.log_view is None:
            self.log_view = LogView(logbuffer.install(), self)
            self.log_view.finished.connect(self._log_closed)
        self.log_view.show()
        self.log_view.raise_()
        return self.log_view

    def _log_closed(self, _result: int) -> None:
        if self.log_view is not None:
            self.log_view.deleteLater()
            self.log_view = None

    # -- set-up ----------------------------------------------------------------------------
    def open_settings(self, section: str) -> QWidget:
        """Settings at ``section`` (the "Set up…" buttons of the pages land here)."""
        page = self.show_page("settings")
        show = getattr(page, "show_section", None)
        if show is not None:
            show(section)
        return page

    @property
    def assistant(self) -> SetupAssistant:
        if self._assistant is None:
            from ui.setup.wizard import SetupAssistant

            self._assistant = SetupAssistant(self.ctx, self)
            self._assistant.applied.connect(self._setup_applied)
        return self._assistant

    def run_setup_assistant(self) -> SetupWizard:
        return self.assistant.open()

    def _setup_applied(self, applied: Applied) -> None:
        settings = self.pages.built().get("settings")
        reload = getattr(settings, "load", None)
        if reload is not None:
            reload()
        self.ctx.requests.settings_changed.emit()
        self.statusBar().showMessage(self.tr("Set-up saved."), 8000)
        if "language" in applied.fields:  # the session reopens the window in it
            self.ctx.requests.language_changed.emit(resolve_language(self.ctx.settings.language))

    def refresh_setup(self) -> None:
        """The status bar names each part not set up yet (asked again after a save)."""
        from app.setup import status

        s, secrets = self.ctx.settings, self.ctx.secrets
        self.status.set_up("encoder", "encoder",
                           status.encoder_missing(s, secrets) != status.ENCODER)
        self.status.set_up(CLOUD, "cloud", status.cloud_missing(s, secrets) is None)
        self.status.set_up(READERS, "reader", status.readers_missing(s) is None)

    # -- another language: the window is built again ------------------------------------
    def _answers(self) -> list[tuple[Any, Any]]:
        """The window requests this window answers (a window reopened in another language
        lets go of them). Built when asked: a list kept on the window would hold its own
        bound methods, and keep it alive after Qt deleted it."""
        r = self.ctx.requests
        return [(r.error, self.banner.show_error), (r.explanation, self.show_explanation),
                (r.settings_saved, self.settings_banner.saved),
                (r.open_settings, self.open_settings), (r.settings_changed, self.refresh_setup)]

    def work_in_progress(self) -> bool:
        """A job still running in a page (a card being written, a door commissioned)."""
        from PySide6.QtCore import QObject

        from ui.jobs import JobRunner

        # The pages only: the set-up assistant's own checks end with it (its Finish may be
        # what changed the language).
        for page in self.pages.values():
            for obj in (page, *page.findChildren(QObject)):
                jobs = getattr(obj, "jobs", None)
                if isinstance(jobs, JobRunner) and jobs.running:
                    return True
        door = getattr(self.pages.built().get("locks"), "_door_future", None)
        return door is not None and not door.done()

    def take_over_from(self, old: MainWindow) -> None:
        """Become the window ``old`` was (reopened in another language): its size and
        place, its page, its splitters and columns, and the device states it was told."""
        state = self.ctx.settings.ui_state
        for key, page in old.pages.built().items():
            window_state.save(page, key, state)
        for key, page in self.pages.built().items():
            window_state.restore(page, key, state)
        self.restoreGeometry(old.saveGeometry())
        if not old.isMaximized():
            self.resize(old.size())
            self.move(old.pos())
        self.show_page(old.current_page())
        monitor = self.pages["monitor"] if "monitor" in old.pages.built() else None
        on_state = getattr(getattr(monitor, "devices", None), "on_state", None)
        for event in old.status.last_events():
            self.status.on_event(event)
            if on_state is not None and isinstance(event, DeviceStateChanged):
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
        if self.log_view is not None:
            self.log_view.close()
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

    def show_explanation(self, domain: str, code: str) -> None:
        page = self.show_page("explain")
        show = getattr(page, "show_code", None)
        if show is not None:
            show(domain, code)

    # -- remembered state -------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.ctx.settings.ui_state.get("geometry")
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1100, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self.retired:  # the window that took over owns the session's ending
            event.accept()
            return
        self.desk_lock.stop()
        state = self.ctx.settings.ui_state
        state["geometry"] = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        for key, page in self.pages.built().items():
            window_state.save(page, key, state)
        try:
            self.ctx.save_ui_state()  # never over a damaged file the user has not saved
        except OSError:
            log.exception("could not save settings")
        if self.log_view is not None:
            self.log_view.close()
        self._shutdown_pages()
        self.ctx.bridge.close()
        event.accept()


def keyboard_focus_order(window: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """The widgets reachable with Tab from ``start`` (default: the navigation list)."""
    seen: list[QWidget] = []
    widget: QWidget | None = start or getattr(window, "nav", None)
    while widget is not None and widget not in seen:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen
