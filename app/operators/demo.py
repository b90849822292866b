"""The demo's operators, one per role, to try rights, refusals, switching and the lock.

Their passwords are public (the sign-in dialog of ``keydesk demo`` shows them), so their
hashes are fixed here and use scrypt's floor cost: signing in stays quick in training and
in the many tests that open the demo. Written into the demo's own data folder, sealed with
the demo's in-memory chain key, never near a real profile.
"""

from __future__ import annotations

from typing import Any

from app.audit.site_key import chain_key
from app.operators.directory import MIN_FILE_COST, Operator, OperatorDirectory

# (name, role, password, its scrypt hash at the floor cost)
DEMO_OPERATORS: list[tuple[str, str, str, str]] = [
    ("Dana", "admin", "demo-admin",
     "scrypt$16384$8$1$mZ+8UQHLsHDQJrUAg5fv9g==$zmvf+NF7qYn56HOyvefl5oSL6WXv32/PXymwup/Uk3E="),
    ("Ana", "clerk", "demo-clerk",
     "scrypt$16384$8$1$/0pNnHEyXd9pK677NZDXMg==$mluisC/6upLiZL9mMHW6u/RiS4z3SQ5oZCb4ufOJPBg="),
    ("Bruno", "manager", "demo-manager",
     "scrypt$16384$8$1$HLyEoMa+vxlSaTyfDCyQXQ==$jhEulMAmrWt9R92MO5UozdyzCqSGKY0l5lvhKg1UWq4="),
    ("Carla", "technician", "demo-tech",
     "scrypt$16384$8$1$z/TTz6Vs6ku7519mlAQM1A==$yMzxzxbCDhnMDYf7+RozS052EFKzJ/bnvf3RsIjz/Ow="),
]


def password_of(role: str) -> tuple[str, str]:
    """(name, password) of the demo operator with ``role``."""
    for name, r, password, _hash in DEMO_OPERATORS:
        if r == role:
            return name, password
    raise KeyError(role)


def start(env: Any) -> None:  # app.demo.DemoEnvironment
    """Write the demo accounts into the demo's data folder (its operators file)."""
    assert env.data_dir is not None, "the demo's data folder is made before its starters"
    directory = OperatorDirectory(env.data_dir / "operators.json", key=chain_key(env.secrets))
    directory.write_accounts([Operator(n, r, h, "2026-01-01T00:00:00+00:00")
                              for n, r, _p, h in DEMO_OPERATORS], cost=MIN_FILE_COST)


def sign_in(session: Any, role: str = "admin") -> None:
    """Sign the demo's operator of ``role`` in (tests, self-test, benchmarks)."""
    name, password = password_of(role)
    session.sign_in(name, password)
