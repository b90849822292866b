"""Event bodies (payload JSON and raw text) kept in compressed blocks of consecutive ids.

Compressing each body on its own costs a compressor flush per event (most of zlib's time
at 1 KB) and finds no redundancy between events, which are nearly all alike. So a batch
of new rows is cut into blocks of up to :data:`BLOCK` consecutive ids; each block is one
compressed stream of its bodies, with their sizes beside it. A block is named by its last
id (``event_bodies.id``) and knows its first, so the block holding event ``n`` is the
first block whose id is ``>= n``. A body is read by inflating its block (a few tens of KB).

A block names the dictionary it was compressed with (``event_bodies.zdict``, a row of
``body_dicts`` with its codec and bytes, :mod:`app.store.body_dicts`):

- NULL (schema 5): a zlib stream, no dictionary;
- 1 (schema 6 and 7): raw deflate primed with ``READER_1``;
- 2 (schema 8): a Zstandard frame with the same ``READER_1`` bytes as its raw-content
  dictionary. Measured on the bench's bodies, side by side: 2.5 µs and 115 bytes per
  event against deflate's 4.5–5.5 µs and 145 (one compressor kept for the writer's
  life; making one per block, with its dictionary, cost more than the compression).
  Zstandard is Python 3.14's ``compression.zstd``; before 3.14 its backport, the same
  module. Any zstd reader decodes a block: ``zstd -d -D reader_1.bin``.
"""

from __future__ import annotations

import logging
import sqlite3
import struct
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from app.store import body_dicts

if sys.version_info >= (3, 14):
    from compression import zstd
else:  # the backport of 3.14's module (PEP 784), the same interface
    from backports import zstd

log = logging.getLogger(__name__)

BLOCK = 16  # bodies per block: small enough that one body costs little to read
_LEVEL = 1  # schema 5's blocks (no dictionary): fast; the block wins the redundancy
# With the deflate dictionary, level 2 cost what level 1 did and saved ~15% more.
_DICT_LEVEL = 2
# zstd's own default level: on the bench's bodies level 1 cost the same and kept 7% more.
_ZSTD_LEVEL = 3
# A block is a few tens of KB, but a streaming compressor is not told so and sizes its
# window and tables for any input (2 MB, 128 K entries), which it then resets for every
# frame: tables sized to a block cost 28% less time for the same bytes (measured on the
# bench's bodies: 1.8 µs an event against 2.5, 107 bytes either way).
_ZSTD_OPTIONS: dict[int, int] = {
    zstd.CompressionParameter.compression_level: _ZSTD_LEVEL,
    zstd.CompressionParameter.window_log: 15,
    zstd.CompressionParameter.hash_log: 13,
    zstd.CompressionParameter.chain_log: 13,
}
DEFLATE, ZSTD = "deflate", "zstd"


@dataclass(frozen=True)
class Dictionary:
    codec: str  # DEFLATE or ZSTD
    data: bytes


DICT = 2  # the dictionary new blocks are compressed with (``body_dicts.id``)
DICTS = {1: Dictionary(DEFLATE, body_dicts.READER_1),  # the ones this KeyDesk knows
         2: Dictionary(ZSTD, body_dicts.READER_1)}


def _sizes(bodies: Sequence[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """(sizes, concatenated bytes) of (payload, raw) pairs, in C loops only."""
    flat = list(chain.from_iterable(bodies))  # payload, raw, payload, raw …
    return struct.pack(f"<{len(flat)}I", *map(len, flat)), b"".join(flat)


def pack_block(bodies: Sequence[tuple[bytes, bytes]], zdict: bytes | None = None
               ) -> tuple[bytes, bytes]:
    """(sizes, compressed) for the (payload, raw) bytes of consecutive events as schemas
    5–7 wrote them: a zlib stream, or with ``zdict`` raw deflate primed with it."""
    sizes, flat = _sizes(bodies)
    if zdict is None:
        return sizes, zlib.compress(flat, _LEVEL)
    deflate = zlib.compressobj(_DICT_LEVEL, zlib.DEFLATED, -15, 8, zlib.Z_DEFAULT_STRATEGY,
                               zdict)
    return sizes, deflate.compress(flat) + deflate.flush()


def _cut(first_id: int, bodies: Sequence[tuple[bytes, bytes]],
         pack: Callable[[Sequence[tuple[bytes, bytes]]], tuple[bytes, bytes]]
         ) -> Iterable[tuple[int, int, bytes, bytes]]:
    """Rows of ``event_bodies`` (last id, first id, sizes, compressed) for bodies of the
    consecutive ids from ``first_id``, :data:`BLOCK` at a time, each packed by ``pack``."""
    for at in range(0, len(bodies), BLOCK):
        part = bodies[at:at + BLOCK]
        sizes, data = pack(part)
        yield first_id + at + len(part) - 1, first_id + at, sizes, data


def blocks(first_id: int, bodies: Sequence[tuple[bytes, bytes]], zdict: bytes | None = None
           ) -> Iterable[tuple[int, int, bytes, bytes]]:
    """Rows of ``event_bodies`` (see :func:`_cut`) deflated as :func:`pack_block` does."""
    return _cut(first_id, bodies, lambda part: pack_block(part, zdict))


class Packer:
    """Compresses blocks as the writer writes them (:data:`DICT`). One per writing thread:
    it keeps one compressor, with its dictionary loaded, for every block."""

    def __init__(self) -> None:
        self._zstd = zstd.ZstdCompressor(options=_ZSTD_OPTIONS,
                                         zstd_dict=_zstd_dict(DICTS[DICT].data))

    def pack(self, bodies: Sequence[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
        """(sizes, one zstd frame) of consecutive events' (payload, raw) bytes."""
        sizes, flat = _sizes(bodies)
        return sizes, self._zstd.compress(flat, zstd.ZstdCompressor.FLUSH_FRAME)

    def blocks(self, first_id: int, bodies: Sequence[tuple[bytes, bytes]]
               ) -> Iterable[tuple[int, int, bytes, bytes]]:
        """Rows of ``event_bodies`` (see :func:`_cut`) compressed with :data:`DICT`."""
        return _cut(first_id, bodies, self.pack)


_ZSTD_DICTS: dict[bytes, zstd.ZstdDict] = {}
_UNREADABLE = (b"", b"")  # the mark of a body whose block did not decompress (by identity)


def _zstd_dict(data: bytes) -> zstd.ZstdDict:
    """The dictionary loaded once (zstd digests it on first use; a ZstdDict is shared
    safely between threads)."""
    found = _ZSTD_DICTS.get(data)
    if found is None:
        found = _ZSTD_DICTS.setdefault(data, zstd.ZstdDict(data, is_raw=True))
    return found


def unpack_block(first: int, sizes: bytes, data: bytes, dictionary: Dictionary | None = None
                 ) -> dict[int, tuple[bytes, bytes]]:
    """{event id: (payload bytes, raw bytes)} of one block (``dictionary``: the one it
    names; None for schema 5's zlib streams)."""
    counts = struct.unpack(f"<{len(sizes) // 4}I", sizes)
    if dictionary is None:
        flat = zlib.decompress(data)
    elif dictionary.codec == ZSTD:
        # Bounded by the sizes beside it: a damaged block cannot inflate without end.
        flat = zstd.ZstdDecompressor(zstd_dict=_zstd_dict(dictionary.data)).decompress(
            data, max_length=sum(counts))
    elif dictionary.codec == DEFLATE:
        inflate = zlib.decompressobj(-15, dictionary.data)
        flat = inflate.decompress(data) + inflate.flush()
    else:
        raise ValueError(f"event bodies compressed with an unknown codec {dictionary.codec!r}")
    if len(flat) != sum(counts):  # cut short (or longer): never read as empty bodies
        raise ValueError(f"event body block holds {len(flat)} bytes, its sizes say "
                         f"{sum(counts)}")
    out: dict[int, tuple[bytes, bytes]] = {}
    at = 0
    for i in range(0, len(counts), 2):
        p, r = counts[i], counts[i + 1]
        out[first + i // 2] = (flat[at:at + p], flat[at + p:at + p + r])
        at += p + r
    return out


class BlockReader:
    """Reads bodies through one connection, inflating each block once per reader."""

    SQL = ("SELECT first, sizes, body, zdict, id FROM event_bodies WHERE id >= ? "
           "ORDER BY id LIMIT 1")

    def __init__(self, conn: sqlite3.Connection) -> None:
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
            try:
                zdict = None if row[3] is None else self._dictionary(int(row[3]))
                self._blocks.update(unpack_block(row[0], row[1], row[2], zdict))
            except (zlib.error, zstd.ZstdError, struct.error, ValueError) as exc:
                # One damaged block must not hide every row of the page: its events are
                # shown with their columns and a missing body, and the log says which.
                log.error("event bodies %d to %d cannot be read (%s); their events are "
                          "shown without them", row[0], row[4], exc)
                # (the range as the file gives it, bounded: a damaged row may claim any)
                marked = range(max(row[0], event_id - BLOCK), min(row[4], event_id + BLOCK) + 1)
                self._blocks.update(dict.fromkeys(marked, _UNREADABLE))
            found = self._blocks.get(event_id)
        return None if found is _UNREADABLE else found

    def _dictionary(self, ident: int) -> Dictionary:
        """Dictionary ``ident`` as the file keeps it (the same as :data:`DICTS`: a
        dictionary is never edited, so those known here need no read)."""
        known = DICTS.get(ident)
        if known is not None:
            return known
        row = self._conn.execute("SELECT codec, data FROM body_dicts WHERE id = ?",
                                 (ident,)).fetchone()
        if row is None:
            raise ValueError(f"event body dictionary {ident} is missing from the file")
        return Dictionary(str(row[0]), bytes(row[1]))
