"""The careful half of the stream parser: a state machine for every part the fast path
of :class:`app.access.multipart.MultipartParser` declines (any header spelling, missing or
wrong lengths, garbage between parts, the closing delimiter).

It works on the parser's buffer and offsets (``_buf``, ``_pos``, ``delim``, ``stats``) and
hands finished bodies to the parser's ``_emit``. Each state handler returns True when it
made progress and the parser should run the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.access.multipart import ParserStats, Part

WS = b"\r\n"
SEEK, HEADERS, BODY, SCAN = range(4)
_BLANK = b" \t\r\n\x0b\x0c"  # what bytes.strip() strips: not counted as garbage
MAX_HEADER_BLOCK = 16384  # longer without a blank line: not a part after all


def looks_complete(body: bytes) -> bool:
    """Whether a body can be handed out before the bytes after it arrived.

    With a correct Content-Length every body is complete; the check only guards against a
    *short* wrong length cutting a JSON body in the middle exactly at a read boundary.
    """
    if body == b"Heartbeat":
        return True
    end = body.rstrip(WS)
    return end.endswith(b"}") and body.count(b"{") == body.count(b"}")


def parse_header_lines(block: bytes) -> dict[str, str]:
    """``Name: value`` lines → {lower-cased name: value}; lines without ``:`` are ignored."""
    headers: dict[str, str] = {}
    for line in block.decode("latin-1").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


class FallbackStates:
    """Mixin: the state machine (seek → headers → body by length, or scan to a boundary)."""

    delim: bytes
    stats: ParserStats
    ended: bool
    _buf: bytes
    _pos: int
    _state: int
    _headers: dict[str, str]
    _length: int | None
    _scan_from: int  # where the search for an early boundary resumes
    _garbage_till = -1  # stream offset where a garbage run may go on in the next read

    def _emit(self, out: list[Part], body: bytes, length_ok: bool) -> None:
        raise NotImplementedError

    def _seek(self, _out: list[Part]) -> bool:
        buf, pos = self._buf, self._pos
        idx = buf.find(self.delim, pos)
        if idx < 0:
            # Keep a possible partial delimiter at the end; count what can never be one.
            keep = len(self.delim) - 1
            cut = max(pos, len(buf) - keep)
            self._garbage(pos, cut, goes_on=True)
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
        self._state = HEADERS
        return True

    def _garbage(self, start: int, end: int, goes_on: bool = False) -> None:
        """Count non-blank bytes in ``[start, end)``. ``goes_on``: the run may continue in
        the next read, which must not count it as a new run (any chunking, same counts)."""
        junk = len(self._buf[start:end].translate(None, _BLANK))
        at = self.stats.bytes - len(self._buf)  # stream offset of the buffer's first byte
        continued = at + start == self._garbage_till
        if junk:
            self.stats.garbage_bytes += junk
            if not continued:
                self.stats.garbage_runs += 1
        self._garbage_till = at + end if goes_on and (junk or continued) else -1

    def _read_headers(self, _out: list[Part]) -> bool:
        buf, pos = self._buf, self._pos
        if buf.startswith(b"\r\n", pos) or buf.startswith(b"\n", pos):
            end, body_at = pos, pos + (2 if buf[pos] == 13 else 1)  # no headers at all
        else:
            crlf = buf.find(b"\n\r\n", pos)
            lf = buf.find(b"\n\n", pos)
            if crlf < 0 and lf < 0:
                if len(buf) - pos > MAX_HEADER_BLOCK:
                    self._garbage(pos, len(buf))
                    self._pos = len(buf)
                    self._state = SEEK
                    return True
                return False
            if lf < 0 or (0 <= crlf < lf):
                end, body_at = crlf, crlf + 3
            else:
                end, body_at = lf, lf + 2
        headers = parse_header_lines(bytes(buf[pos:end]))
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
            self._state = BODY
            self._scan_from = body_at
        return True

    def _to_scan(self) -> None:
        self.stats.boundary_scans += 1
        self._state = SCAN
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
            if not looks_complete(body):
                return False
        elif buf.startswith(self.delim, after):
            pass
        elif rest < len(self.delim) and self.delim.startswith(bytes(buf[after:])):
            return False  # the delimiter is still arriving
        elif not looks_complete(body):
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
        body = bytes(buf[pos:idx]).rstrip(WS)
        self._emit(out, body, False)
        self._pos = idx
        return True
