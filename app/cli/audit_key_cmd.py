"""``keydesk audit key [--reveal]`` and ``keydesk audit key set [--replace]``: the site's
audit chain key, carried from one desk to the next.

Every desk of a site that shares one audit trail must seal with the same key (the
keyring's ``audit.chain_key``). Without these commands the only way to give a second desk
the first one's key was an OS keyring tool. ``key`` shows the key's public fingerprint, so
two desks can be compared without showing the secret; ``--reveal`` (admin) prints the key
itself once, to be typed on the other desks; ``set`` (admin) reads it from the terminal
without echo, or one line from a pipe, never from the command line (which ``ps`` shows).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.audit.chain import key_id
from app.audit.site_key import ChainKeyError
from app.cli.output import emit, fail
from app.cli.words import say
from app.domain.errors import KeyDeskError

EXIT_REFUSED = 1


def register(cmds: argparse._SubParsersAction) -> None:
    key = cmds.add_parser(
        "key", help="show this desk's audit chain key (its fingerprint)",
        description="The audit chain key every desk of a site must share: its fingerprint, "
                    "the key itself (--reveal), or store the site's key here (set).")
    key.add_argument("--reveal", action="store_true",
                     help="also print the key itself (admin), to type on the other desks")
    key.add_argument("--json", action="store_true", help="one JSON line")
    key.set_defaults(func=_show)
    actions = key.add_subparsers(dest="key_cmd", metavar="ACTION")
    put = actions.add_parser("set", help="store the site's key on this desk (typed, or one "
                                         "line from a pipe)")
    put.add_argument("--replace", action="store_true",
                     help="replace a different key whose seals this desk's trail holds")
    put.add_argument("--json", action="store_true", help="one JSON line")
    put.set_defaults(func=_set)


def _source() -> str:
    from app.audit.key_carry import from_env

    return "env" if from_env() else "keyring"


def _usage(message: str, as_json: bool) -> int:
    from app.cli.main import usage_error

    return usage_error("keydesk audit key", message, as_json)


def _show(args: argparse.Namespace) -> int:
    from app.audit import key_carry
    from app.cli.desk import command_desk

    try:
        with command_desk() as desk:
            if not args.reveal:
                desk.operators.require("audit.view", what="audit.key")
                key = desk.audit.key
            else:
                try:
                    key = key_carry.reveal(desk.audit, desk.operators)
                except key_carry.NoChainKey:
                    key = None
            if key is None:
                emit({"ok": False, "chain_key": False}, args.json, say("audit_key_none"))
                return EXIT_REFUSED
            info: dict[str, Any] = {"ok": True, "fingerprint": key_id(key),
                                    "source": _source()}
            heading = say("audit_key_is", fingerprint=info["fingerprint"],
                          source=say(f"audit_key_from_{info['source']}"))
            if not args.reveal:
                emit(info, args.json, heading)
                return 0
    except KeyDeskError as exc:
        return fail(exc, args.json)
    # The one place the key is printed, on purpose: not through emit(), whose redaction
    # would hide it should it be a registered secret (KEYDESK_AUDIT_KEY).
    if args.json:
        print(json.dumps({**info, "key": key.hex()}), flush=True)
    else:
        print(heading, flush=True)
        print(key.hex(), flush=True)
        print(say("audit_key_reveal_note"), file=sys.stderr, flush=True)
    return 0


def _set(args: argparse.Namespace) -> int:
    from app.audit import key_carry
    from app.cli.card_cmd import ask_secret
    from app.cli.desk import command_desk
    from app.settings import SecretStore, SecretStoreUnavailable
    from app.store.audit import AuditLog

    try:
        with command_desk() as desk:
            key_carry.may_store(desk.operators)
            text = ask_secret(say("ask_audit_key"))
            try:
                done = key_carry.store(desk.audit, desk.operators, SecretStore(), text,
                                       replace=args.replace,
                                       local_trail=isinstance(desk.audit, AuditLog))
            except ChainKeyError:
                return _usage(say("audit_key_bad"), args.json)
            except key_carry.OtherKeyHeld as other:
                emit({"ok": False, "error": "other_key", "fingerprint": other.fingerprint,
                      "rows": other.rows}, args.json,
                     say("audit_key_other", mine=other.fingerprint, rows=other.rows))
                return EXIT_REFUSED
            except SecretStoreUnavailable as exc:
                return _usage(str(exc), args.json)
    except KeyDeskError as exc:
        return fail(exc, args.json)
    if not done.changed:
        emit({"ok": True, "fingerprint": done.fingerprint, "changed": False}, args.json,
             say("audit_key_same", fingerprint=done.fingerprint))
        return 0
    emit({"ok": True, "fingerprint": done.fingerprint, "changed": True,
          "replaced": done.replaced}, args.json,
         say("audit_key_stored", fingerprint=done.fingerprint))
    if done.env_wins:
        print(say("audit_key_env_wins"), file=sys.stderr, flush=True)
    return 0
