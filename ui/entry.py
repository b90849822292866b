"""The ``keydesk`` command: headless commands from ``app.cli`` plus the window commands.

Qt is imported only when a window command runs, so ``keydesk explain`` and friends start
fast and work on machines without a display. And a command line asking only for the
window (``keydesk``, ``keydesk window``, ``keydesk demo``, with ``--lang`` or ``-v``)
builds no headless command's parser: their modules, and the simulators, asyncio, TLS
and the help texts they bring, are not what a person double-clicking KeyDesk waits for.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from app import paths
from app.cli import build_parser
from app.cli.main import run

log = logging.getLogger(__name__)


def _window(args: argparse.Namespace) -> int:
    import ui
    from ui.platform_check import window_problem

    ui.prepare_start()  # first of all (ui.prepare_start says why)

    problem = window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from ui.application import run_window

    try:
        return run_window(demo=bool(getattr(args, "demo", False)),
                          language=getattr(args, "ui_lang", None))
    except Exception as exc:  # every thread is already stopped (KeyDeskSession)
        log.exception("the window could not start")
        print(startup_failure(exc), file=sys.stderr, flush=True)
        return 1


def startup_failure(exc: BaseException) -> str:
    """What a person reads when the window cannot start: the reason, where the details
    are, what to do — never a traceback."""
    from PySide6.QtCore import QCoreApplication

    text = QCoreApplication.translate(
        "entry",
        "KeyDesk could not start: {reason}. The details are in the log in {folder}. "
        "Start it again; if this happens again, send that log to support.",
    )
    return text.format(reason=f"{type(exc).__name__}: {exc}", folder=paths.log_dir())


def _self_test(args: argparse.Namespace) -> int:
    from ui.selftest import run_self_test

    return run_self_test(args.screenshot, as_json=args.json)


WINDOW_COMMANDS = ("window", "demo")
# The global options (app.cli.main.build_parser): the ones that take a value, and the rest.
OPTIONS_WITH_VALUE = ("--lang",)
OPTIONS_ALONE = ("-v", "--verbose")


def asks_only_for_the_window(words: Sequence[str]) -> bool:
    """``words`` are global options and at most a window command after them — no headless
    command, no help, nothing unknown: the window's parser answers them as the full one
    would. Anything else (a command, ``--help``, ``--version``, an abbreviated or wrong
    option, anything after the window command) goes to the full parser."""
    i = 0
    while i < len(words):
        word = words[i]
        if word in OPTIONS_WITH_VALUE:
            if i + 1 == len(words):
                return False  # its value missing: the full parser says so
            i += 2
        elif word in OPTIONS_ALONE or word.startswith(tuple(f"{o}=" for o in
                                                           OPTIONS_WITH_VALUE)):
            i += 1
        else:
            return word in WINDOW_COMMANDS and i == len(words) - 1
    return True


def build_full_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """Every command, the window's included; ``commands=False``: the window's only."""
    parser = build_parser(commands=commands)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    demo = sub.add_parser(
        "demo",
        help="open the window on the built-in simulators (training, first start)",
        description="Start every simulator on loopback and open the window connected to them. "
        "Nothing is saved to your real settings.",
    )
    demo.set_defaults(func=_window, demo=True)
    window = sub.add_parser("window", help="open the window (the default with no command)")
    window.set_defaults(func=_window, demo=False)
    st = sub.add_parser(
        "self-test",
        help="run every end-to-end check offscreen on the simulators",
        description="Start the app offscreen on its simulators, run every check, print one "
        "line per check and a summary. Exit status 0 only when all pass.",
    )
    st.add_argument("--screenshot", metavar="PATH", help="write a PNG of the main window")
    st.add_argument("--json", action="store_true", help="JSON lines instead of text")
    st.set_defaults(func=_self_test)
    parser.set_defaults(func=_window, demo=False)
    return parser


def opens_the_window(args: argparse.Namespace) -> bool:
    """The window opens its log file after its first paint (``KeyDeskSession.start_desk``)."""
    return getattr(args, "func", None) is _window


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_full_parser(commands=not asks_only_for_the_window(words))
    return run(parser, words, log_file_later=opens_the_window)


if __name__ == "__main__":
    sys.exit(main())
