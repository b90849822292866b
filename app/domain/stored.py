"""Events as the event store keeps them, and the bus event that says they are safe on disk.

The Monitor page shows rows from :class:`StoredEvents` only (never from raw
``DeviceEvent``\\s): what the desk sees has already been committed, so a crash of the
window cannot lose an event the desk was shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.events import BusEvent

# Events the desk must acknowledge, whatever severity their driver gave them.
ALARM_CODES = frozenset({"BreakIn", "Duress", "ChassisIntruded", "DoorNotClosed"})


@dataclass(frozen=True)
class StoredEvent:
    """One row of the event store: the indexed columns, the decoded payload and the raw form.

    ``time`` is the event's own UTC time (ISO 8601, fixed width, so text order is time
    order); ``received`` is when KeyDesk got it. ``device`` is ``payload["device"]`` when
    present, else the bus source. ``granted`` is None for events that are not accesses.
    """

    id: int
    time: str
    received: str
    source: str
    kind: str
    code: str
    severity: str
    device: str
    door: int | None = None
    user: str | None = None
    card: str | None = None
    granted: bool | None = None
    dedupe_key: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    raw: str = ""


@dataclass(frozen=True)
class StoredEvents(BusEvent):
    """A batch of events just committed to the store (published by the store's writer)."""

    events: tuple[StoredEvent, ...] = ()


@dataclass(frozen=True)
class KeptEvent:
    """An event this desk keeps in its outbox while the shared site store is away: on this
    desk's disk (durable), not yet in the site store, so without an id (``event.id`` 0).
    ``origin`` is the id this desk gave it; the same text names it when it is sent."""

    origin: str
    event: StoredEvent


@dataclass(frozen=True)
class KeptEvents(BusEvent):
    """Events just kept on this desk (oldest first). The Monitor shows them apart, marked
    as not yet in the site store, until :class:`KeptEventsSent` names them; their rows
    then come, with their ids, in :class:`StoredEvents` like every desk's."""

    events: tuple[KeptEvent, ...] = ()


@dataclass(frozen=True)
class KeptEventsSent(BusEvent):
    """Kept events the site store has taken (by their origins): no longer this desk's."""

    origins: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlarmAcknowledged(BusEvent):
    """The desk acknowledged alarm rows (their store ids); recorded in the store first."""

    event_ids: tuple[int, ...] = ()
    by: str = ""
    note: str = ""


@dataclass(frozen=True)
class StoreHealth(BusEvent):
    """Whether the event store is keeping events, published when that changes.

    ``writing`` False: events are NOT reaching the file (disk full, file read-only, I/O
    error); ``pending`` of them wait in memory and are retried, ``lost`` did not fit in
    memory and are gone (counted since the store opened). ``error`` is the technical
    reason (for support). ``damaged_file``: a damaged database found at open, set aside
    under this path (the store goes on in a fresh file). ``since``: UTC ISO time the
    current failure began (empty while writing).

    ``refused``: events that could not be stored by any retry (a value the database
    cannot hold: a bug), kept apart in ``refused_in`` for support, never dropped.

    A desk on the shared site store (PostgreSQL): ``away`` says why the server cannot be
    reached ("" while it can), ``away_since`` since when, and ``queued`` how many events
    are kept on this desk meanwhile, to be sent when it is back (they are kept: writing
    stays True).
    """

    writing: bool = True
    pending: int = 0
    lost: int = 0
    error: str = ""
    since: str = ""
    damaged_file: str = ""
    path: str = ""
    away: str = ""
    away_since: str = ""
    queued: int = 0
    refused: int = 0
    refused_in: str = ""

    @property
    def ok(self) -> bool:
        return (self.writing and not self.pending and not self.lost and not self.damaged_file
                and not self.refused)
