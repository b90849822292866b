"""Settings → Encoder, Lock cloud and Readers: the same pickers and forms as the
first-run assistant, each with its Test. Saved, they apply at once (the encoder
reconnects, reader streams start, stop or reconnect; the cloud is read at each call)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout

from app.settings import Settings
from app.setup.apply import Applied, reader_secrets
from app.setup.site_key import SITE_KEY_SECRET
from ui.context import UiContext
from ui.settings.section import Section
from ui.setup.cloud_form import CloudForm
from ui.setup.encoder_picker import EncoderPicker
from ui.setup.reader_list import ReaderList
from ui.setup.site_key_form import SiteKeyForm


class EncoderSection(Section):
    key = "encoder"
    icon_name = "usb"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("The USB card encoder of this desk, remembered by its USB "
                               "identity. Saved, the desk lets go of the old port and opens "
                               "the new one at once."))
        self.picker = EncoderPicker(ctx)
        self.trace = QCheckBox(self.tr("Write a hex trace of every byte (for support)"))
        self.trace.setObjectName("encoder_trace")
        self.body.addWidget(self.picker)
        self.body.addWidget(self.trace)
        key_box = QGroupBox(self.tr("Site card key"))
        self.site_key = SiteKeyForm(ctx)
        QVBoxLayout(key_box).addWidget(self.site_key)
        self.body.addWidget(key_box)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Encoder")

    def load(self, settings: Settings) -> None:
        self.picker.load(settings)
        self.trace.setChecked(settings.encoder_trace)
        self.site_key.load()

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        choice = self.picker.choice()
        new.encoder_url, new.encoder_vid_pid, new.encoder_serial = (
            choice.url, choice.vid_pid, choice.serial)
        new.encoder_trace = self.trace.isChecked()
        key = self.site_key.key()
        if key:
            secrets[SITE_KEY_SECRET] = key

    def saved(self, applied: Applied) -> None:
        self.site_key.load()


class CloudSection(Section):
    key = "cloud"
    icon_name = "cloud"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("The lock-cloud account: the room directory, QR and Bluetooth "
                               "keys, RF cards and door logs. The Auth Token and the "
                               "operator's password are kept in the system keyring and never "
                               "shown again."))
        self.form = CloudForm(ctx)
        self.body.addWidget(self.form)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Lock cloud")

    def load(self, settings: Settings) -> None:
        self.form.load(settings)

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        for attr, value in self.form.fields().items():
            setattr(new, attr, value)
        secrets.update(self.form.typed_secrets())

    def saved(self, applied: Applied) -> None:
        self.form.refresh_placeholders()


class ReadersSection(Section):
    key = "readers"
    icon_name = "device-tablet"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("The access readers whose events the Monitor shows. Saved, a "
                               "new reader starts streaming at once and a removed one stops; "
                               "each password is kept in the system keyring."))
        self.readers = ReaderList(ctx)
        self.body.addWidget(self.readers, 1)

    def title(self) -> str:
        return self.tr("Readers")

    def load(self, settings: Settings) -> None:
        self.readers.load(settings)

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        entries = self.readers.entries()
        new.readers = [e.config for e in entries]
        secrets.update(reader_secrets(self.ctx.settings.readers, new.readers,
                                      {e.config.name: e.password for e in entries}))

    def saved(self, applied: Applied) -> None:
        self.readers.load(self.ctx.settings)  # typed passwords are in the keyring now
