"""The latest state every device and service told (``DeviceStateChanged``), kept from the
runtime's first moment.

A window subscribes to the bus only once the desk's services are built, and by then the
site store may have connected, or the encoder opened, and said so for the only time: the
window starts from :meth:`LatestStates.snapshot` instead of showing nothing for them.
"""

from __future__ import annotations

import threading

from app.domain.events import BusEvent, DeviceForgotten, DeviceStateChanged
from app.runtime.bus import EventBus


class LatestStates:
    def __init__(self, bus: EventBus) -> None:
        self._lock = threading.Lock()
        self._latest: dict[str, DeviceStateChanged] = {}
        bus.subscribe(self._told, DeviceStateChanged, DeviceForgotten)

    def _told(self, event: BusEvent) -> None:
        with self._lock:
            if isinstance(event, DeviceForgotten):
                self._latest.pop(event.source, None)
            elif isinstance(event, DeviceStateChanged):
                self._latest[event.source] = event

    def snapshot(self) -> list[DeviceStateChanged]:
        """Each source's latest state (sources forgotten since: left out), oldest first."""
        with self._lock:
            return sorted(self._latest.values(), key=lambda e: e.time)
