"""Testing lock-cloud credentials before they are saved: one call per signing scheme
(``CloudDesk.test_connection``), then the card-issuer operator's login.

The operator login is checked with a harmless "read the card on the issuer": the cloud
checks the operator's mobile and password first, so "no card on the issuer" or "issuer
offline" still prove the login; a refused login raises the cloud's own code.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.cloud.client import CloudClient
from app.cloud.credentials import CloudCredentials
from app.cloud.desk import CloudDesk
from app.domain.errors import KeyDeskError

# Answers that come after the operator's login was accepted.
LOGIN_ACCEPTED = {"5300", "5311"}  # no card on the issuer / card not identified
ISSUER_UNREACHABLE = {"5310", "6114"}  # the issuer is offline / none is registered


@dataclass(frozen=True)
class CloudCheck:
    community_no: str
    buildings: int
    rooms: int
    issuers: tuple[str, ...]
    operator: str  # "ok", "not set" (no mobile/password given), "issuer offline"


async def check_operator(creds: CloudCredentials) -> str:
    if not (creds.creator_mobile and creds.creator_password):
        return "not set"
    async with CloudClient(creds.require(operator=True)) as cloud:
        try:
            await cloud.read_card()
        except KeyDeskError as exc:
            if exc.code in LOGIN_ACCEPTED:
                return "ok"
            if exc.code in ISSUER_UNREACHABLE:
                return "issuer offline"
            raise
    return "ok"


async def check_cloud(creds: CloudCredentials) -> CloudCheck:
    """(On the loop thread.) Nothing is recorded or saved: these are typed values."""
    found = await CloudDesk(creds).test_connection()
    operator = await check_operator(creds)
    return CloudCheck(str(found.get("community_no", "")), int(found.get("buildings", 0)),
                      int(found.get("rooms", 0)), tuple(found.get("issuers", ())), operator)
