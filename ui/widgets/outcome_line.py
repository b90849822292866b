"""One result line: "✔ Lobby: clock set" in green, or a failure explained through the
catalog in red with an "Explain…" link to the Explain page (never a modal box)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.errors import KeyDeskError
from app.inputs import InputError
from ui.context import UiContext
from ui.widgets.message_banner import describe_error


class OutcomeLine(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx  # its show_explanation is looked up when clicked (set by the window)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain = QPushButton(self.tr("Explain…"))
        self.explain.setVisible(False)
        self.explain.clicked.connect(self._explain)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.explain, 0, Qt.AlignmentFlag.AlignTop)
        self.target: tuple[str, str] | None = None

    def info(self, text: str) -> None:
        """Neutral text (work in progress, hints)."""
        self._set(text, "", None)

    def working(self, text: str) -> None:
        self.info(text)

    def cancelled(self, text: str) -> None:
        self.info(text)

    def ok(self, text: str) -> None:
        self._set(f"✔ {text}", "color: #1b5e20;", None)

    def failed(self, exc: BaseException, prefix: str = "") -> None:
        """The catalog's title and action, the device's detail, and "Explain…"; a typed
        value found wrong (InputError) is said as it is, the person's to correct."""
        if isinstance(exc, InputError):
            self.problem(exc, prefix)
            return
        text, domain, code = describe_error(exc)
        if isinstance(exc, KeyDeskError) and exc.detail:
            from app.catalog import explain_error
            from app.catalog.labels import heading

            lang = str(explain_error(exc).get("lang") or "en")
            text += f"\n{heading(lang, 'detail')}: {exc.detail}"
        target = (domain, code) if domain and code else None
        self._set(f"✖ {prefix}{text}", "color: #b71c1c;", target)

    def problem(self, exc: Exception | str, prefix: str = "") -> None:
        """What is wrong with what was typed or picked: red, no "Explain…" (nothing failed)."""
        text = str(exc)
        self._set(f"✖ {prefix}{text[:1].upper()}{text[1:]}", "color: #b71c1c;", None)

    def _set(self, text: str, style: str, target: tuple[str, str] | None) -> None:
        self.target = target
        self.label.setStyleSheet(style)
        self.label.setText(text)
        self.explain.setVisible(target is not None)

    def _explain(self) -> None:
        if self.target:
            self.ctx.show_explanation(*self.target)
