"""The HMAC chain over audit rows: how a row is sealed and how a trail is checked.

``seal_i = HMAC-SHA256(key, seal_{i-1} || canonical(row_i))`` with an empty seal before the
first row. Editing a row breaks its own seal; deleting or inserting one breaks the next
row's link (ids are consecutive and sealed); deleting the last rows is caught by the
*head*: the last id and seal, sealed again under a separate label, kept beside the rows and
updated in the same transaction. Nothing here knows SQLite: storage hands rows in id order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

CHAIN_VERSION = 1
# Labels keep the three uses of the one site key apart (a row seal can never pass as a head).
_ROW = b"keydesk-audit-row\n"
_HEAD = b"keydesk-audit-head\n"
_KEY_ID = b"keydesk-audit-key-id"

# The sealed fields, in order. ``detail`` is the stored JSON text, sealed byte for byte.
FIELDS: tuple[str, ...] = ("id", "at", "who", "role", "what", "target", "room", "result",
                           "detail")


@dataclass(frozen=True)
class ChainRow:
    """One stored row as the chain sees it (every field as stored, plus its seal)."""

    id: int
    at: str
    who: str
    role: str
    what: str
    target: str
    room: str
    result: str
    detail: str
    mac: str = ""

    def fields(self) -> list[Any]:
        return [getattr(self, name) for name in FIELDS]


@dataclass(frozen=True)
class Head:
    """The last row's id and seal, as the storage last committed them."""

    id: int
    mac: str
    seal: str


def canonical(row: ChainRow) -> bytes:
    return json.dumps([CHAIN_VERSION, *row.fields()], ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def seal_row(key: bytes, prev_mac: str, row: ChainRow) -> str:
    return hmac.new(key, _ROW + prev_mac.encode("ascii") + b"\n" + canonical(row),
                    hashlib.sha256).hexdigest()


def seal_head(key: bytes, last_id: int, last_mac: str) -> str:
    return hmac.new(key, _HEAD + f"{last_id}\n{last_mac}".encode("ascii"),
                    hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short public fingerprint of the key: tells "sealed with another key" from tampering."""
    return hmac.new(key, _KEY_ID, hashlib.sha256).hexdigest()[:16]


# What a broken link is; each is an entry of the ``audit`` catalog domain.
CHANGED = "row_changed"  # a row's content no longer matches its seal
MISSING = "row_missing"  # a row between two others is gone
INSERTED = "row_inserted"  # a row was added outside KeyDesk (its link does not match)
TAIL_MISSING = "tail_missing"  # the newest rows are gone (the head names a later row)
UNSEALED = "row_unsealed"  # written while no chain key was available
HEAD_CHANGED = "head_changed"  # the head itself was edited
WRONG_KEY = "wrong_key"  # the trail was sealed with another site key


@dataclass(frozen=True)
class Verdict:
    """The outcome of :func:`verify`: ``ok``, or the first broken link (``problem``, ``row``)."""

    checked: int
    problem: str | None = None
    row: int | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "rows": self.checked, "problem": self.problem, "row": self.row,
                "detail": self.detail}


def verify(key: bytes, rows: Iterable[ChainRow], head: Head | None,
           stored_key_id: str | None = None) -> Verdict:
    """Walk ``rows`` (in id order, from the first) and stop at the first broken link."""
    if stored_key_id and stored_key_id != key_id(key):
        return Verdict(0, WRONG_KEY, None,
                       f"sealed with key {stored_key_id}, this desk has {key_id(key)}")
    prev_mac, prev_id, count = "", 0, 0
    for row in rows:
        if row.id != prev_id + 1:
            if row.id > prev_id + 1:
                gone = (f"row {prev_id + 1}" if row.id == prev_id + 2
                        else f"rows {prev_id + 1}–{row.id - 1}")
                return Verdict(count, MISSING, prev_id + 1,
                               f"{gone} missing: row {row.id} follows row {prev_id}")
            return Verdict(count, INSERTED, row.id, f"row {row.id} is out of order")
        if not row.mac:
            return Verdict(count, UNSEALED, row.id, f"row {row.id} has no seal")
        if not hmac.compare_digest(row.mac, seal_row(key, prev_mac, row)):
            # Edited, or put here in place of the sealed row: either way, this row.
            return Verdict(count, CHANGED, row.id, f"row {row.id} differs from what was sealed")
        prev_mac, prev_id, count = row.mac, row.id, count + 1
    if head is None:
        if count:
            return Verdict(count, HEAD_CHANGED, prev_id, "the trail's head record is gone")
        return Verdict(0)
    if not head.seal or not hmac.compare_digest(head.seal, seal_head(key, head.id, head.mac)):
        return Verdict(count, HEAD_CHANGED, head.id, "the trail's head record was changed")
    if head.id > prev_id:
        gone = f"row {head.id}" if head.id == prev_id + 1 else f"rows {prev_id + 1}–{head.id}"
        return Verdict(count, TAIL_MISSING, prev_id + 1,
                       f"{gone} missing after row {prev_id}, the last one left")
    if head.id < prev_id or head.mac != prev_mac:
        return Verdict(count, INSERTED, head.id + 1,
                       f"rows after {head.id} were added outside KeyDesk")
    return Verdict(count)

