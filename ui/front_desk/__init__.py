"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is (tab title, panel class); a panel class takes the UiContext and may define
``shutdown()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.front_desk.cloud_doors import DoorLogPanel
from ui.front_desk.cloud_keys import GuestKeysPanel
from ui.front_desk.cloud_rf import RfCardsPanel
from ui.front_desk.cloud_rooms import RoomsPanel
from ui.front_desk.encoder_panel import EncoderPanel
from ui.front_desk.reader_access import ReaderAccessPanel

PANELS: list[tuple[str, Callable[[UiContext], QWidget]]] = [
    ("Cards", EncoderPanel),
    ("Rooms", RoomsPanel),
    ("Guest keys", GuestKeysPanel),
    ("RF cards", RfCardsPanel),
    ("Door log and unlock", DoorLogPanel),
    ("Lobby access", ReaderAccessPanel),
]
