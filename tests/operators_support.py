"""Helpers shared by the operator and audit tests."""

from __future__ import annotations

from pathlib import Path

from app.operators.directory import OperatorDirectory
from app.operators.passwords import Cost
from app.operators.session import OperatorSession
from app.store.audit import AuditLog

KEY = bytes(range(32))
KEY_HEX = KEY.hex()
# The real cost is checked in test_operators.py; most tests hash at a small one to stay fast.
FAST = Cost(n=2**10, r=8, p=1)
PASSWORDS = {"dana": "dana-admin-pw", "ana": "ana-clerk-pw", "bruno": "bruno-manager",
             "carla": "carla-tech-pw"}
ROLES = {"dana": "admin", "ana": "clerk", "bruno": "manager", "carla": "technician"}


def staffed(tmp: Path, audit: AuditLog | None = None, clock=None,
            monotonic=None) -> OperatorSession:
    """A desk with one operator of each role (Dana the admin first)."""
    kwargs = {"clock": clock} if clock else {}
    directory = OperatorDirectory(tmp / "operators.json", key=KEY, cost=FAST, **kwargs)
    for name in ("dana", "ana", "bruno", "carla"):
        directory.add(name, ROLES[name], PASSWORDS[name])
    extra = {"monotonic": monotonic} if monotonic else {}
    session = OperatorSession(directory, audit, desk_name="frontdesk-pc", **extra)
    if audit is not None:
        audit.actor = session.actor
    return session


def signed_in(session: OperatorSession, name: str) -> OperatorSession:
    session.sign_in(name, PASSWORDS[name])
    return session
