"""``keydesk sim lock``: a site of simulated locks behind a loopback socket, and
``keydesk sim lock-control``: its control channel (wake, sleep, faults, radio, state).

    keydesk sim lock --listen 127.0.0.1:0 --locks 12 --json
    keydesk sim lock-control --sim 127.0.0.1:PORT wake --room 001-01-0101
    keydesk sim lock-control --sim 127.0.0.1:PORT fault --mac C4A828001101 wrong_admin

The first locks of a site match the demo cloud's rooms (so ``--demo-account`` finds
their rooms); the rest get numbered rooms of their own. ``--site-csv`` writes the door
list as a plan file for ``keydesk lock plan import --csv``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.inputs import values
from app.inputs.argtype import rule
from app.output import emit
from app.serving import announce, ask, parse_listen, serve_forever

DEFAULT_LISTEN = ("127.0.0.1", 0)
MAX_LOCKS = 5000  # a site this size still starts in seconds


def register(sims: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sims.add_parser(
        "lock",
        help="a site of Bluetooth locks (TTLock V3, UCLBRT token, standard GATT)",
        description="Serve a site of simulated Bluetooth locks. The app reaches them "
        "through bleak with the simulated backend: keydesk lock --sim HOST:PORT ...",
    )
    p.add_argument("--listen", type=parse_listen, default=DEFAULT_LISTEN, metavar="HOST:PORT",
                   help="where to listen (default 127.0.0.1:0, a free port)")
    p.add_argument("--locks", type=rule(values.whole, 1, MAX_LOCKS), default=7,
                   help="how many doors (default 7: the demo cloud's rooms)")
    p.add_argument("--awake", choices=["all", "none"], default="all",
                   help="all: every lock advertises until told otherwise; none: each waits "
                   "for a wake (lock-control wake)")
    p.add_argument("--tz", default="Asia/Shanghai",
                   help="the site's time zone (the locks keep its local time)")
    p.add_argument("--idle-drop", type=rule(values.seconds, 0.1, 3600), default=None,
                   help="seconds of silence after which a lock drops the link (default: "
                   "each profile's value, ~5 s)")
    p.add_argument("--site-csv", type=Path, help="also write the door list (a plan CSV) here")
    p.add_argument("--json", action="store_true", help="print the address as one JSON line")
    p.set_defaults(func=_run)

    c = sims.add_parser("lock-control", help="wake a simulated lock, inject a fault, ...",
                        description="Talk to a running keydesk sim lock's control channel.")
    c.add_argument("--sim", required=True, help="HOST:PORT of keydesk sim lock")
    c.add_argument("--json", action="store_true", help="print the answer as one JSON line")
    cmds = c.add_subparsers(dest="control", metavar="COMMAND", required=True)
    for name, help_ in (("wake", "touch a lock: it advertises for --seconds"),
                        ("sleep", "end a lock's wake window"),
                        ("clear", "remove a lock's faults (and turn the radio on)"),
                        ("state", "print a lock's state"),
                        ("fault", "give a lock a fault"),
                        ("radio", "turn the simulated PC radio on or off"),
                        ("site", "list every lock")):
        sp = cmds.add_parser(name, help=help_, description=help_)
        if name in ("wake", "sleep", "clear", "state", "fault"):
            target = sp.add_mutually_exclusive_group(required=name == "state")
            target.add_argument("--mac")
            target.add_argument("--room")
        if name == "wake":
            sp.add_argument("--seconds", type=rule(values.seconds, 0, 86400), default=15.0,
                            help="0 = until told")
        if name == "fault":
            sp.add_argument("fault", help="asleep, wake_ends, connect_fail, wrong_admin, ...")
            sp.add_argument("--count", type=rule(values.whole, 0, 10**6),
                            help="how many times (default: per fault)")
            sp.add_argument("--after", type=rule(values.whole, 0, 10**6),
                            help="let this many commands pass first")
        if name == "radio":
            sp.add_argument("state", choices=["on", "off"])
    c.set_defaults(func=_control)


def site_doors(count: int) -> list[tuple[str, str, str]]:
    """The demo cloud's rooms first (their MACs, a family each), then numbered doors."""
    from app.devices.locks.sim.demo import demo_doors
    from app.devices.locks.sim.site import numbered_doors

    doors = demo_doors()[:count]
    return doors + numbered_doors(max(0, count - len(doors)))


def write_site_csv(path: Path, doors: list[tuple[str, str, str]]) -> None:
    lines = ["room,mac,lock_type"] + [f"{room},{mac},{family}" for room, mac, family in doors]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _run(args: argparse.Namespace) -> int:
    from app.devices.locks.sim.server import LockSimServer
    from app.devices.locks.sim.site import build_site

    doors = site_doors(args.locks)
    site = build_site(doors, tz=args.tz, awake=args.awake == "all", idle_drop=args.idle_drop)
    server = LockSimServer(site, *args.listen)
    address = server.start()
    if args.site_csv:
        write_site_csv(args.site_csv, doors)
    try:
        announce({"sim": "lock", "address": address, "tz": args.tz, "awake": args.awake,
                  "locks": [{"room": r, "mac": m, "profile": f} for r, m, f in doors],
                  "site_csv": str(args.site_csv) if args.site_csv else None}, args.json)
        serve_forever()
    finally:
        server.stop()
    return 0


def control(address: str, request: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
    """One control request to a running simulator (blocking; tests and the CLI)."""
    host, _, port = address.rpartition(":")
    data = ask(host, int(port), {"id": 1, "op": "ctl", **request}, timeout)
    for line in data.splitlines():
        answer = json.loads(line)
        if isinstance(answer, dict) and answer.get("id") == 1:
            return dict(answer)
    return {"ok": False, "error": "no_answer"}


def _control(args: argparse.Namespace) -> int:
    req: dict[str, Any] = {"cmd": args.control}
    for key in ("mac", "room", "seconds", "fault", "count", "after"):
        value = getattr(args, key, None)
        if value is not None:
            req[key] = value
    if args.control == "radio":
        req["on"] = args.state == "on"
    try:
        answer = control(args.sim, req)
    except (OSError, ValueError) as exc:
        answer = {"ok": False, "error": "unreachable", "message": str(exc)}
    emit(answer, args.json, lambda a: json.dumps(a, indent=1, ensure_ascii=False))
    return 0 if answer.get("ok") else 1
