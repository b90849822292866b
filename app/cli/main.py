"""Argument parsing and dispatch for the headless commands.

Commands are listed explicitly in ``COMMANDS`` (:mod:`app.cli.commands`): each command
module's ``register(subparsers)``, which adds its parser and sets ``func`` to a handler
``(args) -> int``. Plain imports, so a frozen build sees every command. This module
imports none of them, nor what only a failure needs: ``keydesk`` alone (the window)
parses its command line with :func:`build_parser` ``(commands=False)``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from app import __version__
from app.cli.argwords import KeyDeskFormatter, language_asked, speaking
from app.cli.settings_notice import desk_language
from app.domain.errors import KeyDeskError
from app.i18n import SYSTEM, preferred_language, set_preferred_language

log = logging.getLogger(__name__)


class KeyDeskParser(argparse.ArgumentParser):
    """argparse's parser, whose usage errors also reach a script reading only stdout:
    with ``--json`` anywhere on the command line, the error is one JSON line there too.
    It speaks the desk's language (``app.cli.argwords``): ``--lang`` of the command line,
    else the language setting. (Sub-commands' parsers are of this class as well: argparse
    makes them so.)"""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", KeyDeskFormatter)
        super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        words = list(sys.argv[1:] if args is None else args)
        with self._speaking(words):  # "unrecognized arguments" is said here
            return super().parse_args(words, namespace)

    def parse_known_args(self, args=None, namespace=None):
        words = list(sys.argv[1:] if args is None else args)
        if " " in self.prog:  # a sub-command's: the top parser has set things up
            return super().parse_known_args(words, namespace)
        _JSON_WANTED[0] = "--json" in words
        with self._speaking(words):
            return super().parse_known_args(words, namespace)

    @contextmanager
    def _speaking(self, words: list[str]) -> Iterator[None]:
        """The command line's language (``--lang``, else the setting) while it is parsed:
        the help and argparse's errors are written then."""
        before = preferred_language()
        asked = language_asked(words)
        if asked or before == SYSTEM:  # a --lang already given (run) stands
            set_preferred_language(asked or desk_language() or before)
        try:
            with speaking():
                yield
        finally:
            set_preferred_language(before)

    def format_help(self) -> str:
        with self._speaking([]):  # after the parse too (a command group's own help)
            return super().format_help()

    def format_usage(self) -> str:
        with self._speaking([]):
            return super().format_usage()

    def error(self, message: str):
        if _JSON_WANTED[0]:
            from app.cli.output import emit

            emit({"ok": False, "error": "usage", "detail": f"{self.prog}: {message}"}, True)
        super().error(message)


_JSON_WANTED = [False]  # set per parse by the top parser (one command per process)


def _language_or_system(text: str) -> str:
    """``--lang``'s value (the rule of ``app.cli.argtypes``, imported when one is given)."""
    from app.cli.argtypes import language_or_system

    return language_or_system(text)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The ``keydesk`` parser with every headless command; ``commands=False``: its global
    options and an empty command list only (``ui.entry`` adds the window's commands)."""
    parser = KeyDeskParser(
        prog="keydesk",
        description="KeyDesk: card encoding, lock commissioning, lock-cloud keys and live "
        "access monitoring for hotel and apartment front desks.",
    )
    parser.add_argument("--version", action="version", version=f"KeyDesk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr too")
    parser.add_argument("--lang", dest="ui_lang", type=_language_or_system,
                        metavar="LANG",
                        help="language of what a command prints: system, en, pt-BR or zh-CN, "
                        "in any case (default: the language setting, which the window uses too)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if commands:
        from app.cli.commands import COMMANDS

        for add in COMMANDS:
            add(sub)
    return parser


EXIT_USAGE = 2  # a local mistake: a wrong option or value (argparse uses 2 as well)
EXIT_INTERRUPTED = 130  # Ctrl+C


def run(parser: argparse.ArgumentParser, argv: Sequence[str] | None = None, *,
        log_file_later: Callable[[argparse.Namespace], bool] | None = None) -> int:
    """Parse and run one command. Exit status: 0 done, 1 a device, service or KeyDesk
    failure (explained), 2 a usage error (explained), 130 interrupted. Whatever happens,
    the person reads an explanation, never a traceback (that goes to the log).

    ``log_file_later(args)``: the command opens its log file itself, once it can
    (``logsetup.start_rotation``; the window, after its first paint)."""
    args = parser.parse_args(argv)
    from app import logsetup

    later = log_file_later is not None and log_file_later(args)
    logsetup.configure(logging.DEBUG if args.verbose else logging.INFO, console=args.verbose,
                       rotate=not later)
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
        return EXIT_USAGE
    as_json = bool(getattr(args, "json", False))
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # what explains it is imported now, not at every start
        from app.cli.output import fail
        from app.inputs import InputError

        if isinstance(exc, InputError):
            return usage_error(command_prog(parser, args), exc, as_json)
        if isinstance(exc, KeyDeskError):  # the site store's SiteAway too
            return fail(exc, as_json)
        return fail(unexpected(exc), as_json)  # a bug: logged with its traceback, explained


def usage_error(prog: str, exc: Exception | str, as_json: bool) -> int:
    """A usage error as argparse prints its own (stderr, exit 2); with ``--json`` also a
    JSON line on stdout, so a script reading only stdout learns why."""
    from app.cli.output import emit
    from app.cli.words import say

    message = str(exc)
    if as_json:
        emit({"ok": False, "error": "usage", "detail": message}, True)
    print(say("usage_error", prog=prog, message=message), file=sys.stderr, flush=True)
    return EXIT_USAGE


def command_prog(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """``keydesk card issue``: the prog of the (sub)command that ``args`` ran."""
    current = parser
    while True:
        sub = next((a for a in current._actions if isinstance(a, argparse._SubParsersAction)),
                   None)
        name = getattr(args, sub.dest, None) if sub is not None and sub.dest else None
        if sub is None or name not in sub.choices:
            return current.prog
        current = sub.choices[name]


def unexpected(exc: BaseException) -> KeyDeskError:
    log.error("unexpected failure", exc_info=exc)
    from app import paths

    try:
        where = str(paths.log_dir())
    except Exception:
        where = "-"
    return KeyDeskError("desk", "unexpected", f"{type(exc).__name__}; log folder: {where}")


def main(argv: Sequence[str] | None = None) -> int:
    return run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
