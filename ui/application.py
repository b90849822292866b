"""Starting and stopping the whole program: runtime, (demo) simulators, window.

``KeyDeskSession`` is created once per window and can be opened and closed many times in
one process (the tests do it 20 times): closing stops every thread it started.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import logbuffer
from app.i18n import LANGUAGE_NAMES, resolve_language, set_preferred_language
from app.runtime import Runtime
from app.services import open_desk
from app.settings import LoadReport, SecretStore, Settings, SettingsStore
from ui import translations
from ui.bridge import Bridge
from ui.context import UiContext, WindowRequests
from ui.gc_guard import QtThreadGarbageCollector

if TYPE_CHECKING:
    from app.demo import DemoEnvironment
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def ensure_qapp(offscreen: bool = False) -> QApplication:
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
        app.setApplicationName("KeyDesk")
        app.setOrganizationName("KeyDesk")
    return app  # type: ignore[return-value]


class KeyDeskSession:
    """Runtime, (demo simulators), the desk's services, the bridge and the window.

    The desk's devices are watched from the start, whichever pages exist: the encoder (its
    card events are stored) and every configured reader.
    """

    def __init__(self, *, demo: bool = False, settings_store: SettingsStore | None = None,
                 secrets: SecretStore | None = None, language: str | None = None) -> None:
        """``secrets``: where secrets are kept (default: the OS keyring; tests give a
        ``MemorySecretStore``). ``language``: ``keydesk --lang``, which wins over the
        language setting."""
        store = settings_store or SettingsStore()
        logbuffer.install()  # Help → Show log shows what happened since the window started
        # Read before any thread starts; a damaged file is reported, never raised.
        self.settings_report: LoadReport | None = None if demo else store.load_report()
        self._closed = False
        self.runtime = Runtime().start()
        try:
            self.demo: DemoEnvironment | None = None
            if demo:
                from app.demo import start_demo  # the simulators: only for the demo

                self.demo = start_demo(self.runtime)
            settings: Settings = (
                self.demo.settings if self.demo is not None
                else self.settings_report.settings if self.settings_report is not None
                else Settings()
            )
            secrets = self.demo.secrets if self.demo else (secrets or SecretStore())
            # The language banners and catalog texts speak when no one names one (the
            # Settings page updates it on save): the one process-wide preference.
            speaking = language or settings.language
            set_preferred_language(speaking)
            self.services = open_desk(self.runtime, settings, secrets)
            # Old events go at start, whether or not anyone opens the Monitor.
            self.services.start_retention(store.retention_days(settings))
            translations.install(resolve_language(speaking))
            # A failure nobody else handles goes to the window's banner via the requests.
            requests = WindowRequests()
            requests.language_changed.connect(self.speak)
            self._retired: list[MainWindow] = []
            self.bridge = Bridge(self.runtime.bus, on_error=requests.error.emit)
            self.ctx = UiContext(self.services, self.bridge, store, self.demo, requests)
            self.services.start_encoder()
            readers_error = self._start_readers()
            self.window = MainWindow(self.ctx)
            self._gc = QtThreadGarbageCollector()  # Qt objects die on the Qt thread only
        except BaseException:
            # A start-up failure must end the process, not leave it hanging on our threads.
            self.runtime.shutdown()
            raise
        for problem in (self.services.events_error, readers_error):
            if problem is not None:
                self.ctx.report_error(problem)

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
            if hasattr(page, "status"):
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
        self.window.close()
        # Nothing more is delivered to a closing window (late results are dropped).
        self.bridge.close()
        for old in self._retired:
            old.deleteLater()
        self.window.deleteLater()
        self.bridge.deleteLater()  # destroyed on the Qt thread, never by a GC elsewhere
        ok = self.runtime.shutdown()
        translations.install("en")  # the session's language goes with it (Qt's default)
        self._gc.stop()  # the worker threads are gone: automatic collection is safe again
        if not ok:
            log.error("some threads did not stop in time")
        return ok


def sign_in_at_start(session: KeyDeskSession) -> bool:
    """On a desk with operator accounts, ask who is at the desk before the window opens
    (False: the user quit). A single-operator desk asks nothing."""
    from app.domain.errors import KeyDeskError
    from ui.operators.sign_in import START, SignInDialog

    operators = session.services.operators
    try:
        if operators.current() is not None:
            return True
    except KeyDeskError:
        pass  # a damaged accounts file: the dialog explains it
    dialog = SignInDialog(session.ctx, START)
    accepted = dialog.exec() == SignInDialog.DialogCode.Accepted
    dialog.deleteLater()
    session.window.desk_lock.refresh()
    return accepted


def open_window(session: KeyDeskSession) -> bool:
    """Show the window after the sign-in (False: nobody signed in, the user quit); on a
    fresh install (no settings file) the set-up assistant opens over it by itself."""
    if not sign_in_at_start(session):
        return False
    session.window.show()
    if session.first_run:
        session.window.run_setup_assistant()
    return True


def run_window(demo: bool, language: str | None = None) -> int:
    app = ensure_qapp()
    session = KeyDeskSession(demo=demo, language=language)
    try:
        if not open_window(session):
            return 0  # nobody signed in: the user chose to quit
        app.aboutToQuit.connect(session.close)
        return app.exec()
    finally:
        session.close()
