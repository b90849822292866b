"""A small thread-safe event bus.

Callbacks run on the publishing thread; a subscriber that needs another thread (the Qt
bridge) hands the event over itself. One failing subscriber never stops the others.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.events import BusEvent

log = logging.getLogger(__name__)

Callback = Callable[[BusEvent], None]


@dataclass(frozen=True)
class Subscription:
    callback: Callback
    types: tuple[type[BusEvent], ...]


class EventBus:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subs: list[Subscription] = []
        self._closed = False

    def subscribe(self, callback: Callback, *types: type[BusEvent]) -> Subscription:
        """Call ``callback`` for every published event of ``types`` (all when empty)."""
        sub = Subscription(callback, types or (BusEvent,))
        with self._lock:
            self._subs.append(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        with self._lock:
            if sub in self._subs:
                self._subs.remove(sub)

    def publish(self, event: BusEvent) -> None:
        with self._lock:
            if self._closed:
                return
            subs = list(self._subs)
        for sub in subs:
            if isinstance(event, sub.types):
                try:
                    sub.callback(event)
                except Exception:
                    log.exception("event subscriber %r failed", sub.callback)

    def close(self) -> None:
        """Stop delivering: events published during shutdown are ignored."""
        with self._lock:
            self._closed = True
            self._subs.clear()
