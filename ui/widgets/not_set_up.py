"""Honest "not set up yet" states: never a vendor error code for a part nobody set up.

- :class:`NotSetUp`: what is missing, why it matters, and one button to the Settings
  section that sets it up.
- :class:`SetupGate`: a page part that needs set-up. It shows :class:`NotSetUp` until
  the part is ready, then builds its content (only then: a part not set up costs nothing
  at start) — and looks again whenever settings are applied.
- :class:`SetupHint`: a strip above a page that works partly without the part.

The texts are in :func:`notice_texts`, keyed by what is missing
(``app.setup.status``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.icons import icon
from ui.qt_noop import QT_TRANSLATE_NOOP

Missing = Callable[[], str | None]  # what is missing now, or None when ready


# What is missing -> (title, why and what to do, button, Settings section).
NOTICES: dict[str, tuple[str, str, str, str]] = {
    "encoder": (
        QT_TRANSLATE_NOOP("NotSetUp", "The card encoder is not set up yet"),
        QT_TRANSLATE_NOOP("NotSetUp", "Choose the USB encoder of this desk to issue, read and "
                                      "copy guest cards."),
        QT_TRANSLATE_NOOP("NotSetUp", "Set up the encoder…"), "encoder"),
    "site_key": (
        QT_TRANSLATE_NOOP("NotSetUp", "The site card key is not set yet"),
        QT_TRANSLATE_NOOP("NotSetUp", "Every card of this site is signed with its key: "
                                      "generate it on the first desk, or type the one the "
                                      "other desks use."),
        QT_TRANSLATE_NOOP("NotSetUp", "Set the site card key…"), "encoder"),
    "cloud": (
        QT_TRANSLATE_NOOP("NotSetUp", "The lock cloud is not set up yet"),
        QT_TRANSLATE_NOOP("NotSetUp", "Rooms, guest keys, RF cards and door logs come from the "
                                      "lock cloud: give this desk the hotel's account."),
        QT_TRANSLATE_NOOP("NotSetUp", "Set up the lock cloud…"), "cloud"),
    "readers": (
        QT_TRANSLATE_NOOP("NotSetUp", "No access reader is set up yet"),
        QT_TRANSLATE_NOOP("NotSetUp", "Add the readers at the doors to give guests lobby "
                                      "access and to see who went where on the Monitor."),
        QT_TRANSLATE_NOOP("NotSetUp", "Add a reader…"), "readers"),
    "technician": (
        QT_TRANSLATE_NOOP("NotSetUp", "Who is commissioning?"),
        QT_TRANSLATE_NOOP("NotSetUp", "The technician's name is written in the site report "
                                      "and in each lock's log."),
        QT_TRANSLATE_NOOP("NotSetUp", "Set the technician…"), "bluetooth"),
}


NOTICE_ICONS = {"encoder": "usb", "site_key": "key", "cloud": "cloud",
                "readers": "door-enter", "technician": "users"}


def notice_texts(missing: str) -> tuple[str, str, str, str]:
    """(title, why and what to do, button, Settings section), translated."""
    title, text, button, section = NOTICES[missing]
    words = [QCoreApplication.translate("NotSetUp", t) for t in (title, text, button)]
    return words[0], words[1], words[2], section


def missing_for(ctx: UiContext, part: str) -> Missing:
    """What ``part`` ("encoder", "cloud", "readers", "locks") lacks on this desk, asked
    anew at each call (settings change while the window is open)."""
    from app.setup import status

    checks: dict[str, Missing] = {
        "encoder": lambda: status.encoder_missing(ctx.settings, ctx.secrets),
        "cloud": lambda: status.cloud_missing(ctx.settings, ctx.secrets),
        "readers": lambda: status.readers_missing(ctx.settings),
        "locks": lambda: status.locks_missing(ctx.settings, ctx.secrets),
    }
    return checks[part]


class NotSetUp(QFrame):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("not_set_up")
        self.section = ""
        self.icon = QLabel()  # the part's icon (set with the texts)
        self.title = QLabel()
        self.title.setObjectName("not_set_up_title")
        self.title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton()
        self.button.setObjectName("not_set_up_button")
        self.button.setDefault(True)
        self.button.clicked.connect(lambda: ctx.requests.open_settings.emit(self.section))
        # A column of readable width in the middle (a wrapped label only gets the height
        # its width needs inside a layout, not when aligned on its own).
        column = QWidget()
        column.setMaximumWidth(560)
        inner = QVBoxLayout(column)
        inner.setSpacing(10)
        inner.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def show_missing(self, missing: str) -> None:
        title, text, button, section = notice_texts(missing)
        self.icon.setPixmap(icon(NOTICE_ICONS.get(missing, "alert-triangle")).pixmap(
            QSize(48, 48), self.devicePixelRatioF()))
        self.title.setText(title)
        self.text.setText(text)
        self.button.setText(button)
        self.section = section


class SetupGate(QStackedWidget):
    """``build()`` makes the content once ``missing()`` is None."""

    def __init__(self, ctx: UiContext, build: Callable[[], QWidget], missing: Missing,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._build = build
        self._missing = missing
        self.notice = NotSetUp(ctx)
        self.addWidget(self.notice)
        self.built: QWidget | None = None
        ctx.requests.settings_changed.connect(self.refresh)

    def content(self) -> QWidget:
        """The content, built now if it was not yet (whether or not it is shown)."""
        if self.built is None:
            self.built = self._build()
            self.addWidget(self.built)
        return self.built

    def ready(self) -> bool:
        return self._missing() is None

    def refresh(self) -> None:
        missing = self._missing()
        if missing is None:
            self.setCurrentWidget(self.content())
        else:
            self.notice.show_missing(missing)
            self.setCurrentWidget(self.notice)

    def showEvent(self, event: QShowEvent) -> None:
        if self.built is None or self.currentWidget() is self.notice:
            self.refresh()
        super().showEvent(event)


class SetupHint(QFrame):
    """A strip above a page that works partly without something: what is missing and
    the button to set it up; hidden when nothing is."""

    def __init__(self, ctx: UiContext, missing: Missing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._missing = missing
        self.setObjectName("setup_hint")
        self.setStyleSheet("#setup_hint { background: #eef4fb; border: 1px solid #b6cde8; "
                           "border-radius: 4px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("setup_hint_button")
        self.section = ""
        self.button.clicked.connect(lambda: ctx.requests.open_settings.emit(self.section))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        ctx.requests.settings_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        missing = self._missing()
        self.setVisible(missing is not None)
        if missing is not None:
            title, text, button, self.section = notice_texts(missing)
            self.label.setText(f"<b>{title}</b> — {text}")
            self.button.setText(button)
