"""Roles and the rights table: what each role may do at the desk.

A right is a dotted name checked by the flow that does the thing (``card.issue.master`` in
the encoder service, ``key.cancel`` in the cloud desk, ...). ``admin`` holds every right;
the others hold exactly the rows below. A refused right is explained by the ``operator``
catalog entry ``right.<name>`` ("Issuing a master card needs a manager").
"""

from __future__ import annotations

CLERK, MANAGER, TECHNICIAN, ADMIN = "clerk", "manager", "technician", "admin"
ROLES: tuple[str, ...] = (CLERK, MANAGER, TECHNICIAN, ADMIN)
# Single-operator desk (no accounts): one person does everything, still audited.
SINGLE = "single"

_DESK = frozenset({CLERK, MANAGER})
_MANAGER = frozenset({MANAGER})
_TECH = frozenset({TECHNICIAN})
_ANYONE = frozenset({CLERK, MANAGER, TECHNICIAN})

# right -> the roles (besides admin) that hold it.
RIGHTS: dict[str, frozenset[str]] = {
    # cards on the USB encoder
    "card.read": _ANYONE,
    "card.issue.guest": _DESK,
    "card.duplicate": _DESK,  # plus the right to issue the copied card's kind
    "card.wipe": _DESK,
    "card.issue.staff": _MANAGER,
    "card.issue.master": _MANAGER,
    "encoder.diagnostics": _TECH,  # serial trace, probing ports
    # the lock cloud
    "cloud.read": _ANYONE,  # room directory, door log, connection test
    "key.guest": _DESK,  # QR / Bluetooth guest keys, RF cards on the issuer
    "key.cancel": _MANAGER,  # cancel, report lost, log out RF cards
    "door.unlock": _MANAGER,  # remote unlock through the gateway
    # access readers
    "reader.enrol": _MANAGER,  # give / take a guest card's access
    "reader.door": frozenset({MANAGER, TECHNICIAN}),  # open a reader's door
    "reader.clock": _TECH,
    # Bluetooth locks
    "lock.commission": _TECH,  # scan, commission, open, clock, log, plans, reports
    # records, settings, accounts
    "audit.view": _MANAGER,  # the Audit page, audit verify
    "export": _MANAGER,  # audit and event CSV exports
    "settings.change": frozenset(),
    "operators.manage": frozenset(),
}

CARD_KIND_RIGHTS: dict[str, str] = {
    "guest": "card.issue.guest",
    "staff": "card.issue.staff",
    "master": "card.issue.master",
}


class UnknownRight(KeyError):
    """A flow asked for a right the table does not have (a programming error)."""


def allowed(role: str, right: str) -> bool:
    if right not in RIGHTS:
        raise UnknownRight(right)
    return role in (ADMIN, SINGLE) or role in RIGHTS[right]


def rights_of(role: str) -> list[str]:
    return [r for r in RIGHTS if allowed(role, r)]


def card_right(kind: str) -> str:
    return CARD_KIND_RIGHTS.get(kind, "card.issue.master")  # unknown kind: the strictest
