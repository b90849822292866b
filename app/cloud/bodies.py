"""Reading an answer's body within a size cap, decompressing as it streams.

Whatever a peer sends (a 300 MB body, a gzip bomb that inflates 1 MB into 1 GiB, an
endless chunked stream), at most ``cap`` decoded bytes plus one network chunk are held:
the body is read raw and inflated here with ``max_length``, so one small compressed
chunk can never expand into a huge buffer (httpx's own decoders inflate a chunk whole).
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator

import httpx

from app.cloud.envelope import DESK_DOMAIN, GarbledAnswer
from app.domain.errors import KeyDeskError

# What we ask for (Accept-Encoding) and so what we can undo.
ACCEPTED_ENCODINGS = "gzip, deflate"


class AnswerTooLarge(KeyDeskError):
    def __init__(self, action: str, cap: int) -> None:
        super().__init__(DESK_DOMAIN, "answer-too-large",
                         f"{action}: the answer is over {cap:,} bytes; stopped reading it",
                         retryable=True)
        self.action = action
        self.cap = cap


class _Identity:
    def feed(self, data: bytes, limit: int) -> bytes:
        return data

    def end(self) -> None:
        pass


class _Inflater:
    """gzip (several members allowed) or deflate (zlib-wrapped or raw), bounded."""

    def __init__(self, encoding: str) -> None:
        self._wbits = zlib.MAX_WBITS | 16 if encoding == "gzip" else zlib.MAX_WBITS
        self._raw_fallback = encoding == "deflate"
        self._z = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        """At most ``limit`` decoded bytes; reaching it means the answer is over the cap
        (what is left undecoded then never matters)."""
        out = b""
        while data and len(out) < limit:
            try:
                out += self._z.decompress(data, limit - len(out))
            except zlib.error:
                if self._raw_fallback and not self._started:  # "deflate" sent raw
                    self._raw_fallback = False
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise ValueError("the compressed answer is damaged") from None
            self._started = True
            data = self._z.unused_data if self._z.eof else b""
            if data:  # another gzip member follows
                self._z = zlib.decompressobj(self._wbits)
        return out

    def end(self) -> None:
        if self._started and not self._z.eof:
            raise ValueError("the compressed answer is cut short")


def _decoder(encoding: str) -> _Identity | _Inflater:
    codings = [c.strip() for c in encoding.lower().split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    if not codings:
        return _Identity()
    if codings in (["gzip"], ["x-gzip"], ["deflate"]):
        return _Inflater("gzip" if "gzip" in codings[0] else "deflate")
    raise ValueError(f"the answer is encoded as {encoding!r}, which was not asked for")


async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_raw():
            yield chunk
    except httpx.StreamConsumed:  # built in memory (a mock transport): already whole
        yield response.content


async def read_capped(response: httpx.Response, cap: int, action: str) -> bytes:
    """The decoded body of a streamed ``response``; AnswerTooLarge past ``cap`` bytes,
    GarbledAnswer when its encoding is unknown or damaged."""
    try:
        decoder = _decoder(response.headers.get("content-encoding", ""))
    except ValueError as exc:
        raise GarbledAnswer(f"{action}: {exc}") from None
    declared = response.headers.get("content-length", "")
    if isinstance(decoder, _Identity) and declared.isdigit() and int(declared) > cap:
        raise AnswerTooLarge(action, cap)
    body = bytearray()
    try:
        async for chunk in _raw_chunks(response):
            body += decoder.feed(chunk, cap + 1 - len(body))
            if len(body) > cap:
                raise AnswerTooLarge(action, cap)
        decoder.end()
    except ValueError as exc:
        raise GarbledAnswer(f"{action}: {exc}") from None
    return bytes(body)
