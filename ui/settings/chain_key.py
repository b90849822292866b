"""Settings → Store: the audit chain key's fingerprint, and carrying the key itself from
the first desk of a site to the others (Show key… / Set key…, an admin's).

The rules are :mod:`app.audit.key_carry`'s, the same as ``keydesk audit key``: both
actions are recorded in the trail, a key is never logged, and replacing a key whose
seals this desk's trail holds asks first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import KeyDeskError
from ui.context import UiContext
from ui.widgets.outcome_line import OutcomeLine


class ChainKeyRow(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.label = QLabel()
        self.label.setObjectName("store_chain_key")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = QPushButton(self.tr("Show key…"))
        self.show_button.setObjectName("chain_key_show")
        self.show_button.setToolTip(self.tr("Show this desk's key, to type on the other desks "
                                            "of the site (an admin's; recorded)"))
        self.show_button.clicked.connect(self.reveal)
        self.set_button = QPushButton(self.tr("Set key…"))
        self.set_button.setObjectName("chain_key_set")
        self.set_button.setToolTip(self.tr("Type the key the site's first desk shows (an "
                                           "admin's; recorded)"))
        self.set_button.clicked.connect(self.set_key)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("chain_key_result")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.set_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        # What the person is asked and shown: dialogs, replaced by tests.
        self.ask_key: Callable[[], str | None] = self._ask_key
        self.confirm_replace: Callable[[str, int], bool] = self._confirm_replace
        self.present_key: Callable[[str], None] = self._present_key

    def refresh(self) -> None:
        """The key's public fingerprint, never the key: desks are compared by it."""
        from app.audit.chain import key_id

        started = self.ctx.started
        self.show_button.setEnabled(started)
        self.set_button.setEnabled(started)
        if not started:
            self.label.setText("…")
            return
        key = self.ctx.services.audit.key
        self.label.setText(
            self.tr("fingerprint {fingerprint}: every desk of the site must show the same "
                    "(Show key… on this desk, Set key… on the others)").format(
                fingerprint=key_id(key)) if key
            else self.tr("none: this PC has no system keyring, so audit rows are written "
                         "unsealed"))

    # -- actions -----------------------------------------------------------------------

    def reveal(self) -> None:
        from app.audit import key_carry

        services = self.ctx.services
        try:
            key = key_carry.reveal(services.audit, services.operators)
        except key_carry.NoChainKey:
            self.result.problem(self.tr("This desk holds no key: this PC has no system "
                                        "keyring."))
            return
        except KeyDeskError as exc:  # not an admin: explained (and recorded)
            self.result.failed(exc)
            return
        self.present_key(key.hex())
        self.result.info(self.tr("The key was shown; the audit trail records that it was."))

    def set_key(self) -> None:
        from app.audit import key_carry
        from app.audit.site_key import ChainKeyError
        from app.settings import SecretStoreUnavailable
        from app.store.audit import AuditLog

        services = self.ctx.services
        try:
            key_carry.may_store(services.operators)
        except KeyDeskError as exc:
            self.result.failed(exc)
            return
        text = self.ask_key()
        if not text or not text.strip():
            return
        local = isinstance(services.audit, AuditLog)
        store = functools.partial(key_carry.store, services.audit, services.operators,
                                  services.secrets, text, local_trail=local)
        try:
            try:
                done = store()
            except key_carry.OtherKeyHeld as other:
                if not self.confirm_replace(other.fingerprint, other.rows):
                    self.result.info(self.tr("Nothing changed: this desk keeps its key."))
                    return
                done = store(replace=True)
        except ChainKeyError:
            self.result.problem(self.tr("That is not an audit chain key: type the 64 hex "
                                        "digits (0–9, a–f) the first desk shows."))
            return
        except SecretStoreUnavailable:
            self.result.problem(self.tr("This PC has no system keyring: the key cannot be "
                                        "kept here."))
            return
        except KeyDeskError as exc:
            self.result.failed(exc)
            return
        if not done.changed:
            self.result.ok(self.tr("This desk holds that key already (fingerprint "
                                   "{fingerprint}).").format(fingerprint=done.fingerprint))
            return
        said = self.tr("Key stored (fingerprint {fingerprint}).").format(
            fingerprint=done.fingerprint)
        if not local:
            said += " " + self.tr("The site store's trail uses it from the next start.")
        if done.env_wins:
            said += " " + self.tr("KEYDESK_AUDIT_KEY is set on this PC: that key is used "
                                  "instead.")
        self.result.ok(said)
        self.refresh()

    # -- dialogs -----------------------------------------------------------------------

    def _ask_key(self) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Set the audit chain key"),
            self.tr("The key the site's first desk shows (Settings → Store → Show key…):"),
            QLineEdit.EchoMode.Password)
        return text if ok else None

    def _confirm_replace(self, fingerprint: str, rows: int) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Replace the audit chain key"),
            self.tr("This desk's audit trail holds {rows} rows sealed with its key "
                    "(fingerprint {fingerprint}). With another key, this desk can no longer "
                    "check them. Replace it anyway?").format(rows=rows, fingerprint=fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _present_key(self, key_hex: str) -> None:
        # In groups of eight, in a fixed-width font: easier to read out and type (Set key…
        # and ``keydesk audit key set`` take it with or without the spaces).
        groups = " ".join(key_hex[at:at + 8] for at in range(0, len(key_hex), 8))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The audit chain key"),
                          f"<p style='font-family: monospace; font-size: large'>{groups}</p>",
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setInformativeText(self.tr(
            "Type it on every other desk of the site (Settings → Store → Set key…). Anyone "
            "who has it can seal audit rows for this site: do not write it down where "
            "guests can see it."))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
