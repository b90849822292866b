"""Starting and stopping the whole program: runtime, (demo) simulators, window.

``KeyDeskSession`` is created once per window and can be opened and closed many times in
one process (the tests do it 20 times): closing stops every thread it started.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app import logbuffer, paths
from app.i18n import LANGUAGE_NAMES, resolve_language, set_preferred_language
from app.settings import LoadReport, SecretStore, Settings, SettingsStore
from ui import translations
from ui.context import UiContext, WindowRequests
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.demo import DemoEnvironment
    from app.runtime import Runtime
    from app.services import DeskServices
    from ui.bridge import Bridge
    from ui.gc_guard import QtThreadGarbageCollector

log = logging.getLogger(__name__)


def ensure_qapp(offscreen: bool = False) -> QApplication:
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        # Fractional scales (150 %) as they are; said through Qt's variable, which needs
        # no enum of the Qt namespace before the first paint (ui.keys says why).
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
        app = QApplication(sys.argv[:1])
        app.setApplicationName("KeyDesk")
        app.setOrganizationName("KeyDesk")
    return app  # type: ignore[return-value]


class KeyDeskSession:
    """Runtime, (demo simulators), the desk's services, the bridge and the window.

    Two stages, so a person sees a window as soon as Qt can paint one: the first reads the
    settings, sets the language and builds the window's frame (page list, status bar,
    menus, the first page's "Starting…" stand-in); the second, :meth:`start_desk`, builds
    the runtime and the desk's services, starts the devices and gives the window its
    pages. ``defer=True`` (``keydesk``) leaves the second stage to the window's first
    paint; by default both run here, so a session is whole once built.

    The desk's devices are watched from the start, whichever pages exist: the encoder (its
    card events are stored) and every configured reader.
    """

    def __init__(self, *, demo: bool = False, settings_store: SettingsStore | None = None,
                 secrets: SecretStore | None = None, language: str | None = None,
                 defer: bool = False) -> None:
        """``secrets``: where secrets are kept (default: the OS keyring; tests give a
        ``MemorySecretStore``). ``language``: ``keydesk --lang``, which wins over the
        language setting."""
        self._store = store = settings_store or SettingsStore()
        logbuffer.install()  # Help → Show log shows what happened since the window started
        # Read before any thread starts; a damaged file is reported, never raised.
        self.settings_report: LoadReport | None = None if demo else store.load_report()
        self._closed = False
        self._demo_wanted = demo
        self._secrets = secrets
        self.demo: DemoEnvironment | None = None
        self.runtime: Runtime | None = None
        self._retired: list[MainWindow] = []
        self._gc: QtThreadGarbageCollector | None = None
        self._on_started: list[Callable[[], object]] = []
        self.start_error: Exception | None = None  # the deferred start failed (see run_window)
        if demo:  # the demo's settings are its simulators': it starts whole
            defer = False
        settings: Settings = (
            self.settings_report.settings if self.settings_report is not None else Settings()
        )
        # The language banners and catalog texts speak when no one names one (the
        # Settings page updates it on save): the one process-wide preference.
        self._language = language
        if not demo:
            self._speak_at_start(settings)
        # A failure nobody else handles goes to the window's banner via the requests.
        requests = WindowRequests()
        requests.language_changed.connect(self.speak)
        self.ctx = UiContext(store, settings, None, requests)
        if not defer:
            self.start_desk()
        else:
            self.window = MainWindow(self.ctx)
            self.window.first_painted.connect(self._start_after_paint)

    def _start_after_paint(self) -> None:
        # Inside the event loop no exception reaches ``ui.entry``: keep it, end the loop,
        # and let run_window raise it there.
        try:
            self.start_desk()
        except Exception as exc:
            log.exception("the desk could not start")
            self.start_error = exc
            QCoreApplication.exit(1)

    def _speak_at_start(self, settings: Settings) -> None:
        speaking = self._language or settings.language
        set_preferred_language(speaking)
        translations.install(resolve_language(speaking))

    @property
    def started(self) -> bool:
        """The desk's services are built and the window has its pages."""
        return self.ctx.started

    @property
    def services(self) -> DeskServices:
        return self.ctx.services

    @property
    def bridge(self) -> Bridge:
        return self.ctx.bridge

    def when_started(self, then: Callable[[], object]) -> None:
        """Run ``then`` once the desk's services are built (at once if they are)."""
        if self.started:
            then()
        else:
            self._on_started.append(then)

    def start_desk(self) -> None:
        """The second stage: runtime, (demo), services, devices; then the window's pages.
        Idempotent; a failure shuts the runtime down and raises (``ui.entry`` says why)."""
        if self.started or self._closed or self.runtime is not None:
            return
        # The log file held back for the first paint (``keydesk``), before any thread logs.
        from app import logsetup

        logsetup.start_rotation()
        translations.use_fallback_fonts()  # Chinese room names, whatever the language
        # Imported here, after the first paint: the asyncio loop, SQLite, the encoder.
        from app.runtime import Runtime
        from app.services import open_desk
        from ui.bridge import Bridge
        from ui.gc_guard import QtThreadGarbageCollector

        store = self._store
        self.runtime = Runtime().start()
        try:
            if self._demo_wanted:
                from app.demo import start_demo  # the simulators: only for the demo

                self.demo = self.ctx.demo = start_demo(self.runtime)
                self.ctx.start_settings = self.demo.settings
                self._speak_at_start(self.demo.settings)
            settings = self.ctx.start_settings
            secrets = self.demo.secrets if self.demo else (self._secrets or SecretStore())
            services = open_desk(self.runtime, settings, secrets)
            # Old events go at start, whether or not anyone opens the Monitor.
            services.start_retention(store.retention_days(settings))
            bridge = Bridge(self.runtime.bus, on_error=self.ctx.requests.error.emit)
            self.ctx.attach(services, bridge)
            services.start_encoder()
            readers_error = self._start_readers()
            if getattr(self, "window", None) is None:
                self.window = MainWindow(self.ctx)
            else:
                self.window.desk_started()
            self._gc = QtThreadGarbageCollector()  # Qt objects die on the Qt thread only
        except BaseException:
            # A start-up failure must end the process, not leave it hanging on our threads.
            self.runtime.shutdown()
            raise
        for problem in (services.events_error, readers_error):
            if problem is not None:
                self.ctx.report_error(problem)
        waiting, self._on_started = self._on_started, []
        for then in waiting:
            then()

    def _start_readers(self) -> Exception | None:
        try:
            self.services.start_readers()
        except Exception as exc:  # the window still opens; the banner says why
            log.exception("reader monitoring did not start")
            return exc
        return None

    @property
    def first_run(self) -> bool:
        """No settings file yet (a fresh install): the set-up assistant opens by itself."""
        return self.settings_report is not None and not self.settings_report.found

    def speak(self, lang: str) -> MainWindow:
        """Reopen the window in ``lang`` (the Settings page saved another language): Qt
        sets a widget's words when it is built, so the window is built again, on the same
        services, signed-in operator and settings, where the old one stood, and the old
        one stands down. Whatever was typed in the old window's forms is not carried."""
        old = self.window
        if old.work_in_progress():  # never cut a card or a door short for a language
            page = old.pages.built().get("settings")
            if page is not None and hasattr(page, "status"):
                page.status.setText(QCoreApplication.translate(
                    "KeyDeskSession", "Saved. Work is still running (a card, a door…): the "
                    "window speaks {language} from the next start of KeyDesk.").format(
                    language=LANGUAGE_NAMES.get(lang, lang)))
            return old
        shown = old.isVisible()
        translations.install(lang)
        window = MainWindow(self.ctx)  # takes over the window requests
        window.take_over_from(old)
        old.retire()
        self._retired.append(old)
        self.window = window
        if shown:
            window.show()
        page = window.pages.built().get("settings")
        status = getattr(page, "status", None)
        if status is not None:
            status.setText(QCoreApplication.translate(
                "KeyDeskSession", "Saved. The window now speaks {language}.").format(
                language=LANGUAGE_NAMES.get(lang, lang)))
        return window

    def close(self) -> bool:
        """Close the window and stop every thread; True when all stopped in time."""
        if self._closed:
            return True
        self._closed = True
        window = getattr(self, "window", None)
        if window is not None:
            window.close()
        bridge = self.ctx.bridge if self.started else None
        if bridge is not None:
            # Nothing more is delivered to a closing window (late results are dropped).
            bridge.close()
        for old in self._retired:
            old.deleteLater()
        if window is not None:
            window.deleteLater()
        if bridge is not None:
            bridge.deleteLater()  # destroyed on the Qt thread, never by a GC elsewhere
        ok = self.runtime.shutdown() if self.runtime is not None else True
        translations.install("en")  # the session's language goes with it (Qt's default)
        if self._gc is not None:
            self._gc.stop()  # the worker threads are gone: automatic collection is safe again
        if not ok:
            log.error("some threads did not stop in time")
        return ok


def sign_in_at_start(session: KeyDeskSession) -> bool:
    """On a desk with operator accounts, ask who is at the desk before the window opens
    (False: the user quit). A single-operator desk asks nothing. The desk's services are
    built first if they were not yet (the accounts are theirs)."""
    from app.domain.errors import KeyDeskError
    from ui.operators.sign_in import START, SignInDialog

    session.start_desk()
    operators = session.services.operators
    try:
        if operators.current() is not None:
            return True
    except KeyDeskError:
        pass  # a damaged accounts file: the dialog explains it
    dialog = SignInDialog(session.ctx, START)
    accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
    dialog.deleteLater()
    if session.window.desk_lock is not None:
        session.window.desk_lock.refresh()
    return accepted


def open_window(session: KeyDeskSession) -> bool:
    """Show the window after the sign-in (False: nobody signed in, the user quit); on a
    fresh install (no settings file) the set-up assistant opens over it by itself.

    A session still starting (``defer=True``) is shown at once and builds its services
    after the first paint — unless the desk may have operator accounts (their file
    exists): then the services come first, for the sign-in asked before the window."""
    if session.started or paths.accounts_file().exists():
        if not sign_in_at_start(session):
            return False
    session.window.show()
    if session.first_run:
        session.when_started(session.window.run_setup_assistant)
    return True


def run_window(demo: bool, language: str | None = None) -> int:
    app = ensure_qapp()
    session = KeyDeskSession(demo=demo, language=language, defer=True)
    try:
        if not open_window(session):
            return 0  # nobody signed in: the user chose to quit
        app.aboutToQuit.connect(session.close)
        code = app.exec()
        if session.start_error is not None:
            raise session.start_error  # ui.entry says why, as for a failure before the window
        return code
    finally:
        session.close()
