"""``keydesk operators add|list|passwd|role|remove|idle|recover``: the desk's accounts.

Managing accounts needs an admin (``operators.manage``); the very first account (which
must be an admin) is made on a single-operator desk, where nobody signs in. New passwords
come from ``KEYDESK_NEW_PASSWORD`` or are asked twice in the terminal, never from an
option. Every change is audited, without the password.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from app import logsetup
from app.cli import argtypes
from app.cli.output import emit, fail, json_line
from app.cli.words import say
from app.domain.errors import KeyDeskError
from app.operators.errors import operator_error
from app.operators.rights import ROLES

EXIT_USAGE = 2
NEW_PASSWORD_ENV = "KEYDESK_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("operators", help="add, list and remove operator accounts",
                            description="Operator accounts and their roles: clerk, manager, "
                            "technician, admin.")
    cmds = parser.add_subparsers(dest="operators_cmd", metavar="ACTION")
    parser.set_defaults(func=lambda _a: parser.print_help() or EXIT_USAGE)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="JSON lines on stdout")

    p = cmds.add_parser("list", parents=[common], help="every account and its role")
    p.set_defaults(func=lambda a: _run(a, _list))
    p = cmds.add_parser("add", parents=[common], help="add an account (the first: an admin)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=ROLES)
    p.set_defaults(func=lambda a: _run(a, _add))
    p = cmds.add_parser("passwd", parents=[common], help="set an account's password or PIN")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _run(a, _passwd))
    p = cmds.add_parser("role", parents=[common], help="change an account's role")
    p.add_argument("name")
    p.add_argument("role", choices=ROLES)
    p.set_defaults(func=lambda a: _run(a, _role))
    p = cmds.add_parser("remove", parents=[common], help="remove an account")
    p.add_argument("name")
    p.set_defaults(func=lambda a: _run(a, _remove))
    p = cmds.add_parser("idle", parents=[common], help="lock the desk after MINUTES idle")
    p.add_argument("minutes", type=argtypes.whole(0, 24 * 60),
                   help="0 turns the idle lock off (at most 1440, a day)")
    p.set_defaults(func=lambda a: _run(a, _idle))
    p = cmds.add_parser("recover", parents=[common],
                        help="set a damaged or hand-edited accounts file aside (kept)")
    p.set_defaults(func=lambda a: _run(a, _recover, sign=False))


class UsageError(ValueError):
    pass


def new_secret(name: str) -> str:
    value = os.environ.get(NEW_PASSWORD_ENV, "")
    if not value:
        if not sys.stdin.isatty():
            raise UsageError(say("new_password_how", var=NEW_PASSWORD_ENV))
        value = getpass.getpass(say("ask_new_password", name=name))
        if getpass.getpass(say("ask_again")) != value:
            raise operator_error("password.mismatch")
    logsetup.register_secret(value)
    return value


def _run(args: argparse.Namespace, body: Any, *, sign: bool = True) -> int:
    from app.cli.desk import command_desk
    from app.operators.admin import OperatorAdmin

    try:
        with command_desk(sign=sign) as desk:
            return int(body(args, OperatorAdmin(desk.operators)))
    except KeyDeskError as exc:
        return fail(exc, args.json)
    except UsageError as exc:
        if args.json:
            print(json_line({"ok": False, "error": "usage", "detail": str(exc)}), flush=True)
        print(f"keydesk operators: {exc}", file=sys.stderr, flush=True)
        return EXIT_USAGE


def _list(args: argparse.Namespace, admin: Any) -> int:
    ops = admin.list()
    for op in ops:
        emit(op.public(), args.json, lambda o: f"{o['name']:<24} {o['role']:<11} {o['created']}")
    if not ops:
        emit({"ok": True, "operators": 0, "mode": "single"}, args.json,
             say("no_operators"))
    return 0


def _add(args: argparse.Namespace, admin: Any) -> int:
    op = admin.add(args.name, args.role, new_secret(args.name))
    emit({"ok": True, **op.public()}, args.json, say("operator_added", name=op.name, role=op.role))
    return 0


def _passwd(args: argparse.Namespace, admin: Any) -> int:
    admin.set_secret(args.name, new_secret(args.name))
    emit({"ok": True, "name": args.name}, args.json, say("password_changed", name=args.name))
    return 0


def _role(args: argparse.Namespace, admin: Any) -> int:
    op = admin.set_role(args.name, args.role)
    emit({"ok": True, **op.public()}, args.json, say("role_changed", name=op.name, role=op.role))
    return 0


def _remove(args: argparse.Namespace, admin: Any) -> int:
    op = admin.remove(args.name)
    emit({"ok": True, "removed": op.name}, args.json, say("operator_removed", name=op.name))
    return 0


def _idle(args: argparse.Namespace, admin: Any) -> int:
    admin.set_idle_minutes(args.minutes)
    text = (say("idle_off") if args.minutes == 0
            else say("idle_on", minutes=args.minutes))
    emit({"ok": True, "idle_minutes": args.minutes}, args.json, text)
    return 0


def _recover(args: argparse.Namespace, admin: Any) -> int:
    aside = admin.recover()
    emit({"ok": True, "set_aside": str(aside)}, args.json, say("accounts_aside", aside=aside))
    return 0
