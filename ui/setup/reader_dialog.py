"""Adding or editing one access reader: name, address, user and password, with Test.

Test shows what the reader says it is (device type, serial number, firmware) and how far
its clock is from this PC's. A password the reader refused is not sent again from here:
readers lock this PC out for about half an hour after a few wrong passwords in a row, so
the dialog says so and asks for another password first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.api import drift_words
from app.settings import ReaderConfig
from app.setup.plan import ReaderEntry
from app.setup.reader_check import LOCKOUT_MINUTES, LOCKOUT_TRIES, ReaderCheck, refused_password
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.dialog_buttons import OK, ok_cancel
from ui.widgets.field_note import FieldNote
from ui.widgets.outcome_line import OutcomeLine

DRIFT_WARN = 30.0  # seconds, as the Monitor warns


def normalise_url(text: str) -> str:
    """ "192.168.1.108" -> "http://192.168.1.108" (readers answer plain HTTP by default)."""
    text = text.strip().rstrip("/")
    if text and "://" not in text:
        text = "http://" + text
    return text


def credential_key(url: str, user: str, password: str) -> str:
    """A refused (address, user, password), remembered without keeping the password."""
    return hashlib.sha256(f"{url}\0{user}\0{password}".encode()).hexdigest()


class ReaderDialog(QDialog):
    def __init__(self, ctx: UiContext, refused: set[str], taken: set[str],
                 entry: ReaderEntry | None = None, stored_password: str = "",
                 parent: QWidget | None = None) -> None:
        """``refused``: credentials already refused (shared by the reader list);
        ``taken``: the other readers' names; ``stored_password``: the keyring's, used by
        Test when none is typed."""
        super().__init__(parent)
        self.ctx = ctx
        self.refused = refused
        self.taken = {t.casefold() for t in taken}
        self.stored_password = stored_password
        self.check: ReaderCheck | None = None
        self.setObjectName("reader_dialog")
        self.setWindowTitle(self.tr("Access reader") if entry is None
                            else self.tr("Edit access reader"))
        self.setMinimumWidth(520)

        self.name = QLineEdit(entry.config.name if entry else "")
        self.name.setObjectName("reader_name")
        self.name.setPlaceholderText(self.tr("e.g. Lobby"))
        self.url = QLineEdit(entry.config.url if entry else "")
        self.url.setObjectName("reader_url")
        self.url.setPlaceholderText(self.tr("e.g. http://192.168.1.108"))
        self.user = QLineEdit(entry.config.user if entry else "admin")
        self.user.setObjectName("reader_user")
        self.password = QLineEdit(entry.password if entry else "")
        self.password.setObjectName("reader_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("saved in the system keyring (type to replace)") if stored_password
            else self.tr("the reader's web password"))
        for edit, label in ((self.name, self.tr("Name")), (self.url, self.tr("Address")),
                            (self.user, self.tr("User")), (self.password, self.tr("Password"))):
            edit.setAccessibleName(label)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)

        self.lockout = QLabel(self.tr(
            "Careful with the password: after {tries} wrong passwords in a row the reader "
            "locks this PC out for about {minutes} minutes. KeyDesk never retries a refused "
            "password by itself.").format(tries=LOCKOUT_TRIES, minutes=LOCKOUT_MINUTES))
        self.lockout.setObjectName("reader_lockout_note")
        self.lockout.setWordWrap(True)
        self.lockout.setStyleSheet("color: #6d4c00;")
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("reader_test")
        self.test_button.clicked.connect(self.test)
        self.outcome = OutcomeLine(ctx)
        self.outcome.setObjectName("reader_result")
        self.outcome.label.setTextFormat(Qt.TextFormat.PlainText)
        self.jobs = JobRunner(ctx, self.outcome, busy=[self.test_button])
        self.problem = FieldNote()
        self.problem.setObjectName("reader_problem")

        buttons = ok_cancel(self)
        self.ok_button = buttons.button(OK)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.outcome, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lockout)
        layout.addLayout(test_row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def entry(self) -> ReaderEntry:
        return ReaderEntry(ReaderConfig(self.name.text().strip(), normalise_url(self.url.text()),
                                        self.user.text().strip() or "admin"),
                           self.password.text())

    def _form_problem(self) -> str | None:
        entry = self.entry()
        if not entry.config.name:
            return self.tr("Give the reader a name (it is shown on its events).")
        if entry.config.name.casefold() in self.taken:
            return self.tr("Another reader is already called {name}.").format(
                name=entry.config.name)
        if not entry.config.url.startswith(("http://", "https://")) or \
                len(entry.config.url) <= len("https://"):
            return self.tr("Type the reader's address, e.g. http://192.168.1.108.")
        if not (self.password.text() or self.stored_password):
            return self.tr("Type the reader's password (it is kept in the system keyring).")
        return None

    def accept(self) -> None:
        problem = self._form_problem()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.jobs.close()
        super().accept()

    def reject(self) -> None:
        self.jobs.close()
        super().reject()

    def test(self) -> None:
        from app.setup.reader_check import check_reader

        entry = self.entry()
        password = entry.password or self.stored_password
        if not entry.config.url.startswith(("http://", "https://")) or not password:
            self.outcome.info(self.tr("Type the address and the password first."))
            return
        key = credential_key(entry.config.url, entry.config.user, password)
        if key in self.refused:
            self.outcome.info(self.tr(
                "The reader refused this user and password a moment ago. Another wrong try "
                "brings the lock-out closer: type the right password, then Test again."))
            return

        def ok(check: ReaderCheck) -> str:
            self.check = check
            return check_words(self, check)

        def start():
            return self.ctx.runtime.loop.submit(remember_refusal(
                check_reader(entry.config.url, entry.config.user, password), self.refused, key))

        def finished() -> None:
            if key in self.refused:  # said louder once a password was refused
                self.lockout.setStyleSheet("color: #b00020; font-weight: bold;")

        self.jobs.run(start, self.tr("Asking the reader…"), ok, on_finish=finished)


def check_words(widget: QWidget, check: ReaderCheck) -> str:
    """ "SIM-ACCESS, serial AB12, firmware 2.8; clock +95 s — set its clock…" """
    drift = drift_words(check.drift_seconds)
    if abs(check.drift_seconds) > DRIFT_WARN:
        drift += " — " + QCoreApplication.translate("ReaderCheck",
                                                    "set its clock from the Monitor page")
    return QCoreApplication.translate(
        "ReaderCheck", "{type}, serial {serial}, firmware {firmware}; clock {drift}").format(
        type=check.device_type or QCoreApplication.translate("ReaderCheck", "reader"),
        serial=check.serial or "—", firmware=check.firmware or "—", drift=drift)


async def remember_refusal(check: Coroutine[Any, Any, ReaderCheck], refused: set[str],
                           key: str) -> ReaderCheck:
    """Await the check; a refused password is remembered so it is not sent again."""
    try:
        return await check
    except Exception as exc:
        if refused_password(exc):
            refused.add(key)  # set.add is atomic; read on the Qt thread afterwards
        raise
