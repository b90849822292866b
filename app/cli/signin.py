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

from app import logsetup
from app.cli.words import say
from app.operators.errors import operator_error
from app.operators.session import OperatorSession

OPERATOR_ENV = "KEYDESK_OPERATOR"
PASSWORD_ENV = "KEYDESK_OPERATOR_PASSWORD"


def sign_in(session: OperatorSession) -> None:
    """Sign the command's operator in, when the desk has accounts."""
    if not session.accounts_required():
        return
    name = os.environ.get(OPERATOR_ENV, "").strip()
    secret = os.environ.get(PASSWORD_ENV, "")
    interactive = sys.stdin.isatty()
    if not name and interactive:
        print(say("ask_operator"), end="", file=sys.stderr, flush=True)  # stdout may be --json
        name = sys.stdin.readline().strip()
    if name and not secret and interactive:
        secret = getpass.getpass(say("ask_password", name=name))
    if not name or not secret:
        raise operator_error("signin.required", f"set {OPERATOR_ENV} and {PASSWORD_ENV}")
    logsetup.register_secret(secret)
    session.sign_in(name, secret)
