"""Guest keys: issue a QR key (shown large enough to scan, optionally texted), fetch it
again, a Bluetooth key string for a room's lock, cancel, and report lost."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.cloud.models import GuestKeyRequest, IssuedKey, KeyMaterial
from app.cloud.timezones import community_now, zone_label
from app.inputs import StayFields, check_stay, values
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

QR_SIDE = 320  # pixels: comfortably scannable by a phone held to the screen


class GuestKeysPanel(RoomFormPanel):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText(self.tr("digits only, without country code"))
        self.area_code = QLineEdit("86")
        self.area_code.setMaximumWidth(60)
        # The stay is typed on the hotel's clock (the community's zone), named beside it.
        tz = settings_zone_or_default(ctx.settings)
        now = community_now(tz).replace(second=0, microsecond=0)
        self.start = community_edit(now, tz)
        self.end = community_edit(now + timedelta(days=1), tz)
        self.zone_note = QLabel()
        self._name_zone(tz)
        self.kind = QComboBox()
        for label, value in ((QT_TRANSLATE_NOOP("GuestKeysPanel", "Room"), "room"),
                             (QT_TRANSLATE_NOOP("GuestKeysPanel", "Floor"), "floor"),
                             (QT_TRANSLATE_NOOP("GuestKeysPanel", "Building"), "building")):
            self.kind.addItem(QCoreApplication.translate("GuestKeysPanel", label), value)
        self.sms = QCheckBox(self.tr("Also send it by SMS"))
        self.issue_button = button(self.tr("Issue QR key"), self.issue)
        self.ble_button = button(self.tr("Bluetooth key for this room's lock"), self.bluetooth)

        phone = QHBoxLayout()
        phone.addWidget(QLabel("+"))
        phone.addWidget(self.area_code)
        phone.addWidget(self.mobile, 1)
        new_box = QGroupBox(self.tr("New guest key"))
        form = QFormLayout(new_box)
        form.addRow(self.tr("Room"), self.room)
        form.addRow(self.tr("Guest mobile"), phone)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Until"), self.end)
        form.addRow("", self.zone_note)
        form.addRow(self.tr("Key opens"), self.kind)
        form.addRow("", self.sms)
        form.addRow(self.issue_button)
        form.addRow(self.ble_button)

        self.card_no = QLineEdit()
        self.card_no.setPlaceholderText(self.tr("16-character card number"))
        self.fetch_button = button(self.tr("Show QR"), self.fetch)
        self.cancel_button = button(self.tr("Cancel key"), self.cancel)
        self.lost_button = button(self.tr("Report lost"), self.report_lost)
        self.whole_room = QCheckBox(self.tr("Every key of the room (older locks need this)"))
        existing = QGroupBox(self.tr("Existing key (uses the guest mobile above)"))
        eform = QFormLayout(existing)
        eform.addRow(self.tr("Card number"), self.card_no)
        row = QHBoxLayout()
        for b in (self.fetch_button, self.cancel_button, self.lost_button):
            row.addWidget(b)
        eform.addRow(row)
        eform.addRow("", self.whole_room)

        self.qr = QLabel(self.tr("The guest's QR key appears here."))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(QR_SIDE + 20, QR_SIDE + 20)
        self.qr.setStyleSheet("background: white; border: 1px solid #ccc;")
        self.qr.setAccessibleName(self.tr("Guest QR key"))
        self.key_label = QLabel()
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(90)
        self.notes.setPlaceholderText(self.tr("Bluetooth key strings and next steps appear here."))

        left = QVBoxLayout()
        left.addWidget(new_box)
        left.addWidget(existing)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.qr, 1)
        right.addWidget(self.key_label)
        right.addWidget(self.notes)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.qr_pixmap: QPixmap | None = None

    def _name_zone(self, tz: ZoneInfo) -> None:
        self.zone_note.setText(self.tr("Times are the community's: {zone}")
                               .format(zone=zone_label(tz)))

    def first_shown(self) -> None:
        self._name_zone(settings_zone_or_default(self.ctx.settings))
        super().first_shown()

    def _mobile(self) -> str:
        """The guest's mobile as the command line takes it (InputError: said, nothing sent)."""
        values.required(self.mobile.text(), "expected_mobile")
        return values.mobile(self.mobile.text())

    def _area_code(self) -> str:
        return values.area_code(self.area_code.text() or "86")

    def _card(self) -> str:
        return values.required(self.card_no.text(), "expected_card_no")

    def _clear_key(self) -> None:
        """A new attempt starts clean: the previous guest's QR and number never stay
        beside another guest's failure."""
        self.qr.clear()
        self.qr.setText(self.tr("The guest's QR key appears here."))
        self.qr_pixmap = None
        self.key_label.setText("")
        self.card_no.clear()
        self.notes.clear()

    # -- flows -------------------------------------------------------------------------
    def issue(self) -> None:
        self._clear_key()

        def make(desk):
            tz = settings_zone(self.ctx.settings)
            self._name_zone(tz)
            start, end = community_time(self.start, tz), community_time(self.end, tz)
            check_stay(start, end, community_now(tz).replace(second=0, microsecond=0),
                       StayFields(start=f"“{self.tr('From')}”", end=f"“{self.tr('Until')}”",
                                  confirm=""), confirmed=True)
            req = GuestKeyRequest(
                self._mobile(), self.room.ref(), start, end, self._area_code(),
                self.kind.currentData(), self.sms.isChecked())
            return desk.issue_key(req, with_qr=True)

        def ok(result: tuple[IssuedKey, KeyMaterial | None]) -> None:
            issued, key = result
            self.card_no.setText(issued.card_no)
            self._show_qr(issued.card_no, key)
            said = (self.tr("Key {key} issued for room {room} and texted to the guest.")
                    if issued.request.send_sms else self.tr("Key {key} issued for room {room}."))
            self.message.info(said.format(key=issued.card_no, room=issued.request.room.label()))

        self.run(make, ok, busy=[self.issue_button])

    def fetch(self) -> None:
        def ok(key: KeyMaterial) -> None:
            self._show_qr(key.card_no, key)
            self.message.info(self.tr("Key {key} fetched.").format(key=key.card_no))

        self.run(lambda d: d.get_key(self._mobile(), self._card(), self._area_code()), ok,
                 busy=[self.fetch_button])

    def bluetooth(self) -> None:
        def make(desk):
            room = self.room.pick()
            return desk.bluetooth_key(self._mobile(), room.mac, self._area_code(),
                                      room.lock_type)

        def ok(key: KeyMaterial) -> None:
            self.notes.setPlainText(self.tr("Bluetooth key for {room}:").format(
                room=self.room.label()) + "\n" + key.ble_str)
            self.message.info(self.tr("Bluetooth key ready: the guest's app uses this string."))

        self.run(make, ok, busy=[self.ble_button])

    def cancel(self) -> None:
        card = self.card_no.text().strip()
        self.run(lambda d: d.cancel_key(self._card()),
                 lambda _r: self.message.info(self.tr("Key {key} cancelled.").format(key=card)),
                 busy=[self.cancel_button])

    def report_lost(self) -> None:
        def ok(next_step: str) -> None:
            self.notes.setPlainText(next_step)
            self.message.info(self.tr("Loss reported.") + " " + next_step)

        self.run(lambda d: d.report_lost(self._card(), self.whole_room.isChecked()), ok,
                 busy=[self.lost_button])

    def _show_qr(self, card_no: str, key: KeyMaterial | None) -> None:
        pixmap = QPixmap()
        if key is None or not key.qr_png or not pixmap.loadFromData(key.qr_png, "PNG"):
            self.qr.setText(self.tr("No QR image was returned."))
            self.qr_pixmap = None
            return
        # Scale without smoothing so the modules stay crisp (scanners need sharp edges).
        self.qr_pixmap = pixmap.scaled(QR_SIDE, QR_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.FastTransformation)
        self.qr.setPixmap(self.qr_pixmap)
        self.key_label.setText(self.tr("Card number: {key}").format(key=card_no))
