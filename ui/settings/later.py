"""Settings → Bluetooth (applied to the desk's lock service at once) and Store (where the
desk's files are opened once: a change applies at the next start, as the section and
the page after Save say)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app import paths
from app.settings import SecretStoreUnavailable, Settings
from app.setup.apply import Applied
from ui.context import UiContext
from ui.settings.section import Section

STORE_PASSWORD_SECRET = "store.password"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("restart_note")
    label.setStyleSheet("color: #6d4c00;")
    return label


class BluetoothSection(Section):
    key = "bluetooth"
    icon_name = "bluetooth"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("Commissioning Bluetooth locks from this PC (the Locks page)."))
        self.radio = QLineEdit()
        self.radio.setObjectName("lock_sim_address")
        self.radio.setPlaceholderText(self.tr("empty: this PC's Bluetooth radio"))
        self.radio.setToolTip(self.tr("HOST:PORT of a simulated lock site (keydesk sim lock), "
                                      "for training"))
        self.technician = QLineEdit()
        self.technician.setObjectName("lock_technician")
        self.technician.setPlaceholderText(self.tr("written in the site report and the "
                                                   "locks' logs"))
        form = QFormLayout()
        form.addRow(self.tr("Radio"), self.radio)
        form.addRow(self.tr("Technician"), self.technician)
        self.body.addLayout(form)
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Bluetooth")

    def load(self, settings: Settings) -> None:
        self.radio.setText(settings.lock_sim_address)
        self.technician.setText(settings.lock_technician)

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        new.lock_sim_address = self.radio.text().strip()
        new.lock_technician = self.technician.text().strip()


class StoreSection(Section):
    key = "store"
    icon_name = "database"

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.set_intro(self.tr("Where the events and the audit trail are kept. Empty: SQLite "
                               "files in {folder}.").format(folder=paths.data_dir()))
        self.url = QLineEdit()
        self.url.setObjectName("store_url")
        self.url.setPlaceholderText(self.tr("empty, or postgresql://user@host/keydesk"))
        self.password = QLineEdit()
        self.password.setObjectName("store_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Database"), self.url)
        form.addRow(self.tr("Password"), self.password)
        self.body.addLayout(form)
        self.body.addWidget(_note(self.tr(
            "With a PostgreSQL server (on the back-office PC), every desk of the hotel "
            "shares the events and the audit trail, and sees the others' events live; "
            "every desk needs the same audit chain key. While the server cannot be reached, "
            "this desk keeps what it records and sends it when the server is back. A change "
            "applies at the next start. The password is kept in the system keyring.")))
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Store")

    def load(self, settings: Settings) -> None:
        self.url.setText(settings.store_url)
        self._placeholder()

    def _placeholder(self) -> None:
        try:
            stored = self.ctx.secrets.get(STORE_PASSWORD_SECRET)
        except SecretStoreUnavailable:
            stored = None
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("saved in the system keyring (type to replace)") if stored
            else self.tr("not set"))

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        new.store_url = self.url.text().strip()
        if self.password.text():
            secrets[STORE_PASSWORD_SECRET] = self.password.text()

    def saved(self, applied: Applied) -> None:
        self._placeholder()
