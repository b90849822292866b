"""Non-blocking message strips at the top of the window (errors never open modal boxes).

A KeyDeskError shows its catalog title and an "Explain" link; a bug shows a short notice
(the traceback goes to the log) and is reported once per kind. The settings banner names
what was wrong in the settings file until the user saves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from app.domain.errors import KeyDeskError
from app.i18n import worded
from app.settings import LoadReport

log = logging.getLogger(__name__)


def describe_error(exc: BaseException) -> tuple[str, str | None, str | None]:
    """(message, domain, code) for a failure; domain/code are None for bugs."""
    if isinstance(exc, KeyDeskError):
        title, action, lang = "", "", "en"
        try:
            from app.catalog import explain_error

            info = explain_error(exc)
            title = str(info.get("title") or "")
            action = str(info.get("action") or "")
            lang = str(info.get("lang") or "en")
        except Exception:
            pass
        # One language throughout: the catalog's words frame the catalog's explanation.
        from app.catalog.labels import heading

        code = f" ({exc.code})" if exc.code.isdigit() else ""
        text = f"{title or exc.detail}{code}"
        if action:
            text += f" — {action}"
        if exc.state:
            text += f" ({heading(lang, 'card_state')}: {worded(exc.state, lang)})"
        return text, exc.domain, exc.code
    return (
        QCoreApplication.translate(
            "MessageBanner", "Something unexpected went wrong ({kind}). It was written to the "
            "log; the window keeps working.").format(kind=type(exc).__name__),
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
        self.explain_button = QPushButton(self.tr("Explain…"))
        self.close_button = QPushButton(self.tr("Dismiss"))
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


class SettingsBanner(QFrame):
    """What was wrong in the settings file, named field by field, until the user saves.

    Separate from the error banner, so a later failure never pushes it out of sight."""

    open_settings_requested = Signal()

    def __init__(self, report: LoadReport | None, lang: str) -> None:
        super().__init__()
        self.setObjectName("settingsBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#settingsBanner { background: #fff4d6; border: 1px solid #d9b45a; "
            "border-radius: 4px; }"
        )
        self.report = report
        self.lang = lang
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open Settings"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.open_button.clicked.connect(self.open_settings_requested)
        self.close_button.clicked.connect(self.hide)
        if report is not None and not report.ok:
            # Only a banner that shows needs Qt's flags: a sound file's start-up is spared
            # the Qt namespace before the window's first paint (ui.keys says why).
            from PySide6.QtCore import Qt

            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for button in (self.open_button, self.close_button):
                layout.setAlignment(button, Qt.AlignmentFlag.AlignTop)
            self.label.setText("\n".join(report.lines(lang)))
        else:
            self.hide()

    def saved(self) -> None:
        """The user saved: the file now holds what the Settings page shows."""
        if self.report is None or self.report.ok:
            return
        self.label.setText(self.report.saved_text(self.lang))
        self.open_button.hide()
        self.show()
