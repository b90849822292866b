"""Testing lock-cloud credentials before they are saved: ``CloudDesk.test_connection``
checks every one it can without changing anything (one call per signing scheme, the card
issuer among the community's, the operator's login by reading the issuer's card: a refused
login raises the cloud's own code, 5303), the same test ``keydesk cloud test`` runs."""

from __future__ import annotations

from dataclasses import dataclass

from app.cloud.credentials import CloudCredentials
from app.cloud.desk import CloudDesk


@dataclass(frozen=True)
class CloudCheck:
    community_no: str
    buildings: int
    rooms: int
    issuers: tuple[str, ...]
    operator: str  # "ok", "not set" (no mobile/password given), "issuer offline"


async def check_cloud(creds: CloudCredentials) -> CloudCheck:
    """(On the loop thread.) Nothing is recorded or saved: these are typed values."""
    found = await CloudDesk(creds).test_connection()
    return CloudCheck(str(found.get("community_no", "")), int(found.get("buildings", 0)),
                      int(found.get("rooms", 0)), tuple(found.get("issuers", ())),
                      str(found.get("operator", "")))
