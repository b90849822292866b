"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is (tab title, panel class); a panel class takes the UiContext and may define
``shutdown()``. The title is English, marked for ``lupdate`` (context ``FrontDeskTabs``) and
translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.front_desk.cloud_doors import DoorLogPanel
from ui.front_desk.cloud_keys import GuestKeysPanel
from ui.front_desk.cloud_rf import RfCardsPanel
from ui.front_desk.cloud_rooms import RoomsPanel
from ui.front_desk.encoder_panel import EncoderPanel
from ui.front_desk.reader_access import ReaderAccessPanel

PANELS: list[tuple[str, Callable[[UiContext], QWidget]]] = [
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Cards"), EncoderPanel),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Rooms"), RoomsPanel),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Guest keys"), GuestKeysPanel),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "RF cards"), RfCardsPanel),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Door log and unlock"), DoorLogPanel),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Lobby access"), ReaderAccessPanel),
]
