"""The event store's health on the Monitor page, and the "Check event database…" action.

A red strip while events are NOT being kept (it stays until the store writes again: no
row count or later message replaces it); an amber one after a failure that cost events,
or after a damaged database was set aside at start (the desk dismisses it once read).
The texts come from :mod:`app.store.messages` (en / pt-BR / zh-CN).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app.domain.stored import StoreHealth
from app.store import messages

_RED = ("#storeHealth { background: #fde2e1; border: 2px solid #c62828; border-radius: 4px; }"
        " QLabel { color: #8e0000; font-weight: bold; }")
_AMBER = ("#storeHealth { background: #fff4d6; border: 1px solid #d9b45a; "
          "border-radius: 4px; }")


class StoreHealthBanner(QFrame):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeHealth")
        self.lang = lang
        self.failing = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        # (lost, damaged file, site store away, refused) already dismissable
        self._seen: tuple[int, str, bool, int] = (0, "", False, 0)
        self.hide()

    def show_health(self, health: StoreHealth) -> None:
        lines = messages.health_lines(health, self.lang)
        was_failing, self.failing = self.failing, not health.writing
        if not lines:
            self.hide()
            return
        if was_failing and not self.failing:
            lines.insert(0, messages.text("kept_again", self.lang))
        notice = (health.lost, health.damaged_file, bool(health.away), health.refused)
        if not self.failing and notice == self._seen and not was_failing and self.isHidden():
            return  # already read and dismissed; nothing new to say
        self._seen = notice
        self.label.setText("\n".join(lines))
        self.setStyleSheet(_RED if self.failing else _AMBER)
        self.dismiss.setVisible(not self.failing)  # not kept: cannot be waved away
        self.show()

    def unavailable(self, error: BaseException | None) -> None:
        """The store did not even open: nothing is kept at all (and nothing retries)."""
        self.failing = True
        self.label.setText(messages.not_open(error, self.lang))
        self.setStyleSheet(_RED)
        self.dismiss.hide()
        self.show()


def check_action(parent: QWidget, ctx: Any, store: Callable[[], Any]) -> QAction:
    """A menu action running the full integrity check on a background job; the outcome
    is told in a window-modal, non-blocking message box. ``store()`` gives the open
    EventStore (or None)."""
    action = QAction(QCoreApplication.translate("StoreHealth", "Check event &database…"), parent)
    lang = getattr(ctx.settings, "language", None)

    def tell(body: str, icon: QMessageBox.Icon) -> None:
        title = QCoreApplication.translate("StoreHealth", "Event database")
        box = QMessageBox(icon, title, body, QMessageBox.StandardButton.Ok, parent)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def done(result: Any) -> None:
        action.setEnabled(True)
        if result.problems:
            tell(messages.text(
                "check_damaged", lang, problems=len(result.problems),
                first=result.problems[0]), QMessageBox.Icon.Critical)
        elif result.error:
            tell(messages.text(
                "check_failed", lang, error=result.error), QMessageBox.Icon.Warning)
        else:
            tell(messages.text(
                "check_sound", lang, path=result.path), QMessageBox.Icon.Information)

    def failed(exc: BaseException) -> None:
        action.setEnabled(True)
        tell(messages.text("check_failed", lang, error=exc),
             QMessageBox.Icon.Warning)

    def run() -> None:
        current = store()
        if current is None:
            failed(RuntimeError("the event store is not open"))
            return
        action.setEnabled(False)
        job = ctx.runtime.device_thread("event-store-check").submit(
            lambda _job: current.check(), job="integrity check")
        ctx.bridge.watch(job, done, failed)

    action.triggered.connect(run)
    action.setStatusTip(messages.text("checking", lang))
    return action
