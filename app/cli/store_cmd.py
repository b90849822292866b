"""``keydesk store check``: a full integrity check of the event database.
``keydesk store test``: can this desk use the site store (PostgreSQL) it is set to?
``keydesk store watch``: every event the desk's store announces, as it is stored.

``check`` exits 0 when the file is sound, 1 when it is damaged (KeyDesk then keeps it
untouched and starts a fresh one at its next start) or could not be checked. ``watch``
shows what the store shows the Monitor: on the site store (``KEYDESK_STORE_URL`` or
Settings → Store), the events of every desk of the site, live; with ``--readers`` this
desk also streams the readers of its settings into the store, as the window does.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli import argtypes
from app.cli.output import emit, state_line
from app.cli.words import say
from app.i18n import LANGUAGES

EXIT_DAMAGED = 1


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("store", help="the event store: check, test, watch",
                       description="Work with the event store: the event database "
                       "(events.sqlite3) or the site store.")
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
    test = actions.add_parser(
        "test", help="test the site store (PostgreSQL) this desk is set to use",
        description="Connect to the site store (--url, else KEYDESK_STORE_URL, else "
        "Settings → Store) with the password in the keyring, and say what it holds. "
        "Nothing is written. Exits 1 when it cannot be used.")
    test.add_argument("--url", help="the address to test (postgresql://user@host/db)")
    test.add_argument("--lang", type=argtypes.language, choices=LANGUAGES,
                      help="language of the message (en, pt-BR, zh-CN, any case)")
    test.add_argument("--json", action="store_true", help="one JSON line")
    test.set_defaults(func=_test)
    watch = actions.add_parser(
        "watch", help="print every event the store announces, live",
        description="Print each event as the store announces it (on the site store: the "
        "events of every desk), one line each, and the store's state on stderr.")
    watch.add_argument("--readers", action="store_true",
                       help="also stream this desk's readers (Settings) into the store")
    watch.add_argument("--duration", type=argtypes.seconds(0, 10**9 - 1), metavar="S",
                       help="stop after S seconds")
    watch.add_argument("--json", action="store_true", help="one JSON line per event")
    watch.set_defaults(func=_watch)


def _check(args: argparse.Namespace) -> int:
    from app.store import integrity, messages
    from app.store.events import default_path

    path: Path = args.path or default_path()
    if not path.exists() and args.path is None:
        # A desk that has kept no event yet: its database is made with the first one.
        message = say("store_no_events", args.lang, path=path)
        emit({"ok": True, "path": str(path), "problems": [], "error": None,
              "events": 0, "message": message}, args.json, message)
        return 0
    if not path.exists():  # a file named with --path that is not there
        missing = say("no_such_file", args.lang)
        message = messages.text("check_failed", args.lang, error=f"{path}: {missing}")
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


def _test(args: argparse.Namespace) -> int:
    from app.i18n import preferred_language, set_preferred_language

    before = preferred_language()
    if args.lang:  # the failure's explanation too speaks the language asked for
        set_preferred_language(args.lang)
    try:
        return _test_site(args)
    finally:
        set_preferred_language(before)


def _test_site(args: argparse.Namespace) -> int:
    from app.cli.output import fail
    from app.cli.settings_notice import load_settings
    from app.domain.errors import KeyDeskError
    from app.settings import SecretStore
    from app.store import messages
    from app.store.backend import StoreUrlError, store_password, store_url
    from app.store.postgres.probe import DOMAIN, check_site, describe

    try:
        url = (args.url or "").strip() or store_url(load_settings())
    except StoreUrlError as exc:
        return fail(KeyDeskError(DOMAIN, "bad_url", str(exc)), args.json)
    if not url:
        message = messages.text("site_test_none", args.lang)
        emit({"ok": True, "url": "", "message": message}, args.json, message)
        return 0
    try:
        check = check_site(url, store_password(SecretStore()))
    except KeyDeskError as exc:
        return fail(exc, args.json)
    message = describe(check, args.lang)
    emit({"ok": True, "url": check.where, "server": check.server, "schema": check.schema,
          "events": check.events, "audit_rows": check.audit_rows, "message": message},
         args.json, message)
    return 0


def stored_line(event: Any) -> dict[str, Any]:
    """What ``watch --json`` prints for one stored event."""
    return {"id": event.id, "time": event.time, "device": event.device, "kind": event.kind,
            "code": event.code, "card": event.card, "user": event.user,
            "granted": event.granted, "dedupe_key": event.dedupe_key,
            "payload": event.payload}


def _watch(args: argparse.Namespace) -> int:
    import signal
    import sys
    import threading
    import time

    from app.cli.desk import command_desk
    from app.domain.events import DeviceStateChanged
    from app.domain.stored import KeptEvents, KeptEventsSent, StoredEvents

    done = threading.Event()
    lock = threading.Lock()

    def told(event: Any) -> None:
        with lock:
            if isinstance(event, StoredEvents):
                for row in event.events:
                    line = stored_line(row)
                    emit(line, args.json, lambda d: f"{d['id']} {d['time']} {d['device']} "
                         f"{d['code']} {d['card'] or ''}".rstrip())
            elif isinstance(event, DeviceStateChanged) and event.source == "store":
                print(state_line(event), file=sys.stderr, flush=True)
            elif isinstance(event, KeptEvents):  # the site store is away (stdout: stored only)
                for kept in event.events:
                    row = kept.event
                    print(f"[{row.time} {row.device} {row.code} {row.card or ''}".rstrip()
                          + f": {say('kept_on_desk')}]", file=sys.stderr, flush=True)
            elif isinstance(event, KeptEventsSent):
                print(f"[store: {say('kept_sent', count=len(event.origins))}]",
                      file=sys.stderr, flush=True)

    previous = signal.signal(signal.SIGTERM, lambda *_: done.set())
    try:
        with command_desk(sign=False) as services:
            bus = services.runtime.bus
            bus.subscribe(told, StoredEvents, DeviceStateChanged, KeptEvents, KeptEventsSent)
            if args.readers:
                services.start_readers()
            ends = None if args.duration is None else time.monotonic() + args.duration
            try:
                # Short waits: Ctrl+C is noticed between them, whatever the platform.
                while not done.wait(0.2) and (ends is None or time.monotonic() < ends):
                    pass
            except KeyboardInterrupt:
                pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0

