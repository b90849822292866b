"""Who the desk is on the lock cloud: account, community, card issuer and operator.

Plain fields come from Settings; the Auth Token and the operator's password come from
the keyring (``cloud.auth_token``, ``cloud.creator_password``). Environment variables
override both (headless use, scripts); see :data:`ENV_VARS`. Secrets are registered for
masking the moment they are read and never appear in ``repr``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from app import logsetup
from app.cloud.config import DEFAULT_AREA_CODE, DEFAULT_BASE_URL, DEFAULT_TIMEZONE
from app.domain.errors import KeyDeskError
from app.settings import SecretStore, SecretStoreUnavailable, Settings

AUTH_TOKEN_SECRET = "cloud.auth_token"
CREATOR_PASSWORD_SECRET = "cloud.creator_password"

# environment variable -> CloudCredentials attribute
ENV_VARS: dict[str, str] = {
    "KEYDESK_CLOUD_URL": "base_url",
    "KEYDESK_ACCOUNT_SID": "account_sid",
    "KEYDESK_AUTH_TOKEN": "auth_token",
    "KEYDESK_COMMUNITY_NO": "community_no",
    "KEYDESK_ISSUE_MAC": "issue_mac",
    "KEYDESK_CREATOR_AREA_CODE": "creator_area_code",
    "KEYDESK_CREATOR_MOBILE": "creator_mobile",
    "KEYDESK_CREATOR_PASSWORD": "creator_password",
    "KEYDESK_CLOUD_TZ": "timezone",
}
SECRET_ATTRS = ("auth_token", "creator_password")
VAR_OF = {attr: var for var, attr in ENV_VARS.items()}
# (the name Settings gives it, attribute) of what every call / card-issuer calls need.
REQUIRED = (("Base URL", "base_url"), ("Account SID", "account_sid"),
            ("Auth Token", "auth_token"), ("Community number", "community_no"))
OPERATOR_REQUIRED = (("Operator mobile", "creator_mobile"),
                     ("Operator password", "creator_password"))


@dataclass(frozen=True)
class CloudCredentials:
    base_url: str = DEFAULT_BASE_URL
    account_sid: str = ""
    auth_token: str = field(default="", repr=False)
    community_no: str = ""
    issue_mac: str = ""
    creator_area_code: str = DEFAULT_AREA_CODE
    creator_mobile: str = ""
    creator_password: str = field(default="", repr=False)
    timezone: str = DEFAULT_TIMEZONE

    def __post_init__(self) -> None:
        for attr in SECRET_ATTRS:
            logsetup.register_secret(getattr(self, attr))
        if self.creator_password:  # the hash is sent and opens the account just the same
            from app.cloud.signing import hash_password

            logsetup.register_secret(hash_password(self.creator_password))

    def require(self, *, operator: bool = False) -> CloudCredentials:
        """Raise "the lock cloud is not set up yet" (``desk cloud-not-set-up``), naming the
        settings missing and their environment variables, when something the call needs is
        missing: nothing is then sent, and no cloud code is blamed."""
        needed = REQUIRED + (OPERATOR_REQUIRED if operator else ())
        missing = [f"{name} ({VAR_OF[attr]})" for name, attr in needed
                   if not getattr(self, attr)]
        if missing:
            raise KeyDeskError(
                "desk", "cloud-not-set-up",
                "missing: " + ", ".join(missing)
                + "; set them in Settings › Lock cloud or in these environment variables",
            )
        return self

    def public(self) -> dict[str, str]:
        """Everything but the secrets (for logs, JSON and the audit trail)."""
        return {"base_url": self.base_url, "account_sid": self.account_sid,
                "community_no": self.community_no, "issue_mac": self.issue_mac,
                "creator_mobile": self.creator_mobile, "timezone": self.timezone}


def from_settings(settings: Settings, secrets: SecretStore | None) -> CloudCredentials:
    token = password = ""
    if secrets is not None:
        try:
            token = secrets.get(AUTH_TOKEN_SECRET) or ""
            password = secrets.get(CREATOR_PASSWORD_SECRET) or ""
        except SecretStoreUnavailable:
            pass  # environment variables may still supply them; require() says what's missing
    return CloudCredentials(
        base_url=settings.cloud_base_url or DEFAULT_BASE_URL,
        account_sid=settings.cloud_account_sid,
        auth_token=token,
        community_no=settings.cloud_community_no,
        issue_mac=settings.cloud_issue_mac,
        creator_area_code=settings.cloud_creator_area_code or DEFAULT_AREA_CODE,
        creator_mobile=settings.cloud_creator_mobile,
        creator_password=password,
        timezone=settings.cloud_timezone or DEFAULT_TIMEZONE,
    )


def with_env(creds: CloudCredentials, environ: Mapping[str, str] | None = None) -> CloudCredentials:
    env = os.environ if environ is None else environ
    changes = {attr: env[var] for var, attr in ENV_VARS.items() if env.get(var)}
    return replace(creds, **changes) if changes else creds
