"""Managing operator accounts: each change checks ``operators.manage`` and is audited
(``operator.add``, ``operator.passwd``, ...; the row names the account, never a password).
Shared by ``keydesk operators`` and the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.domain.errors import KeyDeskError
from app.operators.directory import Operator, fold
from app.operators.errors import operator_error
from app.operators.session import OperatorSession

RIGHT = "operators.manage"


class OperatorAdmin:
    def __init__(self, session: OperatorSession) -> None:
        self.session = session
        self.directory = session.directory
        self._by = session.actor()

    def _done(self, what: str, target: str, detail: dict[str, Any] | None = None,
              result: str = "ok") -> None:
        # Named as the guard saw them: adding the first account ends the single-operator
        # desk, so asking the session afterwards would name nobody.
        if self.session.audit is not None:
            who, role = self._by
            self.session.audit.record(f"operator.{what}", who=who, role=role, target=target,
                                      result=result, detail=detail or {})

    def _failed(self, what: str, target: str, exc: KeyDeskError) -> None:
        self._done(what, target, {}, f"error {exc.domain} {exc.code}")

    def _guard(self, what: str, target: str) -> None:
        signed = self.session.require(RIGHT, what=f"operator.{what}", target=target)
        self._by = (signed.name, signed.role)

    def list(self) -> list[Operator]:
        self._guard("list", "")
        return self.directory.operators()

    def add(self, name: str, role: str, secret: str) -> Operator:
        self._guard("add", name)
        try:
            op = self.directory.add(name, role, secret)
        except KeyDeskError as exc:
            self._failed("add", name, exc)
            raise
        self._done("add", op.name, {"role": op.role})
        return op

    def set_secret(self, name: str, secret: str) -> None:
        """An admin sets anyone's password; anyone signed in may change their own."""
        me = self.session.current()
        if me is None or me.single or fold(me.name) != fold(name):
            self._guard("passwd", name)
        else:
            self._by = (me.name, me.role)
        try:
            self.directory.set_secret(name, secret)
        except KeyDeskError as exc:
            self._failed("passwd", name, exc)
            raise
        self._done("passwd", name)

    def set_role(self, name: str, role: str) -> Operator:
        self._guard("role", name)
        try:
            op = self.directory.set_role(name, role)
        except KeyDeskError as exc:
            self._failed("role", name, exc)
            raise
        self._done("role", op.name, {"role": op.role})
        return op

    def remove(self, name: str) -> Operator:
        self._guard("remove", name)
        try:
            op = self.directory.remove(name)
        except KeyDeskError as exc:
            self._failed("remove", name, exc)
            raise
        self._done("remove", op.name, {"role": op.role})
        return op

    def set_idle_minutes(self, minutes: int) -> None:
        self._guard("idle", str(minutes))
        self.directory.set_idle_minutes(minutes)
        self._done("idle", str(minutes), {"minutes": minutes})

    def recover(self) -> Path:
        """Set a damaged or unverifiable accounts file aside (only then: a good file is
        managed account by account)."""
        try:
            self.directory.accounts_required()
        except KeyDeskError as exc:
            self._by = self.session.actor()
            aside = self.directory.recover()
            assert aside is not None
            self._done("recover", aside.name, {"problem": exc.code})
            return aside
        raise operator_error("operators.intact", str(self.directory.path))
