"""Settings → Operators (admins only): the desk's accounts — add, change role, reset a
password, remove — and the idle minutes before the desk locks itself.

These act at once (they are accounts, not settings: no Save), through
``app.operators.admin.OperatorAdmin`` as the CLI does, so each change is checked and
audited there. Password hashing (scrypt, a third of a second on purpose) runs on a worker
thread. A desk without accounts is a single-operator desk: nobody signs in, and the first
account must be an admin — who is then signed in, so the desk stays usable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import KeyDeskError
from app.operators.admin import RIGHT, OperatorAdmin
from app.operators.directory import Operator
from app.operators.rights import ADMIN, ROLES
from app.settings import Settings
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.qt_noop import QT_TRANSLATE_NOOP
from ui.settings.section import Section
from ui.widgets.dialog_buttons import ok_cancel
from ui.widgets.field_note import FieldNote
from ui.widgets.outcome_line import OutcomeLine

WORKER = "operators"


ROLE_WORDS = {"clerk": QT_TRANSLATE_NOOP("OperatorRoles", "clerk"),
              "manager": QT_TRANSLATE_NOOP("OperatorRoles", "manager"),
              "technician": QT_TRANSLATE_NOOP("OperatorRoles", "technician"),
              "admin": QT_TRANSLATE_NOOP("OperatorRoles", "admin")}


def role_words(_widget: QWidget | None = None) -> dict[str, str]:
    """Each role in the desk's language."""
    return {role: QCoreApplication.translate("OperatorRoles", word)
            for role, word in ROLE_WORDS.items()}


class AccountDialog(QDialog):
    """A new account (name, role, password twice) or a new password for one."""

    def __init__(self, parent: QWidget, *, name: str = "", first: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("account_dialog")
        self.setWindowTitle(self.tr("Operator") if not name else
                            self.tr("New password for {name}").format(name=name))
        self.name = QLineEdit(name)
        self.name.setObjectName("account_name")
        self.name.setReadOnly(bool(name))
        self.role = QComboBox()
        self.role.setObjectName("account_role")
        for role in ROLES:
            self.role.addItem(role_words()[role], role)
        self.role.setCurrentIndex(self.role.findData(ADMIN if first else "clerk"))
        self.role.setEnabled(not first)  # the first account runs the desk: an admin
        self.secret = QLineEdit()
        self.secret.setObjectName("account_password")
        self.again = QLineEdit()
        self.again.setObjectName("account_password_again")
        for edit in (self.secret, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if not name:
            form.addRow(self.tr("Name"), self.name)
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password or PIN"), self.secret)
        form.addRow(self.tr("Again"), self.again)
        self.problem = FieldNote()
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(self.tr("The first account is an admin: from now on everyone signs "
                                  "in, and this admin adds the others."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.name.text().strip():
            return self._say(self.tr("Type the operator's name."))
        if self.secret.text() != self.again.text():
            return self._say(self.tr("The two passwords differ: type them again."))
        super().accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


class OperatorsSection(Section):
    key = "operators"
    icon_name = "users"
    saves = False

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.session = ctx.services.operators
        self.set_intro(self.tr("Who may work at this desk and what each may do. Changes here "
                               "apply at once and are written to the audit trail."))
        self.mode = QLabel()
        self.mode.setObjectName("operators_mode")
        self.mode.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("operator_table")
        self.table.setAccessibleName(self.tr("Operators"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("operator_add")
        self.add_button.clicked.connect(self.add)
        self.role = QComboBox()
        self.role.setObjectName("operator_role")
        for role in ROLES:
            self.role.addItem(role_words()[role], role)
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.clicked.connect(self.change_role)
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.password_button.clicked.connect(self.reset_password)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle_button = QPushButton(self.tr("Apply"))
        self.idle_button.clicked.connect(self.set_idle)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("operators_result")
        self.controls: list[QWidget] = [self.add_button, self.role, self.role_button,
                                        self.password_button, self.remove_button, self.idle,
                                        self.idle_button]
        self.jobs = JobRunner(ctx, self.result, busy=self.controls)
        self.dialog: AccountDialog | None = None

        row = QHBoxLayout()
        for w in (self.add_button, self.role, self.role_button, self.password_button,
                  self.remove_button):
            row.addWidget(w)
        row.addStretch(1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock the desk after")))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        self.body.addWidget(self.mode)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(row)
        self.body.addLayout(idle_row)
        self.body.addWidget(self.result)
        self.refresh()

    def title(self) -> str:
        return self.tr("Operators")

    def load(self, settings: Settings) -> None:
        self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()  # someone else may have signed in meanwhile

    # -- what is shown -----------------------------------------------------------------
    def accounts(self) -> list[Operator]:
        try:
            return self.session.directory.operators()
        except KeyDeskError as exc:  # a damaged accounts file: said, nothing changed
            self.result.failed(exc)
            return []

    def refresh(self) -> None:
        accounts = self.accounts()
        admin = self.session.allows(RIGHT)
        single = not accounts
        if single:
            self.mode.setText(self.tr(
                "<b>Single-operator desk.</b> Nobody signs in; every action is recorded "
                "under {name}. Add an admin to give each person an account.").format(
                name=self.session.desk_name))
        elif admin:
            self.mode.setText(self.tr("Everyone signs in. {count} account(s).").format(
                count=len(accounts)))
        else:
            self.mode.setText(self.tr("Only an admin manages operators. Sign in as an admin "
                                      "(File → Switch operator)."))
        words = role_words()
        self.table.setRowCount(len(accounts) if admin or single else 0)
        if admin or single:
            for row, op in enumerate(accounts):
                self.table.setItem(row, 0, QTableWidgetItem(op.name))
                self.table.setItem(row, 1, QTableWidgetItem(words.get(op.role, op.role)))
        try:
            self.idle.setValue(self.session.directory.idle_minutes())
        except KeyDeskError:
            pass
        for w in self.controls:
            w.setEnabled(admin)
        self.add_button.setText(self.tr("Add the first admin…") if single else self.tr("Add…"))
        self.idle.setEnabled(admin and not single)
        self.idle_button.setEnabled(admin and not single)
        self._selection_changed()

    def _selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def _selection_changed(self) -> None:
        chosen = self._selected() is not None and self.session.allows(RIGHT)
        for w in (self.role, self.role_button, self.password_button, self.remove_button):
            w.setEnabled(chosen)

    # -- changes (on the worker thread) ------------------------------------------------
    def _run(self, working: str, fn: Callable[[OperatorAdmin], Any],
             done: Callable[[Any], str]) -> None:
        def job(_ctx: Any) -> Any:
            return fn(OperatorAdmin(self.session))

        def ok(result: Any) -> str:
            self.refresh()
            return done(result)

        self.jobs.run(lambda: self.ctx.runtime.device_thread(WORKER).submit(job, "operators"),
                      working, ok)

    def add(self) -> AccountDialog:
        first = not self.accounts()
        dialog = self.dialog = AccountDialog(self, first=first)

        def answered(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted.value:
                return
            name, role, secret = dialog.name.text().strip(), dialog.role.currentData(), \
                dialog.secret.text()

            def add(admin: OperatorAdmin) -> Operator:
                op = admin.add(name, role, secret)
                if first:  # the desk now needs a sign-in: the new admin holds it
                    self.session.sign_in(op.name, secret)
                return op

            self._run(self.tr("Adding {name}…").format(name=name), add,
                      lambda op: self.tr("{name} added as {role}.").format(
                          name=op.name, role=role_words().get(op.role, op.role)))

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    def change_role(self) -> None:
        name, role = self._selected(), self.role.currentData()
        if name is None:
            return
        self._run(self.tr("Changing the role…"), lambda a: a.set_role(name, role),
                  lambda op: self.tr("{name} is now {role}.").format(
                      name=op.name, role=role_words().get(op.role, op.role)))

    def reset_password(self) -> AccountDialog | None:
        name = self._selected()
        if name is None:
            return None
        dialog = self.dialog = AccountDialog(self, name=name)

        def answered(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted.value:
                secret = dialog.secret.text()
                self._run(self.tr("Setting the password…"), lambda a: a.set_secret(name, secret),
                          lambda _r: self.tr("New password set for {name}.").format(name=name))

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    def remove(self) -> None:
        name = self._selected()
        if name is not None:
            self._run(self.tr("Removing {name}…").format(name=name), lambda a: a.remove(name),
                      lambda op: self.tr("{name} removed.").format(name=op.name))

    def set_idle(self) -> None:
        minutes = self.idle.value()
        self._run(self.tr("Saving…"), lambda a: a.set_idle_minutes(minutes),
                  lambda _r: self.tr("The desk locks after {minutes} idle minutes.").format(
                      minutes=minutes) if minutes else self.tr("The desk never locks by "
                                                               "itself."))
