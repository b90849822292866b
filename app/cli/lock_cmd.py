"""``keydesk lock ...``: Bluetooth lock commissioning, headless.

    keydesk lock scan --sim 127.0.0.1:PORT --json
    keydesk lock commission --room 001-01-0101 --json     (KEYDESK_LOCK_SIM=HOST:PORT)
    keydesk lock plan import --csv site.csv
    keydesk lock plan status --json
    keydesk lock report --out reports/ [--previous old.csv]

The radio is this PC's Bluetooth, or a ``keydesk sim lock`` site with ``--sim`` (or
``KEYDESK_LOCK_SIM``, or the ``lock_sim_address`` setting). Rooms come from the site plan
and, when configured, the lock cloud's room directory (``--demo-account`` for the
simulated cloud). With ``--json`` every result is one JSON line; a failed door, or any
failure, gives a non-zero exit status with the catalog code and its explanation.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli import argtypes
from app.cli.output import emit, fail, json_line
from app.cli.words import say
from app.domain.errors import KeyDeskError

DOOR_ACTIONS = {
    "info": "read what the lock is (model, hardware, firmware, battery)",
    "commission": "commission the door: initialise, tie to its room, set the clock, "
                  "prove it opens, find the opening in its log",
    "open": "prove the door opens (Bluetooth unlock or the cloud's key), then read its log",
    "clock": "set the lock's clock from the site's local time and read it back",
    "log": "read the lock's own log",
    "reset": "factory reset the lock (back to setting mode); KeyDesk forgets its secrets",
}


def register(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="JSON lines on stdout")
    common.add_argument("--sim", type=argtypes.host_port,
                        help="HOST:PORT of keydesk sim lock (default: "
                        "KEYDESK_LOCK_SIM, the setting, else this PC's Bluetooth)")
    common.add_argument("--demo-account", action="store_true",
                        help="rooms and cloud keys from the simulated cloud's demo account")
    common.add_argument("--url", type=argtypes.web_address,
                        help="lock-cloud base URL (overrides Settings)")
    common.add_argument("--no-cloud", action="store_true", help="do not ask the lock cloud")
    common.add_argument("--technician", help="your name (report and lock logs)")
    common.add_argument("--plan", type=Path, help="site plan file (default: the data folder)")
    common.add_argument("--seconds", type=argtypes.seconds(0.5, 300), default=4.0,
                        help="how long to scan (0.5 to 300 seconds)")
    common.add_argument("--timeout", type=argtypes.seconds(0.5, 120), default=None,
                        help="seconds to wait for each reply (default: the profile's)")

    p = sub.add_parser("lock", help="commission Bluetooth locks (scan, commission, report)",
                       description="Bluetooth lock commissioning at the door.")
    cmds = p.add_subparsers(dest="lock_cmd", metavar="ACTION")
    p.set_defaults(func=lambda _a: p.print_help() or 2)

    def add(name: str, help_: str, run: Callable[..., int]) -> argparse.ArgumentParser:
        sp = cmds.add_parser(name, help=help_, description=help_, parents=[common])
        sp.set_defaults(func=lambda args: _execute(args, run))
        return sp

    add("scan", "list the locks that advertise, strongest first, with family, battery, room",
        _scan)
    for action, help_ in DOOR_ACTIONS.items():
        sp = add(action, help_, _door)
        target = sp.add_mutually_exclusive_group(required=True)
        target.add_argument("--room", help="BUILDING-FLOOR-ROOM, e.g. 001-01-0101")
        target.add_argument("--mac", help="the lock's MAC")
        target.add_argument("--next", action="store_true", help="the plan's next door")
        sp.set_defaults(action=action)
        if action == "reset":
            sp.add_argument("--yes", action="store_true",
                            help="confirm: the lock loses its admin and every key")

    plan = cmds.add_parser("plan", help="the site plan: import doors, see progress")
    pcmds = plan.add_subparsers(dest="plan_cmd", metavar="ACTION")
    plan.set_defaults(func=lambda _a: plan.print_help() or 2)
    sp = pcmds.add_parser("import", help="add doors from a CSV (room,mac) or the cloud",
                          parents=[common])
    source = sp.add_mutually_exclusive_group(required=True)
    source.add_argument("--csv", type=Path, help="a CSV file with columns room,mac")
    source.add_argument("--cloud", action="store_true", help="the lock cloud's room directory")
    sp.set_defaults(func=lambda args: _execute(args, _plan_import))
    sp = pcmds.add_parser("status", help="how far the plan is; every door with --all",
                          parents=[common])
    sp.add_argument("--filter", choices=["todo", "done", "failed", "revisit"],
                    help="only doors with this status")
    sp.add_argument("--all", action="store_true", help="list the doors too")
    sp.set_defaults(func=lambda args: _execute(args, _plan_status))

    sp = add("report", "write the site report (HTML and CSV) from the plan", _report)
    sp.add_argument("--out", type=Path, default=Path("."), help="folder for the report")
    sp.add_argument("--previous", type=Path, help="an earlier visit's CSV to compare with")
    sp.add_argument("--site", default="", help="site name for the heading")
    sp.add_argument("--lang", type=argtypes.language,
                    help="en, pt-BR or zh-CN (default: the UI language)")


# -- composition -----------------------------------------------------------------------

def _execute(args: argparse.Namespace, run: Callable[..., int]) -> int:
    """Build the desk (the window's DeskServices), tune its lock service to the options,
    run the action."""
    from dataclasses import replace

    from app.cli.cloud_cmd import credentials
    from app.cli.desk import command_desk
    from app.cli.settings_notice import load_settings
    from app.devices.locks.radio import Radio

    try:
        settings = load_settings()
        creds = None if args.no_cloud else credentials(
            argparse.Namespace(demo_account=args.demo_account, url=args.url), settings)
        with command_desk(settings, who=args.technician,
                          cloud_credentials=(lambda: creds) if creds else None) as services:
            service = services.start_locks(args.plan)
            sim = args.sim or os.environ.get("KEYDESK_LOCK_SIM") or settings.lock_sim_address
            service.radio = Radio(sim or "")
            cfg = service.config
            cfg.technician = (args.technician or settings.lock_technician
                              or os.environ.get("USER", "") or "technician")
            cfg.scan_seconds = args.seconds
            if creds is not None and creds.account_sid:
                cfg.timezone = creds.timezone or cfg.timezone
                if creds.community_no.isdigit():
                    cfg.hotel = int(creds.community_no) % (1 << 24) or 1
            if args.no_cloud or creds is None:
                service.directory = service.token = None
            if args.timeout:
                base = cfg.profiles[0].timings
                cfg.timings = replace(base, reply_timeout=args.timeout,
                                      connect_timeout=max(args.timeout, 2.0))
            return int(run(args, service, service.plan) or 0)
    except KeyDeskError as exc:
        return fail(exc, args.json)
    except BrokenPipeError:
        return 0


def _word(kind: str, value: str) -> str:
    """A step's status in the preferred language (itself if unknown)."""
    try:
        return say(f"{kind}_{value}")
    except KeyError:
        return value


def _outcome(value: str) -> str:
    """A door's outcome (done, revisit, failed, cancelled) in the preferred language, as
    the site report and the window say it (itself if unknown)."""
    from app.devices.locks import texts

    try:
        return texts.text(value)
    except KeyError:
        return value


def _step_line(step: Any) -> str:
    """One commissioning step as the technician reads it: the step's name, its result and
    why, in the preferred language (the lock service's note; its raw detail when it has
    none), with the catalog code in brackets."""
    from app.devices.locks import texts

    try:
        name = texts.text(f"step_{step.name}")
    except KeyError:
        name = step.name
    why = texts.note(step.note, **step.args) if step.note else step.detail
    return say("step_line", name=name, status=_word("step", step.status),
               code=f" [{step.code}]" if step.code else "", why=why)


def _wait(future, args: argparse.Namespace, extra: float = 60.0):
    return future.result(timeout=args.seconds + extra)


# -- actions ---------------------------------------------------------------------------

def _scan(args: argparse.Namespace, service, plan) -> int:
    found = _wait(service.scan(args.seconds), args)
    for s in found:
        emit(s.to_dict(), args.json, lambda d: (
            f"{d['rssi']:>4} dBm  {d['mac'] or d['address']:17}  {d['family']:26}  "
            + say("lock_battery", battery=f"{d['battery'] if d['battery'] is not None else '?':>3}")
            + "  " + (say("setting_mode") + "  " if d["setting_mode"] else "")
            + (d["room"] or say("not_in_site_list"))))
    if not found and not args.json:
        emit({}, False, say("no_lock_advertising"))
    return 0


def _door(args: argparse.Namespace, service, plan) -> int:
    room, mac = args.room, args.mac
    if args.action == "reset" and not args.yes:
        emit({"ok": False, "detail": "a factory reset needs --yes"}, args.json,
             say("reset_needs_yes"))
        return 1
    if args.next:
        door = plan.next_door()
        if door is None:
            emit({"ok": True, "detail": "every door of the plan is finished"}, args.json,
                 say("plan_finished"))
            return 0
        room = door.room

    def on_step(result, step) -> None:
        if args.json:
            print(json_line({"room": result.room, "mac": result.mac, **step.to_dict()}),
                  flush=True)
        else:
            print(_step_line(step), flush=True)

    result = _wait(service.run(args.action, room=room, mac=mac, on_step=on_step), args,
                   extra=180.0)
    summary = {"ok": result.outcome in ("done", "revisit"), **result.to_dict()}
    summary.pop("steps")
    emit(summary, args.json, lambda s: (
        f"{s['room'] or s['mac']}: {_outcome(s['outcome'])}"
        + (f" ({s['reason']})" if s["reason"] else "")
        + ("\n" + say("lock_state", state=s["lock_state"]) if s["outcome"] != "done"
           else "")))
    if result.outcome == "failed" and result.reason:
        step = next((st for st in result.steps if st.status == "failed"), None)
        err = KeyDeskError("lock", result.reason, step.detail if step else "",
                           state=result.lock_state)
        return fail(err, args.json)
    if args.action == "commission" and not args.json:
        s = plan.summary()
        nxt = plan.next_door()
        emit({}, False, say("doors_done", finished=s.finished, total=s.total)
             + (say("next_door", room=nxt.room) if nxt else ""))
    return 0 if result.outcome in ("done", "revisit") else 1


def _plan_import(args: argparse.Namespace, service, plan) -> int:
    from app.devices.locks.errors import lock_error
    from app.devices.locks.plan import parse_csv

    if args.csv:
        service.authorise("plan.import", target=args.csv.name)
        try:
            text = args.csv.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise lock_error("plan-file", f"{args.csv}: {exc}") from None
        count = plan.import_doors(parse_csv(text, source=args.csv.name))
        service.record("plan.import", detail={"source": args.csv.name, "doors": count})
    else:
        count = _wait(service.import_directory(), args)
    s = plan.summary()
    emit({"ok": True, "imported": count, **s.to_dict()}, args.json,
         say("doors_imported", count=count, total=s.total))
    return 0


def _plan_status(args: argparse.Namespace, service, plan) -> int:
    from app.devices.locks import texts  # the site report's summary line, said alike

    s = plan.summary()
    nxt = plan.next_door()
    info: dict[str, Any] = {"ok": True, **s.to_dict(), "next": nxt.room if nxt else None}
    emit(info, args.json, lambda i: (
        texts.text("summary", finished=i["finished"], total=i["total"], done=i["done"],
                   failed=i["failed"], revisit=i["revisit"], todo=i["todo"])
        + (say("next_door", room=i["next"]) if i["next"] else "")))
    if args.all or args.filter:
        for door in plan.iter_doors(args.filter):
            emit(door.to_dict(), args.json, lambda d: (
                f"  {d['room']:14} {d['mac']}  {d['status']:8} {d['reason']}"))
    return 0


def _report(args: argparse.Namespace, service, plan) -> int:
    from app.devices.locks.report import write_report

    service.authorise("report", target=str(args.out))
    info = write_report(plan, args.out, site=args.site,
                        technician=service.config.technician, previous=args.previous,
                        lang=args.lang)
    service.record("report", detail={"csv": info["csv"], "html": info["html"],
                                     "changes": len(info["changes"])})
    emit({"ok": True, **info}, args.json, lambda i: (
        say("report_written", html=i["html"], csv=i["csv"])
        + "".join("\n" + say("report_change", room=c["room"], kind=c["kind"], old=c["old"],
                              new=c["new"]) for c in i["changes"])))
    return 0
