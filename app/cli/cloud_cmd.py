"""``keydesk cloud ...``: the lock-cloud desk flows, headless.

Credentials: Settings + the OS keyring, overridden by KEYDESK_* environment variables
(see ``app/cloud/README.md``), or ``--demo-account`` for the simulator's demo account.
Results are JSON lines with ``--json``; failures print the catalog code and explanation
and exit non-zero.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.cli import argtypes
from app.cli.output import emit, fail
from app.cli.words import say
from app.cloud.config import MAX_LOG_SPAN_DAYS, CallPolicy
from app.cloud.credentials import CloudCredentials
from app.cloud.timezones import community_now, community_today, in_community, zone_label
from app.domain.errors import KeyDeskError
from app.inputs import InputError, StayFields, check_period, check_stay
from app.inputs.stays import when_text
from app.settings import Settings

# How this command names a key's stay (a stay a year ahead is confirmed with --yes).
KEY_FIELDS = StayFields(start="--start", end="--end", confirm="--yes")


def register(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="JSON lines on stdout")
    common.add_argument("--url", type=argtypes.web_address,
                        help="base URL (overrides Settings and KEYDESK_CLOUD_URL)")
    common.add_argument("--demo-account", action="store_true",
                        help="use the simulator's demo account (with keydesk sim cloud)")
    common.add_argument("--who", help="the name in the audit trail on a single-operator desk "
                        "(default: OS user); with operator accounts, whoever signed in")
    common.add_argument("--timeout", type=argtypes.seconds(1, 120),
                        default=CallPolicy.read_timeout,
                        help="seconds for each request to the cloud, answer included "
                             "(a total deadline)")

    p = sub.add_parser("cloud", help="lock-cloud keys, RF cards, door logs, remote unlock",
                       description="Front-desk flows on the UCLBRT lock cloud.")
    cmds = p.add_subparsers(dest="cloud_cmd", metavar="ACTION")
    p.set_defaults(func=lambda _a: p.print_help() or 2)

    def add(name: str, help_: str, run: Callable[..., Any],
            check: Callable[[argparse.Namespace], None] | None = None
            ) -> argparse.ArgumentParser:
        sp = cmds.add_parser(name, help=help_, description=help_, parents=[common])
        sp.set_defaults(func=lambda args: _execute(args, run, check))
        return sp

    add("test", "check every credential with read-only calls: account, token and "
        "community (one call per signing scheme), the card issuer, the operator's login",
        _test)
    add("rooms", "list buildings, floors and rooms with lock type and MAC", _rooms)
    sp = add("issue-key", "create a QR guest key (prints the card number)", _issue_key)
    _room_arg(sp)
    _mobile_args(sp)
    sp.add_argument("--start", type=argtypes.moment,
                    help="start (ISO date/time; without an offset it is the community's "
                         "local time; default now)")
    sp.add_argument("--end", type=argtypes.moment,
                    help="end (ISO date/time; without an offset, the community's local time)")
    sp.add_argument("--hours", type=argtypes.hours(), default=24.0,
                    help="stay length when --end is absent")
    sp.add_argument("--kind", choices=["room", "floor", "building"], default="room")
    sp.add_argument("--sms", action="store_true", help="the platform texts the key")
    sp.add_argument("--yes", action="store_true",
                    help="confirm a stay that starts more than a year from now")
    sp.add_argument("--qr-out", type=argtypes.output_file,
                    help="also save the QR image as PNG here (checked before the key is made)")
    sp = add("get-key", "fetch a key: QR image by card number, or Bluetooth string", _get_key)
    _mobile_args(sp)
    group = sp.add_mutually_exclusive_group(required=True)
    group.add_argument("--card", type=argtypes.text("expected_card_no"),
                       help="card number (QR key)")
    group.add_argument("--lock-mac", type=argtypes.text("expected_lock_mac"),
                       help="lock MAC (Bluetooth key string)")
    sp.add_argument("--qr-out", type=argtypes.output_file, help="save the QR image as PNG here")
    sp = add("keys", "list a guest's keys for a room (check this after \"outcome unknown\")",
             _keys)
    _room_arg(sp)
    _mobile_args(sp)
    sp = add("cancel", "cancel a guest key", _cancel)
    sp.add_argument("--card", required=True, type=argtypes.text("expected_card_no"))
    sp.add_argument("--kind", choices=["room", "floor", "building"], default="room")
    sp = add("report-lost", "report a guest key lost", _report_lost)
    sp.add_argument("--card", required=True, type=argtypes.text("expected_card_no"))
    sp.add_argument("--whole-room", action="store_true", help="every key of the room")
    sp = add("rf-issue", "issue an RF card on the card issuer", _rf_issue)
    _room_arg(sp)
    sp.add_argument("--end", type=argtypes.moment,
                    help="valid until (ISO date/time; without an offset, community time)")
    sp.add_argument("--hours", type=argtypes.hours(), default=24.0,
                    help="hours from now when --end is absent")
    sp.add_argument("--lock-type", default="", help="QRLOCK/RFLOCK-V9 need no issuer MAC")
    sp.add_argument("--operate-type", type=argtypes.whole(2, 4), default=4, choices=[2, 3, 4])
    sp = add("rf-read", "read the RF card lying on the card issuer", _rf_read)
    sp.add_argument("--operate-type", type=argtypes.whole(2, 4), default=4, choices=[2, 3, 4])
    sp = add("rf-cancel", "log out an RF card by its serial number", _rf_cancel)
    sp.add_argument("--serial", required=True, type=argtypes.text("expected_serial"))
    sp.add_argument("--operate-type", type=argtypes.whole(2, 4), default=4, choices=[2, 3, 4])
    sp = add("unlock", "open a door remotely through its gateway", _unlock, _confirmed)
    _room_arg(sp)
    sp.add_argument("--yes", action="store_true", help="confirm: the door really opens")
    sp = add("log", "door-opening log of a room", _log)
    _room_arg(sp)
    sp.add_argument("--from", dest="date_from", type=argtypes.day,
                    help="first day (the community's date; default a week before --to)")
    sp.add_argument("--to", dest="date_to", type=argtypes.day,
                    help="last day (the community's date; default the community's today; "
                    f"at most {MAX_LOG_SPAN_DAYS} days after --from)")
    sp.add_argument("--type", dest="record_type", type=argtypes.whole(0, 2), default=0,
                    choices=[0, 1, 2])


def _room_arg(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--room", required=True, type=argtypes.text("expected_room"),
                    help="the room as 'keydesk cloud rooms' prints it: BUILDING-FLOOR-ROOM "
                    "(e.g. 001-01-0101) or its name (e.g. 101)")


def _mobile_args(sp: argparse.ArgumentParser) -> None:
    sp.add_argument("--mobile", required=True, type=argtypes.mobile,
                    help="the guest's mobile number, digits only")
    sp.add_argument("--area-code", type=argtypes.area_code, default="86",
                    help="the guest's country calling code (default 86)")


def _confirmed(args: argparse.Namespace) -> None:
    """Remote unlock opens a door: without --yes it is a usage error, nothing is asked of
    the cloud (not even the room)."""
    if not args.yes:
        raise InputError("confirm_unlock")


# -- plumbing ----------------------------------------------------------------------------
def credentials(args: argparse.Namespace, settings: Settings | None = None) -> CloudCredentials:
    """Who the command is on the cloud: ``--demo-account``, else ``settings`` (default: the
    saved ones) and the keyring, with the KEYDESK_* environment variables over both."""
    from app.cli.settings_notice import load_settings
    from app.cloud.credentials import from_settings, with_env
    from app.settings import SecretStore

    if args.demo_account:
        from app.cloud.config import SIM_DEFAULT_URL
        from app.cloud.sim.demo import demo_credentials

        return demo_credentials(args.url or os.environ.get("KEYDESK_CLOUD_URL")
                                or SIM_DEFAULT_URL)
    creds = with_env(from_settings(settings or load_settings(), SecretStore()))
    if args.url:
        from dataclasses import replace

        creds = replace(creds, base_url=args.url)
    return creds


def _execute(args: argparse.Namespace, run: Callable[..., Any],
             check: Callable[[argparse.Namespace], None] | None = None) -> int:
    """Run one action on the desk's lock cloud. A mistake in what was typed (an
    :class:`InputError`, found before or during the action) goes up to ``app.cli.main``,
    which says it as a usage error (exit 2); the cloud's failures are explained (exit 1)."""
    from app.cli.desk import command_desk
    from app.cli.settings_notice import load_settings

    if check is not None:
        check(args)
    try:
        # The demo account needs nothing of the saved settings (their notices included).
        settings = Settings() if args.demo_account else load_settings()
        creds = credentials(args, settings)
        policy = CallPolicy(read_timeout=args.timeout)
        with command_desk(settings, who=args.who, cloud_credentials=lambda: creds,
                          cloud_policy=policy) as services:

            def on_loop(coro: Coroutine[Any, Any, Any]) -> Any:
                # A safety net only: every request has its own deadline (--timeout).
                future = services.runtime.loop.submit(coro)
                try:
                    return future.result(flow_deadline(policy))
                except concurrent.futures.TimeoutError:
                    from app.cloud.transport import OutcomeUnknown

                    future.cancel()  # the flow audits itself as "cancelled: outcome unknown"
                    concurrent.futures.wait([future], timeout=2)
                    raise OutcomeUnknown("the lock-cloud flow", "it did not finish in time")\
                        from None

            return int(run(args, services.cloud(), on_loop) or 0)
    except KeyDeskError as exc:
        return fail(exc, args.json)
    except BrokenPipeError:  # the reader went away (| head): not our failure
        return 0


def flow_deadline(policy: CallPolicy) -> float:
    """Long enough for a flow's requests (each with its deadline, READ retries) and the
    look-ups after a lost answer, so it fires only when something hangs."""
    lookups = sum(policy.settle_delay * 2 ** i for i in range(policy.lookup_attempts))
    return policy.read_timeout * (4 * policy.read_attempts + policy.lookup_attempts) \
        + lookups + 10


def _stay(args: argparse.Namespace, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The stay asked for, checked as every stay is (``app.inputs``): reversed or ended is
    refused, more than a year ahead needs --yes. A time typed without an offset is the
    hotel's (community's) clock, whatever zone this PC is in."""
    now = community_now(tz).replace(second=0, microsecond=0)
    start = getattr(args, "start", None)
    start = in_community(start, tz) if start else now
    end = in_community(args.end, tz) if args.end else start + timedelta(hours=args.hours)
    check_stay(start, end, now, KEY_FIELDS, confirmed=getattr(args, "yes", False))
    return start, end


def _save_qr(path: Path | None, png: bytes | None, card_no: str,
             again: str) -> tuple[str | None, KeyDeskError | None]:
    """Save the QR image; a file that cannot be written (after the key was made) is
    told, with how to fetch the image again: the key itself exists and is printed."""
    if path is None or png is None:
        return None, None
    try:
        path.write_bytes(png)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, KeyDeskError("desk", "file-not-saved",
                                  f"QR image of key {card_no} not saved to {path}: {reason}; "
                                  f"the key exists: {again}")
    return str(path), None


def _done(args: argparse.Namespace, record: dict[str, Any], text: str) -> int:
    """Print a successful action's result (``ok`` first) and return exit status 0."""
    emit({"ok": True, **record}, args.json, text)
    return 0


# -- the actions ---------------------------------------------------------------------------
# What the connection test found of the operator's login (its "operator" value) -> words.
OPERATOR_WORDS = {
    "ok": "operator_ok",
    "not set": "operator_not_set",
    "issuer offline": "operator_issuer_offline",
}


def _test(args, desk, run) -> int:
    def text(r: dict[str, Any]) -> str:
        operator = r["operator"]
        return say("cloud_ok", community=r["community_no"], rooms=r["rooms"],
                   issuers=", ".join(r["issuers"]) or say("none"),
                   operator=say(OPERATOR_WORDS[operator]) if operator in OPERATOR_WORDS
                   else operator)

    emit(run(desk.test_connection()), args.json, text)
    return 0


def _rooms(args, desk, run) -> int:
    for building in run(desk.rooms()):
        for room in building.all_rooms():
            emit({**room.to_dict(), "buildingName": building.name}, args.json,
                 lambda r: f"{r['room']:<14} {r['name']:<6} {r['lockType']:<10} {r['mac']}"
                           f"{say('gateway', box=r['boxId']) if r['boxId'] else ''}")
    return 0


def _fetch_again(args: argparse.Namespace, card_no: str, lang: str | None = None) -> str:
    """How to fetch the QR image again (English in a failure's detail, for support)."""
    return say("fetch_again", lang, mobile=args.mobile, area=args.area_code, card=card_no)


def _issue_key(args, desk, run) -> int:
    from app.cloud.models import GuestKeyRequest

    start, end = _stay(args, desk.zone())  # before anything is asked of the cloud
    room = run(desk.room_ref(args.room))
    req = GuestKeyRequest(args.mobile, room, start, end, args.area_code, args.kind, args.sms)
    issued, qr = run(desk.issue_key(req, with_qr=True))
    saved, problem = _save_qr(args.qr_out, qr and qr.qr_png, issued.card_no,
                              _fetch_again(args, issued.card_no, "en"))
    _done(args, {**issued.to_dict(), "qrPng": saved},
          say("key_issued", card=issued.card_no, mobile=req.mobile, room=req.room.label(),
              end=req.end.isoformat()))  # always: a key that exists is never left unsaid
    return fail(problem, args.json) if problem is not None else 0


def _get_key(args, desk, run) -> int:
    if args.card:
        key = run(desk.get_key(args.mobile, args.card, args.area_code))
        saved, problem = _save_qr(args.qr_out, key.qr_png, key.card_no or args.card,
                                  say("another_file", "en"))  # support detail
        if problem is not None:
            return fail(problem, args.json)
        return _done(args, {**key.to_dict(), "qrPng": saved},
                     say("key_fetched", card=key.card_no, saved=saved or say("fetched")))
    key = run(desk.bluetooth_key(args.mobile, args.lock_mac, args.area_code))
    return _done(args, key.to_dict(), say("bluetooth_key", ble=key.ble_str))


def _keys(args, desk, run) -> int:
    keys = run(desk.room_keys(run(desk.room_ref(args.room)), args.mobile, args.area_code))
    for key in keys:
        emit(key.to_dict(), args.json,
             lambda k: say("key_row", card=k["cardNo"], room=k["room"], start=k["start"],
                           end=k["end"]))
    if not keys and not args.json:
        emit(None, False, say("no_keys", mobile=args.mobile, room=args.room))
    return 0


def _cancel(args, desk, run) -> int:
    run(desk.cancel_key(args.card, args.kind))
    return _done(args, {"cardNo": args.card, "cancelled": True},
                 say("key_cancelled", card=args.card))


def _report_lost(args, desk, run) -> int:
    step = run(desk.report_lost(args.card, args.whole_room))
    return _done(args, {"cardNo": args.card, "wholeRoom": args.whole_room, "next": step}, step)


def _rf_issue(args, desk, run) -> int:
    from app.cloud.models import RfCardRequest

    tz = desk.zone()
    now = community_now(tz)
    end = in_community(args.end, tz) if args.end else now + timedelta(hours=args.hours)
    if end <= now:  # a card that has ended opens nothing: refused before the issuer is used
        raise InputError("ended", end="--end", end_value=when_text(end))
    room = run(desk.room_ref(args.room))
    req = RfCardRequest(room, end, lock_type=args.lock_type)
    card = run(desk.rf_issue(req, args.operate_type)).to_dict()
    return _done(args, card,
                 say("rf_written", serial=card["serial_num"], room=room.label(),
                     end=card["end"]))


def _rf_read(args, desk, run) -> int:
    card = run(desk.rf_read(args.operate_type)).to_dict()
    return _done(args, card, say("rf_read", serial=card["serial_num"],
                                 room=f"{card['building']}-{card['floor']}-{card['room']}",
                                 end=card["end"]))


def _rf_cancel(args, desk, run) -> int:
    run(desk.rf_cancel(args.serial, args.operate_type))
    return _done(args, {"serialNum": args.serial, "cancelled": True},
                 say("rf_cancelled", serial=args.serial))


def _unlock(args, desk, run) -> int:
    _confirmed(args)
    room = run(desk.find_room(args.room))
    run(desk.unlock(room))
    return _done(args, {"room": room.ref.label(), "unlocked": True},
                 say("door_unlocked", room=room.ref.label()))


def _log(args, desk, run) -> int:
    from app.cloud.models import LogQuery
    from app.cloud.words import card_type_word

    tz = desk.zone()
    # The cloud filters by the community's dates: "today" is the community's today.
    end = args.date_to or community_today(tz)
    start = args.date_from or end - timedelta(days=7)
    check_period(start, end, most_days=MAX_LOG_SPAN_DAYS)  # a reversed period is ours
    room = run(desk.room_ref(args.room))
    records = run(desk.door_log(LogQuery(room, start, end, args.record_type)))
    if not args.json:
        emit(None, False, say("door_log_head", room=room.label(), start=start, end=end,
                              zone=zone_label(tz)))
    for r in records:
        emit(r.to_dict(), args.json,
             lambda d: f"{d['time']}  {card_type_word(d['card_type']):<14} "
                       f"{d['open_way']:<18} {d['holder']}")
    if not records and not args.json:
        emit(None, False, say("no_openings"))
    return 0
