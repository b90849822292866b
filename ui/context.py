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

    # Set by the main window: called after the user saved settings (the banner updates).
    settings_saved: Callable[[], None] = field(default=lambda: None)

    def save_settings(self) -> None:
        """The user saves: persist settings, unless running the demo (which must not touch
        the real profile). This also releases a damaged file the store was holding."""
        if self.demo is None:
            self.settings_store.save(self.settings)
            self.settings_saved()

    def save_ui_state(self) -> None:
        """Remember window state; skipped while the settings file is held (it had
        problems the user has not saved over yet)."""
        if self.demo is None:
            self.settings_store.save_automatic(self.settings)
