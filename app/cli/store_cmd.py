"""``keydesk store check``: a full integrity check of the event database.

Exits 0 when the file is sound, 1 when it is damaged (KeyDesk then keeps it untouched and
starts a fresh one at its next start) or could not be checked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import argtypes
from app.cli.output import emit
from app.i18n import LANGUAGES

EXIT_DAMAGED = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("store", help="check the event database",
                       description="Work with the event database (events.sqlite3).")
    actions = p.add_subparsers(dest="store_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="full integrity check of the event database",
        description="Run SQLite's full integrity_check on the event database. A damaged "
        "file is kept untouched; the next start of KeyDesk sets it aside and continues in "
        "a fresh file. Exits 1 when damaged or when the check could not run.")
    check.add_argument("--path", type=Path, help="database file (default: the desk's own)")
    check.add_argument("--lang", type=argtypes.language, choices=LANGUAGES,
                       help="language of the message (en, pt-BR, zh-CN, any case)")
    check.add_argument("--json", action="store_true", help="one JSON line")
    check.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    from app.store import integrity, messages
    from app.store.events import default_path

    path: Path = args.path or default_path()
    if not path.exists():
        message = messages.text("check_failed", args.lang, error=f"{path}: no such file")
        emit({"ok": False, "path": str(path), "problems": [], "error": "missing",
              "message": message}, args.json, message)
        return EXIT_DAMAGED
    result = integrity.check(path, full=True)
    if result.problems:
        integrity.mark_damaged(result)
        message = messages.text("check_damaged", args.lang, problems=len(result.problems),
                                first=result.problems[0])
    elif result.error:
        message = messages.text("check_failed", args.lang, error=result.error)
    else:
        message = messages.text("check_sound", args.lang, path=path)
    emit({"ok": result.sound, "path": str(path), "problems": list(result.problems),
          "error": result.error, "message": message}, args.json, message)
    return 0 if result.sound else EXIT_DAMAGED
