"""Who runs a ``keydesk`` command: the same operators and rights as the window.

On a desk with operator accounts, a command signs in first: the name from
``KEYDESK_OPERATOR`` and the password from ``KEYDESK_OPERATOR_PASSWORD`` (never a
command-line option: those end up in shell history), else asked in the terminal. Without a
terminal and without them the command is refused, explained (``signin.required``). A
single-operator desk (no accounts) asks nothing. Sign-ins, failures and refusals are
audited like the window's.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app import logsetup
from app.audit.site_key import chain_key
from app.operators.directory import OperatorDirectory
from app.operators.errors import operator_error
from app.operators.session import OperatorSession
from app.store.audit import AuditLog

OPERATOR_ENV = "KEYDESK_OPERATOR"
PASSWORD_ENV = "KEYDESK_OPERATOR_PASSWORD"


@dataclass
class CommandDesk:
    """What a command works with: the audit trail and the signed-in session."""

    audit: AuditLog
    session: OperatorSession


def _secrets():  # type: ignore[no-untyped-def]
    from app.settings import SecretStore

    return SecretStore()


def sign_in(session: OperatorSession) -> None:
    """Sign the command's operator in, when the desk has accounts."""
    if not session.accounts_required():
        return
    name = os.environ.get(OPERATOR_ENV, "").strip()
    secret = os.environ.get(PASSWORD_ENV, "")
    interactive = sys.stdin.isatty()
    if not name and interactive:
        name = input("Operator: ").strip()
    if name and not secret and interactive:
        secret = getpass.getpass(f"Password for {name}: ")
    if not name or not secret:
        raise operator_error("signin.required", f"set {OPERATOR_ENV} and {PASSWORD_ENV}")
    logsetup.register_secret(secret)
    session.sign_in(name, secret)


@contextmanager
def command_desk(*, sign: bool = True) -> Iterator[CommandDesk]:
    """The audit trail and the operator session for one command (closed after)."""
    secrets = _secrets()
    key = chain_key(secrets)
    audit = AuditLog(key=key)
    try:
        session = OperatorSession(OperatorDirectory(key=key), audit)
        audit.actor = session.actor
        if sign:
            sign_in(session)
        yield CommandDesk(audit, session)
    finally:
        audit.close()

