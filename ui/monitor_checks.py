"""Self-test checks of the Monitor page: reader events go through the store to the table."""

from __future__ import annotations

import time
from typing import Any

from app.domain.events import DeviceEvent
from app.selftest import Check, SelfTestContext

MARKER_CARD = "5E1F7E58"  # unknown to the simulators: a refused access


def _wait(condition: Any, seconds: float) -> bool:
    from ui.selftest import process_events_for

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        process_events_for(0.05)
    return condition()


def _rows_with_card(page: Any, card: str) -> list[int]:
    model = page.table.model
    return [r for r in range(model.rowCount()) if model.event_at(r).card == card]


def _reader_to_table(ctx: SelfTestContext) -> str:
    """A simulated reader's access: stream -> bus -> store (committed) -> Monitor row."""
    page = ctx.window.show_page("monitor")
    if page.store is None:
        raise RuntimeError("the Monitor page has no event store")
    readers = ctx.demo.settings.readers
    sim = ctx.demo.readers.get(readers[0].name) if readers else None
    if sim is None or page.reader_monitor is None:
        return _published_to_table(page, ctx, "no simulated reader monitored")
    name = readers[0].name
    online = _wait(lambda: page.reader_monitor.statuses()[name].online, 10)
    if not online:
        raise RuntimeError(f"reader {name!r} did not come online")
    sim.access(MARKER_CARD, 1, 0)
    if not _wait(lambda: _rows_with_card(page, MARKER_CARD), 10):
        raise RuntimeError("the simulated access never reached the table")
    row = _rows_with_card(page, MARKER_CARD)[0]
    event = page.table.model.event_at(row)
    if page.store.count(card=MARKER_CARD) != 1:
        raise RuntimeError("the access shown is not exactly once in the store")
    result = page.table.model.text_at(row).result
    return f"{name}: card {MARKER_CARD} stored as #{event.id} and shown: {result[:60]}"


def _published_to_table(page: Any, ctx: SelfTestContext, why: str) -> str:
    bus = ctx.services.runtime.bus
    for n in range(20):
        bus.publish(DeviceEvent(
            "self-test-reader", kind="reader", code="AccessControl",
            payload={"device": "self-test-reader", "card": MARKER_CARD, "granted": n % 2 == 0,
                     "error_code": 0 if n % 2 == 0 else 20, "door": 0,
                     "dedupe_key": f"self-test-reader:rec:{n}"},
            raw="Code=AccessControl;action=Pulse;index=0"))
    if not _wait(lambda: len(_rows_with_card(page, MARKER_CARD)) >= 20, 10):
        raise RuntimeError("published reader events did not reach the table")
    return f"{why}; 20 published events stored and shown"


def _duplicates_and_history(ctx: SelfTestContext) -> str:
    """A record arriving twice is stored and shown once; history pages come from the store."""
    page = ctx.window.show_page("monitor")
    bus = ctx.services.runtime.bus
    event = DeviceEvent("self-test-dupe", kind="reader", code="AccessControl",
                        payload={"device": "self-test-dupe", "card": "D0D0D0D0",
                                 "granted": True, "dedupe_key": "self-test-dupe:rec:1"})
    bus.publish(event)
    bus.publish(event)
    if not page.store.flush(5):
        raise RuntimeError("the store did not flush")
    if not _wait(lambda: _rows_with_card(page, "D0D0D0D0"), 5):
        raise RuntimeError("the event never reached the table")
    _wait(lambda: False, 0.2)
    shown = len(_rows_with_card(page, "D0D0D0D0"))
    stored = page.store.count(card="D0D0D0D0")
    if (shown, stored) != (1, 1):
        raise RuntimeError(f"duplicate: shown {shown}, stored {stored}")
    older = page.store.query(before_id=page.table.model.oldest_id or 1, limit=5)
    return f"duplicate ignored; {page.store.count()} events stored, {len(older)} older on call"


CHECKS = [
    Check("monitor: reader events through the store to the table", _reader_to_table),
    Check("monitor: duplicates stored once", _duplicates_and_history),
]
