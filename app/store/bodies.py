"""Event bodies (payload JSON and raw text) kept in compressed blocks of consecutive ids.

Compressing each body on its own costs a compressor flush per event (most of zlib's time
at 1 KB) and finds no redundancy between events, which are nearly all alike. So a batch
of new rows is cut into blocks of up to :data:`BLOCK` consecutive ids; each block is one
deflate stream of its bodies, with their sizes beside it. A block is named by its last id
(``event_bodies.id``) and knows its first, so the block holding event ``n`` is the first
block whose id is ``>= n``. A body is read by inflating its block (a few tens of KB).

Since schema 6 a block is deflated with a preset dictionary of typical bodies
(:mod:`app.store.body_dicts`), named by ``event_bodies.zdict`` and kept in the file
(``body_dicts``); blocks written before (``zdict`` NULL) are zlib streams without one.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Any

from app.store import body_dicts

BLOCK = 16  # bodies per block: small enough that one body costs little to read
_LEVEL = 1  # schema 5's blocks (no dictionary): fast; the block wins the redundancy
# With the dictionary, level 2 costs what level 1 does and saves ~15% more (measured on
# the bench's bodies: 137 against 165 bytes per event; level 3 and up cost more time).
_DICT_LEVEL = 2
DICT = 1  # the dictionary new blocks are deflated with (``body_dicts.id``)
DICTS = {DICT: body_dicts.READER_1}  # the ones this KeyDesk writes with


def pack_block(bodies: Sequence[tuple[bytes, bytes]], zdict: bytes | None = None
               ) -> tuple[bytes, bytes]:
    """(sizes, compressed) for the (payload, raw) bytes of consecutive events: a zlib
    stream, or with ``zdict`` a raw deflate stream primed with that dictionary."""
    flat = list(chain.from_iterable(bodies))  # payload, raw, payload, raw …: C loops only
    sizes = struct.pack(f"<{len(flat)}I", *map(len, flat))
    if zdict is None:
        return sizes, zlib.compress(b"".join(flat), _LEVEL)
    deflate = zlib.compressobj(_DICT_LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY,
                               zdict)
    return sizes, deflate.compress(b"".join(flat)) + deflate.flush()


def blocks(first_id: int, bodies: Sequence[tuple[bytes, bytes]], zdict: bytes | None = None
           ) -> Iterable[tuple[int, int, bytes, bytes]]:
    """Rows of ``event_bodies`` (last id, first id, sizes, compressed) for bodies of the
    consecutive ids from ``first_id``."""
    for at in range(0, len(bodies), BLOCK):
        part = bodies[at:at + BLOCK]
        sizes, data = pack_block(part, zdict)
        yield first_id + at + len(part) - 1, first_id + at, sizes, data


def unpack_block(first: int, sizes: bytes, data: bytes, zdict: bytes | None = None
                 ) -> dict[int, tuple[bytes, bytes]]:
    """{event id: (payload bytes, raw bytes)} of one block (``zdict``: its dictionary)."""
    if zdict is None:
        flat = zlib.decompress(data)
    else:
        inflate = zlib.decompressobj(-15, zdict)
        flat = inflate.decompress(data) + inflate.flush()
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

    SQL = ("SELECT first, sizes, body, zdict FROM event_bodies WHERE id >= ? "
           "ORDER BY id LIMIT 1")

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
            zdict = None if row[3] is None else self._dictionary(int(row[3]))
            self._blocks.update(unpack_block(row[0], row[1], row[2], zdict))
            found = self._blocks.get(event_id)
        return found

    def _dictionary(self, ident: int) -> bytes:
        """Dictionary ``ident`` as the file keeps it (the same bytes as :data:`DICTS`:
        a dictionary is never edited, so those known here need no read)."""
        known = DICTS.get(ident)
        if known is not None:
            return known
        row = self._conn.execute("SELECT data FROM body_dicts WHERE id = ?",
                                 (ident,)).fetchone()
        if row is None:
            raise ValueError(f"event body dictionary {ident} is missing from the file")
        return bytes(row[0])
