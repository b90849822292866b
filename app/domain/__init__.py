"""Plain data shared by every layer. Imports nothing else of the application."""

from app.domain.errors import KeyDeskError
from app.domain.events import BusEvent, ConnectionState, DeviceEvent, DeviceStateChanged, Progress

__all__ = [
    "BusEvent",
    "ConnectionState",
    "DeviceEvent",
    "DeviceStateChanged",
    "KeyDeskError",
    "Progress",
]
