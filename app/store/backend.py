"""The store's one interface and its two backends: where a desk keeps events and audit rows.

- **SQLite** (the default, no server): ``events.sqlite3`` and ``audit.sqlite3`` in the
  desk's data folder (:class:`app.store.events.EventStore`,
  :class:`app.store.audit.AuditLog`).
- **PostgreSQL** (the site store, shared by every desk of a hotel):
  :class:`app.store.postgres.events.SiteEventStore` and
  :class:`app.store.postgres.audit.SiteAuditLog` over one connection per desk; the
  desk's outbox (``site-outbox.sqlite3`` in its data folder) keeps what the server
  could not take while it was away.

Which one: ``KEYDESK_STORE_URL`` when set, else the ``store_url`` setting (Settings →
Store); empty means SQLite. The password is never in the URL people type: it is in the
keyring (``store.password``). :class:`EventBackend` and :class:`AuditBackend` are what
the rest of the desk may use; ``tests/unit/test_store_contract.py`` runs the same tests
against both backends.
"""

from __future__ import annotations

import concurrent.futures
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from app import paths
from app.audit.chain import Verdict
from app.domain.events import DeviceEvent
from app.domain.stored import KeptEvent, StoredEvent, StoreHealth
from app.runtime.bus import EventBus
from app.settings import SecretStore, SecretStoreUnavailable
from app.store.audit import AuditEntry

STORE_URL_ENV = "KEYDESK_STORE_URL"
PASSWORD_SECRET = "store.password"
OUTBOX_FILE = "site-outbox.sqlite3"
SCHEMES = ("postgresql", "postgres")


class EventBackend(Protocol):
    path: Any  # where the events are (a file, or the server without its password)

    def start(self) -> EventBackend: ...
    def attach(self, bus: EventBus) -> None: ...
    def health(self) -> StoreHealth: ...
    def add(self, event: DeviceEvent) -> None: ...
    def flush(self, timeout: float = ...) -> bool: ...
    def query(self, *, limit: int | None = ..., oldest_first: bool = ...,
              **filters: Any) -> list[StoredEvent]: ...
    def count(self, **filters: Any) -> int: ...
    def has_key(self, dedupe_key: str) -> bool: ...
    def kept(self, limit: int = ...) -> list[KeptEvent]: ...
    def latest_time(self, device: str, kind: str | None = ...) -> datetime | None: ...
    def unacknowledged_alarms(self, limit: int = ...) -> list[StoredEvent]: ...
    def acknowledgement(self, event_id: int) -> tuple[str, str, str] | None: ...
    def acknowledge(self, event_ids: list[int], by: str = ..., note: str = ...) -> int: ...
    def acknowledge_later(self, event_ids: list[int], by: str = ...,
                          note: str = ...) -> concurrent.futures.Future[int]: ...
    def apply_retention(self, days: int) -> int: ...
    def apply_retention_later(self, days: int) -> concurrent.futures.Future[int]: ...
    def export_csv(self, path: Path | str, **filters: Any) -> int: ...
    def identified(self, name: str, device_id: str) -> concurrent.futures.Future[int]: ...
    def device_ids(self, name: str) -> list[str]: ...
    def close(self, timeout: float = ...) -> bool: ...


class AuditBackend(Protocol):
    path: Any
    key: bytes | None
    actor: Any

    def record(self, what: str, *, who: str | None = ..., role: str | None = ...,
               target: str = ..., room: Any = ..., result: str = ...,
               detail: dict[str, Any] | None = ...) -> int: ...
    def query(self, limit: int = ..., **filters: Any) -> list[AuditEntry]: ...
    def recent(self, limit: int = ..., what_prefix: str = ...) -> list[AuditEntry]: ...
    def distinct(self, column: str) -> list[str]: ...
    def kept(self, limit: int = ...) -> list[AuditEntry]: ...
    def verify(self) -> Verdict: ...
    def export_csv(self, path: Path | str, **filters: Any) -> int: ...
    def close(self) -> None: ...


class StoreUrlError(ValueError):
    """The store URL names no backend this KeyDesk has."""


def store_url(settings: Any = None) -> str:
    """The site store's URL: ``KEYDESK_STORE_URL``, else the setting ("" = SQLite)."""
    url = os.environ.get(STORE_URL_ENV, "").strip()
    if not url and settings is not None:
        url = str(getattr(settings, "store_url", "") or "").strip()
    if url and url.split(":", 1)[0].lower() not in SCHEMES:
        raise StoreUrlError(f"store URL {url.split('://', 1)[0]!r}: only postgresql:// "
                            "(or empty, for this PC's own files) is known")
    return url


def store_password(secrets: SecretStore | None) -> str | None:
    if secrets is None:
        return None
    try:
        return secrets.get(PASSWORD_SECRET) or None
    except SecretStoreUnavailable:
        return None


@dataclass
class SiteBackends:
    events: Any  # SiteEventStore
    audit: Any  # SiteAuditLog
    site: Any  # SiteStore


def open_site(url: str, password: str | None, *, data_dir: Path | None = None,
              key: bytes | None = None,
              publish: Callable[[AuditEntry], None] | None = None,
              desk: str = "") -> SiteBackends:
    """Both faces of the site store at ``url`` (started; never waits for the server)."""
    from app.store.postgres.audit import SiteAuditLog
    from app.store.postgres.events import SiteEventStore
    from app.store.postgres.site import SiteStore

    folder = data_dir or paths.data_dir()
    site = SiteStore(url, password, outbox=folder / OUTBOX_FILE, key=key, desk=desk)
    audit = SiteAuditLog(site, publish=publish)
    events = SiteEventStore(site)
    site.start()
    return SiteBackends(events, audit, site)
