"""``keydesk card ports|info|read|issue|duplicate|wipe|uid|site-key``: the encoder, headless.

Every command prints one JSON line per result with ``--json``; failures print the 53xx
code with its explanation and what the card was left in, and exit non-zero. On a desk
with operator accounts each command signs in first and obeys the window's rights (the
encoder service checks them: a clerk is refused a master card, exit 1); card jobs are
audited.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.cli import argtypes
from app.cli.output import emit, fail, json_line
from app.cli.words import YES_ANSWERS, said, say
from app.domain.cards import Issuance
from app.domain.errors import KeyDeskError
from app.i18n import worded
from app.inputs import InputError, NeedsConfirmation

if TYPE_CHECKING:
    from app.devices.encoder.service import EncoderService

EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "card",
        help="read, issue, duplicate and wipe cards on the USB encoder",
        description="Card jobs on the USB encoder (PN532). --port takes a device (COM3, "
        "/dev/ttyUSB0) or a pyserial URL (socket://127.0.0.1:PORT for the simulator); "
        "without it the remembered encoder is used.",
    )
    cards = parser.add_subparsers(dest="card_command", metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--port", default="", type=argtypes.encoder_port,
                        help="device or pyserial URL of the encoder")
    common.add_argument("--json", action="store_true", help="JSON lines on stdout")
    common.add_argument("--layout", default="", type=argtypes.card_layout,
                        help="card layout (default from settings)")
    common.add_argument("--trace", type=argtypes.output_file,
                        help="append a hex trace of the serial bytes to this file")
    common.add_argument(
        "--demo-key",
        action="store_true",
        help="sign/verify with the public demo site key (simulators and training only; "
        "implied for socket:// URLs when the keyring has no site key)",
    )

    p = cards.add_parser("ports", help="list serial ports and likely encoders")
    p.add_argument("--probe", action="store_true", help="ask each likely encoder who it is")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_ports)
    cards.add_parser("info", parents=[common], help="encoder firmware and the card on it")
    cards.add_parser("uid", parents=[common], help="print the card's UID (serial number)")
    r = cards.add_parser("read", parents=[common], help="read and verify the card")
    r.add_argument("--quick", action="store_true", help="only the layout's sectors")
    i = cards.add_parser("issue", parents=[common], help="write a card for a stay")
    i.add_argument("--room", action="append", default=[], help="room (repeat for several)")
    i.add_argument("--from", dest="valid_from", required=True, type=argtypes.moment,
                   help="start, e.g. 2026-11-21T14:00 (this PC's time unless an offset is given)")
    i.add_argument("--to", dest="valid_to", required=True, type=argtypes.moment,
                   help="end, e.g. 2026-11-23T12:00")
    i.add_argument("--kind", choices=["guest", "staff", "master"], default="guest")
    i.add_argument("--seq", type=argtypes.whole(0, 0xFFFFFFFF), default=1,
                   help="sequence number of this card")
    i.add_argument("--yes", action="store_true",
                   help="confirm a stay that starts more than a year from now")
    d = cards.add_parser("duplicate", parents=[common], help="another card for the same stay")
    d.add_argument("--in-place", action="store_true", help="rewrite the same card (next seq)")
    d.add_argument("--wait", type=argtypes.seconds(0.1, 600), default=30.0,
                   help="seconds to wait for the new card (0.1 to 600, default 30)")
    cards.add_parser("wipe", parents=[common], help="return the card to blank")
    s = cards.add_parser("site-key", help="set the per-site signing key in the OS keyring")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_set_site_key)
    for name, fn in (
        ("info", _info), ("uid", _uid), ("read", _read), ("issue", _issue),
        ("duplicate", _duplicate), ("wipe", _wipe),
    ):  # fmt: skip
        check = _issuance if name == "issue" else None
        cards.choices[name].set_defaults(
            func=_with_encoder(fn, precheck=check, needs_key=name not in ("info", "uid"))
        )
    parser.set_defaults(func=lambda _a: parser.print_help() or EXIT_USAGE)


def usage_error(message: str, as_json: bool, action: str = "") -> int:
    from app.cli.main import usage_error as usage

    return usage(f"keydesk card {action}".rstrip(), message, as_json)


def parse_when(value: datetime) -> datetime:
    """A card time: a time with an offset is converted to this computer's local time
    (what the locks keep), so --from and --to are compared in one zone."""
    from app.domain.cards import site_time

    return site_time(value)


def _load_site_key(url: str, demo: bool = False) -> bytes | None:
    from app.devices.encoder.service import site_key_from
    from app.devices.encoder.sim.demo import DEMO_SITE_KEY
    from app.settings import SecretStore, SecretStoreUnavailable

    if demo:
        # Asked for explicitly (e.g. a simulator on a pty, whose path looks like hardware).
        print(say("demo_key_asked"), file=sys.stderr)
        return DEMO_SITE_KEY.encode()
    try:
        key = site_key_from(SecretStore())
    except SecretStoreUnavailable:
        key = None
    if key is None and url.startswith("socket://"):
        # A simulator: its cards are signed with the public demo key.
        print(say("demo_key_implied"), file=sys.stderr)
        return DEMO_SITE_KEY.encode()
    return key


Job = Callable[[argparse.Namespace, "EncoderService"], int]
JOB_TIMEOUT = 120.0  # seconds: far above any card job; the job's own timeouts fire first


def _with_encoder(
    fn: Job, precheck: Callable[[argparse.Namespace], Any] | None = None,
    needs_key: bool = True,
) -> Callable[[argparse.Namespace], int]:
    """Run ``fn`` on the desk's EncoderService (the one the window uses) on this command's
    own runtime. ``precheck`` validates the arguments first, so a malformed date is
    reported as such before the port is even opened."""

    def run(args: argparse.Namespace) -> int:
        from app.cli.desk import command_desk
        from app.cli.settings_notice import load_settings
        from app.devices.encoder.discovery import resolve_url
        from app.devices.encoder.layout import LayoutError, load_layout
        from app.devices.encoder.service import SITE_KEY_SECRET
        from app.devices.encoder.trace import SerialTrace
        from app.runtime import JobCancelled
        from app.settings import MemorySecretStore

        saved = load_settings()
        settings = replace(saved, card_layout=args.layout or saved.card_layout,
                           encoder_url=args.port or saved.encoder_url)
        try:
            layout = load_layout(settings.card_layout or "keydesk-open-v1")
            if precheck is not None:
                layout.check(precheck(args))  # the stay, before the port is opened
        except (LayoutError, InputError) as exc:
            return usage_error(str(exc), args.json, args.card_command)
        try:
            url = settings.encoder_url or resolve_url(
                "", settings.encoder_vid_pid, settings.encoder_serial
            ) or ""
            # The card jobs need only the site key: resolved here (keyring, or the demo key
            # for simulators), so a missing keyring reads as "no site key", not a crash.
            secrets = MemorySecretStore()
            key = _load_site_key(url, args.demo_key) if needs_key else None
            if key is not None:
                secrets.set(SITE_KEY_SECRET, key.decode())
            trace = SerialTrace(args.trace) if args.trace else None
            with command_desk(settings, secrets, encoder_trace=trace) as services:
                _check_rights(services.operators, args)
                return fn(args, services.encoder.start(watch=False))
        except KeyDeskError as err:
            return fail(err, args.json)
        except JobCancelled as exc:  # Ctrl+C: what the card holds now, as the window says
            if args.json:
                print(json_line({"ok": False, "error": "cancelled", "state": str(exc)}),
                      flush=True)
            state = exc.args[0] if exc.args else str(exc)
            print(say("interrupted", state=worded(state)), file=sys.stderr, flush=True)
            return 130

    return run


CANCEL_GRACE = 10.0  # seconds for a cancelled card job to stop at a safe point and say so


def wait(job: Any) -> Any:
    """The job's result. On Ctrl+C the job is cancelled as the window's Cancel does and
    waited for, so its JobCancelled (which says what the card holds) is what is reported;
    a second Ctrl+C stops waiting."""
    try:
        return job.result(JOB_TIMEOUT)
    except KeyboardInterrupt:
        job.request_cancel()
        print(say("stopping"), file=sys.stderr, flush=True)
        try:
            return job.result(CANCEL_GRACE)
        except KeyboardInterrupt:
            from app.runtime import JobCancelled

            raise JobCancelled(said("stopped_no_wait")) from None


def _check_rights(operators: Any, args: argparse.Namespace) -> None:
    """What the encoder service does not check itself: a look at the card (info, uid)
    and the serial trace (a technician's tool)."""
    if args.card_command in ("info", "uid"):
        operators.require("card.read", what=f"card.{args.card_command}")
    if args.trace:
        operators.require("encoder.diagnostics", what="encoder.trace")


def _info(args: argparse.Namespace, service: EncoderService) -> int:
    card = wait(service.identify())
    emit(
        {"ok": True, "firmware": service.firmware, "port": service.url,
         "card": card.to_dict() if card else None},
        args.json, _info_text,
    )  # fmt: skip
    return 0


def _info_text(i: dict[str, Any]) -> str:
    lines = [say("encoder_on", firmware=i["firmware"], port=i["port"])]
    card = i["card"]
    if card is None:
        lines.append(say("no_card"))
    else:
        lines.append(say("card_family", uid=card.get("uid"), family=card.get("family")))
        lines += [f"  {k}: {v}" for k, v in card.items() if k not in ("uid", "family")]
    return "\n".join(lines)


def _uid(args: argparse.Namespace, service: EncoderService) -> int:
    uid = wait(service.capture_uid())
    emit({"ok": True, "uid": uid}, args.json, uid)
    return 0


def _read_text(r: dict[str, Any]) -> str:
    lines = [say("card_head", uid=r["card"]["uid"], family=r["card"]["family"])]
    lines.append(say("card_valid" if r["valid"] else "card_invalid", reason=r["reason"]))
    if r["issuance"]:
        lines += [f"  {_field(k)}: {_listed(v)}" for k, v in r["issuance"].items()]
    for s in r["sectors"]:
        lines.append(say("sector", n=s["sector"], access=_sector_key(s.get("key", ""))))
    return "\n".join(lines)


def _listed(value: Any) -> str:
    """An issuance value as a person reads it: rooms as "101, 102", not ['101', '102']."""
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def _sector_key(label: str) -> str:
    """Whose key opened a sector ("site", "default", ...), in the language; "" locked."""
    if not label:
        return say("sector_locked")
    return _worded_or_as_is("sector_key_", label)


def _field(key: str) -> str:
    """An issuance field named in the language (a field this table lacks: as it is)."""
    return _worded_or_as_is("field_", key)


def _worded_or_as_is(prefix: str, name: str) -> str:
    """``name`` said by the phrase ``prefix + name``; a name the table lacks as it is."""
    from app.cli.words import WORDS

    return say(prefix + name) if prefix + name in WORDS else name


def _read(args: argparse.Namespace, service: EncoderService) -> int:
    result = wait(service.read(full=not args.quick))
    reason = result.decoded.reason_in()  # the dict's reason is English (--json)
    emit(result.to_dict(), args.json, lambda r: _read_text({**r, "reason": reason}))
    return 0


def _result_text(r: dict[str, Any]) -> str:
    return say("card_result", operation=_worded_or_as_is("op_", r["operation"]),
               uid=r["card"]["uid"], state=worded(r["state"]))


def _issuance(args: argparse.Namespace) -> Issuance:
    """The issuance the arguments describe: InputError (a usage error) when the stay
    cannot be meant — reversed, already over — or is far ahead and not confirmed."""
    from app.inputs import check_stay

    start, end = parse_when(args.valid_from), parse_when(args.valid_to)
    try:
        check_stay(start, end, datetime.now(), confirmed=args.yes)
    except NeedsConfirmation as ask:
        if not (sys.stdin.isatty() and _confirm(str(ask))):
            raise
    return Issuance(
        rooms=tuple(args.room),
        valid_from=start,
        valid_to=end,
        kind=args.kind,
        sequence=args.seq,
    )


def _confirm(question: str) -> bool:
    try:
        answer = input(say("issue_it", question=question))
    except EOFError:
        return False
    return answer.strip().lower() in YES_ANSWERS


def _issue(args: argparse.Namespace, service: EncoderService) -> int:
    result = wait(service.issue(_issuance(args)))
    emit(result.to_dict(), args.json, _result_text)
    return 0


def _duplicate(args: argparse.Namespace, service: EncoderService) -> int:
    from app.devices.encoder.errors import SOURCE_INVALID, encoder_error

    source = wait(service.read(full=False))
    if not source.decoded.valid or source.decoded.issuance is None:
        raise encoder_error(SOURCE_INVALID, f"card {source.card.uid_hex}: "
                            f"{source.decoded.reason}", retryable=False)
    source_uid = None if args.in_place else source.card.uid
    if source_uid is not None:
        print(say("place_new_card"), file=sys.stderr, flush=True)
        service.start(watch=True)  # the service's own card watch sees the swap
        service.wait_for_card(other_than=source_uid, timeout=args.wait)
    result = wait(service.duplicate(source.decoded.issuance, source_uid))
    emit(result.to_dict(), args.json, _result_text)
    return 0


def _wipe(args: argparse.Namespace, service: EncoderService) -> int:
    emit(wait(service.wipe()).to_dict(), args.json, _result_text)
    return 0


def _ports(args: argparse.Namespace) -> int:
    from app.devices.encoder.discovery import list_serial_ports, probe

    if args.probe:
        from app.cli.desk import command_desk

        try:
            with command_desk() as services:
                services.operators.require("encoder.diagnostics", what="encoder.probe")
        except KeyDeskError as err:
            return fail(err, args.json)
    ports = list_serial_ports()
    for p in ports:
        info = p.to_dict()
        if args.probe and p.likely_encoder:
            info["firmware"] = probe(p.device)
        emit(info, args.json, lambda i: f"{i['device']}  {i['vid_pid'] or '-'}  {i['bridge']}  "
             f"{i['description']}  {say('port_serial', serial=i['serial_number'] or '-')}")
    if not ports:
        emit({"ok": True, "ports": 0}, args.json, say("no_ports"))
    return 0


def ask_secret(prompt: str) -> str:
    """A secret typed in the terminal (not echoed), or one line from a pipe (a script:
    ``... | keydesk card site-key``); "" when there is nothing to read."""
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def _set_site_key(args: argparse.Namespace) -> int:
    from app.audit.actions import record_settings
    from app.cli.desk import command_desk
    from app.devices.encoder.service import SITE_KEY_SECRET
    from app.settings import SecretStore, SecretStoreUnavailable

    try:
        with command_desk() as services:
            services.operators.require("settings.change", what="settings.change",
                                       target=SITE_KEY_SECRET)
            value = ask_secret(say("ask_site_key"))
            if len(value) < 16:
                return usage_error(say("site_key_short"), args.json)
            try:
                SecretStore().set(SITE_KEY_SECRET, value)
            except SecretStoreUnavailable as exc:
                return usage_error(str(exc), args.json)
            record_settings(services.audit, [], [SITE_KEY_SECRET])  # which, never the value
    except KeyDeskError as err:
        return fail(err, args.json)
    emit({"ok": True, "stored": SITE_KEY_SECRET}, args.json, say("site_key_stored"))
    return 0
