"""The lock-cloud account as a form: the plain fields, the two secrets (typed here, kept
in the keyring on save, never shown again) and Test, which runs one call per signing
scheme and the card-issuer operator's login on the values as typed — nothing is saved.

Used by the first-run assistant's cloud step and by Settings → Lock cloud.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.cloud.config import DEFAULT_AREA_CODE, DEFAULT_BASE_URL, DEFAULT_TIMEZONE
from app.cloud.credentials import (
    AUTH_TOKEN_SECRET,
    CREATOR_PASSWORD_SECRET,
    CloudCredentials,
    from_settings,
)
from app.settings import SecretStoreUnavailable, Settings
from app.setup.plan import CLOUD_FIELDS
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.outcome_line import OutcomeLine


class CloudForm(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        labels = {
            "cloud_base_url": self.tr("Base URL"),
            "cloud_account_sid": self.tr("Account SID"),
            "cloud_community_no": self.tr("Community number"),
            "cloud_issue_mac": self.tr("Card issuer MAC"),
            "cloud_creator_area_code": self.tr("Operator area code"),
            "cloud_creator_mobile": self.tr("Operator mobile"),
            "cloud_timezone": self.tr("Community time zone"),
        }
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for attr in CLOUD_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(attr)
            edit.setAccessibleName(labels[attr])
            self.edits[attr] = edit
            form.addRow(labels[attr], edit)
            if attr == "cloud_community_no":  # the secret belongs beside the account
                self.secret_edits = {AUTH_TOKEN_SECRET: self._secret(self.tr("Auth Token"))}
                form.addRow(self.tr("Auth Token"), self.secret_edits[AUTH_TOKEN_SECRET])
        self.secret_edits[CREATOR_PASSWORD_SECRET] = self._secret(self.tr("Operator password"))
        form.addRow(self.tr("Operator password"), self.secret_edits[CREATOR_PASSWORD_SECRET])
        self.edits["cloud_issue_mac"].setPlaceholderText(self.tr("for RF cards, e.g. "
                                                                 "A4C138000D01"))
        self.edits["cloud_timezone"].setPlaceholderText("Asia/Shanghai")

        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setObjectName("cloud_test")
        self.test_button.setToolTip(self.tr("One call per signing scheme and the operator's "
                                            "login, with the values as typed (nothing saved)"))
        self.test_button.clicked.connect(self.test)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("cloud_result")
        self.jobs = JobRunner(ctx, self.result, busy=[self.test_button])
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(row)

    def _secret(self, label: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(label)
        return edit

    def load(self, settings: Settings) -> None:
        for attr, edit in self.edits.items():
            edit.setText(str(getattr(settings, attr)))
        self.refresh_placeholders()

    def refresh_placeholders(self) -> None:
        for name, edit in self.secret_edits.items():
            edit.clear()
            edit.setPlaceholderText(self._placeholder(name))

    def _placeholder(self, name: str) -> str:
        try:
            stored = self.ctx.secrets.get(name)
        except SecretStoreUnavailable:
            return self.tr("no system keyring available")
        return self.tr("saved in the system keyring (type to replace)") if stored \
            else self.tr("not set")

    def fields(self) -> dict[str, str]:
        return {attr: edit.text().strip() for attr, edit in self.edits.items()}

    def typed_secrets(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.secret_edits.items() if edit.text()}

    def is_empty(self) -> bool:
        """Nothing that names an account was typed (the step counts as skipped)."""
        f = self.fields()
        return not (f["cloud_account_sid"] or f["cloud_community_no"] or self.typed_secrets())

    def credentials(self) -> CloudCredentials:
        """The values as typed; a secret left empty is the keyring's."""
        f = self.fields()
        stored = from_settings(self.ctx.settings, self.ctx.secrets)
        typed = self.typed_secrets()
        return CloudCredentials(
            base_url=f["cloud_base_url"] or DEFAULT_BASE_URL,
            account_sid=f["cloud_account_sid"],
            auth_token=typed.get(AUTH_TOKEN_SECRET) or stored.auth_token,
            community_no=f["cloud_community_no"],
            issue_mac=f["cloud_issue_mac"],
            creator_area_code=f["cloud_creator_area_code"] or DEFAULT_AREA_CODE,
            creator_mobile=f["cloud_creator_mobile"],
            creator_password=typed.get(CREATOR_PASSWORD_SECRET) or stored.creator_password,
            timezone=f["cloud_timezone"] or DEFAULT_TIMEZONE,
        )

    def test(self) -> None:
        from app.setup.cloud_check import CloudCheck, check_cloud

        def ok(check: CloudCheck) -> str:
            operator = {
                "ok": self.tr("the operator's login works"),
                "not set": self.tr("no operator login given (RF cards need the operator's "
                                   "mobile and password)"),
                "issuer offline": self.tr("the operator's login could not be checked: the "
                                          "card issuer is offline"),
            }.get(check.operator, check.operator)
            return self.tr("Lock cloud OK: community {community}, {rooms} rooms in {buildings} "
                           "buildings, card issuers: {issuers}; {operator}.").format(
                community=check.community_no, rooms=check.rooms, buildings=check.buildings,
                issuers=", ".join(check.issuers) or self.tr("none"), operator=operator)

        def start():
            creds = self.credentials().require()  # a missing field is said before any call
            return self.ctx.runtime.loop.submit(check_cloud(creds))

        self.jobs.run(start, self.tr("Testing the lock cloud…"), ok)

    def shutdown(self) -> None:
        self.jobs.close()
