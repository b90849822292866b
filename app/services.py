"""The desk's one composition root: every long-lived part, built once and owned here.

The window (``ui.application``), every headless command and the self-test build a
:class:`DeskServices` from the runtime, the settings and the secrets, and take what they
need from it; nothing else creates an event store, an audit log, an encoder service or a
reader monitor. Qt-free, so it is tested on its own (``tests/unit/test_services.py``).

What it owns, and who started it:

- ``events``: the event store, attached to the bus as soon as it is built, so every
  ``DeviceEvent`` (encoder, reader, cloud, lock) is stored whichever pages exist.
- ``audit``: the one audit log, chained (``app/store/README.md``). Every row it records
  is also published on the bus as a ``DeviceEvent(kind="desk")``, so desk operations are
  in the event store too. Its rows name the operator holding the desk.
- ``operators``: the one ``OperatorSession``: who holds the desk and the rights check
  every flow below calls (the encoder service, the cloud and reader desks, the lock
  service) — see ``app/operators/README.md``.
- ``encoder``: the one ``EncoderService`` (one port, one owner); started by
  :meth:`start_encoder` (the window at start-up, ``keydesk card``).
- ``readers``: reader monitoring, started by :meth:`start_readers` (the window).

Settings edited while the desk runs apply through it, without a restart:
:meth:`reconnect_encoder` (a new port or USB identity), :meth:`apply_readers` (readers
added, removed or changed stream, stop or reconnect); the cloud and reader desks read the
settings and keyring at each call; :meth:`apply_locks` gives the lock service its new
radio, technician and site zone. What a restart needs (the store location) is named by
:data:`RESTART_FIELDS`.
- :meth:`cloud` and :meth:`reader_desk`: the cloud and reader desks over the *current*
  settings and secrets (so edited Settings apply at once), recording into ``audit``.
- ``locks``: the one ``LockService`` (Bluetooth commissioning), built here over the
  settings (radio, technician, site time zone) and the cloud desk (room directory,
  Bluetooth keys); :meth:`start_locks` opens its site plan store.

Shutdown is the runtime's: each part registers its cleanup when it is built or started.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.audit.site_key import chain_key
from app.devices.encoder.service import EncoderService
from app.devices.encoder.trace import SerialTrace
from app.devices.locks.service import LockService, build_lock_service
from app.domain.errors import KeyDeskError
from app.domain.events import DeviceEvent
from app.operators.directory import OperatorDirectory
from app.operators.session import OperatorSession
from app.runtime import Runtime
from app.runtime.device_thread import JobFuture
from app.settings import SecretStore, Settings
from app.store.audit import AuditEntry, AuditLog
from app.store.backend import (
    AuditBackend,
    EventBackend,
    StoreUrlError,
    open_site,
    store_password,
    store_url,
)
from app.store.events import EventStore

if TYPE_CHECKING:  # imported when first used: start-up does not pay for httpx
    from app.access.desk import ReaderDesk
    from app.access.monitor import ReaderChanges, ReaderMonitor
    from app.cloud.config import CallPolicy
    from app.cloud.credentials import CloudCredentials
    from app.cloud.desk import CloudDesk

log = logging.getLogger(__name__)

CredentialsSource = Callable[[], "CloudCredentials"]
# Settings the running desk cannot take over: the event store opens where the desk
# started. Changing one needs a restart (the window says so).
RESTART_FIELDS = frozenset({"store_url"})
# What the lock service is configured from (apply_locks follows them at once).
LOCK_FIELDS = frozenset({"lock_sim_address", "lock_technician", "cloud_timezone"})


@dataclass
class DeskServices:
    runtime: Runtime
    settings: Settings
    secrets: SecretStore
    # SQLite files, or the site store (app.store.backend): the same methods either way.
    events: EventBackend | None  # None only when it could not open (events_error says why)
    audit: AuditBackend
    encoder: EncoderService
    operators: OperatorSession
    locks: LockService | None = None  # set by open_desk
    events_error: Exception | None = None
    readers: ReaderMonitor | None = None  # set by start_readers()
    # The single-operator desk's name in the audit trail (default: the OS login); with
    # operator accounts, rows name whoever signed in.
    who: str | None = None
    cloud_credentials: CredentialsSource | None = None  # default: settings + keyring
    cloud_policy: CallPolicy | None = None

    # -- devices (started by whoever needs them; each start is idempotent) -----------------
    def start_encoder(self) -> EncoderService:
        return self.encoder.start()

    def start_readers(self, **options: Any) -> ReaderMonitor | None:
        """Monitor every ``settings.readers`` entry (None when there is none). With the
        event store, each reader's back-fill starts where the store ends."""
        if self.readers is None and self.settings.readers:
            from app.access.monitor import start_monitoring

            self.readers = start_monitoring(
                self.runtime, self.settings, self.secrets, store=self.events, **options
            )
        return self.readers

    def reconnect_encoder(self) -> JobFuture | None:
        """The encoder settings changed: the service lets go of the port and opens the one
        they name now (None when the encoder was never started)."""
        return self.encoder.reconfigure()

    def apply_readers(self) -> ReaderChanges:
        """Monitor the readers ``settings.readers`` names now, with the passwords the
        keyring holds now: new ones start, removed ones stop, changed ones reconnect."""
        from app.access.monitor import ReaderChanges, configured_readers

        if self.readers is None:
            started = self.start_readers()
            return ReaderChanges(added=tuple(started.names)) if started else ReaderChanges()
        return self.readers.sync(configured_readers(self.settings, self.secrets))

    def start_retention(self, days: int | None) -> Any:
        """Delete events older than ``days`` on the store's writer thread (None: keep
        everything — the settings file had problems, see ``SettingsStore``). Returns
        the store's future, or None when nothing was asked."""
        if days is None or self.events is None:
            if days is None:
                log.warning("settings file has problems: old events are kept until it is saved")
            return None
        return self.events.apply_retention_later(days)

    def apply_locks(self) -> None:
        """The lock settings changed: the lock service uses the radio, technician and
        site time zone they name now (the next scan or door uses them)."""
        if self.locks is None:
            return
        from app.devices.locks.radio import Radio

        self.locks.config.technician = self.settings.lock_technician
        self.locks.config.timezone = self.settings.cloud_timezone or self.locks.config.timezone
        if self.locks.radio.sim != self.settings.lock_sim_address:
            self.locks.radio = Radio(self.settings.lock_sim_address)

    def start_locks(self, plan_path: Path | None = None) -> LockService:
        """The lock service with its site plan store open (idempotent)."""
        assert self.locks is not None
        self.locks.open_plan(plan_path, cleanup=self.runtime.add_cleanup)
        return self.locks

    # -- desks over the current settings -------------------------------------------------
    def cloud(self) -> CloudDesk:
        from app.cloud.credentials import from_settings
        from app.cloud.desk import CloudDesk

        source = self.cloud_credentials or (lambda: from_settings(self.settings, self.secrets))
        return CloudDesk(source(), self.audit, policy=self.cloud_policy,
                         access=self.operators)

    def reader_desk(self) -> ReaderDesk:
        from app.access.desk import ReaderDesk

        return ReaderDesk(self.settings.readers, self.secrets, self.audit,
                          access=self.operators)


def _desk_event(entry: AuditEntry) -> DeviceEvent:
    # One source for every desk operation: "desk" never collides with a device's name.
    return DeviceEvent(
        "desk",
        kind="desk",
        code=entry.what,
        payload={"who": entry.who, "role": entry.role, "target": entry.target,
                 "room": entry.room, "result": entry.result, "detail": entry.detail,
                 "audit_id": entry.id},
        severity="info" if entry.ok else "warning",
    )


def open_desk(
    runtime: Runtime,
    settings: Settings,
    secrets: SecretStore,
    *,
    data_dir: Path | None = None,
    encoder_trace: SerialTrace | None = None,
    who: str | None = None,
    cloud_credentials: CredentialsSource | None = None,
    cloud_policy: CallPolicy | None = None,
    audit_key: bytes | Literal["secrets"] | None = "secrets",
) -> DeskServices:
    """Build the desk on a started ``runtime``. ``data_dir`` (default: ``paths.data_dir()``)
    holds ``events.sqlite3``, ``audit.sqlite3`` and ``operators.json``. ``audit_key``: the
    chain key (default: from ``secrets``, see ``app.audit.site_key``; a command whose
    ``secrets`` hold only the site key gives the keyring's).

    A damaged event store does not stop the desk: ``events`` is None and ``events_error``
    says why (the window reports it). A failing audit log raises: nothing may run
    unrecorded.
    """
    key = chain_key(secrets) if audit_key == "secrets" else audit_key
    publish = lambda entry: runtime.bus.publish(_desk_event(entry))  # noqa: E731
    events: EventBackend | None = None
    events_error: Exception | None = None
    audit: AuditBackend
    url_error: StoreUrlError | None = None
    try:
        url = store_url(settings)
    except StoreUrlError as exc:  # the desk keeps its own files; the window says why
        log.error("%s: keeping events and the audit trail on this PC", exc)
        url, url_error = "", exc
    try:
        if url:  # the site store: never waits for the server (away: kept on this desk)
            site = open_site(url, store_password(secrets), data_dir=data_dir, key=key,
                             publish=publish)
            audit, events = site.audit, site.events
        else:
            audit = AuditLog(data_dir / "audit.sqlite3" if data_dir else None, key=key,
                             publish=publish)
    except (sqlite3.Error, OSError) as exc:  # a read-only, full or broken data folder
        from app import paths

        where = data_dir or paths.data_dir()
        raise KeyDeskError("desk", "folder", f"the data folder {where}: the audit "
                           f"trail cannot be opened ({exc})", retryable=False) from None
    runtime.add_cleanup(audit.close)
    operators = OperatorSession(
        OperatorDirectory(data_dir / "operators.json" if data_dir else None, key=key),
        audit, desk_name=who)
    audit.actor = operators.actor
    if events is None:
        try:
            events = EventStore(data_dir / "events.sqlite3" if data_dir else None).start()
        except Exception as exc:  # a broken or newer file: the desk still works, unstored
            log.exception("event store could not open")
            events_error = exc
    events_error = events_error or url_error
    if events is not None:
        runtime.add_cleanup(events.close)  # after the parts below stop: registered first
        events.attach(runtime.bus)
    encoder = EncoderService(runtime, settings, secrets, audit=audit, trace=encoder_trace,
                             access=operators)
    services = DeskServices(
        runtime, settings, secrets, events, audit, encoder, operators,
        events_error=events_error,
        who=who, cloud_credentials=cloud_credentials, cloud_policy=cloud_policy,
    )
    services.locks = build_lock_service(runtime, settings, secrets, services.cloud,
                                        access=operators, audit=audit)
    return services
