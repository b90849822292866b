"""``keydesk readers info|time|door-status|open-door|enrol-card|remove-card``.

Every subcommand talks to one reader given by ``--device URL --user U``; the password
comes from an environment variable (``--password-env``, default KEYDESK_READER_PASSWORD)
so it never appears on the command line or in shell history.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from app.cli import argtypes
from app.cli.output import emit, fail
from app.cli.words import YES_ANSWERS, say
from app.domain.errors import KeyDeskError
from app.inputs import InputError

T = TypeVar("T")
DEFAULT_PASSWORD_ENV = "KEYDESK_READER_PASSWORD"


def add_device_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--device", required=True, metavar="URL", type=argtypes.web_address,
                   help="http://reader-address")
    p.add_argument("--user", default="admin", help="reader user (default admin)")
    p.add_argument("--password-env", default=DEFAULT_PASSWORD_ENV, metavar="VAR",
                   help="environment variable with the password (default %(default)s)")
    p.add_argument("--json", action="store_true", help="JSON lines")


def reader_password(args: argparse.Namespace) -> str:
    from app import logsetup

    password = os.environ.get(args.password_env, "")
    if not password and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(say("ask_reader_password", user=args.user,
                                              device=args.device))
    if not password:  # our mistake, not the reader's refusal: nothing was sent
        raise InputError("password_env", var=args.password_env)
    logsetup.register_secret(password)
    return password


def run_on_reader(args: argparse.Namespace, action: Callable[[Any], Awaitable[T]],
                  audit_as: str | None = None, detail: dict[str, Any] | None = None,
                  target: str = "") -> T:
    """Run ``action(api)`` against the reader on the desk's loop thread, signed in as the
    desk's operator; with ``audit_as`` (e.g. ``"open_door"``) the operator's right is
    checked first and the outcome is recorded in the desk's audit trail."""
    from app.access.api import ReaderApi
    from app.access.client import ReaderHttp
    from app.access.desk import audited
    from app.cli.desk import command_desk

    password = reader_password(args)
    with command_desk() as services:

        async def go() -> T:
            http = ReaderHttp(args.device, args.user, password)
            try:
                op = action(ReaderApi(http))
                if audit_as is None:
                    return await op
                return await audited(services.audit, audit_as, args.device,
                                     target or args.device, detail or {}, op,
                                     access=services.operators)
            finally:
                await http.aclose()

        return services.runtime.loop.run(go(), timeout=60)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "readers", help="access readers: identity, clock, doors, card enrolment",
        description="One-off calls to an Intelbras/Dahua access reader.")
    cmds = parser.add_subparsers(dest="readers_cmd", metavar="ACTION")
    parser.set_defaults(func=lambda _a: parser.print_help() or 2)

    p = cmds.add_parser("info", help="device type, serial number, firmware")
    add_device_args(p)
    p.set_defaults(func=_info)

    p = cmds.add_parser("time", help="compare the reader's clock with this PC (and set it)")
    add_device_args(p)
    p.add_argument("--set", action="store_true", help="set the reader's clock to this PC's")
    p.set_defaults(func=_time)

    p = cmds.add_parser("door-status", help="is the door open or closed")
    add_device_args(p)
    p.add_argument("--door", type=argtypes.whole(1, 64), default=1,
                   help="door channel, 1-based (default 1)")
    p.set_defaults(func=_door_status)

    p = cmds.add_parser("open-door", help="open a door remotely (asks for confirmation)")
    add_device_args(p)
    p.add_argument("--door", type=argtypes.whole(1, 64), default=1,
                   help="door channel, 1-based (default 1)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=_open_door)

    p = cmds.add_parser("enrol-card", help="give a card access for a stay")
    add_device_args(p)
    p.add_argument("--card", required=True, help="card UID in hex, e.g. 12EA3004")
    p.add_argument("--user-id", help="user id on the reader (default: the card UID)")
    p.add_argument("--name", default="Guest", help="name shown on access events")
    p.add_argument("--from", dest="valid_from", type=argtypes.moment,
                   help="start, 'YYYY-MM-DD HH:MM' (default now)")
    p.add_argument("--to", dest="valid_to", type=argtypes.moment,
                   help="end, 'YYYY-MM-DD HH:MM' (default +1 day)")
    p.add_argument("--door", type=argtypes.whole(0, 63), action="append",
                   help="0-based door (repeatable)")
    p.set_defaults(func=_enrol)

    p = cmds.add_parser("remove-card", help="take a card's access away")
    add_device_args(p)
    p.add_argument("--card", required=True, help="card UID in hex")
    p.add_argument("--user-id", help="also remove this user (default: the card UID)")
    p.add_argument("--keep-user", action="store_true", help="remove only the card")
    p.set_defaults(func=_remove)


def _guarded(args: argparse.Namespace, fn: Callable[[], int]) -> int:
    try:
        return fn()
    except KeyDeskError as err:
        return fail(err, args.json)


def _info(args: argparse.Namespace) -> int:
    def go() -> int:
        info = run_on_reader(args, lambda api: api.system_info())
        emit({"device": args.device, **info}, args.json,
             lambda i: "\n".join(f"{k}: {v}" for k, v in i.items()))
        return 0

    return _guarded(args, go)


def _time(args: argparse.Namespace) -> int:
    async def action(api: Any) -> dict[str, Any]:
        check = await api.clock()
        result = {"device": args.device, "device_time": check.device_time.isoformat(sep=" "),
                  "pc_time": check.pc_time.isoformat(sep=" "), "drift_seconds":
                  check.drift_seconds, "set": False}
        if args.set:
            await api.set_clock()
            after = await api.clock()
            result |= {"set": True, "drift_after": after.drift_seconds}
        return result

    def go() -> int:
        from app.access.api import drift_words

        r = run_on_reader(args, action, "set_clock" if args.set else None)
        def line(r: dict[str, Any]) -> str:
            text = say("reader_clock", device_time=r["device_time"], pc_time=r["pc_time"],
                       drift=drift_words(r["drift_seconds"]))
            if r["set"]:
                text += say("reader_clock_set", drift=drift_words(r["drift_after"]))
            return text

        emit(r, args.json, line)
        return 0

    return _guarded(args, go)


def _door_status(args: argparse.Namespace) -> int:
    def go() -> int:
        status = run_on_reader(args, lambda api: api.door_status(args.door))
        emit({"device": args.device, "door": args.door, "status": status}, args.json,
             say("door_status", door=args.door, status=status))
        return 0

    return _guarded(args, go)


def _open_door(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin.isatty():
            print(say("open_needs_yes"), file=sys.stderr)
            return 2
        answer = input(say("ask_open_door", door=args.door, device=args.device))
        if answer.strip().lower() not in YES_ANSWERS:
            print(say("cancelled"), file=sys.stderr)
            return 1

    def go() -> int:
        run_on_reader(args, lambda api: api.open_door(args.door), "open_door",
                      {"door": args.door})
        emit({"device": args.device, "door": args.door, "opened": True}, args.json,
             say("door_opened", door=args.door))
        return 0

    return _guarded(args, go)


def _when(value: datetime | None, default: datetime) -> datetime:
    """A reader keeps wall-clock time: a time with an offset is converted to this PC's."""
    from app.domain.cards import site_time

    return site_time(value if value is not None else default)


def _enrol(args: argparse.Namespace) -> int:
    from app.access.api import CardGrant, normalise_card
    from app.inputs import check_stay

    now = datetime.now()
    start = _when(args.valid_from, now)
    end = _when(args.valid_to, start + timedelta(days=1))
    check_stay(start, end, now, confirmed=True)  # a backwards or ended stay: usage error

    def go() -> int:
        card = normalise_card(args.card)
        grant = CardGrant(card, args.user_id or card, args.name, start, end,
                          tuple(args.door or [0]))
        run_on_reader(args, lambda api: api.enrol([grant]), "enrol", {"card": card},
                      target=card)
        emit({"device": args.device, "card": card, "user_id": grant.user_id,
              "valid_from": grant.valid_from.isoformat(sep=" "),
              "valid_to": grant.valid_to.isoformat(sep=" "), "doors": list(grant.doors),
              "enrolled": True}, args.json,
             say("card_enrolled", card=card, until=f"{grant.valid_to:%Y-%m-%d %H:%M}"))
        return 0

    return _guarded(args, go)


def _remove(args: argparse.Namespace) -> int:
    from app.access.api import normalise_card

    def go() -> int:
        card = normalise_card(args.card)
        users = [] if args.keep_user else [args.user_id or card]
        run_on_reader(args, lambda api: api.revoke([card], users), "remove", {"card": card},
                      target=card)
        emit({"device": args.device, "card": card, "removed": True}, args.json,
             say("card_removed", card=card))
        return 0

    return _guarded(args, go)
