"""Lobby access: give a guest's card access to chosen access readers for exactly the stay,
and take it away again.

The card UID is captured on the local encoder (the Cards tab's service: one port, one
owner) or typed. Every reader gets its own result line; failures are explained through
the catalog. The work runs on the asyncio loop thread (``app.access.desk.ReaderDesk``,
one short-lived session per reader) and every operation is recorded in the audit trail.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access.api import normalise_card
from app.access.client import DOMAIN, INVALID_ARGS
from app.access.desk import ReaderDesk, ReaderOutcome, guest_grant
from app.domain.errors import KeyDeskError
from ui import formats
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.outcome_line import OutcomeLine

if TYPE_CHECKING:
    from app.store.backend import AuditBackend

log = logging.getLogger(__name__)


def _qdt(when: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(when.timestamp()))


def _py(edit: QDateTimeEdit) -> datetime:
    """The edit's value as naive local time (readers keep local wall-clock times)."""
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch()).replace(second=0)


def parse_doors(text: str) -> tuple[int, ...]:
    """ "1, 2" (as printed on site plans, 1-based) -> (0, 1) (the API's 0-based doors)."""
    try:
        doors = sorted({int(p) - 1 for p in text.replace(";", ",").split(",") if p.strip()})
    except ValueError:
        doors = [-1]
    if not doors or doors[0] < 0:
        said = QCoreApplication.translate(
            "ReaderAccessPanel", "doors: numbers from 1, e.g. '1' or '1, 2' (got {text})")
        raise KeyDeskError(DOMAIN, INVALID_ARGS, said.format(text=repr(text)), retryable=False)
    return tuple(doors)


class ReaderAccessPanel(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._closed = False

        self.card = QLineEdit()
        self.card.setPlaceholderText(self.tr("card UID in hex, e.g. 12EA3004"))
        self.capture_button = QPushButton(self.tr("Capture from encoder"))
        self.capture_button.setToolTip(self.tr("Reads the UID of the card lying on the local "
                                               "USB encoder (the Cards tab's encoder)."))
        self.capture_button.clicked.connect(self.capture)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("shown on the reader's access events"))
        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("e.g. 101"))
        now = datetime.now().replace(second=0, microsecond=0)
        self.valid_from = self._datetime_edit(now)
        self.valid_to = self._datetime_edit(
            (now + timedelta(days=1)).replace(hour=12, minute=0))
        self.doors = QLineEdit("1")
        self.doors.setToolTip(self.tr("Door numbers on each chosen reader (1 = its first door)."))
        self.doors.setMaximumWidth(80)

        card_row = QHBoxLayout()
        card_row.addWidget(self.card, 1)
        card_row.addWidget(self.capture_button)
        stay = QHBoxLayout()
        stay.addWidget(self.valid_from)
        stay.addWidget(QLabel(self.tr("to")))
        stay.addWidget(self.valid_to)
        stay.addStretch(1)
        guest_box = QGroupBox(self.tr("Guest card"))
        form = QFormLayout(guest_box)
        form.addRow(self.tr("Card UID"), card_row)
        form.addRow(self.tr("Guest name"), self.name)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Stay"), stay)
        form.addRow(self.tr("Doors"), self.doors)

        self.readers_box = QGroupBox(self.tr("Readers"))
        self._readers_layout = QVBoxLayout(self.readers_box)
        self.reader_checks: dict[str, QCheckBox] = {}
        self.no_readers = QLabel(self.tr("No access readers are configured: add them in Settings."))
        self._readers_layout.addWidget(self.no_readers)
        self._load_readers()

        self.give_button = QPushButton(self.tr("Give access"))
        self.give_button.clicked.connect(self.give)
        self.take_button = QPushButton(self.tr("Take access away"))
        self.take_button.clicked.connect(self.take)
        buttons = QHBoxLayout()
        buttons.addWidget(self.give_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)

        self.message = OutcomeLine(ctx)
        results_box = QGroupBox(self.tr("Result per reader"))
        self._results_layout = QVBoxLayout(results_box)
        self._results_layout.addWidget(self.message)
        self.results: dict[str, OutcomeLine] = {}
        self.jobs = JobRunner(ctx, self.message, busy=[self.give_button, self.take_button])

        layout = QVBoxLayout(self)
        layout.addWidget(guest_box)
        layout.addWidget(self.readers_box)
        layout.addLayout(buttons)
        layout.addWidget(results_box)
        layout.addStretch(1)

    @staticmethod
    def _datetime_edit(when: datetime) -> QDateTimeEdit:
        edit = QDateTimeEdit(_qdt(when))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formats.datetime_format())
        return edit

    # -- readers ---------------------------------------------------------------------------

    def _load_readers(self) -> None:
        """One checkbox per configured reader (kept when the list did not change)."""
        names = [r.name for r in self.ctx.settings.readers]
        if names == list(self.reader_checks):
            return
        checked = {n for n, box in self.reader_checks.items() if box.isChecked()}
        for box in self.reader_checks.values():
            self._readers_layout.removeWidget(box)
            box.deleteLater()
        self.reader_checks = {}
        for name in names:
            box = QCheckBox(name)
            box.setChecked(name in checked or not checked)
            self._readers_layout.addWidget(box)
            self.reader_checks[name] = box
        self.no_readers.setVisible(not names)

    def chosen_readers(self) -> list[str]:
        return [n for n, box in self.reader_checks.items() if box.isChecked()]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_readers()  # Settings may have changed the list
        self.capture_button.setEnabled(self.encoder_service() is not None)

    # -- encoder ---------------------------------------------------------------------------

    def encoder_service(self) -> Any:
        """The window's encoder service (see UiContext.encoder), borrowed to capture a UID."""
        return self.ctx.encoder

    def capture(self) -> None:
        encoder = self.encoder_service()
        if encoder is None:
            self.message.info(self.tr("No local encoder: type the card's UID."))
            return

        def ok(uid: str) -> str:
            self.card.setText(uid.upper())
            return self.tr("Card {uid} captured on the encoder.").format(uid=uid.upper())

        self.jobs.run(encoder.capture_uid, self.tr("Reading the card on the encoder…"), ok,
                      busy=[])

    # -- give / take -----------------------------------------------------------------------

    def audit(self) -> AuditBackend:
        return self.ctx.services.audit

    def _desk(self) -> ReaderDesk:
        return self.ctx.services.reader_desk()

    def give(self) -> Any:
        try:
            grant = guest_grant(self.card.text(), self.name.text(), self.room.text(),
                                _py(self.valid_from), _py(self.valid_to),
                                parse_doors(self.doors.text()))
            readers = self._require_readers()
        except KeyDeskError as exc:
            self.message.failed(exc)
            return None
        return self._run(self._desk().give_access(readers, grant, self.room.text().strip()),
                         readers, self.tr("Giving card {card} access…").format(card=grant.card),
                         self.tr("Access given on {good} of {total} readers."))

    def take(self) -> Any:
        try:
            card = normalise_card(self.card.text())
            readers = self._require_readers()
        except KeyDeskError as exc:
            self.message.failed(exc)
            return None
        return self._run(self._desk().take_access(readers, card), readers,
                         self.tr("Taking card {card}'s access away…").format(card=card),
                         self.tr("Access taken away on {good} of {total} readers."))

    def _require_readers(self) -> list[str]:
        readers = self.chosen_readers()
        if not readers:
            raise KeyDeskError(DOMAIN, INVALID_ARGS, self.tr("tick at least one reader"),
                               retryable=False)
        return readers

    def _run(self, coro: Any, readers: list[str], working: str, done: str) -> Any:
        self._clear_results()
        for name in readers:
            self._result_line(name).info(self.tr("{reader}: working…").format(reader=name))

        def ok(outcomes: list[ReaderOutcome]) -> None:
            good = sum(o.ok for o in outcomes)
            for o in outcomes:
                line = self._result_line(o.reader)
                if o.ok:
                    line.ok(f"{o.reader}: {o.text}")
                elif o.error is not None:
                    line.failed(o.error, prefix=f"{o.reader}: ")
            summary = done.format(good=good, total=len(outcomes))
            if good == len(outcomes):
                self.message.ok(summary)
            else:
                self.message.info(summary + " " + self.tr("See the failures below."))

        # However it ends, no reader line is left saying "working…" (ok fills them again).
        return self.jobs.run(lambda: self.ctx.runtime.loop.submit(coro), working, ok,
                             on_finish=self._clear_results)

    def _result_line(self, name: str) -> OutcomeLine:
        line = self.results.get(name)
        if line is None:
            line = self.results[name] = OutcomeLine(self.ctx)
            self._results_layout.addWidget(line)
            line.show()  # now: a layout shows a new child only on a later event-loop turn
        return line

    def _clear_results(self) -> None:
        for line in self.results.values():
            self._results_layout.removeWidget(line)
            line.deleteLater()
        self.results = {}

    def _failed(self, exc: BaseException) -> None:
        self.message.failed(exc)
        if not isinstance(exc, KeyDeskError):  # a bug: logged and shown once by the window
            self.ctx.report_error(exc)

    def shutdown(self) -> None:
        self._closed = True
        self.jobs.close()
