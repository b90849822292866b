"""A non-blocking message strip at the top of the window (errors never open modal boxes).

A KeyDeskError shows its catalog title and an "Explain" link; a bug shows a short notice
(the traceback goes to the log) and is reported once per kind.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from app.domain.errors import KeyDeskError

log = logging.getLogger(__name__)


def describe_error(exc: BaseException) -> tuple[str, str | None, str | None]:
    """(message, domain, code) for a failure; domain/code are None for bugs."""
    if isinstance(exc, KeyDeskError):
        title = ""
        try:
            from app.catalog import explain_error

            info = explain_error(exc)
            title = str(info.get("title") or "")
            action = str(info.get("action") or "")
        except Exception:
            action = ""
        text = f"Error {exc.code}: {title or exc.detail}"
        if action:
            text += f" — {action}"
        if exc.state:
            text += f" (Card/device state: {exc.state})"
        return text, exc.domain, exc.code
    return (
        f"Something unexpected went wrong ({type(exc).__name__}). It was written to the log; "
        "the window keeps working.",
        None,
        None,
    )


class MessageBanner(QFrame):
    explain_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#messageBanner { background: #fdecea; border: 1px solid #e0a8a0; border-radius: 4px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.explain_button = QPushButton("Explain…")
        self.close_button = QPushButton("Dismiss")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.explain_button)
        layout.addWidget(self.close_button)
        self.explain_button.clicked.connect(self._explain)
        self.close_button.clicked.connect(self.hide)
        self._target: tuple[str, str] | None = None
        self._bugs_seen: set[str] = set()
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        text, domain, code = describe_error(exc)
        if domain is None:
            log.error("unexpected error in background work", exc_info=exc)
            kind = type(exc).__name__
            if kind in self._bugs_seen:
                return
            self._bugs_seen.add(kind)
        self.show_message(text, (domain, code) if domain and code else None)

    def show_message(self, text: str, target: tuple[str, str] | None = None) -> None:
        self._target = target
        self.label.setText(text)
        self.explain_button.setVisible(target is not None)
        self.show()

    def _explain(self) -> None:
        if self._target:
            self.explain_requested.emit(*self._target)
