"""``keydesk audit verify|list|export|key``: check, read and export the audit trail.

``verify`` walks the whole HMAC chain and names the first broken link (exit 1 with the
row and what happened to it); ``list`` shows rows newest first; ``export`` writes CSV;
``key`` carries the site's chain key between desks (``app/cli/audit_key_cmd.py``).
Viewing and verifying need ``audit.view`` (manager), exporting needs ``export``; on a desk
with operator accounts the command signs in first (``app/cli/signin.py``).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from app.cli import argtypes, audit_key_cmd
from app.cli.output import emit, explain_error, fail, json_line
from app.cli.words import say
from app.domain.errors import KeyDeskError

EXIT_USAGE = 2


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="verify, list or export the audit trail",
                            description="The tamper-evident audit trail of every desk action.")
    cmds = parser.add_subparsers(dest="audit_cmd", metavar="ACTION")
    parser.set_defaults(func=lambda _a: parser.print_help() or EXIT_USAGE)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--operator", help="only this operator's rows")
    filters.add_argument("--room", help="only rows about this room")
    filters.add_argument("--action", help="only actions starting so (card., cloud.unlock)")
    filters.add_argument("--result", choices=["ok", "refused", "error", "cancelled"])
    filters.add_argument("--since", type=argtypes.moment,
                         help="from this time (ISO, PC time unless it has a zone)")
    filters.add_argument("--until", type=argtypes.moment, help="before this time (ISO)")
    filters.add_argument("--json", action="store_true", help="JSON lines on stdout")

    p = cmds.add_parser("verify", help="check every row's seal; name the first broken link")
    p.add_argument("--json", action="store_true", help="one JSON line")
    p.set_defaults(func=_verify)
    p = cmds.add_parser("list", parents=[filters], help="show rows, newest first")
    p.add_argument("--limit", type=argtypes.whole(1, 1_000_000), default=50)
    p.set_defaults(func=_list)
    p = cmds.add_parser("export", parents=[filters], help="write rows to a CSV file")
    p.add_argument("out", type=argtypes.output_file, help="the CSV file to write")
    p.set_defaults(func=_export)
    audit_key_cmd.register(cmds)


def usage(message: str, as_json: bool) -> int:
    from app.cli.main import usage_error

    return usage_error("keydesk audit", message, as_json)


def _when(when: datetime | None, option: str) -> datetime | None:
    if when is None:
        return None
    return when.astimezone() if when.tzinfo is None else when  # PC time, as typed


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"who": args.operator, "room": args.room, "what": args.action,
            "result": args.result, "since": _when(args.since, "--since"),
            "until": _when(args.until, "--until")}


def _run(args: argparse.Namespace, body: Any) -> int:
    from app.cli.desk import command_desk

    try:
        filters = _filters(args) if hasattr(args, "operator") else {}
    except ValueError as exc:
        return usage(str(exc), args.json)
    try:
        with command_desk() as desk:
            return int(body(desk, filters))
    except KeyDeskError as exc:
        return fail(exc, args.json)
    except OSError as exc:  # the export's folder missing, read-only, full disk
        return usage(say("cannot_write", path=getattr(args, "out", ""),
                         reason=exc.strerror or exc), args.json)


def _verify(args: argparse.Namespace) -> int:
    def body(desk: Any, _filters: dict[str, Any]) -> int:
        desk.operators.require("audit.view", what="audit.verify")
        rows = len(desk.audit.query(limit=1))  # before this check records itself
        verdict = desk.audit.verify()
        desk.audit.record("audit.verify", result="ok" if verdict.ok or not rows else
                          f"error audit {verdict.problem}", detail=verdict.to_dict())
        path = str(desk.audit.path)
        if not rows:  # a fresh desk: nothing is broken, there is nothing yet
            key = desk.audit.key is not None
            emit({"ok": True, "rows": 0, "file": path, "chain_key": key}, args.json,
                 say("audit_empty", path=path) if key else say("audit_no_key_empty"))
            return 0
        if verdict.ok:
            emit({"ok": True, "rows": verdict.checked, "file": path}, args.json,
                 say("audit_intact", rows=verdict.checked, path=path))
            return 0
        if desk.audit.key is None:  # rows, but nothing on this desk to check them with
            err = KeyDeskError("audit", "no_key", "", retryable=False)  # said by head
            head = say("audit_no_key")
        else:
            err = KeyDeskError("audit", verdict.problem or "", verdict.detail,
                               retryable=False)
            head = say("audit_broken", row=verdict.row)
        if args.json:
            print(json_line({**explain_error(err), **verdict.to_dict(), "problem": err.code,
                             "file": path}), flush=True)
            return 1
        if verdict.row is not None or desk.audit.key is None:  # another key: no row to name
            print(head, file=sys.stderr)
        return fail(err, False)

    return _run(args, body)


def _row_text(e: dict[str, Any]) -> str:
    who = f"{e['who']} ({e['role']})" if e["role"] else e["who"]
    room = " " + say("audit_room", room=e["room"]) if e["room"] else ""
    return f"{e['id']:>6}  {e['at'][:19]}Z  {who}  {e['what']} {e['target']}{room}  {e['result']}"


def _list(args: argparse.Namespace) -> int:
    def body(desk: Any, filters: dict[str, Any]) -> int:
        desk.operators.require("audit.view", what="audit.list")
        rows = desk.audit.query(limit=max(1, args.limit), **filters)
        for entry in rows:
            emit(entry.to_dict(), args.json, _row_text)
        if not rows and not args.json:
            emit({}, False, say("audit_none_match"))
        return 0

    return _run(args, body)


def _export(args: argparse.Namespace) -> int:
    def body(desk: Any, filters: dict[str, Any]) -> int:
        shown = {k: v for k, v in filters.items() if v is not None}
        desk.operators.require("export", what="audit.export", target=args.out.name,
                             detail={k: str(v) for k, v in shown.items()})
        count = desk.audit.export_csv(args.out, **filters)
        desk.audit.record("audit.export", target=args.out.name,
                          detail={"rows": count, **{k: str(v) for k, v in shown.items()}})
        emit({"ok": True, "rows": count, "file": str(args.out)}, args.json,
             say("audit_written", count=count, path=args.out))
        return 0

    return _run(args, body)
