"""What schema 4 wrote, frozen: its body packer and its search text.

Migration 4 (``schema._to_v4``) is a released step and must keep doing exactly what it
did, whatever the current row format becomes; migration 5 reads the bodies it wrote.
"""

from __future__ import annotations

import zlib
from typing import Any

SEARCHED_V4 = ("device", "code", "card", "user", "user_name", "code_text", "error_text",
               "method_text")


class PackerV4:
    """Schema 4's bodies: one raw-deflate stream, fully flushed after each body."""

    def __init__(self) -> None:
        self._co = zlib.compressobj(1, zlib.DEFLATED, -15)

    def pack(self, payload: str, raw: str) -> bytes:
        data = f"{len(payload)}\n{payload}{raw}".encode("utf-8", "surrogatepass")
        return self._co.compress(data) + self._co.flush(zlib.Z_FULL_FLUSH)


# Schema 4's condition of the partial index events_alarm (schema 6 replaced it).
ALARM_SQL_V4 = ("(severity = 'alarm' OR code IN ('BreakIn', 'ChassisIntruded', "
                "'DoorNotClosed', 'Duress'))")


def unpack_body_v4(body: bytes) -> tuple[str, str]:
    """(payload JSON, raw text) of a schema-4 body."""
    text = zlib.decompressobj(-15).decompress(body).decode("utf-8", "surrogatepass")
    size, _, rest = text.partition("\n")
    n = int(size)
    return rest[:n], rest[n:]


def search_text_v4(payload: dict[str, Any], device: str, code: str) -> str:
    words = [device, code]
    words += [str(payload[k]) for k in SEARCHED_V4[2:] if payload.get(k) not in (None, "")]
    return " ".join(words)
