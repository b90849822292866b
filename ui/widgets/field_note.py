"""What is wrong with one form field, said right under it (red, wrapped), hidden when all
is well. The text is the shared rule's (``app.inputs``), in the person's language."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FieldNote(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.hide()

    def show_error(self, problem: Exception | str) -> None:
        text = str(problem)
        self.setText(text[:1].upper() + text[1:])
        self.show()

    def clear(self) -> None:
        self.setText("")
        self.hide()
