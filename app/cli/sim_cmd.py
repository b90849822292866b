"""``keydesk sim KIND``: run one simulator in the foreground until interrupted.

Each simulator module listed in :data:`SIM_MODULES` has ``register(subparsers)``; its
handler starts the server, calls :func:`announce` with the URL to use, and then
:func:`serve_forever` (which returns on Ctrl+C or SIGTERM).
"""

from __future__ import annotations

import argparse
import importlib
import signal
import threading
from typing import Any

from app.cli.output import emit

SIM_MODULES: list[str] = [
    "app.cloud.sim.cli",
    "app.access.sim_cli",
    "app.cli.sim_encoder_cmd",
]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "sim",
        help="run a device or service simulator (encoder, cloud, reader)",
        description="Run a simulator that speaks the real wire protocol on loopback.",
    )
    sims = parser.add_subparsers(dest="sim", metavar="KIND")
    for name in SIM_MODULES:
        importlib.import_module(name).register(sims)
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def parse_listen(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (port 0 picks a free one)."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {value!r}")
    return host or "127.0.0.1", int(port)


def announce(info: dict[str, Any], as_json: bool) -> None:
    """Print where the simulator listens (the one JSON line scripts wait for)."""
    emit(info, as_json, lambda i: "listening: " + " ".join(f"{k}={v}" for k, v in i.items()))


def serve_forever(stop: threading.Event | None = None) -> None:
    stop = stop or threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
