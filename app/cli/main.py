"""Argument parsing and dispatch for the headless commands.

Commands are listed explicitly in :data:`COMMAND_MODULES` (no import-time discovery, so
frozen builds see every command). Each module has ``register(subparsers)`` which adds
its parser and sets ``func`` to a handler ``(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from app import __version__

# One line per command module; each later feature adds its own.
COMMAND_MODULES: list[str] = [
    "app.cli.sim_cmd",
    "app.cli.explain_cmd",
    "app.cli.cloud_cmd",
    "app.cli.monitor_cmd",
    "app.cli.readers_cmd",
    "app.cli.card_cmd",
    "app.cli.operators_cmd",
    "app.cli.audit_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keydesk",
        description="KeyDesk: card encoding, lock commissioning, lock-cloud keys and live "
        "access monitoring for hotel and apartment front desks.",
    )
    parser.add_argument("--version", action="version", version=f"KeyDesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    args = parser.parse_args(argv)
    from app import logsetup

    logsetup.configure(logging.DEBUG if args.verbose else logging.INFO, console=args.verbose)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
