"""Settings → Bluetooth (applied to the desk's lock service at once) and Store (where the
desk's files are opened once: a change applies at the next start, as the section and
the page after Save say)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

from app import paths
from app.i18n import resolve_language
from app.settings import SecretStoreUnavailable, Settings
from app.setup.apply import Applied
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.settings.chain_key import ChainKeyRow
from ui.settings.section import Section
from ui.widgets.outcome_line import OutcomeLine

STORE_PASSWORD_SECRET = "store.password"
TEST_WORKER = "store-test"  # the thread a Store → Test waits on the server from


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
        self.chain_key = ChainKeyRow(ctx)
        form = QFormLayout()
        form.addRow(self.tr("Database"), self.url)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Audit chain key"), self.chain_key)
        self.body.addLayout(form)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("store_test")
        self.test_button.setToolTip(self.tr("Connect with the address and password as typed "
                                            "(nothing saved, nothing written)"))
        self.test_button.clicked.connect(self.test)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("store_result")
        self.jobs = JobRunner(ctx, self.result, busy=[self.test_button])
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result, 1)
        self.body.addLayout(row)
        self.body.addWidget(_note(self.tr(
            "With a PostgreSQL server (on the back-office PC), every desk of the hotel "
            "shares the events and the audit trail, and sees the others' events live; "
            "every desk needs the same audit chain key. While the server cannot be reached, "
            "this desk keeps what it records and sends it when the server is back. A change "
            "applies at the next start. The password is kept in the system keyring.")))
        self.body.addStretch(1)

    def title(self) -> str:
        return self.tr("Store")

    def shutdown(self) -> None:
        self.jobs.close()
        super().shutdown()

    def load(self, settings: Settings) -> None:
        self.url.setText(settings.store_url)
        self._placeholder()
        self.chain_key.refresh()

    def _placeholder(self) -> None:
        stored = self._stored_password()
        self.password.clear()
        self.password.setPlaceholderText(
            self.tr("saved in the system keyring (type to replace)") if stored
            else self.tr("not set"))

    def test(self) -> None:
        """Test the typed address (an empty one: this PC's own files, nothing to test) on
        a worker thread: a server away must not freeze the window for its timeout."""
        from app.store import messages
        from app.store.postgres.probe import SiteCheck, check_site, describe

        url, lang = self.url.text().strip(), resolve_language()
        if not url:
            self.result.ok(messages.text("site_test_none", lang))
            return
        password = self.password.text() or self._stored_password()

        def start():
            return self.ctx.runtime.device_thread(TEST_WORKER).submit(
                lambda _job: check_site(url, password), "store-test")

        def ok(check: SiteCheck) -> str:
            return describe(check, lang)

        self.jobs.run(start, messages.text("site_testing", lang), ok)

    def _stored_password(self) -> str | None:
        try:
            return self.ctx.secrets.get(STORE_PASSWORD_SECRET) or None
        except SecretStoreUnavailable:
            return None

    def collect(self, new: Settings, secrets: dict[str, str | None]) -> None:
        new.store_url = self.url.text().strip()
        if self.password.text():
            secrets[STORE_PASSWORD_SECRET] = self.password.text()

    def saved(self, applied: Applied) -> None:
        self._placeholder()
