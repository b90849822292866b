"""Who is signed in at this desk, and the rights check every flow calls.

``OperatorSession`` is the desk's access policy: ``require(right)`` raises an explained
refusal (and writes it to the audit trail), ``actor()`` names who the audit rows are for.
It is thread-safe: the encoder's device thread, the asyncio loop and the Qt thread all ask.

- **Single-operator desk** (no accounts in the directory): nobody signs in; every right is
  held by the desk's one user (the OS login name), and every action is still audited.
- **Operator accounts**: nothing is allowed until someone signs in; after
  ``idle_minutes`` without activity (:meth:`touch`) the desk locks (:meth:`lock_if_idle`):
  the operator stays known but every right is refused until they, or someone else
  (a switch), sign in again.
A directory that is damaged or was edited by hand refuses everything, with its reason.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from app.domain.errors import KeyDeskError
from app.operators.directory import Operator, OperatorDirectory
from app.operators.errors import operator_error, refused
from app.operators.rights import SINGLE, allowed, card_right


class Auditor(Protocol):
    def record(self, what: str, *, who: str | None = ..., role: str | None = ...,
               target: str = ..., room: Any = ..., result: str = ...,
               detail: dict[str, Any] | None = ...) -> int: ...


@dataclass(frozen=True)
class Signed:
    """Who holds the desk now (``single``: a single-operator desk, nobody signed in)."""

    name: str
    role: str
    single: bool = False


def desk_user() -> str:
    from app.store.audit import default_user

    return default_user()


class OperatorSession:
    def __init__(self, directory: OperatorDirectory, audit: Auditor | None = None, *,
                 desk_name: str | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.directory = directory
        self.audit = audit
        self.desk_name = desk_name or desk_user()
        self.monotonic = monotonic
        self._lock = threading.RLock()
        self._current: Operator | None = None
        self._locked = False
        self._last_activity = monotonic()
        self._listeners: list[Callable[[], None]] = []

    # -- state ---------------------------------------------------------------------------
    def accounts_required(self) -> bool:
        return self.directory.accounts_required()

    def current(self) -> Signed | None:
        """Who holds the desk (None: nobody signed in, or locked). Raises the directory's
        problem when it is damaged or was edited by hand."""
        if not self.directory.accounts_required():
            return Signed(self.desk_name, SINGLE, single=True)
        with self._lock:
            if self._current is None or self._locked:
                return None
            live = self.directory.get(self._current.name)
            if live is None:  # removed meanwhile: signed out
                self._current = None
                return None
            return Signed(live.name, live.role)

    def signed_in_name(self) -> str | None:
        """The operator known at the desk, even while locked (for the lock screen)."""
        with self._lock:
            return self._current.name if self._current else None

    @property
    def locked(self) -> bool:
        with self._lock:
            return self._locked

    def actor(self) -> tuple[str, str]:
        """(name, role) for audit rows; a desk nobody holds is "(nobody)"."""
        try:
            who = self.current()
        except KeyDeskError:
            who = None
        if who is None:
            name = self.signed_in_name()
            return (name, "locked") if name else ("(nobody)", "")
        return who.name, who.role

    def on_change(self, listener: Callable[[], None]) -> None:
        """Called (on the calling thread) after every sign-in, sign-out, lock and switch."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- signing in and out --------------------------------------------------------------
    def sign_in(self, name: str, secret: str) -> Signed:
        """Sign ``name`` in (a switch when someone else held the desk, an unlock when it
        was them). Failures are audited and throttled."""
        previous = self.signed_in_name()
        try:
            op = self.directory.check(name, secret)
        except KeyDeskError as exc:
            self._record("operator.sign_in", name, "", f"refused {exc.domain} {exc.code}",
                         {"reason": exc.code})
            raise
        with self._lock:
            was_locked = self._locked
            self._current, self._locked = op, False
            self._last_activity = self.monotonic()
        kind = "unlock" if was_locked and previous == op.name else (
            "switch" if previous and previous != op.name else "sign_in")
        detail = {"how": kind} | ({"from": previous} if kind == "switch" else {})
        self._record("operator.sign_in", op.name, op.role, "ok", detail)
        self._changed()
        return Signed(op.name, op.role)

    def sign_out(self) -> None:
        with self._lock:
            op, self._current, self._locked = self._current, None, False
        if op is not None:
            self._record("operator.sign_out", op.name, op.role, "ok", {})
            self._changed()

    def lock(self, reason: str = "asked") -> bool:
        """Lock the desk (True when it was not locked already)."""
        with self._lock:
            if self._current is None or self._locked:
                return False
            self._locked = True
            op = self._current
        self._record("operator.lock", op.name, op.role, "ok", {"reason": reason})
        self._changed()
        return True

    def touch(self) -> None:
        """Someone is using the desk (a key press, a click)."""
        with self._lock:
            self._last_activity = self.monotonic()

    def idle_seconds(self) -> float:
        with self._lock:
            return self.monotonic() - self._last_activity

    def lock_if_idle(self) -> bool:
        """Lock when idle for the directory's ``idle_minutes`` (0: never). True if locked now."""
        try:
            if not self.directory.accounts_required():
                return False
            minutes = self.directory.idle_minutes()
        except KeyDeskError:
            return False
        if minutes <= 0 or self.idle_seconds() < minutes * 60:
            return False
        return self.lock(f"idle {minutes} min")

    # -- rights --------------------------------------------------------------------------
    def allows(self, right: str) -> bool:
        try:
            who = self.current()
        except KeyDeskError:
            return False
        return who is not None and allowed(who.role, right)

    def require(self, right: str, *, what: str = "", target: str = "", room: Any = "",
                detail: dict[str, Any] | None = None) -> Signed:
        """The operator holding the desk, if they hold ``right``; else an explained
        refusal, also written to the audit trail (as ``what``, default the right)."""
        try:
            who = self.current()
        except KeyDeskError as problem:
            self._refusal(what or right, target, room, detail, problem, None)
            raise
        if who is None:
            name = self.signed_in_name()
            locked = operator_error("session.locked" if name else "session.none",
                                    f"{name} must sign in again" if name else "")
            self._refusal(what or right, target, room, detail, locked, None)
            raise locked
        if not allowed(who.role, right):
            refusal = refused(right, who.name, who.role)
            self._refusal(what or right, target, room, detail, refusal, who)
            raise refusal
        return who

    def require_card(self, kind: str, *, what: str, target: str = "", room: Any = "",
                     detail: dict[str, Any] | None = None) -> Signed:
        return self.require(card_right(kind), what=what, target=target, room=room,
                            detail=detail)

    # -- audit ---------------------------------------------------------------------------
    def _refusal(self, what: str, target: str, room: Any, detail: dict[str, Any] | None,
                 exc: KeyDeskError, who: Signed | None) -> None:
        name, role = (who.name, who.role) if who else self.actor()
        self._record(what, name, role, f"refused {exc.domain} {exc.code}",
                     dict(detail or {}), target=target, room=room)

    def _record(self, what: str, who: str, role: str, result: str, detail: dict[str, Any],
                *, target: str = "", room: Any = "") -> None:
        if self.audit is not None:
            self.audit.record(what, who=who or "(nobody)", role=role, target=target,
                              room=room, result=result, detail=detail)
