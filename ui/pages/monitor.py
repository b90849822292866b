"""The Monitor page."""

from __future__ import annotations

from ui.pages.placeholder import PlaceholderPage


class MonitorPage(PlaceholderPage):
    heading = "Monitor"
    coming = "Live events from access readers, the encoder and locks, explained in plain words."
