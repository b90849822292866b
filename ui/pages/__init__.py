"""The window's pages, in navigation order. Each entry: (key, title, "module:Class").

A page class takes the :class:`ui.context.UiContext` and may define ``shutdown()``
(called when the window closes) and ``show_code(domain, code)`` (Explain page only).
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str]] = [
    ("front_desk", "Front desk", "ui.pages.front_desk:FrontDeskPage"),
    ("locks", "Locks", "ui.pages.locks:LocksPage"),
    ("monitor", "Monitor", "ui.pages.monitor:MonitorPage"),
    ("explain", "Explain", "ui.pages.explain:ExplainPage"),
    ("settings", "Settings", "ui.pages.settings:SettingsPage"),
]
