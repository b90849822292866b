"""OK and Cancel under a dialog's form, named in the desk's language: OK accepts, Cancel
rejects (Qt's own translations are not shipped, so the buttons are named here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(OK | CANCEL)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    buttons.button(OK).setText(QCoreApplication.translate("DialogButtons", "OK"))
    buttons.button(CANCEL).setText(QCoreApplication.translate("DialogButtons", "Cancel"))
    return buttons
