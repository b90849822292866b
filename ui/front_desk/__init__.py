"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is a :class:`Panel` (tab title, where its class is, what it needs set up, its
icon); a panel class takes the UiContext and may define ``shutdown()``. The title is
translated when shown (context "FrontDeskTabs"); what it needs ("encoder", "cloud",
"readers", or "" for nothing) decides when the tab shows "not set up yet" instead
(``ui.widgets.not_set_up``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ui.context import UiContext
from ui.qt_noop import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Panel:
    """A Front desk tab. ``build`` imports the panel's module when the tab is first built,
    so start-up does not pay for the cloud panels' imports while the Cards tab is shown
    (plain import statements: a frozen build follows them)."""

    title: str  # translated when shown (context "FrontDeskTabs")
    build: Callable[[UiContext], QWidget]
    name: str  # the panel class (the tab's object name: tab_<name>)
    needs: str  # "encoder", "cloud", "readers" or ""
    icon: str  # resources/icons/<icon>.svg


def _cards(ctx: UiContext) -> QWidget:
    from ui.front_desk.encoder_panel import EncoderPanel

    return EncoderPanel(ctx)


def _rooms(ctx: UiContext) -> QWidget:
    from ui.front_desk.cloud_rooms import RoomsPanel

    return RoomsPanel(ctx)


def _guest_keys(ctx: UiContext) -> QWidget:
    from ui.front_desk.cloud_keys import GuestKeysPanel

    return GuestKeysPanel(ctx)


def _rf_cards(ctx: UiContext) -> QWidget:
    from ui.front_desk.cloud_rf import RfCardsPanel

    return RfCardsPanel(ctx)


def _door_log(ctx: UiContext) -> QWidget:
    from ui.front_desk.cloud_doors import DoorLogPanel

    return DoorLogPanel(ctx)


def _lobby_access(ctx: UiContext) -> QWidget:
    from ui.front_desk.reader_access import ReaderAccessPanel

    return ReaderAccessPanel(ctx)


PANELS: list[Panel] = [
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Cards"), _cards, "EncoderPanel", "encoder",
          "credit-card"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Rooms"), _rooms, "RoomsPanel", "cloud",
          "building-store"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Guest keys"), _guest_keys, "GuestKeysPanel",
          "cloud", "key"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "RF cards"), _rf_cards, "RfCardsPanel", "cloud",
          "nfc"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Door log and unlock"), _door_log,
          "DoorLogPanel", "cloud", "door"),
    Panel(QT_TRANSLATE_NOOP("FrontDeskTabs", "Lobby access"), _lobby_access,
          "ReaderAccessPanel", "readers", "door-enter"),
]
# The icon beside each tab's title, by panel class name.
ICONS: dict[str, str] = {p.name: p.icon for p in PANELS}
