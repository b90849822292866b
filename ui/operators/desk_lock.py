"""Who holds the desk, in the window: the status-bar label, File → Switch operator / Lock
the desk / Sign out, and the lock after idle minutes.

Any key press, click or wheel turn in the application counts as activity
(``OperatorSession.touch``); a timer asks the session to lock when the desk has been idle
for the accounts file's ``idle_minutes``. A locked desk hides the pages behind a cover
(nobody passing by reads the last guest's details) until someone signs in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import KeyDeskError
from app.domain.events import DeviceEvent
from ui.context import UiContext
from ui.operators.sign_in import LOCKED, SWITCH, SignInDialog

IDLE_CHECK_MS = 15_000
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class LockCover(QWidget):
    """What a locked desk shows instead of its pages."""

    def __init__(self, on_unlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel(self.tr("The desk is locked."))
        self.label.setStyleSheet("font-size: 18px;")
        self.button = QPushButton(self.tr("Sign in…"))
        self.button.setMinimumWidth(180)
        self.button.clicked.connect(on_unlock)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)


class DeskLock(QObject):
    """Owned by the main window; emits ``changed`` on the Qt thread after every sign-in,
    switch, lock or sign-out made from the window."""

    changed = Signal()

    def __init__(self, window: QMainWindow, ctx: UiContext, file_menu: QMenu) -> None:
        super().__init__(window)  # found again as parent(): no Python cycle with the window
        self.ctx = ctx
        self.session = ctx.services.operators
        self.dialog: SignInDialog | None = None
        self._pages: QWidget | None = None  # the central widget while the cover shows

        self.label = QLabel()
        self.label.setObjectName("operator_status")
        self.label.setAccessibleName(self.tr("Operator"))
        window.statusBar().addPermanentWidget(self.label)

        self.switch_action = QAction(self.tr("S&witch operator…"), window)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.switch_action.triggered.connect(lambda: self.ask(SWITCH))
        self.lock_action = QAction(self.tr("&Lock the desk"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: self.lock("asked"))
        self.sign_out_action = QAction(self.tr("Sign &out"), window)
        self.sign_out_action.triggered.connect(self.sign_out)
        first = file_menu.actions()[0] if file_menu.actions() else None
        for action in (self.switch_action, self.lock_action, self.sign_out_action):
            file_menu.insertAction(first, action)  # type: ignore[arg-type]
        if first is not None:
            file_menu.insertSeparator(first)

        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_CHECK_MS)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # Every sign-in, switch, lock and sign-out writes an audit row, which the desk
        # publishes on the bus: the label follows them, wherever they were made.
        ctx.bridge.subscribe(self._on_event, DeviceEvent, owner=self,
                             where=lambda e: e.kind == "desk" and e.code.startswith("operator.")
                             and e.code != "operator.list")
        self.refresh()

    # -- activity and idle -----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.session.touch()
        return False

    def _on_event(self, _event: DeviceEvent) -> None:
        self.refresh()

    def check_idle(self) -> None:
        if self.session.lock_if_idle():
            self.show_locked()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- actions ----------------------------------------------------------------------------
    def lock(self, reason: str) -> None:
        if self.session.lock(reason):
            self.show_locked()

    def sign_out(self) -> None:
        self.session.sign_out()
        self.show_locked()

    @property
    def window(self) -> QMainWindow:
        return self.parent()  # type: ignore[return-value]

    def show_locked(self) -> None:
        """Cover the pages and ask for a sign-in."""
        if self._pages is None:
            self._pages = self.window.takeCentralWidget()
            cover = LockCover(lambda: self.ask(LOCKED))
            self.window.setCentralWidget(cover)
            cover.show()
        self.refresh()
        self.ask(LOCKED)

    def ask(self, mode: str) -> SignInDialog:
        """Open the sign-in dialog (not blocking); a second request reuses the open one."""
        if self.dialog is not None and self.dialog.isVisible():
            return self.dialog
        self.dialog = SignInDialog(self.ctx, mode, self.window)
        self.dialog.signed_in.connect(self._signed_in)
        self.dialog.open()
        return self.dialog

    def _signed_in(self, _signed: object) -> None:
        if self._pages is not None:
            self.window.setCentralWidget(self._pages)  # the cover is deleted by Qt
            self._pages.show()  # taken out of the window, it was hidden
            self._pages = None
        self.refresh()

    # -- the label ---------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            accounts = self.session.accounts_required()
            who = self.session.current()
        except KeyDeskError:
            accounts, who = True, None
        for action in (self.switch_action, self.lock_action, self.sign_out_action):
            action.setEnabled(accounts)
        if who is not None and who.single:
            text = self.tr("Single-operator desk ({name})").format(name=who.name)
        elif who is not None:
            text = self.tr("Signed in: {name} ({role})").format(name=who.name,
                                                                 role=self.role_name(who.role))
        elif self.session.locked:
            text = self.tr("Locked")
        else:
            text = self.tr("Nobody signed in")
        self.label.setText(text)
        self.changed.emit()

    def role_name(self, role: str) -> str:
        return {"clerk": self.tr("clerk"), "manager": self.tr("manager"),
                "technician": self.tr("technician"), "admin": self.tr("admin")}.get(role, role)
