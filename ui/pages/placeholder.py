"""A page that says what will come (used until a feature fills it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    heading = ""
    coming = ""

    def __init__(self, ctx: object) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{self.heading}</h2>")
        body = QLabel(self.coming)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(title)
        layout.addWidget(body, 1)
