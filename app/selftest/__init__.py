"""``keydesk self-test``: end-to-end checks run against the demo simulators.

Each feature's check module exposes ``CHECKS``, a list of :class:`Check`, and adds it to
:data:`app.selftest.checks.CHECKS` (kept there so that check modules can import
:class:`Check` from here). The window adds its own checks (``ui.selftest``) to the same run.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.demo import DemoEnvironment
from app.services import DeskServices


@dataclass
class SelfTestContext:
    demo: DemoEnvironment  # the simulators
    services: DeskServices  # the same desk the window uses
    window: Any = None  # the main window when run from the UI (opaque here)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[SelfTestContext], str]  # returns a one-line detail; raises on failure
    timeout: float = 30.0


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def run_checks(checks: Iterable[Check], ctx: SelfTestContext) -> list[CheckResult]:
    results = []
    for check in checks:
        start = time.monotonic()
        try:
            detail = check.run(ctx)
            ok = True
        except Exception as exc:
            ok = False
            detail = f"{type(exc).__name__}: {exc}"
            tb = traceback.format_exc(limit=3)
            ctx.extra.setdefault("tracebacks", {})[check.name] = tb
        results.append(CheckResult(check.name, ok, detail, time.monotonic() - start))
    return results
