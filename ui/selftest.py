"""``keydesk self-test``: the app offscreen on its simulators, every check, a screenshot.

Checks come from ``app.selftest.checks`` (headless) and :data:`UI_CHECKS` (they need the
window; their modules import this one only inside functions).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop

from app.selftest import Check, SelfTestContext, run_checks
from ui import monitor_checks, selftest_checks

UI_CHECKS: list[Check] = [
    *selftest_checks.CHECKS,
    *monitor_checks.CHECKS,
]


def process_events_for(seconds: float) -> None:
    """Let queued signals reach the window (used by checks that wait on the bridge)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def run_self_test(screenshot: str | None, as_json: bool = False) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.output import emit
    from app.selftest.checks import CHECKS
    from ui.application import KeyDeskSession, ensure_qapp

    ensure_qapp(offscreen=True)
    session = KeyDeskSession(demo=True)
    failed = 0
    try:
        assert session.demo is not None
        # The demo has operator accounts: the checks run as its admin, who may do anything.
        from app.operators import demo as operators_demo

        operators_demo.sign_in(session.services.operators, "admin")
        session.window.resize(1200, 780)
        session.window.show()
        process_events_for(0.2)
        ctx = SelfTestContext(demo=session.demo, services=session.services, window=session.window)
        results = run_checks([*CHECKS, *UI_CHECKS], ctx)
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
