"""Desk operations on several readers at once: give a guest's card access to chosen readers
for exactly the stay, take it away again — one outcome per reader, each one recorded in the
audit trail.

Short-lived HTTP sessions (one per operation and reader), not the Monitor's streaming
sessions: these operations happen a few times a day, must work whether or not the Monitor
page was ever opened, and must use the password in the keyring *now* (the monitor keeps the
one it started with). Runs on the runtime's asyncio loop; no Qt.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from app.access.api import TIME_FORMAT, CardGrant, ReaderApi, normalise_card
from app.access.client import DOMAIN, INVALID_ARGS, ReaderHttp
from app.access.monitor import secret_name
from app.domain.errors import KeyDeskError
from app.settings import ReaderConfig, SecretStore

T = TypeVar("T")
NO_PASSWORD = 268632071  # "reader password not valid": none is stored for this reader
NOT_FOUND = 286064917  # removeMulti of a card/user the reader does not have
# The operator right each reader action needs (app.operators.rights); read-only actions
# (info, clock check, door status) need none beyond being signed in.
RIGHTS: dict[str, str] = {
    "give_access": "reader.enrol", "take_access": "reader.enrol", "enrol": "reader.enrol",
    "remove": "reader.enrol", "set_clock": "reader.clock", "open_door": "reader.door",
}


@dataclass(frozen=True)
class ReaderOutcome:
    """What one reader answered: ``text`` says it in plain words; ``error`` when it failed."""

    reader: str
    ok: bool
    text: str
    error: KeyDeskError | None = None


def guest_grant(card: str, name: str, room: str, valid_from: datetime, valid_to: datetime,
                doors: Sequence[int] = (0,)) -> CardGrant:
    """The reader user/card for a guest. The user id is the card UID (as in
    ``keydesk readers enrol-card``), so either tool can take the card away again."""
    uid = normalise_card(card)
    if valid_to <= valid_from:
        raise KeyDeskError(DOMAIN, INVALID_ARGS, "the stay must end after it starts",
                           retryable=False)
    label = " · ".join(p for p in (name.strip() or "Guest", room.strip()) if p)
    return CardGrant(uid, uid, label, valid_from.replace(microsecond=0),
                     valid_to.replace(microsecond=0), tuple(doors) or (0,))


def audit_result(exc: BaseException | None) -> str:
    if exc is None:
        return "ok"
    if isinstance(exc, KeyDeskError):
        return f"error {exc.domain} {exc.code}"
    return f"bug {type(exc).__name__}"


def record(audit: Any, what: str, reader: str, target: str, exc: BaseException | None,
           detail: dict[str, Any], who: str | None = None) -> None:
    """One audit row ``reader.<what>`` (``audit``: an ``AuditLog``, or None)."""
    if audit is None:
        return
    extra = {"reader": reader, **detail}
    if isinstance(exc, KeyDeskError):
        extra["error"] = exc.detail
    audit.record(f"reader.{what}", who=who, target=target, result=audit_result(exc),
                 room=str(detail.get("room", "")), detail=extra)


def check_right(access: Any, what: str, reader: str, target: str,
                detail: dict[str, Any]) -> None:
    """Refuse (explained and audited) when the signed-in operator may not do ``what``."""
    if access is not None and what in RIGHTS:
        access.require(RIGHTS[what], what=f"reader.{what}", target=target,
                       detail={"reader": reader, **detail})


async def audited(audit: Any, what: str, reader: str, target: str, detail: dict[str, Any],
                  op: Awaitable[T], who: str | None = None, access: Any = None) -> T:
    """Await ``op`` and record its outcome (on the loop thread: the UI never waits on disk).
    With ``access`` the operator's right is checked first; a refused ``op`` never runs."""
    try:
        check_right(access, what, reader, target, detail)
    except BaseException:
        if asyncio.iscoroutine(op):
            op.close()  # never awaited: close it so Python does not warn
        raise
    try:
        result = await op
    except Exception as exc:
        record(audit, what, reader, target, exc, detail, who)
        raise
    record(audit, what, reader, target, None, detail, who)
    return result


class ReaderDesk:
    def __init__(self, readers: Sequence[ReaderConfig], secrets: SecretStore,
                 audit: Any = None, *, who: str | None = None, timeout: float = 10.0,
                 access: Any = None) -> None:
        """``audit``: an ``app.store.audit.AuditLog`` (or None: nothing recorded);
        ``access``: the desk's ``OperatorSession`` (or None: no rights check)."""
        self.readers = {r.name: r for r in readers}
        self.secrets = secrets
        self.audit = audit
        self.access = access
        self.who = who
        self.timeout = timeout

    def record(self, what: str, reader: str, target: str, exc: BaseException | None,
               detail: dict[str, Any]) -> None:
        record(self.audit, what, reader, target, exc, detail, self.who)

    async def on_reader(self, name: str, action: Callable[[ReaderApi], Awaitable[T]]) -> T:
        """``action(api)`` on reader ``name`` with a fresh session, closed afterwards."""
        config = self.readers.get(name)
        if config is None:
            raise KeyDeskError(DOMAIN, INVALID_ARGS, f"no reader named {name!r} in Settings",
                               retryable=False)
        password = self.secrets.get(secret_name(name)) or ""
        if not password:
            raise KeyDeskError(DOMAIN, NO_PASSWORD,
                               f"{name}: no password stored (keyring entry {secret_name(name)})",
                               retryable=False)
        http = ReaderHttp(config.url, config.user, password, timeout=self.timeout)
        try:
            return await action(ReaderApi(http))
        finally:
            await http.aclose()

    async def _each(self, names: Sequence[str], what: str, target: str,
                    detail: dict[str, Any],
                    action: Callable[[ReaderApi], Awaitable[str]]) -> list[ReaderOutcome]:
        async def one(name: str) -> ReaderOutcome:
            try:
                text = await self.on_reader(name, action)
            except KeyDeskError as exc:
                self.record(what, name, target, exc, detail)
                return ReaderOutcome(name, False, str(exc.detail), exc)
            except Exception as exc:
                self.record(what, name, target, exc, detail)
                raise
            self.record(what, name, target, None, detail)
            return ReaderOutcome(name, True, text)

        if not names:
            raise KeyDeskError(DOMAIN, INVALID_ARGS, "choose at least one reader",
                               retryable=False)
        check_right(self.access, what, ", ".join(names), target, detail)
        return list(await asyncio.gather(*(one(n) for n in names)))

    async def give_access(self, names: Sequence[str], grant: CardGrant,
                          room: str = "") -> list[ReaderOutcome]:
        """Enrol the guest (user with ValidFrom/ValidTo, then card) on every chosen reader."""
        doors = ", ".join(str(d + 1) for d in grant.doors)
        detail = {"room": room, "valid_from": grant.valid_from.strftime(TIME_FORMAT),
                  "valid_to": grant.valid_to.strftime(TIME_FORMAT), "doors": list(grant.doors)}

        async def enrol(api: ReaderApi) -> str:
            await api.add_users([grant])
            try:
                await api.add_cards([grant])
            except KeyDeskError:
                # Leave nothing half done: a user without its card would make the next try
                # fail with "guest already on the reader".
                try:
                    await api.remove_users([grant.user_id])
                except KeyDeskError:
                    pass
                raise
            return (f"card {grant.card} opens door {doors} from "
                    f"{grant.valid_from:%Y-%m-%d %H:%M} to {grant.valid_to:%Y-%m-%d %H:%M}")

        return await self._each(names, "give_access", grant.card, detail, enrol)

    async def take_access(self, names: Sequence[str], card: str,
                          user_id: str | None = None) -> list[ReaderOutcome]:
        """Remove the card and its guest user from every chosen reader. A reader that has
        neither counts as done (the card opens nothing there)."""
        uid = normalise_card(card)
        user = user_id or uid

        async def remove(api: ReaderApi) -> str:
            removed = []
            for label, step in (("card", lambda: api.remove_cards([uid])),
                                ("guest", lambda: api.remove_users([user]))):
                try:
                    await step()
                    removed.append(label)
                except KeyDeskError as exc:
                    if exc.code != str(NOT_FOUND):
                        raise
            if not removed:
                return f"card {uid} was not on this reader (nothing to remove)"
            return f"card {uid} removed ({' and '.join(removed)})"

        return await self._each(names, "take_access", uid, {"user_id": user}, remove)
