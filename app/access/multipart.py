"""Incremental, byte-level parser of the readers' ``multipart/x-mixed-replace`` stream.

Written by hand because no library parses an *endless* multipart response incrementally
while tolerating what these devices really send (see the spec's "what real streams do"):
CRLFs before the boundary instead of after the part, header names in any case,
``Content-Length:315`` with or without a space, byte-exact lengths with non-UTF-8 names,
parts split over many reads or many parts in one read, and lengths that are wrong or
missing. ``feed(bytes)`` returns every part completed so far; nothing is ever dropped:
parts it cannot decode are returned raw, bytes between parts are counted as garbage.

Speed comes from doing the work with ``bytes.find`` on one buffer (C loops), never
looking at the stream line by line in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_BOUNDARY = b"myboundary"
_COMPACT_AT = 1 << 16  # drop consumed bytes from the buffer once this many piled up
_WS = b"\r\n"


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
            self._headers = _parse_headers(self._raw_headers)
        return self._headers

    def __repr__(self) -> str:
        return f"Part({self.headers!r}, {self.body[:40]!r}..., length_ok={self.length_ok})"


def _parse_headers(block: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


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


def _looks_complete(body: bytes) -> bool:
    """Whether a body can be handed out before the bytes after it arrived.

    With a correct Content-Length every body is complete; the check only guards against a
    *short* wrong length cutting a JSON body in the middle exactly at a read boundary.
    """
    if body == b"Heartbeat":
        return True
    end = body.rstrip(_WS)
    return end.endswith(b"}") and body.count(b"{") == body.count(b"}")


class MultipartParser:
    """Feed bytes in, get :class:`Part` objects out (any chunking gives the same parts)."""

    _SEEK, _HEADERS, _BODY, _SCAN = range(4)

    def __init__(self, boundary: bytes = DEFAULT_BOUNDARY) -> None:
        self.delim = b"--" + boundary
        self.stats = ParserStats()
        self.ended = False  # the closing ``--boundary--`` was seen
        self._buf = bytearray()
        self._pos = 0
        self._state = self._SEEK
        self._headers: dict[str, str] = {}
        self._length: int | None = None
        self._scan_from = 0  # where the search for an early boundary resumes
        self._steps = (self._seek, self._read_headers, self._read_body, self._scan_body)

    @property
    def buffered(self) -> int:
        return len(self._buf) - self._pos

    def feed(self, data: bytes) -> list[Part]:
        if data:
            self._buf += data
            self.stats.bytes += len(data)
        out: list[Part] = []
        seek, steps = self._SEEK, self._steps
        while True:
            if self._state == seek and self._fast(out):
                break  # a well-formed part is still arriving
            if not steps[self._state](out):
                break
        if self._pos >= _COMPACT_AT or (self._pos and self._pos == len(self._buf)):
            del self._buf[: self._pos]
            self._scan_from = max(0, self._scan_from - self._pos)
            self._pos = 0
        return out

    def _fast(self, out: list[Part]) -> bool:
        """The common case in a tight loop: whole, well-formed parts with a correct
        ``Content-Length:`` header. Returns True when what is left looks like the start
        of such a part (wait for more bytes), False when the general state machine below
        must look at it (other spellings, wrong lengths, garbage...)."""
        buf, delim, pos = self._buf, self.delim, self._pos
        find, startswith = buf.find, buf.startswith
        dlen, size = len(delim), len(buf)
        found = 0
        wait = False
        while True:
            idx = find(delim, pos)
            if idx < 0:
                wait = size - pos < dlen + 4 and not bytes(buf[pos:]).strip(_WS)
                break
            if idx - pos > 4:  # more than blank lines before the delimiter
                break
            head = idx + dlen
            if not startswith(b"\r\n", head):
                wait = size < head + 2  # else "--" (the end) or odd: the slow path decides
                break
            end = find(b"\r\n\r\n", head)
            if end < 0:
                wait = size - head < 1024  # a header block is short; longer is odd
                break
            at = find(b"Content-Length:", head, end)
            if at < 0:
                break
            try:
                length = int(buf[at + 15 : find(b"\r", at, end + 1)])
            except ValueError:
                break
            start = end + 4
            stop = start + length
            if stop > size:
                wait = find(delim, start) < 0
                break
            # A length too large shows as no delimiter right after the body; only at the
            # end of the buffer must the body itself be searched for a boundary.
            after = stop + 2 if startswith(b"\r\n", stop) else stop
            if after >= size:
                if find(delim, start, stop) >= 0:
                    break
                body = bytes(buf[start:stop])
                if not _looks_complete(body):
                    wait = True
                    break
            elif startswith(delim, after):
                body = bytes(buf[start:stop])
            else:
                wait = size - after < dlen and delim.startswith(bytes(buf[after:]))
                break
            out.append(Part(bytes(buf[head + 2 : end]), body))
            found += 1
            pos = stop
        if found:
            self.stats.parts += found
            self._pos = pos
        return wait

    # Each state handler returns True when it made progress and the loop should go on.

    def _seek(self, _out: list[Part]) -> bool:
        buf, pos = self._buf, self._pos
        idx = buf.find(self.delim, pos)
        if idx < 0:
            # Keep a possible partial delimiter at the end; count what can never be one.
            keep = len(self.delim) - 1
            cut = max(pos, len(buf) - keep)
            self._garbage(pos, cut)
            self._pos = cut
            return False
        self._garbage(pos, idx)
        after = idx + len(self.delim)
        if len(buf) < after + 2:
            self._pos = idx
            return False
        if buf[after : after + 2] == b"--":  # closing delimiter
            self.ended = True
            self._pos = after + 2
            return True
        # Skip the rest of the delimiter line (normally just CRLF).
        eol = buf.find(b"\n", after)
        if eol < 0:
            self._pos = idx
            return False
        self._pos = eol + 1
        self._state = self._HEADERS
        return True

    def _garbage(self, start: int, end: int) -> None:
        if end > start:
            chunk = self._buf[start:end].strip()
            if chunk:
                self.stats.garbage_bytes += len(chunk)
                self.stats.garbage_runs += 1

    def _read_headers(self, _out: list[Part]) -> bool:
        buf, pos = self._buf, self._pos
        if buf.startswith(b"\r\n", pos) or buf.startswith(b"\n", pos):
            end, body_at = pos, pos + (2 if buf[pos] == 13 else 1)  # no headers at all
        else:
            crlf = buf.find(b"\n\r\n", pos)
            lf = buf.find(b"\n\n", pos)
            if crlf < 0 and lf < 0:
                if len(buf) - pos > 16384:  # no header block ends: not a part after all
                    self._garbage(pos, len(buf))
                    self._pos = len(buf)
                    self._state = self._SEEK
                    return True
                return False
            if lf < 0 or (0 <= crlf < lf):
                end, body_at = crlf, crlf + 3
            else:
                end, body_at = lf, lf + 2
        headers: dict[str, str] = {}
        for line in bytes(buf[pos:end]).decode("latin-1").splitlines():
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        self._headers = headers
        self._pos = body_at
        length = headers.get("content-length")
        try:
            self._length = int(length) if length is not None else None
        except ValueError:
            self._length = None
        if self._length is None or self._length < 0:
            self.stats.missing_length += 1
            self._to_scan()
        else:
            self._state = self._BODY
            self._scan_from = body_at
        return True

    def _to_scan(self) -> None:
        self.stats.boundary_scans += 1
        self._state = self._SCAN
        self._scan_from = self._pos

    def _boundary_at_line_start(self, start: int, end: int) -> int:
        """The first delimiter in ``[start, end)`` that begins a line, else -1."""
        buf, delim, body_start = self._buf, self.delim, self._pos
        idx = buf.find(delim, start, end)
        while idx >= 0:
            if idx == body_start or buf[idx - 1] == 10:
                return idx
            idx = buf.find(delim, idx + 1, end)
        return -1

    def _read_body(self, out: list[Part]) -> bool:
        buf, pos, length = self._buf, self._pos, self._length
        assert length is not None
        end = pos + length
        avail = min(end, len(buf))
        # A boundary inside the announced body means the length is too large.
        scan_start = max(pos, self._scan_from - len(self.delim))
        if self._boundary_at_line_start(scan_start, avail) >= 0:
            self.stats.wrong_length += 1
            self._to_scan()
            return True
        self._scan_from = avail
        if len(buf) < end:
            return False
        # What follows the body must be blank lines and then the next delimiter.
        after = end
        n = len(buf)
        while after < n and buf[after] in (13, 10):
            after += 1
        rest = n - after
        body = bytes(buf[pos:end])
        if rest == 0:
            if not _looks_complete(body):
                return False
        elif buf.startswith(self.delim, after):
            pass
        elif rest < len(self.delim) and self.delim.startswith(bytes(buf[after:])):
            return False  # the delimiter is still arriving
        elif not _looks_complete(body):
            # A body cut short is a wrong length; a complete one followed by junk is
            # trusted (the junk is counted as garbage by the next search).
            self.stats.wrong_length += 1
            self._to_scan()
            return True
        self._emit(out, body, True)
        self._pos = end
        return True

    def _scan_body(self, out: list[Part]) -> bool:
        buf, pos = self._buf, self._pos
        start = max(pos, self._scan_from - len(self.delim))
        idx = self._boundary_at_line_start(start, len(buf))
        if idx < 0:
            self._scan_from = len(buf)
            return False
        body = bytes(buf[pos:idx]).rstrip(_WS)
        self._emit(out, body, False)
        self._pos = idx
        return True

    def _emit(self, out: list[Part], body: bytes, length_ok: bool) -> None:
        out.append(Part(b"", body, length_ok, self._headers))
        self.stats.parts += 1
        self._headers = {}
        self._length = None
        self._state = self._SEEK
