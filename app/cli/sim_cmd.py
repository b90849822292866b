"""``keydesk sim KIND``: run one simulator in the foreground until interrupted.

Each simulator's command face (``<feature>/sim/cli.py``) has ``register(subparsers)``,
listed in :data:`SIMULATORS`; its handler starts the server, calls
:func:`app.serving.announce` with the URL to use, then :func:`app.serving.serve_forever`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.access.sim import cli as reader_sim
from app.cloud.sim import cli as cloud_sim
from app.devices.encoder.sim import cli as encoder_sim
from app.devices.locks.sim import cli as lock_sim

SubParsers = argparse._SubParsersAction

SIMULATORS: list[Callable[[SubParsers], None]] = [
    cloud_sim.register,
    reader_sim.register,
    encoder_sim.register,
    lock_sim.register,
]


def register(sub: SubParsers) -> None:
    parser = sub.add_parser(
        "sim",
        help="run a device or service simulator (encoder, cloud, reader, lock)",
        description="Run a simulator that speaks the real wire protocol on loopback.",
    )
    sims = parser.add_subparsers(dest="sim", metavar="KIND")
    for add in SIMULATORS:
        add(sims)
    for sim in sims.choices.values():
        sim.set_defaults(func=_listening(sim.get_default("func")))
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)


def _listening(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A simulator that cannot bind its address (in use, not this machine's) is a usage
    error naming the address, not a traceback."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except OSError as exc:
            from app.inputs import InputError, shown

            where = getattr(args, "listen", None)
            value = f"{where[0]}:{where[1]}" if isinstance(where, tuple) else "-"
            raise InputError("listen_failed", value=shown(value),
                             reason=exc.strerror or type(exc).__name__) from None

    return guarded
