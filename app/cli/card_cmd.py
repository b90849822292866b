"""``keydesk card ports|info|read|issue|duplicate|wipe|uid|site-key``: the encoder, headless.

Every command prints one JSON line per result with ``--json``; failures print the 53xx
code with its explanation and what the card was left in, and exit non-zero.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cli.output import emit, fail, json_line
from app.domain.errors import KeyDeskError

EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "card",
        help="read, issue, duplicate and wipe cards on the USB encoder",
        description="Card jobs on the USB encoder (PN532). --port takes a device (COM3, "
        "/dev/ttyUSB0) or a pyserial URL (socket://127.0.0.1:PORT for the simulator); "
        "without it the remembered encoder is used.",
    )
    cards = parser.add_subparsers(dest="card_command", metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--port", default="", help="device or pyserial URL of the encoder")
    common.add_argument("--json", action="store_true", help="JSON lines on stdout")
    common.add_argument("--layout", default="", help="card layout (default from settings)")
    common.add_argument("--trace", type=Path, help="append a hex trace of the serial bytes")
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
    i.add_argument("--from", dest="valid_from", required=True, help="2026-11-21T14:00")
    i.add_argument("--to", dest="valid_to", required=True, help="2026-11-23T12:00")
    i.add_argument("--kind", choices=["guest", "staff", "master"], default="guest")
    i.add_argument("--seq", type=int, default=1, help="sequence number of this card")
    d = cards.add_parser("duplicate", parents=[common], help="another card for the same stay")
    d.add_argument("--in-place", action="store_true", help="rewrite the same card (next seq)")
    d.add_argument("--wait", type=float, default=30.0, help="seconds to wait for the new card")
    cards.add_parser("wipe", parents=[common], help="return the card to blank")
    s = cards.add_parser("site-key", help="set the per-site signing key in the OS keyring")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_set_site_key)
    for name, fn in (
        ("info", _info), ("uid", _uid), ("read", _read), ("issue", _issue),
        ("duplicate", _duplicate), ("wipe", _wipe),
    ):  # fmt: skip
        check = _issuance if name == "issue" else None
        cards.choices[name].set_defaults(func=_with_encoder(fn, precheck=check))
    parser.set_defaults(func=lambda _a: parser.print_help() or EXIT_USAGE)


def usage_error(message: str, as_json: bool) -> int:
    if as_json:
        print(json_line({"ok": False, "error": "usage", "detail": message}), flush=True)
    print(f"keydesk card: {message}", file=sys.stderr, flush=True)
    return EXIT_USAGE


def parse_when(value: str, option: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{option} {value!r} is not a date and time; write it like 2026-11-21T14:00"
        ) from None
    return when.replace(tzinfo=None) if when.tzinfo is None else when


def _load_site_key(url: str, demo: bool = False) -> bytes | None:
    from app.devices.encoder.service import site_key_from
    from app.devices.encoder.sim.demo import DEMO_SITE_KEY
    from app.settings import SecretStore, SecretStoreUnavailable

    if demo:
        # Asked for explicitly (e.g. a simulator on a pty, whose path looks like hardware).
        print("note: using the public demo site key — never for real cards", file=sys.stderr)
        return DEMO_SITE_KEY.encode()
    try:
        key = site_key_from(SecretStore())
    except SecretStoreUnavailable:
        key = None
    if key is None and url.startswith("socket://"):
        # A simulator: its cards are signed with the public demo key.
        print("note: no site key in the keyring; using the demo key", file=sys.stderr)
        return DEMO_SITE_KEY.encode()
    return key


Job = Callable[[argparse.Namespace, Any, Any, Any], int]


def _with_encoder(
    fn: Job, precheck: Callable[[argparse.Namespace], object] | None = None
) -> Callable[[argparse.Namespace], int]:
    """Open the encoder, run ``fn``, close it. ``precheck`` validates the arguments first,
    so a malformed date is reported as such before the port is even opened."""

    def run(args: argparse.Namespace) -> int:
        from app.cli.settings_notice import load_settings
        from app.devices.encoder.discovery import resolve_url
        from app.devices.encoder.errors import PORT_FAILED, encoder_error
        from app.devices.encoder.layout import LayoutError, load_layout
        from app.devices.encoder.registry import driver
        from app.devices.encoder.trace import SerialTrace
        from app.runtime import JobCancelled, JobContext

        settings = load_settings()
        try:
            layout = load_layout(args.layout or settings.card_layout)
        except LayoutError as exc:
            return usage_error(str(exc), args.json)
        ctx = JobContext(args.card_command, "encoder", None)
        enc = None
        try:
            if precheck is not None:
                precheck(args)
            url = args.port or resolve_url(
                settings.encoder_url, settings.encoder_vid_pid, settings.encoder_serial
            )
            if not url:
                raise encoder_error(PORT_FAILED, "no --port given and no encoder remembered")
            trace = SerialTrace(args.trace) if args.trace else None
            enc = driver().open(url, trace=trace)
            return fn(args, enc, ctx, (layout, url, args.demo_key))
        except KeyDeskError as err:
            return fail(err, args.json)
        except ValueError as exc:
            return usage_error(str(exc), args.json)
        except JobCancelled as exc:
            print(f"cancelled: {exc}", file=sys.stderr)
            return 130
        finally:
            if enc is not None:
                enc.close()

    return run


def _info(args: argparse.Namespace, enc: Any, _ctx: Any, extra: Any) -> int:
    card = enc.select()
    emit(
        {"ok": True, "firmware": enc.firmware, "port": extra[1],
         "card": card.to_dict() if card else None},
        args.json,
        lambda i: f"{i['firmware']} on {i['port']}; card: {i['card'] or 'none'}",
    )  # fmt: skip
    return 0


def _uid(args: argparse.Namespace, enc: Any, _ctx: Any, _extra: Any) -> int:
    from app.devices.encoder.operations import capture_uid

    uid = capture_uid(enc)
    emit({"ok": True, "uid": uid}, args.json, uid)
    return 0


def _read_text(r: dict[str, Any]) -> str:
    lines = [f"card {r['card']['uid']} ({r['card']['family']})"]
    lines.append(f"valid: {str(r['valid']).lower()} — {r['reason']}")
    if r["issuance"]:
        lines += [f"  {k}: {v}" for k, v in r["issuance"].items()]
    for s in r["sectors"]:
        lines.append(f"  sector {s['sector']}: " + (s.get("key", "") or "locked (no key)"))
    return "\n".join(lines)


def _read(args: argparse.Namespace, enc: Any, ctx: Any, extra: Any) -> int:
    from app.devices.encoder.reading import read_card

    layout, url, demo = extra
    result = read_card(enc, ctx, layout, _load_site_key(url, demo), full=not args.quick)
    emit(result.to_dict(), args.json, _read_text)
    return 0


def _result_text(r: dict[str, Any]) -> str:
    return f"{r['operation']}: card {r['card']['uid']} — {r['state']}"


def _issuance(args: argparse.Namespace) -> Any:
    """The issuance the arguments describe (ValueError when a date or field is malformed)."""
    from app.domain.cards import Issuance

    return Issuance(
        rooms=tuple(args.room),
        valid_from=parse_when(args.valid_from, "--from"),
        valid_to=parse_when(args.valid_to, "--to"),
        kind=args.kind,
        sequence=args.seq,
    )


def _issue(args: argparse.Namespace, enc: Any, ctx: Any, extra: Any) -> int:
    from app.devices.encoder.operations import issue

    layout, url, demo = extra
    issuance = _issuance(args)
    key = _require_key(url, demo)
    emit(issue(enc, ctx, layout, key, issuance).to_dict(), args.json, _result_text)
    return 0


def _require_key(url: str, demo: bool) -> bytes:
    from app.devices.encoder.errors import PORT_FAILED, encoder_error

    key = _load_site_key(url, demo)
    if key is None:
        raise encoder_error(
            PORT_FAILED,
            "no site key in the keyring (encoder.site_key): set it with `keydesk card site-key`",
            retryable=False,
        )
    return key


def _duplicate(args: argparse.Namespace, enc: Any, ctx: Any, extra: Any) -> int:
    from app.devices.encoder.errors import UNKNOWN_CARD, encoder_error
    from app.devices.encoder.operations import duplicate
    from app.devices.encoder.reading import read_card

    layout, url, demo = extra
    key = _require_key(url, demo)
    source = read_card(enc, ctx, layout, key, full=False)
    if not source.decoded.valid or source.decoded.issuance is None:
        raise encoder_error(
            UNKNOWN_CARD, f"the card to copy is not a valid card: {source.decoded.reason}"
        )
    if not args.in_place:
        print("Place the new card on the encoder…", file=sys.stderr, flush=True)
        deadline = time.monotonic() + args.wait
        while True:
            card = enc.select()
            if card is not None and card.uid != source.card.uid:
                break
            if time.monotonic() > deadline:
                raise encoder_error(UNKNOWN_CARD, "no new card was placed on the encoder")
            time.sleep(0.3)
    source_uid = None if args.in_place else source.card.uid
    result = duplicate(enc, ctx, layout, key, source.decoded.issuance, source_uid)
    emit(result.to_dict(), args.json, _result_text)
    return 0


def _wipe(args: argparse.Namespace, enc: Any, ctx: Any, extra: Any) -> int:
    from app.devices.encoder.operations import wipe

    layout, url, demo = extra
    emit(wipe(enc, ctx, layout, _load_site_key(url, demo)).to_dict(), args.json, _result_text)
    return 0


def _ports(args: argparse.Namespace) -> int:
    from app.devices.encoder.discovery import list_serial_ports, probe

    ports = list_serial_ports()
    for p in ports:
        info = p.to_dict()
        if args.probe and p.likely_encoder:
            info["firmware"] = probe(p.device)
        emit(info, args.json, lambda i: f"{i['device']}  {i['vid_pid'] or '-'}  {i['bridge']}  "
             f"{i['description']}  serial={i['serial_number'] or '-'}")  # fmt: skip
    if not ports:
        emit({"ok": True, "ports": 0}, args.json, "no serial ports found")
    return 0


def _set_site_key(args: argparse.Namespace) -> int:
    import getpass

    from app.devices.encoder.service import SITE_KEY_SECRET
    from app.settings import SecretStore, SecretStoreUnavailable

    value = getpass.getpass("Site key (every desk of this site must use the same): ")
    if len(value) < 16:
        return usage_error("the site key must be at least 16 characters", args.json)
    try:
        SecretStore().set(SITE_KEY_SECRET, value)
    except SecretStoreUnavailable as exc:
        return usage_error(str(exc), args.json)
    emit({"ok": True, "stored": SITE_KEY_SECRET}, args.json, "site key stored in the keyring")
    return 0
