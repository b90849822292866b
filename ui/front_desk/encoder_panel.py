"""The Cards tab: the encoder's status, the card on it (live), and issue / read /
duplicate / wipe with progress, cancel and the result explained.

Every card job runs on the encoder's device thread (:class:`EncoderService`); results and
bus events come back through the bridge, so the UI thread never waits on the encoder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QDateTime, QTime
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.devices.encoder.service import EncoderService
from app.domain.cards import CARD_KINDS, Issuance
from app.domain.events import BusEvent, DeviceEvent, DeviceStateChanged, Progress
from app.inputs import (
    InputError,
    NeedsConfirmation,
    StayFields,
    check_rooms,
    check_stay,
    split_rooms,
)
from app.runtime.device_thread import JobFuture
from ui import formats
from ui.context import UiContext
from ui.front_desk.card_tray import CardTray
from ui.jobs import JobRunner
from ui.qt_noop import QT_TRANSLATE_NOOP
from ui.widgets.field_note import FieldNote
from ui.widgets.question import ask
from ui.widgets.result_view import ResultView

log = logging.getLogger(__name__)


# Whose keys the service found on a card it just saw (EncoderService._recognise);
# translated when shown (context EncoderPanel), like the card kinds.
KEYS_TEXT = {
    "transport": QT_TRANSLATE_NOOP("EncoderPanel", "blank keys"),
    "site": QT_TRANSLATE_NOOP("EncoderPanel", "keyed by this site"),
    "foreign": QT_TRANSLATE_NOOP("EncoderPanel", "keys of another system"),
}
KIND_TEXT = {
    "guest": QT_TRANSLATE_NOOP("EncoderPanel", "guest"),
    "staff": QT_TRANSLATE_NOOP("EncoderPanel", "staff"),
    "master": QT_TRANSLATE_NOOP("EncoderPanel", "master"),
}
STATE_TEXT = {
    "connected": QT_TRANSLATE_NOOP("EncoderPanel", "Encoder ready"),
    "connecting": QT_TRANSLATE_NOOP("EncoderPanel", "Connecting to the encoder…"),
    "disconnected": QT_TRANSLATE_NOOP("EncoderPanel", "Encoder not connected"),
    "failed": QT_TRANSLATE_NOOP("EncoderPanel", "Encoder not available"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("EncoderPanel", text)


def _qdt(value: datetime) -> QDateTime:
    # PySide6 makes a QDateTime of a datetime; its stubs lack that overload.
    return QDateTime(value)  # type: ignore[call-overload]


class EncoderPanel(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service: EncoderService = ctx.encoder  # the desk's, started with the session
        self._duplicate_source: tuple[Issuance, bytes] | None = None  # (stay, card UID)
        self.question: QMessageBox | None = None  # the confirmation being asked, if any
        self.room_names: set[str] | None = None  # the lock cloud's rooms, once known
        self._shown = False
        self._build()
        name = self.service.name
        ctx.bridge.subscribe(self._on_event, Progress, DeviceStateChanged, DeviceEvent,
                             where=lambda e: e.source == name, owner=self)
        self._show_state(self.service.state.value, "")
        # A card placed before this tab was first shown: its CardPlaced went by unheard
        # (read after subscribing, so a card arriving meanwhile is told again).
        card = self.service.card
        if card is not None:
            self._show_card(card.uid_hex, card.family.value, self.service.card_keys)

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.status_label = QLabel()
        self.card_label = QLabel(self.tr("No card on the encoder"))
        self.card_label.setStyleSheet("font-size: 15px; font-weight: bold;")

        self.rooms = QLineEdit()
        self.rooms.setPlaceholderText("101, 102")
        now = datetime.now().replace(second=0, microsecond=0)
        start = now.replace(minute=0)
        self.valid_from = QDateTimeEdit(_qdt(start))
        self.valid_to = QDateTimeEdit(_qdt((start + timedelta(days=1)).replace(hour=12)))
        for edit in (self.valid_from, self.valid_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(formats.datetime_format())
        self.valid_to.setTime(QTime(12, 0))
        self.kind = QComboBox()
        for kind in CARD_KINDS:
            self.kind.addItem(_tr(KIND_TEXT.get(kind, kind)), kind)
        self.sequence = QSpinBox()
        self.sequence.setRange(0, 999_999)
        self.sequence.setValue(1)
        # What is wrong with a field is said beside it, in the words of the form.
        self.rooms_note = FieldNote()
        self.stay_note = FieldNote()
        self.rooms.textEdited.connect(lambda _t: self.rooms_note.clear())
        for edit in (self.valid_from, self.valid_to):
            edit.dateTimeChanged.connect(lambda _d: self.stay_note.clear())
        form = QFormLayout()
        form.addRow(self.tr("Room(s)"), self.rooms)
        form.addRow("", self.rooms_note)
        form.addRow(self.tr("Valid from"), self.valid_from)
        form.addRow(self.tr("Valid to"), self.valid_to)
        form.addRow("", self.stay_note)
        form.addRow(self.tr("Card kind"), self.kind)
        form.addRow(self.tr("Card number"), self.sequence)
        self.issue_button = QPushButton(self.tr("Issue card"))
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.issue)
        form.addRow("", self.issue_button)
        issue_box = QGroupBox(self.tr("Issue a card"))
        issue_box.setLayout(form)

        self.read_button = QPushButton(self.tr("Read card"))
        self.read_button.clicked.connect(self.read)
        self.duplicate_button = QPushButton(self.tr("Duplicate…"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.wipe_button = QPushButton(self.tr("Wipe card"))
        self.wipe_button.clicked.connect(self.wipe)
        actions = QHBoxLayout()
        for b in (self.read_button, self.duplicate_button, self.wipe_button):
            actions.addWidget(b)
        actions.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.result = ResultView(self.ctx.show_explanation)

        # The demo's encoder simulator has a tray of cards, so every card flow (Duplicate
        # needs a second card) can be practised.
        sim = getattr(self.ctx.demo, "encoder", None) if self.ctx.demo is not None else None
        self.tray = CardTray(sim) if sim is not None else None

        top = QVBoxLayout(self)
        top.addWidget(self.status_label)
        top.addWidget(self.card_label)
        if self.tray is not None:
            top.addWidget(self.tray)
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
        self.progress_text.setText(self.tr("{what}…").format(what=what))

        def done(result: Any) -> None:
            self.progress.setValue(100)
            on_result(result)  # shows the card itself: no outcome text

        self.jobs.run(start, what, done, on_finish=lambda: self.progress_text.setText(""))

    def cancel(self) -> None:
        self.jobs.cancel()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._load_room_names()

    def _load_room_names(self) -> None:
        """The lock cloud's room directory, to warn about a room that is not in it. Without
        a cloud (not set up, unreachable) there is nothing to warn with: no warning."""
        try:
            future = self.ctx.runtime.loop.submit(self.ctx.services.cloud().rooms())
        except Exception:
            log.info("no room directory for the Cards form", exc_info=True)
            return

        def loaded(buildings: Any) -> None:
            names: set[str] = set()
            for building in buildings:
                for room in building.all_rooms():
                    names |= {room.name, room.ref.label()}
            self.room_names = names

        self.ctx.bridge.watch(future, loaded,
                              lambda exc: log.info("room directory not loaded: %s", exc))

    def stay_fields(self) -> StayFields:
        return StayFields(start=self.tr("Valid from"), end=self.tr("Valid to"),
                          confirm=self.tr("you will be asked"))

    def issuance_from_form(self, confirmed: bool = False) -> Issuance:
        """The form's stay, checked as the command line checks it; an InputError names
        what is wrong, shown beside its field (NeedsConfirmation: to be asked)."""
        # toPython() gives a datetime (PySide6's stubs say object).
        start = cast(datetime, self.valid_from.dateTime().toPython())
        end = cast(datetime, self.valid_to.dateTime().toPython())
        start, end = start.replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
        kind = str(self.kind.currentData() or self.kind.currentText())
        rooms = tuple(split_rooms(self.rooms.text()))
        most, longest = self.service.layout.room_limits()
        try:
            check_rooms(rooms, most, longest, needed=kind == "guest")
        except InputError as exc:
            self.rooms_note.show_error(exc)
            raise
        try:
            check_stay(start, end, datetime.now(), self.stay_fields(), confirmed=confirmed)
        except InputError as exc:
            if not isinstance(exc, NeedsConfirmation):
                self.stay_note.show_error(exc)
            raise
        return Issuance(rooms=rooms, valid_from=start, valid_to=end, kind=kind,
                        sequence=self.sequence.value())

    def issue(self, confirmed: bool = False, known_rooms: bool = False) -> None:
        """Check the form, ask what must be asked (a stay far ahead, a room the directory
        does not know), then issue. A form problem starts no job and says where it is."""
        self.rooms_note.clear()
        self.stay_note.clear()
        if not confirmed:
            self.result.clear()  # an earlier outcome is not this attempt's
        try:
            issuance = self.issuance_from_form(confirmed)
        except NeedsConfirmation as ask_first:
            self.question = ask(
                self, self.tr("Issue a card"), str(ask_first).rstrip(".") + ".",
                self.tr("Issue it for those dates anyway?"), self.tr("Issue card"),
                lambda: self.issue(confirmed=True, known_rooms=known_rooms))
            return
        except InputError:
            self._form_problem(self.tr("Nothing was done: correct what is marked in red."))
            return
        except ValueError as exc:  # the domain's own check, should the form miss one
            self._form_problem(str(exc))
            return
        unknown = [r for r in issuance.rooms if self.room_names is not None
                   and r not in self.room_names]
        if unknown and not known_rooms:
            self.question = ask(
                self, self.tr("Issue a card"),
                self.tr("Room {rooms} is not in the lock cloud's room directory.").format(
                    rooms=", ".join(unknown)),
                self.tr("Check the room number. Issue the card for it anyway?"),
                self.tr("Issue card"), lambda: self.issue(confirmed=True, known_rooms=True))
            return
        try:
            job = self.service.issue(issuance)  # checks the stay against the card layout
        except InputError as exc:  # what this card layout cannot hold
            self.rooms_note.show_error(exc)
            self._form_problem(self.tr("Nothing was done: correct what is marked in red."))
            return
        except ValueError as exc:
            self._form_problem(str(exc))
            return
        self._reset_duplicate()
        self._start(lambda: job, self.tr("Issuing"), self._issued)

    def _form_problem(self, text: str) -> None:
        """Nothing was done: the progress of an earlier job is not left standing."""
        self.progress.reset()
        self.progress_text.setText("")
        self.result.problem(self.tr("Check the form"), text)

    def _rooms(self, rooms: tuple[str, ...]) -> str:
        return ", ".join(rooms) or self.tr("all")

    def _card_line(self, uid: str, i: Issuance) -> str:
        return self.tr("Card {uid}, number {number}, {kind}").format(
            uid=uid, number=i.sequence, kind=_tr(KIND_TEXT.get(i.kind, i.kind)))

    def _valid_line(self, i: Issuance) -> str:
        return self.tr("Valid {start} to {end}").format(start=formats.when(i.valid_from),
                                                        end=formats.when(i.valid_to))

    def _issued(self, r: Any) -> None:
        self._show_card_keys(r.card, "site")
        i = r.issuance
        self.result.success(
            self.tr("Card issued for room {rooms}").format(rooms=self._rooms(i.rooms)),
            [
                self._card_line(r.card.uid_hex, i),
                self._valid_line(i),
                self.tr("Every block written, read back and decoded to this stay. Hand the "
                        "card to the guest."),
            ],
        )

    def read(self) -> None:
        self._reset_duplicate()
        self._start(lambda: self.service.read(full=False), self.tr("Reading"), self._read_done)

    def _read_done(self, r: Any) -> None:
        d = r.decoded
        if d.valid and d.issuance:
            i = d.issuance
            self.result.success(
                self.tr("Valid card for room {rooms}").format(rooms=self._rooms(i.rooms)),
                [self._card_line(r.card.uid_hex, i), self._valid_line(i)],
            )
        else:
            self.result.cancelled("")
            invalid = self.tr("Not a valid card")
            self.result.title.setText(f"<b style='color:#b00020'>{invalid}</b>")
            self.result.body.setText(self.tr("Card {uid}: {reason}").format(
                uid=r.card.uid_hex, reason=d.reason_in()))

    def duplicate(self) -> None:
        """First press: read the card to copy. Second press (after swapping cards): write
        the same stay with the next card number onto the new card — never onto the source
        (the guest would get one card, not two). A failure keeps the source for a retry."""
        if self._duplicate_source is None:
            self._start(lambda: self.service.read(full=False),
                        self.tr("Reading the card to copy"), self._source)
            return
        source, uid = self._duplicate_source
        self._start(
            lambda: self.service.duplicate(source, source_uid=uid),
            self.tr("Writing the duplicate"), self._copied
        )

    def _reset_duplicate(self) -> None:
        self._duplicate_source = None
        self.duplicate_button.setText(self.tr("Duplicate…"))

    def _copied(self, r: Any) -> None:
        assert self._duplicate_source is not None
        _source, uid = self._duplicate_source
        self._reset_duplicate()
        self._show_card_keys(r.card, "site")
        i = r.issuance
        self.result.success(
            self.tr("Duplicate written for room {rooms}").format(rooms=self._rooms(i.rooms)),
            [
                self._card_line(r.card.uid_hex, i) + " — " + self.tr(
                    "a copy of card {uid} (number {number}); both open the same doors").format(
                    uid=uid.hex().upper(), number=i.sequence - 1),
                self._valid_line(i),
                self.tr("Every block written and read back."),
            ],
        )

    def _source(self, r: Any) -> None:
        if not (r.decoded.valid and r.decoded.issuance):
            self._read_done(r)
            return
        self._duplicate_source = (r.decoded.issuance, r.card.uid)
        self.duplicate_button.setText(self.tr("Write duplicate"))
        lines = [self.tr("Copying the stay of card {uid}. Take it off the encoder, put a new "
                         "card on it and press “Write duplicate”.").format(uid=r.card.uid_hex)]
        if self.tray is not None:
            lines.append(self.tr("Training: “Put a blank card” in the card tray above lays "
                                 "a new card on the encoder."))
        self.result.success(self.tr("Now place the new card"), lines)

    def wipe(self) -> None:
        """Wiping makes the card open no door: asked first."""
        uid = self.service.card.uid_hex if self.service.card is not None else ""
        text = (self.tr("Wipe card {uid}?").format(uid=uid) if uid
                else self.tr("Wipe the card on the encoder?"))
        self.question = ask(
            self, self.tr("Wipe card"), text,
            self.tr("Its stay is erased: it will no longer open any door, and it becomes a "
                    "blank card that can be issued again."),
            self.tr("Wipe card"), self._wipe_now)

    def _wipe_now(self) -> None:
        self._reset_duplicate()
        self._start(self.service.wipe, self.tr("Wiping"), self._wiped)

    def _wiped(self, r: Any) -> None:
        self._show_card_keys(r.card, "transport")
        self.result.success(self.tr("Card wiped"), [
            self.tr("Card {uid} is blank and can be reused.").format(uid=r.card.uid_hex)])

    # -- live events -------------------------------------------------------------------
    def _on_event(self, event: BusEvent) -> None:
        if isinstance(event, Progress) and self.jobs.running:
            self.progress.setValue(int(event.fraction * 100))
        elif isinstance(event, DeviceStateChanged):
            self._show_state(event.state.value, event.detail)
        elif isinstance(event, DeviceEvent) and event.kind == "encoder":
            p = event.payload
            if event.code == "CardPlaced":
                self._show_card(p.get("uid", "?"), p.get("family"), p.get("keys"))
            elif event.code == "CardRemoved":
                self.card_label.setText(self.tr("No card on the encoder"))

    def _show_card(self, uid: str, family: str | None, keys: str | None) -> None:
        what = [family or self.tr("unknown type")]
        if keys in KEYS_TEXT:
            what.append(_tr(KEYS_TEXT[keys]))
        self.card_label.setText(self.tr("Card on the encoder: {uid} ({what})").format(
            uid=uid, what=", ".join(what)))

    def _show_card_keys(self, card: Any, keys: str) -> None:
        """After a job that wrote the card (Ultralight cards have no keys)."""
        self._show_card(card.uid_hex, card.family.value, keys if card.family.is_classic else None)

    def _show_state(self, state: str, detail: str) -> None:
        text = _tr(STATE_TEXT[state]) if state in STATE_TEXT else state
        self.status_label.setText(text)
        self.status_label.setToolTip(detail)  # the port and firmware, for support

