"""How a desk action's outcome becomes an audit row: the ``result`` text and the public
fields of a card job. Shared by the encoder service (window) and the card commands."""

from __future__ import annotations

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
    if isinstance(exc, JobCancelled):
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
