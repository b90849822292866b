"""``keydesk sim reader``: a simulated reader in the foreground."""

from __future__ import annotations

import argparse
import os
import threading

from app.access.sim.simulator import DEFAULT_PASSWORD, DEFAULT_USER, ReaderSimulator
from app.inputs import values
from app.inputs.argtype import rule
from app.serving import announce, parse_listen, serve_forever


def register(sims: argparse._SubParsersAction) -> None:
    p = sims.add_parser(
        "reader",
        help="a simulated Intelbras/Dahua access reader (Digest auth, event stream, log)",
        description="Serve the reader's CGI API and endless event stream on HOST:PORT, with "
        "realistic traffic. User 'admin'; password from --password-env (default "
        f"'{DEFAULT_PASSWORD}').",
    )
    p.add_argument("--listen", type=parse_listen, default=("127.0.0.1", 0), metavar="HOST:PORT")
    p.add_argument("--name", default="Reader", help="device name (shown in events)")
    p.add_argument("--user", default=DEFAULT_USER)
    p.add_argument("--password-env", metavar="VAR",
                   help="environment variable holding the password to accept")
    p.add_argument("--rate", type=rule(values.plain_number, 0.01, 1000), default=1.0,
                   help="events per second, 0.01 to 1000 (default 1)")
    p.add_argument("--events", type=rule(values.whole, 0, 10**9), default=None,
                   help="stop traffic after N events")
    p.add_argument("--profile", choices=["realistic", "access"], default="realistic",
                   help="'access': access events only (benchmarks)")
    p.add_argument("--doors", type=rule(values.whole, 1, 64), default=1)
    p.add_argument("--serial", help="device serial number (default: a new unique one)")
    p.add_argument("--clock-offset", type=rule(values.plain_number, -1e9, 1e9), default=0.0,
                   help="device clock minus real, in seconds")
    p.add_argument("--plain-errors", action="store_true",
                   help="old firmware: plain-text 'Error' answers instead of JSON codes")
    p.add_argument("--lockout-seconds", type=rule(values.seconds, 0, 86400), default=1800.0)
    p.add_argument("--json", action="store_true", help="print the address as a JSON line")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    password = os.environ.get(args.password_env, "") if args.password_env else DEFAULT_PASSWORD
    host, port = args.listen
    sim = ReaderSimulator(
        args.name, host=host, port=port, user=args.user, password=password or DEFAULT_PASSWORD,
        rate=args.rate, events=args.events, profile=args.profile, doors=args.doors,
        clock_offset=args.clock_offset, json_errors=not args.plain_errors,
        lockout_seconds=args.lockout_seconds, serial=args.serial,
    ).start()
    try:
        announce({"kind": "reader", "name": args.name, "url": sim.url, "user": args.user,
                  "serial": sim.device.serial},
                 args.json)
        serve_forever(threading.Event())
    finally:
        sim.stop()
    return 0
