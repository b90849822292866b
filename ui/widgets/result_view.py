"""The outcome of a card job, explained: what happened, what to do, what the card holds."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.catalog import explain_error
from app.catalog.labels import heading, split_steps
from app.domain.errors import KeyDeskError
from app.i18n import worded
from app.inputs import InputError


class ResultView(QFrame):
    """Green for success, amber for cancelled, red for a failure with an Explain… link."""

    def __init__(self, show_explanation: Callable[[str, str], None]) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._show_explanation = show_explanation
        self._err: KeyDeskError | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        for label in (self.title, self.body):  # always markup: escaped text shows as text
            label.setTextFormat(Qt.TextFormat.RichText)
        self.explain_button = QPushButton(self.tr("Explain…"))
        self.explain_button.setFlat(True)
        self.explain_button.setStyleSheet("color: palette(link); text-decoration: underline;")
        self.explain_button.clicked.connect(self._explain)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.explain_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.body)
        self.clear()

    def clear(self) -> None:
        self._err = None
        self.title.setText("")
        self.title.hide()  # an empty title would leave a blank line above the hint
        self.body.setText(self.tr("Place a card on the encoder, then choose what to do."))
        self.explain_button.hide()

    def _set(self, colour: str, title: str, lines: list[str], separator: str = "<br>") -> None:
        self.title.setText(f"<b style='color:{colour}'>{html.escape(title)}</b>")
        self.title.show()
        self.body.setText(separator.join(lines))

    def problem(self, title: str, text: str) -> None:
        """A mistake in what was typed or chosen (nothing was done): red, plain text."""
        self._err = None
        self.explain_button.hide()
        self._set("#b00020", title, [html.escape(text)])

    def success(self, title: str, lines: list[str]) -> None:
        self._err = None
        self.explain_button.hide()
        self._set("#1b7f3b", title, [html.escape(x) for x in lines])

    def cancelled(self, text: str) -> None:
        self._err = None
        self.explain_button.hide()
        self._set("#a15c00", self.tr("Cancelled"), [html.escape(text)])

    def working(self, _text: str) -> None:
        """The Cards panel shows progress under its own bar; the last result stays."""

    def ok(self, text: str) -> None:
        self.success(text, [])

    def failed(self, exc: BaseException, prefix: str = "") -> None:
        """A device or vendor failure explained, a typed value found wrong said as the
        person's to correct, or a bug shown as unexpected."""
        if isinstance(exc, KeyDeskError):
            self.failure(exc)
        elif isinstance(exc, InputError):
            self.problem(self.tr("Check the form"), str(exc))
        else:
            self.bug(exc)

    def failure(self, err: KeyDeskError) -> None:
        """The explanation, then what to do — numbered steps one per line — then what the
        card holds and the detail for support, all headed in the explanation's language."""
        self._err = err
        info = explain_error(err)
        lang = str(info.get("lang") or "en")
        lines = [html.escape(str(info["explanation"]))] if info.get("explanation") else []
        if info.get("action"):
            lines.append("<br>".join(html.escape(step) for step in split_steps(info["action"])))
        if err.state:
            lines.append(f"<b>{html.escape(heading(lang, 'card_state'))}:</b> "
                         f"{html.escape(worded(err.state, lang))}")
        if err.detail:
            lines.append(f"<span style='color:gray'>{html.escape(heading(lang, 'detail'))}: "
                         f"{html.escape(err.detail)}</span>")
        code = f" ({err.code})" if err.code.isdigit() else ""  # a vendor number, not a name
        self._set("#b00020", f"{info.get('title') or self.tr('Error')}{code}", lines,
                  separator="<br><br>")
        self.explain_button.show()

    def bug(self, exc: BaseException) -> None:
        self._err = None
        self.explain_button.hide()
        self._set("#b00020", self.tr("Unexpected error"),
                  [html.escape(f"{type(exc).__name__}: {exc}")])

    def _explain(self) -> None:
        if self._err is not None:
            self._show_explanation(self._err.domain, self._err.code)
