"""The Locks page."""

from __future__ import annotations

from ui.pages.placeholder import PlaceholderPage


class LocksPage(PlaceholderPage):
    heading = "Locks"
    coming = (
        "Commission Bluetooth locks: scan, tie each lock to its room, read batt"
        "ery and firmware, prove it opens, and keep a report."
    )
