"""What every page is given: the desk's services, the bridge, and the window's hooks.

Passed explicitly to each page's constructor (no global singletons). Pages take what they
need from :class:`app.services.DeskServices` and create no service of their own.

The window is painted before the desk's services exist (``ui.application``'s two-stage
start): until :meth:`UiContext.attach` the context has the settings, the settings store,
the demo and the requests, ``started`` is False and asking for the services raises
:class:`DeskStarting`. Pages are built only once it started.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the services are imported after the window's first paint
    from app.demo import DemoEnvironment
    from app.devices.encoder.service import EncoderService
    from app.runtime import Runtime
    from app.services import DeskServices
    from app.settings import SecretStore, Settings, SettingsStore
    from ui.bridge import Bridge


class DeskStarting(RuntimeError):
    """The desk's services are asked for before they are built (the window is painted
    first); the window waits for ``UiContext.started`` instead of asking."""


class WindowRequests(QObject):
    """What pages ask of the window (Qt thread only); the main window connects to it."""

    error = Signal(object)  # a background failure to show, never blocking
    explanation = Signal(str, str)  # open the Explain page on (domain, code)
    settings_saved = Signal()  # the user saved settings (the settings banner updates)
    settings_changed = Signal()  # settings were applied (also in the demo): pages re-check
    open_settings = Signal(str)  # show Settings at this section ("encoder", "readers", ...)
    language_changed = Signal(str)  # saved in another language: the session reopens the window


@dataclass
class UiContext:
    settings_store: SettingsStore
    start_settings: Settings  # the very object the services are built on
    demo: DemoEnvironment | None = None
    requests: WindowRequests = field(default_factory=WindowRequests)
    _services: DeskServices | None = None
    _bridge: Bridge | None = None

    @property
    def started(self) -> bool:
        return self._services is not None

    def attach(self, services: DeskServices, bridge: Bridge) -> None:
        """The desk's services are built: pages can be."""
        self._services, self._bridge = services, bridge

    @property
    def services(self) -> DeskServices:
        if self._services is None:
            raise DeskStarting("the desk's services are still starting")
        return self._services

    @property
    def bridge(self) -> Bridge:
        if self._bridge is None:
            raise DeskStarting("the desk's services are still starting")
        return self._bridge

    def report_error(self, exc: BaseException) -> None:
        self.requests.error.emit(exc)

    def show_explanation(self, domain: str, code: str) -> None:
        self.requests.explanation.emit(domain, code)

    @property
    def runtime(self) -> Runtime:
        return self.services.runtime

    @property
    def settings(self) -> Settings:
        return self._services.settings if self._services is not None else self.start_settings

    @property
    def secrets(self) -> SecretStore:
        return self.services.secrets

    @property
    def encoder(self) -> EncoderService:
        """The desk's one EncoderService (one port, one owner): the Cards tab drives it,
        the RF-card and Lobby-access tabs borrow it to capture a card's UID."""
        return self.services.encoder

    def save_settings(self) -> None:
        """The user saves: persist settings, unless running the demo (which must not touch
        the real profile). This also releases a damaged file the store was holding."""
        if self.demo is None:
            try:
                self.settings_store.save(self.settings)
            except OSError as exc:  # a read-only or full folder: explained, nothing lost
                from app.domain.errors import KeyDeskError

                reason = exc.strerror or type(exc).__name__
                raise KeyDeskError("desk", "settings-not-saved",
                                   f"{self.settings_store.path}: {reason}") from None
            self.requests.settings_saved.emit()

    def save_ui_state(self) -> None:
        """Remember window state; skipped while the settings file is held (it had
        problems the user has not saved over yet)."""
        if self.demo is None:
            try:
                self.settings_store.save_automatic(self.settings)
            except OSError as exc:  # closing: the window size is not worth a dialog
                import logging

                logging.getLogger(__name__).warning("window state not saved: %s", exc)
