"""``keydesk sim encoder``: the PN532 encoder simulator in the foreground, and
``keydesk sim encoder-control``: place/remove cards or inject faults into a running one."""

from __future__ import annotations

import argparse
import json
import sys
import threading

from app.i18n import Phrases, phrase
from app.output import emit
from app.serving import announce, parse_listen, serve_forever

# The control tool's own refusals, in the desk's language (app.i18n phrases).
PHRASES: Phrases = {
    "needs_more": {"en": "{command} needs more arguments (see --help)",
                   "pt-BR": "{command} precisa de mais argumentos (veja --help)",
                   "zh-CN": "{command} 需要更多参数（见 --help）"},
    "malformed": {"en": "malformed command {command}: {reason}",
                  "pt-BR": "comando malformado {command}: {reason}",
                  "zh-CN": "命令格式不对 {command}：{reason}"},
    "put_back_takes": {"en": "put_back takes nothing, or 'first'",
                       "pt-BR": "put_back não leva nada, ou leva 'first'",
                       "zh-CN": "put_back 后面不带参数，或者只带 'first'"},
}


def say(key: str, **values: object) -> str:
    return phrase(PHRASES, key, None, **values)



def register(sims: argparse._SubParsersAction) -> None:
    from app.devices.encoder.sim.cards import CARD_KINDS
    from app.devices.encoder.sim.server import FAULTS

    p = sims.add_parser(
        "encoder",
        help="PN532 card encoder simulator (pyserial socket:// URL, or a POSIX pty)",
        description="Simulate a PN532 USB card encoder with a card on it. Prints the URL "
        "to pass to `keydesk card ... --port URL` (socket://HOST:PORT, or with --pty a "
        "device path such as /dev/pts/7), and a control address.",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument("--listen", type=parse_listen, default=("127.0.0.1", 0), metavar="HOST:PORT")
    where.add_argument(
        "--pty",
        action="store_true",
        help="serve a pseudo-terminal (POSIX only): the driver opens it like /dev/ttyUSB0",
    )
    p.add_argument("--control", type=parse_listen, default=("127.0.0.1", 0), metavar="HOST:PORT")
    p.add_argument("--card", choices=[*CARD_KINDS, "none"], default="classic-1k")
    p.add_argument("--realtime", action="store_true", help="pace answers in modelled time")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_run)

    c = sims.add_parser(
        "encoder-control",
        help="control a running encoder simulator",
        description="Send one command to an encoder simulator's control address. "
        "Commands: place [KIND] (a blank card; the one there goes to the tray), remove (to "
        "the tray), put_back (the card that left), put_back first (the first card in the "
        "tray: practise Duplicate with 'place', then put the original back), alter BLOCK "
        f"OFFSET [XOR], fault KIND [COUNT], clear, status. Faults: {', '.join(FAULTS)}.",
    )
    c.add_argument("address", help="the simulator's control HOST:PORT")
    c.add_argument("command", nargs="+")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_control)


def _run(args: argparse.Namespace) -> int:
    from app.devices.encoder.sim.control import ControlServer
    from app.devices.encoder.sim.server import EncoderSimulator

    host, port = args.listen
    card = None if args.card == "none" else args.card
    sim = EncoderSimulator(
        host, port, card=card, time_scale=1.0 if args.realtime else 0.0, pty=args.pty
    )
    try:
        sim.start()
    except OSError as exc:
        print(f"keydesk sim encoder: {exc}", file=sys.stderr, flush=True)
        return 2
    control = ControlServer(sim, *args.control).start()
    info = {"url": sim.url, "control": control.address, "card": card}
    if sim.card is not None:
        info["uid"] = sim.card.uid.hex().upper()
    announce(info, args.json)
    try:
        serve_forever(threading.Event())
    finally:
        control.stop()
        sim.stop()
    return 0


def _control(args: argparse.Namespace) -> int:
    from app.devices.encoder.sim.control import ControlUnreachable, send

    try:
        req = _control_request(args.command)
    except IndexError:
        return _control_failed(say("needs_more", command=args.command[0]), args.json, 2)
    except ValueError as exc:
        return _control_failed(say("malformed", command=repr(" ".join(args.command)),
                                   reason=exc), args.json, 2)
    try:
        answer = send(args.address, req)
    except ControlUnreachable as exc:
        return _control_failed(str(exc), args.json)
    emit(answer, args.json, lambda a: " ".join(f"{k}={v}" for k, v in a.items()))
    return 0 if answer.get("ok") else 1


def _control_failed(message: str, as_json: bool, status: int = 1) -> int:
    # A simulator tool, not a desk failure: no catalog code, the same shape as the
    # simulator's own refusals ({"ok": false, "error": ...}).
    if as_json:
        emit({"ok": False, "error": message}, True)
    else:
        print(f"keydesk sim encoder-control: {message}", file=sys.stderr, flush=True)
    return status


def _control_request(words: list[str]) -> dict[str, object]:
    req: dict[str, object] = {"cmd": words[0]}
    if words[0] == "place" and len(words) > 1:
        req["kind"] = words[1]
    elif words[0] == "put_back" and len(words) > 1:
        if words[1] != "first":
            raise ValueError(say("put_back_takes"))
        req["first"] = True
    elif words[0] == "alter":
        req.update(block=int(words[1]), offset=int(words[2]))
        if len(words) > 3:
            req["xor"] = int(words[3], 0)
    elif words[0] == "fault":
        req["kind"] = words[1]
        if len(words) > 2:
            req["count"] = int(words[2])
        for extra in words[3:]:
            key, _, value = extra.partition("=")
            req[key] = json.loads(value) if value[:1].isdigit() else value
    return req
