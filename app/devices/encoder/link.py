"""The PN532 link: one command, its ACK, its response — with timeouts, retries, abort.

Owns the pyserial port (opened by URL or path, so ``socket://`` for the simulator and
``COM3``//dev/ttyUSB0 for hardware are the same code path). Reads are sliced into short
timeouts so a cancel request is noticed within ~30 ms on every transport, even those
without ``cancel_read`` (pyserial's socket handler has none).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import serial

from app.devices.encoder import frames
from app.devices.encoder.errors import LINK_LOST, NO_ANSWER, PORT_FAILED, encoder_error
from app.devices.encoder.trace import SerialTrace
from app.runtime.device_thread import JobCancelled

SLICE = 0.03  # seconds per blocking read
Opener = Callable[..., Any]


def _port_errors() -> tuple[type[BaseException], ...]:
    # pyserial's POSIX flush()/reset_input_buffer() call termios directly; on a device that
    # was unplugged (or a hung-up pty) they raise termios.error, which is no OSError.
    try:
        import termios
    except ImportError:  # Windows
        return (serial.SerialException, OSError)
    return (serial.SerialException, OSError, termios.error)


PORT_ERRORS = _port_errors()
# What opening, and reading after the peer vanished, raise besides (pyserial's socket
# handler raises TypeError/AttributeError once the peer is gone).
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*PORT_ERRORS, ValueError)
_READ_ERRORS: tuple[type[BaseException], ...] = (*PORT_ERRORS, TypeError, AttributeError)


@dataclass(frozen=True)
class Timeouts:
    ack: float = 0.25  # UM0701 says ~15 ms; USB bridges and sockets need more
    response: float = 1.0
    retries: int = 2  # resend on a missing/garbled ACK, NACK on a garbled response


@dataclass
class LinkStats:
    round_trips: int = 0
    bytes_out: int = 0
    bytes_in: int = 0
    retries: int = 0
    per_command: dict[int, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "round_trips": self.round_trips,
            "bytes_out": self.bytes_out,
            "bytes_in": self.bytes_in,
            "retries": self.retries,
        }


def open_port(url: str, opener: Opener | None = None) -> Any:
    """Open ``url`` (a pyserial URL or device path) at 115200 8N1 or raise 5310."""
    opener = opener or serial.serial_for_url
    try:
        return opener(url, baudrate=115200, timeout=SLICE, write_timeout=1.0)
    except _OPEN_ERRORS as exc:
        text = str(exc)
        busy = "busy" in text.lower() or "access is denied" in text.lower()
        what = "in use by another program" if busy else "cannot be opened"
        raise encoder_error(PORT_FAILED, f"encoder port {url} {what}: {text}") from None


class Link:
    def __init__(
        self, port: Any, *, timeouts: Timeouts | None = None, trace: SerialTrace | None = None
    ) -> None:
        self.port = port
        self.timeouts = timeouts or Timeouts()
        self.trace = trace
        self.stats = LinkStats()
        self._decoder = frames.FrameDecoder()
        self._pending: list[frames.Frame] = []
        self._cancel = threading.Event()
        self._closed = False
        self.broken = False  # the port failed: only reopening helps

    # -- called from any thread --------------------------------------------------------
    def cancel(self) -> None:
        """Make the running command stop at its next read slice (it aborts the chip)."""
        self._cancel.set()
        hook = getattr(self.port, "cancel_read", None)
        if hook is not None:
            try:
                hook()
            except Exception:  # cancel must never fail; the slice timeout still applies
                pass

    def clear_cancel(self) -> None:
        self._cancel.clear()

    # -- device thread -----------------------------------------------------------------
    def close(self) -> None:
        if not self._closed:
            self._closed = True
            try:
                self.port.close()
            except Exception:
                pass

    def write(self, data: bytes, note: str = "") -> None:
        if self.trace:
            self.trace.record(">", data, note)
        try:
            self.port.write(data)
            flush = getattr(self.port, "flush", None)
            if flush is not None:
                flush()
        except PORT_ERRORS as exc:
            self.broken = True
            raise encoder_error(LINK_LOST, f"writing to the encoder failed: {exc}") from None
        self.stats.bytes_out += len(data)

    def _read_some(self) -> bytes:
        try:
            data = self.port.read(1)
            waiting = getattr(self.port, "in_waiting", 0) if data else 0
            while waiting:
                more = self.port.read(waiting)
                if not more:
                    break
                data += more
                waiting = self.port.in_waiting
        except _READ_ERRORS as exc:
            # TypeError/AttributeError: pyserial's socket handler after the peer vanished.
            self.broken = True
            raise encoder_error(LINK_LOST, f"the encoder connection was lost: {exc}") from None
        if data:
            self.stats.bytes_in += len(data)
            if self.trace:
                self.trace.record("<", data)
        return data

    def next_frame(self, deadline: float) -> frames.Frame | None:
        """The next frame before ``deadline`` (monotonic), or None on timeout."""
        while not self._pending:
            if self._cancel.is_set():
                raise JobCancelled("encoder command cancelled")
            if time.monotonic() >= deadline:
                return None
            data = self._read_some()
            if data:
                self._pending.extend(self._decoder.feed(data))
        return self._pending.pop(0)

    def drain(self) -> None:
        """Forget stale input (left-overs of an aborted command)."""
        self._pending.clear()
        self._decoder.reset()
        try:
            reset = getattr(self.port, "reset_input_buffer", None)
            if reset is not None:
                reset()
        except PORT_ERRORS:
            pass

    def abort(self) -> None:
        """An ACK from the host aborts the chip's running command (UM0701 §6.2.1.3)."""
        try:
            self.write(frames.ACK, "abort")
        except Exception:
            pass
        self._pending.clear()
        self._decoder.reset()

    def command(self, data: bytes, timeout: float | None = None) -> bytes:
        """Send one command (``data`` = code + params); return the response's params."""
        code = data[0]
        frame = frames.encode_frame(data)
        timeouts = self.timeouts
        self.stats.round_trips += 1
        self.stats.per_command[code] = self.stats.per_command.get(code, 0) + 1
        try:
            self._send_until_acked(frame, code)
            return self._await_response(code, timeout or timeouts.response)
        except JobCancelled:
            self.abort()
            raise

    def _send_until_acked(self, frame: bytes, code: int) -> None:
        for attempt in range(self.timeouts.retries + 1):
            if attempt:
                self.stats.retries += 1
            self.write(frame, f"cmd {code:02X}")
            deadline = time.monotonic() + self.timeouts.ack
            while True:
                got = self.next_frame(deadline)
                if got is None or isinstance(got, frames.BadFrame | frames.Nack):
                    break  # resend
                if isinstance(got, frames.Ack):
                    return
                if isinstance(got, frames.ErrorFrame):
                    break
                # A stale response of an earlier command: skip it.
        raise encoder_error(
            NO_ANSWER,
            f"the encoder did not acknowledge command {code:02X} "
            f"({self.timeouts.retries + 1} attempts, {self._decoder.garbage_bytes} bytes "
            "of garbage)",
        )

    def _await_response(self, code: int, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        nacks = 0
        while True:
            got = self.next_frame(deadline)
            if got is None:
                self.abort()
                raise encoder_error(
                    NO_ANSWER, f"the encoder acknowledged command {code:02X} but never answered"
                )
            if isinstance(got, frames.BadFrame):
                if nacks >= self.timeouts.retries:
                    self.abort()
                    raise encoder_error(
                        NO_ANSWER, f"the encoder's answers keep arriving damaged ({got.reason})"
                    )
                nacks += 1
                self.stats.retries += 1
                self.write(frames.NACK, "nack")
                deadline = time.monotonic() + timeout
                continue
            if isinstance(got, frames.ErrorFrame):
                raise encoder_error(
                    LINK_LOST, f"the encoder rejected command {code:02X} as malformed"
                )
            if isinstance(got, frames.DataFrame):
                if got.tfi == frames.CHIP_TO_HOST and got.data[:1] == bytes([code + 1]):
                    return got.data[1:]
                continue  # stale or foreign frame
            # Ack/Nack at this point: ignore.
