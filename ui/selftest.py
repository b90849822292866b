"""``keydesk self-test``: the app offscreen on its simulators, every check, a screenshot.

Checks come from ``app.selftest`` (headless) and :data:`UI_CHECK_MODULES` (need the
window); each module exposes ``CHECKS``.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from app.selftest import Check, SelfTestContext, core_checks, run_checks

UI_CHECK_MODULES: list[str] = [
    "ui.selftest_checks",
    "ui.monitor_checks",
]


def process_events_for(seconds: float) -> None:
    """Let queued signals reach the window (used by checks that wait on the bridge)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def ui_checks() -> list[Check]:
    checks: list[Check] = []
    for name in UI_CHECK_MODULES:
        checks.extend(importlib.import_module(name).CHECKS)
    return checks


def run_self_test(screenshot: str | None, as_json: bool = False) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.cli.output import emit
    from ui.application import KeyDeskSession, ensure_qapp

    ensure_qapp(offscreen=True)
    session = KeyDeskSession(demo=True)
    failed = 0
    try:
        assert session.demo is not None
        session.window.resize(1200, 780)
        session.window.show()
        process_events_for(0.2)
        ctx = SelfTestContext(demo=session.demo, window=session.window)
        results = run_checks([*core_checks(), *ui_checks()], ctx)
        for r in results:
            emit(
                {"check": r.name, "ok": r.ok, "detail": r.detail, "seconds": round(r.seconds, 3)},
                as_json,
                f"{'PASS' if r.ok else 'FAIL'}  {r.name}: {r.detail}",
            )
        failed = sum(not r.ok for r in results)
        if screenshot:
            session.window.show_page("front_desk")
            process_events_for(0.2)
            path = Path(screenshot)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not session.window.grab().save(str(path), "PNG"):
                emit({"check": "screenshot", "ok": False}, as_json, f"FAIL  screenshot {path}")
                failed += 1
        summary = f"{len(results) - failed} passed, {failed} failed"
        emit({"summary": summary, "ok": failed == 0}, as_json, summary)
    finally:
        if not session.close():
            print("FAIL  shutdown: threads still running", file=sys.stderr)
            failed += 1
    return 0 if failed == 0 else 1
