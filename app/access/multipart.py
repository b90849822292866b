"""Incremental, byte-level parser of the readers' ``multipart/x-mixed-replace`` stream.

Written by hand because no library parses an *endless* multipart response incrementally
while tolerating what these devices really send (see the spec's "what real streams do"):
CRLFs before the boundary instead of after the part, header names in any case,
``Content-Length:315`` with or without a space, byte-exact lengths with non-UTF-8 names,
parts split over many reads or many parts in one read, and lengths that are wrong or
missing. ``feed(bytes)`` returns every part completed so far; nothing is ever dropped:
parts it cannot decode are returned raw, bytes between parts are counted as garbage.

Speed comes from doing the work with ``bytes.find`` on one buffer (C loops), never
looking at the stream line by line in Python, and from making as few calls per part as
possible (see :class:`MultipartParser`); ``bench/stream/run.py`` measures it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from app.access.multipart_fallback import (
    BODY,
    SCAN,
    SEEK,
    WS,
    FallbackStates,
    looks_complete,
    parse_header_lines,
)

DEFAULT_BOUNDARY = b"myboundary"
_ASIDE_AT = 1 << 16  # a part this long still arriving: set reads aside, don't re-copy it
_LENGTHS_KEPT = 512  # distinct header blocks remembered with their Content-Length
# A reader event is a few KB. A part still unfinished past this size (a huge length, or no
# length and no boundary) is refused: the caller drops the connection and reconnects.
MAX_PART_BYTES = 1 << 20


class Part:
    """One part: lower-cased header names, the exact body bytes.

    ``length_ok`` is False when the Content-Length was missing or wrong and the body was
    cut at the next boundary instead (the body may then lack trailing newlines).
    """

    __slots__ = ("_headers", "_raw_headers", "body", "length_ok")

    def __init__(self, raw_headers: bytes, body: bytes, length_ok: bool = True,
                 headers: dict[str, str] | None = None) -> None:
        self._raw_headers = raw_headers  # parsed on demand: most consumers want the body
        self._headers = headers
        self.body = body
        self.length_ok = length_ok

    @property
    def headers(self) -> dict[str, str]:
        if self._headers is None:
            self._headers = parse_header_lines(self._raw_headers)
        return self._headers

    def __repr__(self) -> str:
        return f"Part({self.headers!r}, {self.body[:40]!r}..., length_ok={self.length_ok})"


@dataclass(slots=True)
class ParserStats:
    parts: int = 0
    bytes: int = 0
    missing_length: int = 0  # parts without a usable Content-Length
    wrong_length: int = 0  # Content-Length disagreed with the boundary position
    boundary_scans: int = 0  # parts cut at the boundary (the two above, together)
    garbage_bytes: int = 0  # non-blank bytes found between parts (counted, not parts)
    garbage_runs: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int]:
        return {
            "parts": self.parts,
            "bytes": self.bytes,
            "missing_length": self.missing_length,
            "wrong_length": self.wrong_length,
            "boundary_scans": self.boundary_scans,
            "garbage_bytes": self.garbage_bytes,
            "garbage_runs": self.garbage_runs,
        }


def boundary_from_content_type(content_type: str | None) -> bytes:
    """The boundary named in a ``Content-Type`` header (``myboundary`` when absent)."""
    if content_type:
        for param in content_type.split(";")[1:]:
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "boundary" and value.strip():
                value = value.strip().strip('"')
                if value.startswith("--"):  # some firmware repeats the dashes here
                    value = value[2:]
                return value.encode("latin-1")
    return DEFAULT_BOUNDARY


def usual_length(block: bytes) -> int:
    """The Content-Length of a header block spelled the usual way (``Content-Length:``
    at a line start, the value up to the line end), else -1: the state machine then reads
    the headers with any spelling."""
    if block.startswith(b"Content-Length:"):
        at = 15
    else:
        at = block.find(b"\nContent-Length:")
        if at < 0:
            return -1
        at += 16
    cr = block.find(b"\r", at)
    try:
        length = int(block[at:cr] if cr >= 0 else block[at:])
    except ValueError:
        return -1
    return length if length >= 0 else -1


class MultipartParser(FallbackStates):
    """Feed bytes in, get :class:`Part` objects out (any chunking gives the same parts).

    ``feed`` first runs a fast path over whole, well-formed parts with a correct
    ``Content-Length:`` header (the usual case); whatever it declines goes to the state
    machine in :mod:`app.access.multipart_fallback`, one part at a time, and then the
    fast path takes over again. In CPython each call (``find``, ``int``, a slice) costs
    far more than the bytes it looks at, so the fast path counts its calls per part:

    - after a body it compares the bytes there with CRLF + delimiter + CRLF, so the next
      delimiter is never searched for; only the header block's end is (one ``find``);
    - the header block's bytes, sliced anyway for :class:`Part`, are looked up in a small
      dict of blocks already seen with their Content-Length: devices repeat the same few
      blocks, so the length is usually neither searched for nor parsed again;
    - the buffer is ``bytes`` rebuilt once per read from the unconsumed rest (normally
      less than one part) plus the new bytes, so slices are single copies;
    - a part whose headers arrived but not all of its body is remembered in ``_pend``
      (header block, offsets, how far its body was searched for a delimiter), so the next
      read neither parses those headers again nor searches old bytes again;
    - while a long part (over ``_ASIDE_AT`` bytes) is still arriving, reads are kept in a
      list (searched only for the delimiter) instead of being appended to the buffer, so
      a huge body costs linear, not quadratic, copying.

    One known exception to "any chunking": a Content-Length too long by exactly one or
    more whole parts (the delimiter line sits right where it ends) is trusted when it all
    came in one read, but cut at the inner delimiter when that arrived first. Catching
    it would take a search through every body (~15% of the throughput) for a case no
    device was seen to produce.
    """

    def __init__(self, boundary: bytes = DEFAULT_BOUNDARY,
                 max_part: int = MAX_PART_BYTES) -> None:
        self.delim = b"--" + boundary
        self.max_part = max_part
        # Set (to the bytes held) when a part grew past ``max_part``: the parts returned so
        # far are good, but the stream must be dropped (see :meth:`feed`).
        self.too_large: int | None = None
        self.stats = ParserStats()
        self.ended = False  # the closing ``--boundary--`` was seen
        self._buf = b""
        self._pos = 0  # start of what is not consumed yet
        self._state = SEEK
        self._headers: dict[str, str] = {}
        self._length: int | None = None
        self._scan_from = 0
        lead = WS + self.delim + WS  # what follows a body in a well-formed stream
        self._consts = (self.delim, lead, len(self.delim), len(lead))
        self._lengths: dict[bytes, int] = {}  # header block -> Content-Length (-1: unusual)
        # A waiting part: (header block, body start, body end, body searched up to), the
        # offsets relative to ``_pos`` (the buffer is rebuilt from there on every read).
        self._pend: tuple[bytes, int, int, int] | None = None
        self._need = 0  # reads are set aside until this many more bytes came (or a delim)
        self._aside: list[bytes] = []
        self._aside_len = 0
        self._aside_tail = b""  # the last bytes before the reads set aside (delim search)
        self._steps = (self._seek, self._read_headers, self._read_body, self._scan_body)

    @property
    def buffered(self) -> int:
        return len(self._buf) - self._pos + self._aside_len

    def feed(self, data: bytes) -> list[Part]:
        """Take the next bytes read; return every part completed so far, in order.

        Memory is bounded: once the part still arriving holds more than ``max_part``
        bytes, ``too_large`` is set and nothing more should be fed (drop the connection).
        """
        if data:
            self.stats.bytes += len(data)
            if self._need:
                data = self._set_aside(data)
                if not data:
                    if self.buffered > self.max_part:
                        self.too_large = self.buffered
                    return []
            buf, pos = self._buf, self._pos
            if pos:  # drop what was consumed: copies only the part still arriving
                buf = buf[pos:] + data if pos < len(buf) else bytes(data)
                if self._state:  # the state machine's offset (unused while seeking)
                    self._scan_from = max(0, self._scan_from - pos)
            else:
                buf += data
            self._buf, self._pos = buf, 0
        else:
            buf = self._buf
        out: list[Part] = []
        append, find = out.append, buf.find
        delim, lead, dlen, llen = self._consts
        lengths = self._lengths
        size = len(buf)
        while True:
            if self._state == SEEK:
                wait = False
                pos, pend = self._pos, self._pend
                head = -1  # the CRLF ending the next delimiter line, once known
                while True:  # the fast path: one well-formed part per turn
                    if pend is None:
                        # 1. The delimiter line: normally found right after the last body.
                        if head >= 0:
                            pass
                        elif buf[pos : pos + llen] == lead:
                            head = pos + llen - 2
                        else:
                            idx = find(delim, pos)
                            if idx < 0:
                                rest = buf[pos:]
                                wait = size - pos < llen and (
                                    lead.startswith(rest) or not rest.strip(WS))
                                break
                            if idx > pos and (idx - pos > 4 or buf[pos:idx].strip(WS)):
                                break  # more than blank lines before it: counted as garbage
                            head = idx + dlen
                            if buf[head : head + 2] != WS:
                                wait = size < head + 2  # else "--" (the end) or odd
                                break
                        # 2. The header block and its Content-Length.
                        end = find(b"\r\n\r\n", head)
                        if end < 0:
                            wait = size - head < 1024  # a header block is short
                            break
                        raw = buf[head + 2 : end]
                        length = lengths.get(raw)
                        if length is None:
                            length = usual_length(raw)
                            if len(lengths) >= _LENGTHS_KEPT:
                                lengths.clear()
                            lengths[raw] = length
                        if length < 0:
                            break
                        start = end + 4
                        stop = start + length
                        scanned = start
                    else:
                        raw, start, stop, scanned = pend
                        start += pos
                        stop += pos
                        scanned += pos
                        pend = None
                    # 3. The body, then the next delimiter line.
                    if buf[stop : stop + llen] == lead:
                        append(Part(raw, buf[start:stop]))
                        pos = stop
                        head = stop + llen - 2
                        continue
                    if stop > size:
                        # A delimiter in a body still arriving means its length is too
                        # large; only the bytes that came since the last look are searched.
                        if find(delim, max(start, scanned - dlen + 1)) >= 0:
                            break
                        pend = (raw, start - pos, stop - pos, size - pos)
                        wait = True
                        break
                    after = stop + 2 if buf[stop : stop + 2] == WS else stop
                    if after == size - 1 and buf[after] == 13:
                        after = size  # the LF after the body is still arriving
                    if after >= size:
                        # Nothing after the body yet: only now must the body itself be
                        # searched for a boundary (a length too large).
                        if find(delim, start, stop) >= 0:
                            break
                        body = buf[start:stop]
                        if not looks_complete(body):
                            pend = (raw, start - pos, stop - pos, stop - pos)
                            wait = True
                            break
                    elif buf.startswith(delim, after):
                        body = buf[start:stop]  # e.g. the closing delimiter next
                    else:
                        if size - after < dlen and delim.startswith(buf[after:]):
                            pend = (raw, start - pos, stop - pos, stop - pos)  # arriving
                            wait = True
                        break
                    append(Part(raw, body))
                    pos = stop
                    head = -1
                self._pos, self._pend = pos, pend
                if wait:
                    break
            if not self._steps[self._state](out):
                break
        self.stats.parts += len(out)
        held = size - self._pos
        if held > _ASIDE_AT:
            if held > self.max_part:
                self.too_large = held
            self._start_aside()
        return out

    def _start_aside(self) -> None:
        """A long part is arriving: from the next read on, keep reads aside until it can be
        complete (its length) or a delimiter shows up (a wrong or missing length)."""
        buf, pos = self._buf, self._pos
        if self._pend is not None:
            need = pos + self._pend[2] - len(buf)  # until its body can be complete
        elif self._state == BODY and self._length is not None:
            need = pos + self._length - len(buf)
        elif self._state == SCAN:
            need = sys.maxsize  # only a delimiter ends it
        else:
            need = 0
        if need > 0:
            self._need = need
            self._aside_tail = buf[1 - len(self.delim) :]

    def _set_aside(self, data: bytes) -> bytes:
        """Keep ``data`` aside (returns b"") or return everything kept plus ``data``."""
        seen = self._aside_tail + data
        self._aside.append(data)
        self._aside_len += len(data)
        if self._aside_len < self._need and seen.find(self.delim) < 0:
            self._aside_tail = seen[1 - len(self.delim) :]
            return b""
        joined = b"".join(self._aside)
        self._aside, self._aside_len, self._aside_tail, self._need = [], 0, b"", 0
        return joined

    def _emit(self, out: list[Part], body: bytes, length_ok: bool) -> None:
        out.append(Part(b"", body, length_ok, self._headers))
        self._headers = {}
        self._length = None
        self._state = SEEK
