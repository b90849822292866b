"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is (tab title, "module:Class"); a panel class takes the UiContext and may define
``shutdown()``.
"""

from __future__ import annotations

PANELS: list[tuple[str, str]] = [
    ("Cards", "ui.front_desk.encoder_panel:EncoderPanel"),
    ("Rooms", "ui.front_desk.cloud_rooms:RoomsPanel"),
    ("Guest keys", "ui.front_desk.cloud_keys:GuestKeysPanel"),
    ("RF cards", "ui.front_desk.cloud_rf:RfCardsPanel"),
    ("Door log and unlock", "ui.front_desk.cloud_doors:DoorLogPanel"),
    ("Lobby access", "ui.front_desk.reader_access:ReaderAccessPanel"),
]
