"""Event bodies (payload JSON and raw text) kept in compressed blocks of consecutive ids.

Compressing each body on its own costs a compressor flush per event (most of zlib's time
at 1 KB) and finds no redundancy between events, which are nearly all alike. So a batch
of new rows is cut into blocks of up to :data:`BLOCK` consecutive ids; each block is one
deflate stream of its bodies, with their sizes beside it. A block is named by its last id
(``event_bodies.id``) and knows its first, so the block holding event ``n`` is the first
block whose id is ``>= n``. A body is read by inflating its block (a few tens of KB).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from typing import Any

BLOCK = 16  # bodies per block: small enough that one body costs little to read
_LEVEL = 1  # fast; the redundancy between alike events is what the block wins


def pack_block(bodies: Sequence[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """(sizes, compressed) for the (payload, raw) bytes of consecutive events."""
    sizes = struct.pack(f"<{2 * len(bodies)}I", *(n for p, r in bodies for n in (len(p), len(r))))
    return sizes, zlib.compress(b"".join(p + r for p, r in bodies), _LEVEL)


def blocks(first_id: int, bodies: Sequence[tuple[bytes, bytes]]
           ) -> Iterable[tuple[int, int, bytes, bytes]]:
    """Rows of ``event_bodies`` (last id, first id, sizes, compressed) for bodies of the
    consecutive ids from ``first_id``."""
    for at in range(0, len(bodies), BLOCK):
        part = bodies[at:at + BLOCK]
        sizes, data = pack_block(part)
        yield first_id + at + len(part) - 1, first_id + at, sizes, data


def unpack_block(first: int, sizes: bytes, data: bytes) -> dict[int, tuple[bytes, bytes]]:
    """{event id: (payload bytes, raw bytes)} of one block."""
    flat = zlib.decompress(data)
    counts = struct.unpack(f"<{len(sizes) // 4}I", sizes)
    out: dict[int, tuple[bytes, bytes]] = {}
    at = 0
    for i in range(0, len(counts), 2):
        p, r = counts[i], counts[i + 1]
        out[first + i // 2] = (flat[at:at + p], flat[at + p:at + p + r])
        at += p + r
    return out


class BlockReader:
    """Reads bodies through one connection, inflating each block once per reader."""

    SQL = "SELECT first, sizes, body FROM event_bodies WHERE id >= ? ORDER BY id LIMIT 1"

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._blocks: dict[int, tuple[bytes, bytes]] = {}

    def body(self, event_id: int) -> tuple[bytes, bytes] | None:
        """(payload, raw) bytes of ``event_id``, or None when no block holds it."""
        found = self._blocks.get(event_id)
        if found is None:
            row = self._conn.execute(self.SQL, (event_id,)).fetchone()
            if row is None or row[0] > event_id:
                return None
            if len(self._blocks) > 4 * BLOCK:  # a long export: keep only the current block
                self._blocks.clear()
            self._blocks.update(unpack_block(row[0], row[1], row[2]))
            found = self._blocks.get(event_id)
        return found
