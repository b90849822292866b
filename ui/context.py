"""What every page is given: the runtime, the bridge, settings and secrets.

Passed explicitly to each page's constructor (no global singletons).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.demo import DemoEnvironment
from app.runtime import Runtime
from app.settings import SecretStore, Settings, SettingsStore

if TYPE_CHECKING:
    from ui.bridge import Bridge


@dataclass
class UiContext:
    runtime: Runtime
    bridge: Bridge
    settings: Settings
    settings_store: SettingsStore
    secrets: SecretStore
    demo: DemoEnvironment | None = None
    # The window's one EncoderService (only one user may own the encoder's port); the
    # Cards tab drives it, other tabs borrow it to capture a card's UID.
    encoder: Any = None
    # Set by the main window: open the Explain page on a catalog entry.
    show_explanation: Callable[[str, str], None] = field(default=lambda _d, _c: None)
    # Set by the main window: show a background failure to the user (never blocks).
    report_error: Callable[[BaseException], None] = field(default=lambda _e: None)

    def save_settings(self) -> None:
        """Persist settings, unless running the demo (which must not touch the real profile)."""
        if self.demo is None:
            self.settings_store.save(self.settings)
