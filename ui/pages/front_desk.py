"""The Front desk page."""

from __future__ import annotations

from ui.pages.placeholder import PlaceholderPage


class FrontDeskPage(PlaceholderPage):
    heading = "Front desk"
    coming = (
        "Issue, read, duplicate and wipe guest cards on the USB encoder; QR and"
        " Bluetooth keys from the lock cloud."
    )
