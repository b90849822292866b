"""Argument parsing and dispatch for the headless commands.

Commands are listed explicitly in :data:`COMMANDS`: each command module's
``register(subparsers)``, which adds its parser and sets ``func`` to a handler
``(args) -> int``. Plain imports, so a frozen build sees every command.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from app import __version__
from app.cli import (
    audit_cmd,
    card_cmd,
    cloud_cmd,
    explain_cmd,
    lock_cmd,
    monitor_cmd,
    operators_cmd,
    readers_cmd,
    sim_cmd,
    store_cmd,
)
from app.i18n import LANGUAGES, SYSTEM, preferred_language, set_preferred_language

# One line per command module, in help order; each later feature adds its own.
COMMANDS: list[Callable[[sim_cmd.SubParsers], None]] = [
    sim_cmd.register,
    explain_cmd.register,
    cloud_cmd.register,
    monitor_cmd.register,
    readers_cmd.register,
    card_cmd.register,
    lock_cmd.register,
    operators_cmd.register,
    audit_cmd.register,
    store_cmd.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="keydesk",
        description="KeyDesk: card encoding, lock commissioning, lock-cloud keys and live "
        "access monitoring for hotel and apartment front desks.",
    )
    parser.add_argument("--version", action="version", version=f"KeyDesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    parser.add_argument("--lang", dest="ui_lang", choices=[SYSTEM, *LANGUAGES],
                        help="language of what a command prints (default: the language "
                        "setting, which the window uses too)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None) -> int:
    args = parser.parse_args(argv)
    from app import logsetup

    logsetup.configure(logging.DEBUG if args.verbose else logging.INFO, console=args.verbose)
    before = preferred_language()
    if getattr(args, "ui_lang", None):  # wins over the setting (see app.cli.desk)
        set_preferred_language(args.ui_lang)
    try:
        return _dispatch(parser, args)
    finally:  # one command's language never leaks into the next run in this process
        set_preferred_language(before)


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
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
