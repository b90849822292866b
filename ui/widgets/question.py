"""A question before something that cannot be taken back (wiping a card, a stay a year
ahead): a window-modal box that never blocks the event loop; ``on_yes`` runs only on the
confirming button, Cancel / Esc / closing the box do nothing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, text: str, informative: str, yes: str,
        on_yes: Callable[[], None]) -> QMessageBox:
    """Open the question and return it (tests answer it with ``box.button(...).click()``
    on :attr:`yes_button` or the Cancel button)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("question", "Cancel"))
    box.setDefaultButton(cancel)  # Enter must not wipe a card by accident
    box.setEscapeButton(cancel)
    box.yes_button = yes_button  # type: ignore[attr-defined]

    def answered(_result: int) -> None:
        chosen = box.clickedButton()
        box.deleteLater()
        if chosen is yes_button:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
