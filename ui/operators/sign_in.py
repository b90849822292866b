"""The sign-in dialog: at start, when the desk is locked, and to switch operator.

The password is checked on a worker thread (scrypt takes a third of a second, on purpose),
so the window never freezes; failures are explained from the ``operator`` catalog
domain (wrong password, wait after five failures, damaged accounts file).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.catalog import explain_error
from app.domain.errors import KeyDeskError
from app.operators import demo as operators_demo
from ui.context import UiContext

START, LOCKED, SWITCH = "start", "locked", "switch"


class SignInDialog(QDialog):
    """Emits ``signed_in(Signed)`` and closes when an operator has signed in."""

    signed_in = Signal(object)

    def __init__(self, ctx: UiContext, mode: str = START, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.session = ctx.services.operators
        self._job: Any = None
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("Sign in to KeyDesk"))
        self.setModal(True)
        self.setMinimumWidth(420)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("sign_in_heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)

        form = QFormLayout()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setObjectName("operator_name")
        self.name.setAccessibleName(self.tr("Operator"))
        self.secret = QLineEdit()
        self.secret.setObjectName("operator_password")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("Password or PIN"))
        form.addRow(self.tr("Operator"), self.name)
        form.addRow(self.tr("Password or PIN"), self.secret)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.message)

        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("demo_operators")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color: #444; background: #f3f3f3; padding: 6px;")
        layout.addWidget(self.demo_hint)
        self.demo_hint.setVisible(ctx.demo is not None)
        if ctx.demo is not None:
            rows = "".join(
                f"<tr><td><b>{name}</b></td><td>{self._role(role)}</td><td><tt>{pw}</tt></td></tr>"
                for name, role, pw, _h in operators_demo.DEMO_OPERATORS)
            self.demo_hint.setText(self.tr("Demo operators, to try each role:") +
                                   f"<table cellspacing='6'>{rows}</table>")

        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Sign in"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("sign_in_button")
        cancel_text = self.tr("Quit KeyDesk") if mode == START else self.tr("Cancel")
        self.cancel = self.buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.secret.returnPressed.connect(self.submit)
        self._fill()

    def _role(self, role: str) -> str:
        return {"clerk": self.tr("clerk"), "manager": self.tr("manager"),
                "technician": self.tr("technician"), "admin": self.tr("admin")}.get(role, role)

    def _fill(self) -> None:
        known = self.session.signed_in_name()
        if self.mode == LOCKED:
            self.heading.setText(self.tr("The desk is locked"))
            self.intro.setText(self.tr(
                "{name} was signed in. Type the password to carry on, or another operator "
                "can sign in.").format(name=known or ""))
        elif self.mode == SWITCH:
            self.heading.setText(self.tr("Switch operator"))
            self.intro.setText(self.tr("The next operator signs in; everything they do is "
                                       "recorded under their name."))
        else:
            self.heading.setText(self.tr("Who is at the desk?"))
            self.intro.setText(self.tr("Sign in with your name and password or PIN. "
                                       "Everything you do is recorded under your name."))
        try:
            names = [op.name for op in self.session.directory.operators()]
        except KeyDeskError as exc:  # a damaged or hand-edited accounts file
            names = []
            self._show_error(exc)
        self.name.addItems(names)
        if known and self.mode == LOCKED:
            self.name.setCurrentText(known)
            self.secret.setFocus()
        else:
            self.name.setCurrentText("")
            self.name.setFocus()

    # -- signing in ----------------------------------------------------------------------
    def submit(self) -> None:
        name, secret = self.name.currentText().strip(), self.secret.text()
        if not name or not secret:
            self.message.setText(self.tr("Type your name and your password or PIN."))
            return
        self._set_busy(True)
        worker = self.ctx.runtime.device_thread("operators")
        self._job = worker.submit(lambda _ctx: self.session.sign_in(name, secret), "sign-in")
        self.ctx.bridge.watch(self._job, self._done, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        self.name.setEnabled(not busy)
        self.secret.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Checking…"))

    def _done(self, signed: Any) -> None:
        self._set_busy(False)
        self.secret.clear()
        self.signed_in.emit(signed)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.secret.clear()
        self.secret.setFocus()
        if isinstance(exc, KeyDeskError):
            self._show_error(exc)
        else:
            self.message.setText(self.tr("Something unexpected went wrong; it is in the log."))

    def _show_error(self, exc: KeyDeskError) -> None:
        info = explain_error(exc)
        wait = re.search(r"(\d+) s", exc.detail) if exc.code == "signin.throttled" else None
        extra = (" " + self.tr("Try again in {seconds} s.").format(seconds=wait.group(1))
                 if wait else "")
        self.message.setText(f"<b style='color:#b3261e'>{info['title']}</b>{extra}<br>"
                             f"{info['action']}")
