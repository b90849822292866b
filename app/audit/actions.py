"""How a desk action's outcome becomes an audit row: the ``result`` text and the public
fields of a card job. Shared by the encoder service (window) and the card commands."""

from __future__ import annotations

import concurrent.futures
from typing import Any, Protocol

from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.runtime.device_thread import JobCancelled


class Recorder(Protocol):
    def record(self, what: str, *, who: str | None = ..., role: str | None = ...,
               target: str = ..., room: Any = ..., result: str = ...,
               detail: dict[str, Any] | None = ...) -> int: ...


def outcome(exc: BaseException | None) -> str:
    """"ok", "refused operator right.x", "error cloud_api 5310", "cancelled" or "bug X"."""
    if exc is None:
        return "ok"
    if isinstance(exc, KeyDeskError):
        verb = "refused" if exc.domain == "operator" else "error"
        return f"{verb} {exc.domain} {exc.code}"
    if isinstance(exc, JobCancelled | concurrent.futures.CancelledError):
        return "cancelled"
    return f"bug {type(exc).__name__}"


def stay_fields(issuance: Issuance | None) -> dict[str, Any]:
    """Room(s), kind, stay and sequence: what a manager asks about a card afterwards."""
    if issuance is None:
        return {}
    return {"kind": issuance.kind, "rooms": list(issuance.rooms),
            "valid_from": issuance.valid_from.isoformat(timespec="minutes"),
            "valid_to": issuance.valid_to.isoformat(timespec="minutes"),
            "sequence": issuance.sequence}


def record_card(audit: Recorder | None, what: str, *, uid: str = "",
                issuance: Issuance | None = None, exc: BaseException | None = None,
                state: str = "", extra: dict[str, Any] | None = None) -> None:
    """One ``card.<what>`` row: the card's UID as target, its rooms, kind and stay, the
    result and what the card was left holding (``state``, or the error's)."""
    if audit is None:
        return
    detail = stay_fields(issuance) | dict(extra or {})
    if isinstance(exc, KeyDeskError):
        state = state or exc.state
        if exc.detail:
            detail["error"] = exc.detail
    elif isinstance(exc, JobCancelled):
        state = state or str(exc)
    if state:
        detail["card_state"] = state
    audit.record(f"card.{what}", target=uid, room=list(issuance.rooms) if issuance else "",
                 result=outcome(exc), detail=detail)


# -- Bluetooth locks (app/devices/locks) --------------------------------------------------
# The hook for the lock service: check ``LOCK_RIGHT`` with the desk's session before a lock
# action, then write the outcome with :func:`record_lock`:
#     access.require(LOCK_RIGHT, what="lock.open", target=mac, room=room)
#     ... the action ...
#     record_lock(audit, "open", mac=mac, room=room, exc=None, detail={"profile": ...})
LOCK_RIGHT = "lock.commission"


def record_lock(audit: Recorder | None, what: str, *, mac: str, room: str = "",
                exc: BaseException | None = None,
                detail: dict[str, Any] | None = None) -> None:
    """One ``lock.<what>`` row (commission, open, clock, log, plan, report...). ``detail``
    holds public fields only: never a lock's key, token or password."""
    if audit is None:
        return
    extra = dict(detail or {})
    if isinstance(exc, KeyDeskError) and exc.detail:
        extra["error"] = exc.detail
    audit.record(f"lock.{what}", target=mac, room=room, result=outcome(exc), detail=extra)


# -- settings ---------------------------------------------------------------------------
def changed_fields(before: Any, after: Any) -> list[str]:
    """The names of the settings fields that differ (dataclasses), for the audit row."""
    from dataclasses import fields

    return [f.name for f in fields(after)
            if f.name != "ui_state" and getattr(before, f.name, None) != getattr(after, f.name)]


def record_settings(audit: Recorder | None, fields: list[str], secrets: list[str],
                    exc: BaseException | None = None) -> None:
    """One ``settings.change`` row naming which fields and which keyring entries changed,
    never a value (a reader URL is harmless, but a secret typed in the wrong box is not)."""
    if audit is None or not (fields or secrets or exc):
        return
    audit.record("settings.change", target=", ".join(fields + secrets), result=outcome(exc),
                 detail={"fields": fields, "secrets": secrets})
