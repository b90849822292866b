"""The window's two-stage start (``ui.application.KeyDeskSession(defer=True)``, as
``keydesk`` starts): the frame is painted before the desk's services exist, the services
are built right after, and what a person asks in between is done, not dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

from app import paths
from app.settings import MemorySecretStore, SettingsStore
from ui.application import KeyDeskSession, open_window
from ui.pages import PAGES

KEYS = [key for key, _title, _factory in PAGES]


class PaintWatch(QObject):
    """Whether the desk had started at each paint of the window."""

    def __init__(self, session: KeyDeskSession) -> None:
        super().__init__()
        self.session = session
        self.started_at_paint: list[bool] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.started_at_paint.append(self.session.started)
        return False


@pytest.fixture
def starting(keydesk_home, qtbot):
    """A set-up desk (a settings file, no operator accounts), its session still starting."""
    store = SettingsStore()
    store.save(store.load())
    session = KeyDeskSession(settings_store=store, secrets=MemorySecretStore(), defer=True)
    qtbot.addWidget(session.window)
    yield session
    assert session.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_window_is_painted_before_the_desks_services_are_built(starting, qtbot):
    window = starting.window
    watch = PaintWatch(starting)
    window.installEventFilter(watch)
    assert not starting.started and starting.runtime is None  # nothing of the desk yet
    assert window.pages.built() == {}

    assert open_window(starting)  # no accounts file: no sign-in, shown at once
    window.grab()  # the first frame, as the screen would show it
    assert watch.started_at_paint and watch.started_at_paint[0] is False
    starting_text = window.stack.currentWidget().findChild(QLabel, "starting")
    assert starting_text is not None and starting_text.text() == "Starting KeyDesk…"
    assert window.statusBar().currentMessage() == "Starting KeyDesk…"
    texts = [a.text() for a in window.file_menu.actions()]
    assert "Check event &database…" not in texts and window.desk_lock is None

    qtbot.waitUntil(lambda: starting.started, timeout=10_000)  # right after that paint
    assert starting.services.encoder is not None and starting.runtime is not None
    assert next(iter(window.pages.built())) == "front_desk"  # the first page, for real now
    qtbot.waitUntil(lambda: "monitor" in window.pages.built())  # its alarms, as before
    assert list(window.pages.built()) == ["front_desk", "monitor"]  # in that order
    assert window.statusBar().currentMessage() == ""
    assert window.desk_lock is not None
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts == ["S&witch operator…", "&Lock the desk", "Sign &out",
                     "Check event &database…", "&Quit"]  # as a window built whole has them


def test_what_is_asked_while_the_desk_starts_is_done_once_it_has(starting, qtbot):
    window = starting.window
    assert open_window(starting)
    # Before the first paint is over, the person chooses Settings, then presses Ctrl+F.
    window.nav.setCurrentRow(KEYS.index("settings"))
    assert window.stack.currentIndex() == KEYS.index("settings")  # its stand-in shows
    assert window.pages.built() == {}  # nothing built on services that do not exist
    window.open_settings("readers")  # a "Set up…" button: kept too
    window.desk_shortcuts.find_action.trigger()
    assert not starting.started

    qtbot.waitUntil(lambda: starting.started, timeout=10_000)
    # In the order asked: Settings at Readers, then Find room on the Front desk.
    settings = window.pages.built()["settings"]
    assert settings.nav.currentRow() == list(settings.sections).index("readers")
    assert window.current_page() == "front_desk"
    tabs = window.pages["front_desk"].tabs
    assert tabs.currentWidget().objectName() == "tab_RoomsPanel"


def test_a_desk_with_operator_accounts_builds_its_services_for_the_sign_in_first(
        keydesk_home, qtbot):
    from PySide6.QtCore import QTimer

    from app.audit.site_key import chain_key
    from app.operators.demo import DEMO_OPERATORS
    from app.operators.directory import MIN_FILE_COST, Operator, OperatorDirectory
    from ui.operators.sign_in import SignInDialog

    store = SettingsStore()
    store.save(store.load())
    secrets = MemorySecretStore()
    OperatorDirectory(paths.accounts_file(), key=chain_key(secrets)).write_accounts(
        [Operator(n, r, h, "2026-01-01T00:00:00+00:00") for n, r, _p, h in DEMO_OPERATORS],
        cost=MIN_FILE_COST)
    session = KeyDeskSession(settings_store=store, secrets=secrets, defer=True)
    try:
        qtbot.addWidget(session.window)
        assert not session.started
        seen: list[tuple[bool, bool]] = []

        def answer() -> None:  # who is at the desk? nobody: Quit
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, SignInDialog), dialog
            seen.append((session.started, session.window.isVisible()))
            dialog.cancel.click()

        QTimer.singleShot(0, answer)
        assert open_window(session) is False  # the user quit at the sign-in
        assert seen == [(True, False)]  # asked on built services, before any window
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_fresh_install_starting_opens_the_set_up_assistant_once_started(keydesk_home,
                                                                          qtbot):
    session = KeyDeskSession(secrets=MemorySecretStore(), defer=True)  # no settings file
    try:
        qtbot.addWidget(session.window)
        assert session.first_run
        assert open_window(session)
        assert session.window._assistant is None  # it needs the services: not yet
        qtbot.waitUntil(lambda: session.started, timeout=10_000)
        wizard = session.window.assistant.wizard
        assert wizard is not None
        qtbot.waitUntil(wizard.isVisible)
        wizard.reject()
    finally:
        assert session.close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


FIRST_PAINT = """
import json, logging, sys
from app import logsetup
log_path = logsetup.configure(logging.INFO, rotate=False)  # as `keydesk` starts
logging.getLogger("test.first_paint").info("logged before the first paint")
import ui
ui.prepare_start()
from ui.application import KeyDeskSession, ensure_qapp, open_window
app = ensure_qapp(offscreen=True)
session = KeyDeskSession(defer=True)
open_window(session)
session.window.grab()
before = sorted(m for m in ("asyncio", "sqlite3", "app.runtime", "app.services",
                            "app.store.events", "app.devices.encoder.service",
                            "app.domain.events", "logging.handlers", "socket")
                if m in sys.modules)
file_before = log_path.exists()
session.when_started(app.quit)
app.exec()
for handler in logging.getLogger().handlers:
    handler.flush()
print(json.dumps({"before_first_paint": before, "started": session.started,
                  "built": sorted(session.window.pages.built()), "file_before": file_before,
                  "log": log_path.read_text(encoding="utf-8")}))
session.close()
"""


def test_the_first_paint_waits_for_none_of_the_desks_services(keydesk_home):
    """In a fresh interpreter as `keydesk` starts: the asyncio loop, SQLite, the encoder,
    the event types and the log file's handler are imported after the window's first frame,
    and the desk starts right after it, writing what was logged before into the log."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    store = SettingsStore()
    store.save(store.load())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KEYDESK_AUDIT_KEY": "00" * 32,
           "KEYDESK_HOME": str(keydesk_home)}
    done = subprocess.run([sys.executable, "-c", FIRST_PAINT], env=env, timeout=60,
                          cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, check=True)
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["before_first_paint"] == [] and said["started"] is True
    assert "front_desk" in said["built"]  # the first page, once the desk started
    assert said["file_before"] is False  # opened after the first paint...
    assert "logged before the first paint" in said["log"]  # ...with nothing lost
