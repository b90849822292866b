"""Panels of the Front desk page, one per job, listed in :data:`PANELS` (in tab order).

Each entry is (tab title, "module:Class"); a panel class takes the UiContext and may define
``shutdown()``.
"""

from __future__ import annotations

PANELS: list[tuple[str, str]] = []
