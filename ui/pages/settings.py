"""The Settings page: language, encoder, lock cloud, readers, retention.

Plain fields are saved to the settings file; secrets (Auth Token, operator password,
reader passwords) go to the OS keyring and are never shown again once saved.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.audit.actions import changed_fields, record_settings
from app.domain.errors import KeyDeskError
from app.i18n import resolve_language, set_preferred_language
from app.settings import SecretStoreUnavailable
from app.settings.model import RETENTION_MAX_DAYS, RETENTION_MIN_DAYS
from ui.context import UiContext

# Each language is named in its own words (a clerk looks for the one they read).
LANGUAGES = [("system", QT_TRANSLATE_NOOP("SettingsPage", "System default")),
             ("en", "English"), ("pt-BR", "Português (Brasil)"), ("zh-CN", "简体中文")]

# (settings attribute, label) of the plain cloud fields; labels translated when shown.
CLOUD_FIELDS = [
    ("cloud_base_url", QT_TRANSLATE_NOOP("SettingsPage", "Base URL")),
    ("cloud_account_sid", QT_TRANSLATE_NOOP("SettingsPage", "Account SID")),
    ("cloud_community_no", QT_TRANSLATE_NOOP("SettingsPage", "Community number")),
    ("cloud_issue_mac", QT_TRANSLATE_NOOP("SettingsPage", "Card issuer MAC")),
    ("cloud_creator_area_code", QT_TRANSLATE_NOOP("SettingsPage", "Operator area code")),
    ("cloud_creator_mobile", QT_TRANSLATE_NOOP("SettingsPage", "Operator mobile")),
    ("cloud_timezone", QT_TRANSLATE_NOOP("SettingsPage", "Community time zone")),
]
# (keyring name, label) of the cloud secrets.
CLOUD_SECRETS = [
    ("cloud.auth_token", QT_TRANSLATE_NOOP("SettingsPage", "Auth Token")),
    ("cloud.creator_password", QT_TRANSLATE_NOOP("SettingsPage", "Operator password")),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        s = ctx.settings
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(_tr(name) if code == "system" else name, code)
        self.language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(s.language)
                                          if s.language in dict(LANGUAGES) else 0))
        form.addRow(self.tr("Language"), self.language)
        self.retention = QSpinBox()
        self.retention.setRange(RETENTION_MIN_DAYS, RETENTION_MAX_DAYS)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(s.event_retention_days)
        form.addRow(self.tr("Keep events for"), self.retention)
        layout.addWidget(general)

        encoder = QGroupBox(self.tr("Card encoder"))
        form = QFormLayout(encoder)
        self.encoder_url = QLineEdit(s.encoder_url)
        self.encoder_url.setPlaceholderText(self.tr("automatic (by USB identity), or COM3, "
                                                 "/dev/ttyUSB0, socket://host:port"))
        form.addRow(self.tr("Port"), self.encoder_url)
        self.encoder_trace = QCheckBox(self.tr("Write a hex trace of every byte (for support)"))
        self.encoder_trace.setChecked(s.encoder_trace)
        form.addRow("", self.encoder_trace)
        layout.addWidget(encoder)

        cloud = QGroupBox(self.tr("Lock cloud"))
        form = QFormLayout(cloud)
        self.cloud_edits: dict[str, QLineEdit] = {}
        for attr, label in CLOUD_FIELDS:
            edit = QLineEdit(str(getattr(s, attr)))
            self.cloud_edits[attr] = edit
            form.addRow(_tr(label), edit)
        self.secret_edits: dict[str, QLineEdit] = {}
        for name, label in CLOUD_SECRETS:
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(self._secret_placeholder(name))
            self.secret_edits[name] = edit
            form.addRow(_tr(label), edit)
        layout.addWidget(cloud)

        locks = QGroupBox(self.tr("Bluetooth locks"))
        form = QFormLayout(locks)
        self.lock_technician = QLineEdit(s.lock_technician)
        self.lock_technician.setPlaceholderText(self.tr("your name, for the site report and "
                                                        "the locks' logs"))
        form.addRow(self.tr("Technician"), self.lock_technician)
        self.lock_sim = QLineEdit(s.lock_sim_address)
        self.lock_sim.setPlaceholderText(self.tr("empty: this PC's Bluetooth; HOST:PORT: a "
                                                 "keydesk sim lock site (training)"))
        form.addRow(self.tr("Radio"), self.lock_sim)
        layout.addWidget(locks)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.save_button)
        self.test_cloud_button = QPushButton(self.tr("Test lock-cloud connection"))
        self.test_cloud_button.clicked.connect(self.test_cloud)
        buttons.addWidget(self.test_cloud_button)
        buttons.addWidget(self.status, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def test_cloud(self) -> None:
        """Check the lock-cloud fields as typed, with one call per signing scheme."""
        from ui.front_desk.cloud_common import test_cloud_connection

        test_cloud_connection(
            self.ctx, {a: e.text().strip() for a, e in self.cloud_edits.items()},
            {n: e.text() for n, e in self.secret_edits.items()}, self.status.setText)

    def _secret_placeholder(self, name: str) -> str:
        try:
            stored = self.ctx.secrets.get(name)
        except SecretStoreUnavailable:
            return self.tr("no system keyring available")
        return (self.tr("saved in the system keyring (type to replace)") if stored
                else self.tr("not set"))

    def save(self) -> None:
        # Settings are an admin's (the check and a refusal are audited); the row names
        # the fields and keyring entries that changed, never a value.
        try:
            self.ctx.services.operators.require("settings.change", what="settings.change")
        except KeyDeskError as exc:
            self.ctx.report_error(exc)
            return
        s = self.ctx.settings
        before = copy.deepcopy(s)
        was_speaking = resolve_language(s.language)
        s.language = self.language.currentData()
        set_preferred_language(s.language)  # what banners and the catalog speak from now on
        s.event_retention_days = self.retention.value()
        s.encoder_url = self.encoder_url.text().strip()
        s.encoder_trace = self.encoder_trace.isChecked()
        for attr, edit in self.cloud_edits.items():
            setattr(s, attr, edit.text().strip())
        s.lock_technician = self.lock_technician.text().strip()
        s.lock_sim_address = self.lock_sim.text().strip()
        locks = self.ctx.services.locks
        if locks is not None:  # the desk's lock service follows at once
            from app.devices.locks.radio import Radio

            locks.config.technician = s.lock_technician
            locks.config.timezone = s.cloud_timezone or locks.config.timezone
            locks.radio = Radio(s.lock_sim_address)
        messages = []
        changed_secrets: list[str] = []
        for name, edit in self.secret_edits.items():
            value = edit.text()
            if not value:
                continue
            try:
                self.ctx.secrets.set(name, value)
                changed_secrets.append(name)
                edit.clear()
                edit.setPlaceholderText(self._secret_placeholder(name))
            except SecretStoreUnavailable as exc:
                messages.append(str(exc))
        self.ctx.save_settings()
        record_settings(self.ctx.services.audit, changed_fields(before, s), changed_secrets)
        self.status.setText(" ".join(messages) or self.tr("Saved."))
        now_speaking = resolve_language(s.language)
        if now_speaking != was_speaking:  # the session reopens the window in it
            self.ctx.requests.language_changed.emit(now_speaking)
