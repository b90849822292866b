"""``keydesk monitor``: stream a reader's events, one line (or JSON line) per event."""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from collections.abc import Callable
from typing import Any

from app.cli import argtypes
from app.cli.output import emit, fail, state_line
from app.cli.readers_cmd import add_device_args, reader_password
from app.cli.words import say
from app.domain.errors import KeyDeskError
from app.domain.events import BusEvent, DeviceEvent, DeviceStateChanged

KNOWN_CODES = frozenset({
    "AccessControl", "BreakIn", "DoorNotClosed", "Duress", "_Button_", "ButtonExit",
    "DoorStatus", "AlarmLocal", "TimeChange", "ChassisIntruded", "Reboot", "Upgrade",
    "NetworkChange", "ManagerLog", "KeepLightOn", "KeepLightOff", "ScreenSaver", "NewFile",
    "UpdateFile",
})
ACCESS_KEYS = ("card", "user", "user_name", "method", "method_text", "error_code",
               "error_text", "granted", "door", "direction", "record_no")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "monitor", help="stream an access reader's events live",
        description="Attach to a reader's event stream and print every decoded event. "
        "Reconnects by itself (back-filling missed accesses from the reader's log); stops "
        "on a wrong password. Exits non-zero, explaining the last failure, when it ends "
        "without ever having reached the reader.")
    add_device_args(p)
    p.add_argument("--name", help="reader name shown in events (default: the URL's host)")
    p.add_argument("--codes", nargs="+", default=["All"], metavar="CODE",
                   help="event codes to ask for (default All)")
    p.add_argument("--heartbeat", type=argtypes.whole(1, 60), default=5,
                   help="heartbeat seconds, 1 to 60 (default 5)")
    p.add_argument("--duration", type=argtypes.seconds(0.1, 7 * 86400),
                   help="stop after S seconds (default: until Ctrl+C)")
    p.add_argument("--timeout", type=argtypes.seconds(0.1, 300), default=15.0, metavar="S",
                   help="seconds to wait for the reader to answer a connection (default 15); "
                   "then it is tried again after a pause")
    p.set_defaults(func=_monitor)


def event_line(event: DeviceEvent) -> dict[str, Any]:
    """What ``--json`` prints for one event."""
    p = event.payload
    out: dict[str, Any] = {k: p.get(k) for k in ("device", "code", "action", "index", "time")}
    out["severity"] = event.severity
    if p.get("code_text"):
        out["code_text"] = p["code_text"]
    if event.code == "AccessControl":
        out |= {k: p.get(k) for k in ACCESS_KEYS}
        out["dedupe_key"] = p.get("dedupe_key")
        out["origin"] = p.get("origin")
    elif event.code in KNOWN_CODES and not p.get("decode_error"):
        out["data"] = p.get("data")
    else:
        out["raw"] = event.raw
        if p.get("raw_b64"):
            out["raw_b64"] = p["raw_b64"]
    return out


def refused_text(reason: str | None) -> str:
    """"REFUSED: card expired", never "REFUSED: Refused: card expired" (readers and the
    catalog often start the reason with the verdict already)."""
    words = re.sub(r"^\s*refused\b[\s:—-]*", "", reason or "", flags=re.IGNORECASE)
    return say("refused_why", reason=words) if words else say("refused")


def event_text(line: dict[str, Any]) -> str:
    head = f"{line['time'] or '-'} {line['device']} {line['code']}"
    if line["code"] == "AccessControl":
        result = say("granted") if line["granted"] else refused_text(line["error_text"])
        who = line["card"] or "-"
        if line["user_name"]:
            who += f" ({line['user_name']})"
        return say("access_line", head=head, result=result, who=who,
                   method=line["method_text"], door=line["door"],
                   direction=line["direction"] or "").rstrip()
    detail = json.dumps(line["data"], ensure_ascii=False) if "data" in line else line.get("raw")
    return f"{head} [{line['severity']}] " + " ".join(str(detail).split())


def _monitor(args: argparse.Namespace) -> int:
    from urllib.parse import urlsplit

    from app.access.client import ReaderHttp
    from app.access.stream import ReaderStream
    from app.cli.desk import command_desk

    password = reader_password(args)  # none set: a usage error, nothing was sent
    name = args.name or urlsplit(args.device).hostname or args.device
    done = threading.Event()
    lock = threading.Lock()

    def publish(event: BusEvent) -> None:
        if isinstance(event, DeviceEvent):
            line = event_line(event)
            with lock:
                try:
                    emit(line, args.json, event_text)
                except BrokenPipeError:  # `| head`: the reader of our output left
                    done.set()
        elif isinstance(event, DeviceStateChanged):
            print(state_line(event), file=sys.stderr, flush=True)

    error: list[KeyDeskError] = []
    streams: list[ReaderStream] = []

    async def go(publish: Callable[[BusEvent], None]) -> None:
        http = ReaderHttp(args.device, args.user, password, timeout=args.timeout,
                          headers_deadline=args.timeout)
        stream = ReaderStream(name, http, publish, codes=args.codes, heartbeat=args.heartbeat)
        streams.append(stream)
        try:
            await stream.run()
        except KeyDeskError as err:
            error.append(err)
        finally:
            await http.aclose()
            done.set()

    with command_desk() as services:
        bus = services.runtime.bus

        def print_and_store(event: BusEvent) -> None:
            publish(event)
            bus.publish(event)  # the desk's event store keeps what was printed

        streaming = go(print_and_store)
        future = services.runtime.loop.submit(streaming)
        try:
            done.wait(args.duration)
        except KeyboardInterrupt:
            pass
        finally:
            future.cancel()
            done.wait(2)
    if error:
        return fail(error[0], args.json)
    # Retrying was right while it ran; but a script must tell "no events" from "the reader
    # was never reached": the latter is a failure, explained by the last attempt's error.
    unreached = streams[0].never_reached() if streams else None
    if unreached is not None:
        return fail(unreached, args.json)
    return 0

