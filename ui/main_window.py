"""The main window: navigation, pages, the message banners, the Desk and Help menus and
the device health in the status bar.

The window is built in two steps (``ui.application.KeyDeskSession``): its frame — page
list, status bar, menus, banners — can be painted before the desk's services exist, the
current page showing "Starting KeyDesk…"; :meth:`MainWindow.desk_started` then builds the
page and everything that needs the services. Nothing asked meanwhile is lost: a page
chosen is the one built, and the Desk shortcuts, Explain and Settings requests wait
(:meth:`MainWindow.when_started`).

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

from PySide6.QtCore import QByteArray, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths
from app.i18n import resolve_language
from ui.context import UiContext
from ui.icons import icon
from ui.keys import set_keys
from ui.pages import PAGE_ICONS, PAGES, page_title
from ui.widgets.message_banner import MessageBanner, SettingsBanner
from ui.widgets.status_bar import CLOUD, READERS, DeviceStatusBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from app.setup.apply import Applied
    from ui.log_view import LogView
    from ui.operators.desk_lock import DeskLock
    from ui.setup.wizard import SetupAssistant, SetupWizard

log = logging.getLogger(__name__)
BUILT_AFTER_SHOW = ("monitor",)  # raise alarms even when nobody opened them
# How often a window just shown looks whether its first frame is on screen, and for how
# many looks at most: a window started minimized still starts its desk (after ~1 s).
FRAME_LOOK_MS = 5
FRAME_LOOKS = 200


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
    first_painted = Signal()  # emitted once, after the window's first frame is on screen

    def __init__(self, ctx: UiContext) -> None:
        """The window's frame; with ``ctx`` not started yet, :meth:`desk_started` gives it
        its pages once the services are built."""
        super().__init__()
        self.ctx = ctx
        self.retired = False
        self._frame_looks = 0
        self._waiting: list[Callable[[], object]] = []  # asked before the desk started
        self.desk_lock: DeskLock | None = None
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
        self.settings_banner.open_settings_requested.connect(
            lambda: self.when_started(lambda: self.show_page("settings")))
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
            self.stack.addWidget(self._stand_in())  # until the page is first shown
            item = QListWidgetItem(icon(PAGE_ICONS.get(key, "")), page_title(label))
            item.setToolTip(f"Ctrl+{index + 1}")
            self.nav.addItem(item)
            shortcut = QAction(self)
            set_keys(shortcut, f"Ctrl+{index + 1}")
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
        self._build_menu()
        self._restore_geometry()
        self.nav.setCurrentRow(0)
        if ctx.started:
            self.desk_started()
        else:
            self.status.showMessage(self.tr("Starting KeyDesk…"))

    def _stand_in(self) -> QWidget:
        if self.ctx.started:
            return QWidget()
        # Centred by stretches: an alignment flag would wake the Qt namespace (ui.keys).
        stand_in = QWidget()
        starting = QLabel(self.tr("Starting KeyDesk…"))  # the services are being built
        starting.setObjectName("starting")
        column = QVBoxLayout(stand_in)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(starting)
        row.addStretch(1)
        column.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        return stand_in

    # -- the second step: the desk's services exist -----------------------------------------
    def desk_started(self) -> None:
        """The services are built: the parts that need them, the current page, and then
        whatever was asked meanwhile."""
        from app.domain.events import DeviceEvent, DeviceForgotten, DeviceStateChanged
        from ui.monitor.store_health import check_action
        from ui.operators.desk_lock import DeskLock

        if self.desk_lock is not None or self._closed:
            return
        self._status_sub = self.ctx.bridge.subscribe(
            self.status.on_event, DeviceStateChanged, DeviceForgotten, DeviceEvent,
            owner=self.status, where=lambda e: not isinstance(e, DeviceEvent) or e.kind == "desk")
        # What was told before this subscription (the site store, the encoder: maybe once).
        for event in self.ctx.runtime.states.snapshot():
            self.status.on_event(event)
        self.status.clearMessage()
        self.refresh_setup()
        first = self.file_menu.actions()[0]
        self.file_menu.insertAction(first, check_action(self, self.ctx,
                                                        lambda: self.ctx.services.events))
        # Who holds the desk: status label, switch / lock / sign out, the idle lock.
        self.desk_lock = DeskLock(self, self.ctx, self.file_menu)
        self._page_chosen(self.nav.currentRow())
        if self._shown_once:  # the Monitor's alarms: as after any first show
            QTimer.singleShot(0, self, self._after_first_show)
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    def when_started(self, then: Callable[[], object]) -> None:
        """Run ``then`` now, or once the desk's services are built (asked early: kept)."""
        if self.ctx.started and self.desk_lock is not None:
            then()
        else:
            self._waiting.append(then)

    def _look_for_first_frame(self) -> None:
        """``first_painted`` once the window is exposed: Qt paints a widget window inside
        the expose event, so when this runs after it (a later turn of the event loop) the
        frame is on screen. Looked for, not heard: a Python ``event()`` or ``showEvent()``
        here would make PySide6 build its event types (with their enums, ~3 ms) before the
        first frame; they come after it."""
        if self._closed or self.retired:
            return
        handle = self.windowHandle()
        self._frame_looks += 1
        if (handle is not None and handle.isExposed()) or self._frame_looks >= FRAME_LOOKS:
            if self.ctx.started:  # else desk_started sees to the Monitor
                QTimer.singleShot(0, self, self._after_first_show)
            self.first_painted.emit()
        else:
            QTimer.singleShot(FRAME_LOOK_MS, self, self._look_for_first_frame)

    # -- pages -----------------------------------------------------------------------------
    def build_page(self, key: str) -> QWidget:
        index = [k for k, _, _ in PAGES].index(key)
        page = PAGES[index][2](self.ctx)
        page.setObjectName(f"page_{key}")
        from ui import window_state  # the pages' splitters and headers: not the frame's

        window_state.restore(page, key, self.ctx.settings.ui_state)
        on_state = getattr(getattr(page, "devices", None), "on_state", None)
        if on_state is not None:  # the states told before it existed (an encoder is quick)
            from app.domain.events import DeviceStateChanged

            for event in self.status.last_events():
                if isinstance(event, DeviceStateChanged):
                    on_state(event)
        stand_in = self.stack.widget(index)
        assert stand_in is not None  # every page stands in the stack from the start
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _page_chosen(self, row: int) -> None:
        if row < 0:
            return
        if self.ctx.started:  # else it is built once the desk has started
            self.pages[PAGES[row][0]]  # built now if it was not yet
        self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> QWidget:
        keys = [k for k, _, _ in PAGES]
        page = self.pages[key]
        self.nav.setCurrentRow(keys.index(key))
        return page

    def current_page(self) -> str:
        return [k for k, _, _ in PAGES][max(0, self.nav.currentRow())]

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if visible and not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self, self._look_for_first_frame)  # not after a delete

    def _after_first_show(self) -> None:
        if self._closed or self.retired or not self.ctx.started:  # closed, or still starting
            return
        for key in BUILT_AFTER_SHOW:
            if key in self.pages:
                self.pages[key]

    # -- menus -----------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        # "Check event database…" comes first once the desk has started (desk_started).
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        set_keys(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        desk_menu = self.menuBar().addMenu(self.tr("&Desk"))
        from ui.desk_actions import DeskShortcuts

        self.desk_shortcuts = DeskShortcuts(self, desk_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        setup = QAction(icon("wand"), self.tr("Set-up &assistant…"), self)
        setup.setObjectName("run_setup_assistant")
        setup.triggered.connect(lambda: self.when_started(self.run_setup_assistant))
        help_menu.addAction(setup)
        show_log = QAction(icon("file-description"), self.tr("Show &log"), self)
        show_log.setObjectName("show_log")
        set_keys(show_log, "Ctrl+Shift+L")
        show_log.triggered.connect(self.show_log)
        help_menu.addAction(show_log)
        logs = QAction(self.tr("Open log &folder"), self)
        logs.triggered.connect(self._open_log_folder)
        help_menu.addAction(logs)
        about = QAction(self.tr("&About KeyDesk {version}").format(version=__version__), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))

    def _about(self) -> None:
        from ui.about import show_about

        show_about(self)

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
    def open_settings(self, section: str) -> QWidget | None:
        """Settings at ``section`` (the "Set up…" buttons of the pages land here); None
        while the desk is starting (it opens once started)."""
        if self.desk_lock is not None:
            return self._open_settings(section)
        self.when_started(lambda: self._open_settings(section))
        return None

    def _open_settings(self, section: str) -> QWidget:
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
                (r.open_settings, self.open_settings),
                (r.settings_changed, self._settings_changed)]

    def _settings_changed(self) -> None:
        self.when_started(self.refresh_setup)

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
        from app.domain.events import DeviceStateChanged
        from ui import window_state

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
        if self.desk_lock is not None:
            self.desk_lock.stop()
            self.ctx.bridge.unsubscribe(self._status_sub)
        for signal, slot in self._answers():
            signal.disconnect(slot)
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
        self.when_started(lambda: self._show_explanation(domain, code))

    def _show_explanation(self, domain: str, code: str) -> None:
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
        if self.desk_lock is not None:
            self.desk_lock.stop()
        from ui import window_state

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
        if self.ctx.started:
            self.ctx.bridge.close()
        event.accept()


def keyboard_focus_order(window: QWidget, start: QWidget | None = None) -> list[QWidget]:
    """The widgets reachable with Tab from ``start`` (default: the navigation list)."""
    from PySide6.QtCore import Qt

    seen: list[QWidget] = []
    widget: QWidget | None = start or getattr(window, "nav", None)
    while widget is not None and widget not in seen:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    return seen
