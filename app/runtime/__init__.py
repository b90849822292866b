"""The only package that knows threads.

- :class:`EventBus` — thread-safe publish/subscribe of typed events.
- :class:`LoopThread` — one asyncio loop in a named background thread (bleak, httpx).
- :class:`DeviceThread` — one thread per serial device, serialising jobs on it.
- :class:`Runtime` — owns all of the above and shuts them down in order.
"""

from app.runtime.bus import EventBus, Subscription
from app.runtime.device_thread import DeviceThread, JobCancelled, JobContext
from app.runtime.loop_thread import LoopThread
from app.runtime.runtime import Runtime

__all__ = [
    "DeviceThread",
    "EventBus",
    "JobCancelled",
    "JobContext",
    "LoopThread",
    "Runtime",
    "Subscription",
]
