"""Self-test checks that need the window."""

from __future__ import annotations

from app.domain.events import ConnectionState, DeviceStateChanged
from app.selftest import Check, SelfTestContext
from ui.pages import PAGES


def _pages(ctx: SelfTestContext) -> str:
    window = ctx.window
    for key, _title, _spec in PAGES:
        window.show_page(key)
    return f"{len(PAGES)} pages open"


def _bridge(ctx: SelfTestContext) -> str:
    from ui.selftest import process_events_for

    window = ctx.window
    ctx.services.runtime.bus.publish(
        DeviceStateChanged("self-test", kind="test", state=ConnectionState.CONNECTED)
    )
    for _ in range(50):
        process_events_for(0.02)
        if window.status.states.get("self-test") == ConnectionState.CONNECTED:
            return "bus event reached the status bar"
    raise AssertionError("bus event did not reach the status bar")


CHECKS = [Check("window pages", _pages), Check("event bridge", _bridge)]
