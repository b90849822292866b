"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is (tab title, panel class, what it needs set up); a panel class takes the
UiContext and may define ``shutdown()``. The title is translated when shown (context
"FrontDeskTabs"); what it needs ("encoder", "cloud", "readers", or "" for nothing) decides
when the tab shows "not set up yet" instead (``ui.widgets.not_set_up``).
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

PANELS: list[tuple[str, Callable[[UiContext], QWidget], str]] = [
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Cards"), EncoderPanel, "encoder"),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Rooms"), RoomsPanel, "cloud"),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Guest keys"), GuestKeysPanel, "cloud"),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "RF cards"), RfCardsPanel, "cloud"),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Door log and unlock"), DoorLogPanel, "cloud"),
    (QT_TRANSLATE_NOOP("FrontDeskTabs", "Lobby access"), ReaderAccessPanel, "readers"),
]
# The icon beside each tab's title (resources/icons/<name>.svg).
ICONS: dict[Callable[[UiContext], QWidget], str] = {
    EncoderPanel: "credit-card", RoomsPanel: "building-store", GuestKeysPanel: "key",
    RfCardsPanel: "nfc", DoorLogPanel: "door", ReaderAccessPanel: "door-enter",
}
