"""``keydesk sim reader`` and the demo's two readers ("Lobby", "Staff door")."""

from __future__ import annotations

import argparse
import os
import threading
from typing import Any

from app.access.sim import DEFAULT_PASSWORD, DEFAULT_USER, ReaderSimulator
from app.settings import ReaderConfig

DEMO_READERS = (  # name, clock offset (s): the staff door's clock is off, to show drift
    ("Lobby", 0.0),
    ("Staff door", 95.0),
)


def register(sims: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sims.add_parser(
        "reader",
        help="a simulated Intelbras/Dahua access reader (Digest auth, event stream, log)",
        description="Serve the reader's CGI API and endless event stream on HOST:PORT, with "
        "realistic traffic. User 'admin'; password from --password-env (default "
        f"'{DEFAULT_PASSWORD}').",
    )
    from app.cli.sim_cmd import parse_listen

    p.add_argument("--listen", type=parse_listen, default=("127.0.0.1", 0), metavar="HOST:PORT")
    p.add_argument("--name", default="Reader", help="device name (shown in events)")
    p.add_argument("--user", default=DEFAULT_USER)
    p.add_argument("--password-env", metavar="VAR",
                   help="environment variable holding the password to accept")
    p.add_argument("--rate", type=float, default=1.0, help="events per second (default 1)")
    p.add_argument("--events", type=int, default=None, help="stop traffic after N events")
    p.add_argument("--profile", choices=["realistic", "access"], default="realistic",
                   help="'access': access events only (benchmarks)")
    p.add_argument("--doors", type=int, default=1)
    p.add_argument("--clock-offset", type=float, default=0.0, help="device clock minus real")
    p.add_argument("--plain-errors", action="store_true",
                   help="old firmware: plain-text 'Error' answers instead of JSON codes")
    p.add_argument("--lockout-seconds", type=float, default=1800.0)
    p.add_argument("--json", action="store_true", help="print the address as a JSON line")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.cli.sim_cmd import announce, serve_forever

    password = os.environ.get(args.password_env, "") if args.password_env else DEFAULT_PASSWORD
    host, port = args.listen
    sim = ReaderSimulator(
        args.name, host=host, port=port, user=args.user, password=password or DEFAULT_PASSWORD,
        rate=args.rate, events=args.events, profile=args.profile, doors=args.doors,
        clock_offset=args.clock_offset, json_errors=not args.plain_errors,
        lockout_seconds=args.lockout_seconds,
    ).start()
    try:
        announce({"kind": "reader", "name": args.name, "url": sim.url, "user": args.user},
                 args.json)
        serve_forever(threading.Event())
    finally:
        sim.stop()
    return 0


def start_demo_readers(env: Any) -> None:
    """Demo starter: two simulated readers, wired into ``env.settings`` and ``env.secrets``.

    Only the simulators start here; the Monitor page decides when to start monitoring
    (``app.access.monitor.start_monitoring``).
    """
    for name, offset in DEMO_READERS:
        password = f"demo-{name.lower().replace(' ', '-')}-pw"
        sim = ReaderSimulator(name, password=password, rate=0.5, clock_offset=offset,
                              doors=2 if name == "Lobby" else 1).start()
        env.runtime.add_cleanup(sim.stop)
        env.simulators[f"reader:{name}"] = sim
        env.endpoints[f"reader:{name}"] = sim.url
        env.settings.readers.append(ReaderConfig(name=name, url=sim.url, user=DEFAULT_USER))
        env.secrets.set(f"reader:{name}", password)
