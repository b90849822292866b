"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is a :class:`Panel` (tab title, where its class is, what it needs set up, its
icon); a panel class takes the UiContext and may define ``shutdown()``. The title is
translated when shown (context "FrontDeskTabs"); what it needs ("encoder", "cloud",
"readers", or "" for nothing) decides when the tab shows "not set up yet" instead
(``ui.widgets.not_set_up``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.context import UiContext


@dataclass(frozen=True)
class Panel:
    """A Front desk tab. Its module is imported when the tab is first built, so start-up
    does not pay for the cloud panels' imports while the Cards tab is shown."""

    title: str  # translated when shown (context "FrontDeskTabs")
    module: str  # under ui.front_desk
    name: str  # the panel class
    needs: str  # "encoder", "cloud", "readers" or ""
    icon: str  # resources/icons/<icon>.svg

    def build(self, ctx: UiContext) -> QWidget:
        panel_class = getattr(importlib.import_module(f"ui.front_desk.{self.module}"), self.name)
        widget: QWidget = panel_class(ctx)
        return widget


PANELS: list[Panel] = [
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Cards"), "encoder_panel", "EncoderPanel",
          "encoder", "credit-card"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Rooms"), "cloud_rooms", "RoomsPanel", "cloud",
          "building-store"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Guest keys"), "cloud_keys", "GuestKeysPanel",
          "cloud", "key"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "RF cards"), "cloud_rf", "RfCardsPanel", "cloud",
          "nfc"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Door log and unlock"), "cloud_doors",
          "DoorLogPanel", "cloud", "door"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Lobby access"), "reader_access",
          "ReaderAccessPanel", "readers", "door-enter"),
]
# The icon beside each tab's title, by panel class name.
ICONS: dict[str, str] = {p.name: p.icon for p in PANELS}
