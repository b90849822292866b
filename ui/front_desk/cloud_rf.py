"""RF cards through the vendor's card issuer: issue for a room, read the card lying on the
issuer, log out a card by its serial number (typed, read from the issuer, or captured on
the local encoder when the window has one)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.cloud.config import OPERATE_CARD_TYPES
from app.cloud.models import RfCardInfo, RfCardRequest
from app.cloud.timezones import community_now, zone_label
from app.inputs import InputError, values
from app.inputs.stays import when_text
from ui import formats
from ui.context import UiContext
from ui.front_desk.cloud_common import (
    RoomFormPanel,
    button,
    community_edit,
    community_time,
    settings_zone,
    settings_zone_or_default,
)
from ui.qt_noop import QT_TRANSLATE_NOOP


def describe_card(card: RfCardInfo) -> str:
    room = "-".join(p for p in (card.building, card.floor, card.room) if p) \
        or QCoreApplication.translate("RfCardsPanel", "blank")
    until = "—"
    if card.end is not None:  # the community's clock, named as the panel names it (not "CST")
        when = formats.when(card.end.replace(tzinfo=None))
        zone = card.end.tzinfo
        until = when
        if isinstance(zone, ZoneInfo):
            until = QCoreApplication.translate(
                "RfCardsPanel", "{time} (community time: {zone})").format(
                time=when, zone=zone_label(zone, card.end))
    return QCoreApplication.translate(
        "RfCardsPanel", "Serial {serial}\nRoom {room}\nValid until {until}\nBatch {batch}").format(
        serial=card.serial_num, room=room, until=until, batch=card.batch_no)


class RfCardsPanel(RoomFormPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        tz = settings_zone_or_default(ctx.settings)  # valid until, on the hotel's clock
        self.end = community_edit(community_now(tz).replace(second=0, microsecond=0)
                                  + timedelta(days=1), tz)
        self.zone_note = QLabel()
        self._name_zone(tz)
        self.lock_kind = QComboBox()
        for label, value in ((QT_TRANSLATE_NOOP("RfCardsPanel", "QRA/QRB/other locks"), 4),
                             ("QRLOCK", 3), ("RFLOCK-V9", 2)):
            self.lock_kind.addItem(QCoreApplication.translate("RfCardsPanel", label), value)
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("optional"))
        self.issue_button = button(self.tr("Issue RF card on the card issuer"), self.issue)
        issue_box = QGroupBox(self.tr("Issue"))
        form = QFormLayout(issue_box)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Valid until"), self.end)
        form.addRow("", self.zone_note)
        form.addRow(self.tr("Lock kind"), self.lock_kind)
        form.addRow(self.tr("Card holder"), self.owner)
        form.addRow(self.issue_button)

        self.serial = QLineEdit()
        self.serial.setPlaceholderText(self.tr("serial number of the card"))
        self.read_button = button(self.tr("Read card on the issuer"), self.read)
        self.capture_button = button(self.tr("Capture from encoder"), self.capture,
                                     self.tr("Reads the card's serial number (UID) on the local "
                                             "USB encoder of the Cards tab."))
        self.capture_button.setEnabled(False)
        self.cancel_button = button(self.tr("Log out (cancel) this card"), self.cancel)
        card_box = QGroupBox(self.tr("Read / cancel"))
        cform = QFormLayout(card_box)
        row = QHBoxLayout()
        row.addWidget(self.serial, 1)
        row.addWidget(self.capture_button)
        cform.addRow(self.tr("Serial number"), row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.cancel_button)
        cform.addRow(buttons)
        self.card_view = QPlainTextEdit()
        self.card_view.setReadOnly(True)
        self.card_view.setPlaceholderText(self.tr("The card read from the issuer appears here."))

        layout = QVBoxLayout(self)
        layout.addWidget(issue_box)
        layout.addWidget(card_box)
        layout.addWidget(self.card_view, 1)
        layout.addWidget(self.message)

    def _name_zone(self, tz: ZoneInfo) -> None:
        self.zone_note.setText(self.tr("Times are the community's: {zone}")
                               .format(zone=zone_label(tz)))

    def first_shown(self) -> None:
        self._name_zone(settings_zone_or_default(self.ctx.settings))
        super().first_shown()

    def showEvent(self, event: QShowEvent) -> None:
        # before the base class's first-show loading; the encoder may come and go
        self.capture_button.setEnabled(self.encoder_service() is not None)
        super().showEvent(event)

    def _kind(self) -> int:
        return int(self.lock_kind.currentData() or OPERATE_CARD_TYPES["other"])

    def issue(self) -> None:
        def make(desk):
            room = self.room.room()
            tz = settings_zone(self.ctx.settings)
            self._name_zone(tz)
            end = community_time(self.end, tz)
            if end <= community_now(tz):  # opens nothing: said before the issuer is used
                raise InputError("ended", end=f"“{self.tr('Valid until')}”",
                                 end_value=when_text(end))
            req = RfCardRequest(
                self.room.ref(), end,
                owner=self.owner.text().strip(), lock_type=room.lock_type if room else "")
            return desk.rf_issue(req, self._kind())

        self.run(make, self._show_card, busy=[self.issue_button])

    def read(self) -> None:
        self.run(lambda d: d.rf_read(self._kind()), self._show_card, busy=[self.read_button])

    def cancel(self) -> None:
        def make(desk):
            serial = values.required(self.serial.text(), "expected_serial")
            return desk.rf_cancel(serial, self._kind())

        serial = self.serial.text().strip()
        self.run(make, lambda _r: self.message.info(
            self.tr("RF card {serial} logged out.").format(serial=serial)),
                 busy=[self.cancel_button])

    def encoder_service(self) -> Any:
        """The window's encoder service (see UiContext.encoder), borrowed to capture a UID."""
        return self.ctx.encoder

    def capture(self) -> None:
        """The UID of the card on the local encoder (EncoderService.capture_uid)."""
        encoder = self.encoder_service()
        if encoder is None:
            self.message.info(self.tr("No local encoder: type the serial number or read it on "
                                      "the card issuer."))
            return

        def ok(uid: str) -> None:
            self.serial.setText(uid)
            self.message.info(
                self.tr("Serial {serial} captured on the encoder.").format(serial=uid))

        self.ctx.bridge.watch(encoder.capture_uid(), ok, self.failed)

    def _show_card(self, card: RfCardInfo) -> None:
        self.serial.setText(card.serial_num)
        self.card_view.setPlainText(describe_card(card))
        self.message.info(self.tr("Card {serial} on the issuer.").format(serial=card.serial_num))
