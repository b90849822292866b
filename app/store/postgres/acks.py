"""Alarm acknowledgements, told to every desk of the site as they are made.

An alarm acknowledged at the front desk must leave the back office's alarm banner too. The
desk that acknowledges sends ``NOTIFY`` on :data:`ACK_CHANNEL` in the acknowledgement's own
transaction (so it is told only once committed), one JSON payload per up to
:data:`IDS_PER_NOTICE` events (PostgreSQL refuses payloads of 8000 bytes or more; the
note and the name are told shortened, the table keeps them whole). Each
payload names the desk process it came from, which ignores its own (it has announced them
already). A desk whose listener was away misses what was sent meanwhile; after each
reconnection it reads the acknowledgements of the latest :data:`LOOKBACK` events instead.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from app.store.postgres.schema import ACK_CHANNEL

log = logging.getLogger(__name__)

# A payload's worst case, under PostgreSQL's 8000 bytes: 200 ids of 19 digits and ", "
# (4,200 bytes), a note and a name of characters JSON writes as 6 bytes each (1,800 and
# 600), and the keys and the desk's id (~100).
IDS_PER_NOTICE = 200
NOTE_CHARS = 300  # the note as told (the table keeps all of it)
BY_CHARS = 100
LOOKBACK = 100_000  # events whose acknowledgements a reconnected desk reads again


@dataclass(frozen=True)
class Acked:
    origin: str  # the desk process that acknowledged ("" when read back after a gap)
    event_ids: tuple[int, ...]
    by: str
    note: str


def tell(conn: Any, origin: str, event_ids: list[int], by: str, note: str) -> None:
    """``NOTIFY`` the other desks of ``event_ids`` acknowledged (in the caller's
    transaction)."""
    for at in range(0, len(event_ids), IDS_PER_NOTICE):
        payload = json.dumps({"from": origin, "ids": event_ids[at:at + IDS_PER_NOTICE],
                              "by": by[:BY_CHARS], "note": note[:NOTE_CHARS]},
                             ensure_ascii=False)
        conn.execute("SELECT pg_notify(%s, %s)", (ACK_CHANNEL, payload))


def heard(payload: str) -> Acked | None:
    """A notice's payload; None when it is not one (logged: another program may NOTIFY)."""
    try:
        data = json.loads(payload)
        ids = tuple(int(i) for i in data["ids"] if type(i) is int)
        return Acked(str(data["from"]), ids, str(data.get("by", "")),
                     str(data.get("note", "")))
    except (ValueError, TypeError, KeyError):
        log.warning("site store: an acknowledgement notice that is not one was ignored")
        return None


def read_back(conn: Any, after_id: int) -> list[Acked]:
    """The acknowledgements of the events after ``after_id``, grouped by who and note."""
    rows = conn.execute("SELECT event_id, acked_by, note FROM alarm_acks WHERE event_id > %s "
                        "ORDER BY event_id", (after_id,)).fetchall()
    groups: dict[tuple[str, str], list[int]] = {}
    for event_id, by, note in rows:
        groups.setdefault((str(by), str(note)), []).append(int(event_id))
    return [Acked("", tuple(ids), by, note) for (by, note), ids in groups.items()]
