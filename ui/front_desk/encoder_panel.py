"""The Cards tab: the encoder's status, the card on it (live), and issue / read /
duplicate / wipe with progress, cancel and the result explained.

Every card job runs on the encoder's device thread (:class:`EncoderService`); results and
bus events come back through the bridge, so the UI thread never waits on the encoder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.devices.encoder.service import EncoderService
from app.domain.cards import CARD_KINDS, Issuance
from app.domain.events import BusEvent, DeviceEvent, DeviceStateChanged, Progress
from app.runtime.device_thread import JobFuture
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.result_view import ResultView

log = logging.getLogger(__name__)


# Whose keys the service found on a card it just saw (EncoderService._recognise).
KEYS_TEXT = {
    "transport": "blank keys",
    "site": "keyed by this site",
    "foreign": "keys of another system",
}


def _qdt(value: datetime) -> QDateTime:
    return QDateTime(value)


class EncoderPanel(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service: EncoderService = ctx.encoder  # the desk's, started with the session
        self._duplicate_source: tuple[Issuance, bytes] | None = None  # (stay, card UID)
        self._build()
        name = self.service.name
        ctx.bridge.subscribe(self._on_event, Progress, DeviceStateChanged, DeviceEvent,
                             where=lambda e: e.source == name, owner=self)
        self._show_state(self.service.state.value, "")

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_label = QLabel()
        self.card_label = QLabel("No card on the encoder")
        self.card_label.setStyleSheet("font-size: 15px; font-weight: bold;")

        self.rooms = QLineEdit()
        self.rooms.setPlaceholderText("101, 102")
        now = datetime.now().replace(second=0, microsecond=0)
        start = now.replace(minute=0)
        self.valid_from = QDateTimeEdit(_qdt(start))
        self.valid_to = QDateTimeEdit(_qdt((start + timedelta(days=1)).replace(hour=12)))
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.valid_to.setTime(QTime(12, 0))
        self.kind = QComboBox()
        self.kind.addItems(list(CARD_KINDS))
        self.sequence = QSpinBox()
        self.sequence.setRange(0, 999_999)
        self.sequence.setValue(1)
        form = QFormLayout()
        form.addRow("Room(s)", self.rooms)
        form.addRow("Valid from", self.valid_from)
        form.addRow("Valid to", self.valid_to)
        form.addRow("Card kind", self.kind)
        form.addRow("Card number", self.sequence)
        self.issue_button = QPushButton("Issue card")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.issue)
        form.addRow("", self.issue_button)
        issue_box = QGroupBox("Issue a card")
        issue_box.setLayout(form)

        self.read_button = QPushButton("Read card")
        self.read_button.clicked.connect(self.read)
        self.duplicate_button = QPushButton("Duplicate…")
        self.duplicate_button.clicked.connect(self.duplicate)
        self.wipe_button = QPushButton("Wipe card")
        self.wipe_button.clicked.connect(self.wipe)
        actions = QHBoxLayout()
        for b in (self.read_button, self.duplicate_button, self.wipe_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.result = ResultView(self.ctx.show_explanation)

        top = QVBoxLayout(self)
        top.addWidget(self.status_label)
        top.addWidget(self.card_label)
        top.addWidget(issue_box)
        top.addLayout(actions)
        top.addLayout(progress_row)
        top.addWidget(self.progress_text)
        top.addWidget(self.result)
        top.addStretch(1)
        self.jobs = JobRunner(
            self.ctx, self.result,
            busy=[self.issue_button, self.read_button, self.duplicate_button, self.wipe_button],
            cancel_button=self.cancel_button,
        )

    # -- jobs --------------------------------------------------------------------------
    def _start(self, start: Callable[[], JobFuture], what: str,
               on_result: Callable[[Any], None]) -> None:
        self.progress.setValue(0)
        self.progress_text.setText(f"{what}…")

        def done(result: Any) -> None:
            self.progress.setValue(100)
            on_result(result)  # shows the card itself: no outcome text

        self.jobs.run(start, what, done, on_finish=lambda: self.progress_text.setText(""))

    def cancel(self) -> None:
        self.jobs.cancel()

    def issuance_from_form(self) -> Issuance:
        rooms = tuple(
            r.strip() for r in self.rooms.text().replace(";", ",").split(",") if r.strip()
        )
        return Issuance(
            rooms=rooms,
            valid_from=self.valid_from.dateTime().toPython(),
            valid_to=self.valid_to.dateTime().toPython(),
            kind=self.kind.currentText(),
            sequence=self.sequence.value(),
        )

    def issue(self) -> None:
        try:
            issuance = self.issuance_from_form()
            job = self.service.issue(issuance)  # checks the stay against the card layout
        except ValueError as exc:
            self.result.success("", [])
            self.result.cancelled(str(exc))
            self.result.title.setText("<b style='color:#b00020'>Check the form</b>")
            return
        self._reset_duplicate()
        self._start(lambda: job, "Issuing", self._issued)

    def _issued(self, r: Any) -> None:
        self._show_card_keys(r.card, "site")
        i = r.issuance
        self.result.success(
            f"Card issued for room {', '.join(i.rooms) or 'all'}",
            [
                f"Card {r.card.uid_hex}, number {i.sequence}, {i.kind}",
                f"Valid {i.valid_from:%Y-%m-%d %H:%M} to {i.valid_to:%Y-%m-%d %H:%M}",
                "Every block written, read back and decoded to this stay. Hand the card "
                "to the guest.",
            ],
        )

    def read(self) -> None:
        self._reset_duplicate()
        self._start(lambda: self.service.read(full=False), "Reading", self._read_done)

    def _read_done(self, r: Any) -> None:
        d = r.decoded
        if d.valid and d.issuance:
            i = d.issuance
            self.result.success(
                f"Valid card for room {', '.join(i.rooms) or 'all'}",
                [
                    f"Card {r.card.uid_hex}, number {i.sequence}, {i.kind}",
                    f"Valid {i.valid_from:%Y-%m-%d %H:%M} to {i.valid_to:%Y-%m-%d %H:%M}",
                ],
            )
        else:
            self.result.cancelled("")
            self.result.title.setText("<b style='color:#b00020'>Not a valid card</b>")
            self.result.body.setText(f"Card {r.card.uid_hex}: {d.reason}")

    def duplicate(self) -> None:
        """First press: read the card to copy. Second press (after swapping cards): write
        the same stay with the next card number onto the new card — never onto the source
        (the guest would get one card, not two). A failure keeps the source for a retry."""
        if self._duplicate_source is None:
            self._start(lambda: self.service.read(full=False), "Reading the card to copy",
                        self._source)
            return
        source, uid = self._duplicate_source
        self._start(
            lambda: self.service.duplicate(source, source_uid=uid), "Writing the duplicate",
            self._copied
        )

    def _reset_duplicate(self) -> None:
        self._duplicate_source = None
        self.duplicate_button.setText("Duplicate…")

    def _copied(self, r: Any) -> None:
        assert self._duplicate_source is not None
        _source, uid = self._duplicate_source
        self._reset_duplicate()
        self._show_card_keys(r.card, "site")
        i = r.issuance
        self.result.success(
            f"Duplicate written for room {', '.join(i.rooms) or 'all'}",
            [
                f"Card {r.card.uid_hex}, number {i.sequence}, {i.kind} — a copy of card "
                f"{uid.hex().upper()} (number {i.sequence - 1}); both open the same doors",
                f"Valid {i.valid_from:%Y-%m-%d %H:%M} to {i.valid_to:%Y-%m-%d %H:%M}",
                "Every block written and read back.",
            ],
        )

    def _source(self, r: Any) -> None:
        if not (r.decoded.valid and r.decoded.issuance):
            self._read_done(r)
            return
        self._duplicate_source = (r.decoded.issuance, r.card.uid)
        self.duplicate_button.setText("Write duplicate")
        self.result.success(
            "Now place the new card",
            [f"Copying the stay of card {r.card.uid_hex}. Put the blank card on the encoder "
             "and press “Write duplicate”."],
        )  # fmt: skip

    def wipe(self) -> None:
        self._reset_duplicate()
        self._start(self.service.wipe, "Wiping", self._wiped)

    def _wiped(self, r: Any) -> None:
        self._show_card_keys(r.card, "transport")
        self.result.success("Card wiped", [f"Card {r.card.uid_hex} is blank and can be reused."])

    # -- live events -------------------------------------------------------------------
    def _on_event(self, event: BusEvent) -> None:
        if isinstance(event, Progress) and self.jobs.running:
            self.progress.setValue(int(event.fraction * 100))
            self.progress_text.setText(event.text)
        elif isinstance(event, DeviceStateChanged):
            self._show_state(event.state.value, event.detail)
        elif isinstance(event, DeviceEvent) and event.kind == "encoder":
            p = event.payload
            if event.code == "CardPlaced":
                self._show_card(p.get("uid", "?"), p.get("family"), p.get("keys"))
            elif event.code == "CardRemoved":
                self.card_label.setText("No card on the encoder")

    def _show_card(self, uid: str, family: str | None, keys: str | None) -> None:
        what = [family or "unknown type"]
        if keys in KEYS_TEXT:
            what.append(KEYS_TEXT[keys])
        self.card_label.setText(f"Card on the encoder: {uid} ({', '.join(what)})")

    def _show_card_keys(self, card: Any, keys: str) -> None:
        """After a job that wrote the card (Ultralight cards have no keys)."""
        self._show_card(card.uid_hex, card.family.value, keys if card.family.is_classic else None)

    def _show_state(self, state: str, detail: str) -> None:
        words = {
            "connected": "Encoder ready",
            "connecting": "Connecting to the encoder…",
            "disconnected": "Encoder not connected",
            "failed": "Encoder not available",
        }
        text = words.get(state, state)
        self.status_label.setText(f"{text}{' — ' + detail if detail else ''}")

