"""The simulator's wire side: PN532 framing and faults injected on demand, served over
TCP (pyserial ``socket://`` URL; one client at a time, a second one finds the "port"
busy) or, on POSIX, a pseudo-terminal whose slave path pyserial opens like a real
``/dev/ttyUSB0`` (see :mod:`.pty_port`). Both feed the same engine (:meth:`_serve`).

The control API (:meth:`EncoderSimulator.place`, :meth:`remove`, :meth:`inject`,
:meth:`alter`, :attr:`stats`) is used by tests, the demo and the self-test; a separate
``keydesk sim encoder`` process exposes it as JSON lines (see :mod:`.control`).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from app.devices.encoder import frames
from app.devices.encoder.sim.cards import VirtualCard, make_card
from app.devices.encoder.sim.chip import POWER_DOWN, Chip
from app.devices.encoder.sim.pty_port import PtyFront
from app.devices.encoder.sim.streams import SocketStream, Stream
from app.devices.encoder.sim.wake import WakeLine

log = logging.getLogger(__name__)

FAULTS = (
    "silence",  # no ACK, no answer
    "garbage",  # random bytes before the answer (only=True: instead of it)
    "bad_checksum",  # the answer's data checksum is wrong (again on each NACK while counting)
    "split",  # the answer dribbles out one byte at a time
    "slow",  # the answer comes ``seconds`` late
    "error_frame",  # the chip answers with its application error frame
    "auth_fail",  # the next ``count`` authentications fail whatever the key
    "remove_mid_write",  # the card leaves the field during write number ``after`` + 1
    "vanish",  # the port disappears at the next command (connection closed)
)
# Any fault above (but auth_fail / remove_mid_write) may wait for one card command:
# ``at_read=N`` / ``at_write=N`` make it take effect at the first MIFARE read / write of
# block (page) N, e.g. ``vanish at_read=8``: the port is lost at the commit block's
# read-back, after its write has landed.
CARD_READ, CARD_WRITES = 0x30, (0xA0, 0xA2)


@dataclass
class Fault:
    kind: str
    count: int = 1
    params: dict[str, Any] = field(default_factory=dict)


class EncoderSimulator:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        time_scale: float = 0.0,
        card: str | None = "classic-1k",
        pty: bool = False,
    ) -> None:
        self.chip = Chip()
        self.pty = pty  # serve a POSIX pty instead of TCP (``host``/``port`` unused)
        self._pty_front: PtyFront | None = None
        self.time_scale = time_scale  # >0: sleep modelled time × scale (realistic pacing)
        self._host, self._port = host, port
        self._lock = threading.RLock()
        self._faults: list[Fault] = []
        self._server: socket.socket | None = None
        self._client: Stream | None = None
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._refuse_until = 0.0
        self.connections = 0
        self.fired: list[str] = []  # faults in the order they took effect (for tests)
        self._last_removed: VirtualCard | None = None
        self.tray: list[VirtualCard] = []  # cards taken off, in the order they left
        if card:
            self.place(card)

    # -- lifecycle -------------------------------------------------------------------
    def start(self) -> EncoderSimulator:
        if self.pty:
            self._pty_front = PtyFront(self).start()
            return self
        srv = socket.create_server((self._host, self._port))
        srv.settimeout(0.1)
        self._server = srv
        self._port = srv.getsockname()[1]
        t = threading.Thread(target=self._accept_loop, name="sim-encoder", daemon=True)
        t.start()
        self._threads.append(t)
        return self

    @property
    def address(self) -> tuple[str, int]:
        return self._host, self._port

    @property
    def url(self) -> str:
        """What ``keydesk card --port`` takes: ``socket://HOST:PORT`` or the pty's path."""
        if self._pty_front is not None:
            return self._pty_front.path
        return f"socket://{self._host}:{self._port}"

    def stop(self) -> None:
        self._stop.set()
        self._drop_client()
        if self._server is not None:
            self._server.close()
        if self._pty_front is not None:
            self._pty_front.stop()
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(1.0)

    # -- control API -----------------------------------------------------------------
    def place(
        self, card: VirtualCard | str = "classic-1k", uid: bytes | None = None
    ) -> VirtualCard:
        """Put a card on the encoder (a kind name makes a fresh blank one); the card that
        was there goes to the tray."""
        if isinstance(card, str):
            card = make_card(card, uid)
        with self._lock:
            old = self.chip.card
            if old is not None and old is not card:
                old.present = False
                self._to_tray(old)
            card.present = True
            self.chip.card = card
            self._from_tray(card)
        return card

    def put_back(self, first: bool = False) -> VirtualCard:
        """Put the card that left the field (removed, or pulled mid-write) back on it; with
        ``first``, the card that went to the tray first (the card being copied, in a
        Duplicate practised with a blank card)."""
        with self._lock:
            if first:
                if not self.tray:
                    raise ValueError("the tray is empty")
                return self.place(self.tray[0])
            card = self.chip.card or self._last_removed
            if card is None:
                raise ValueError("no card to put back")
            card.present = True
            self.chip.card = card
            self._from_tray(card)
        return card

    def remove(self) -> VirtualCard | None:
        with self._lock:
            card, self.chip.card = self.chip.card, None
            if card is not None:
                card.present = False
                self._last_removed = card
                self._to_tray(card)
        return card

    TRAY_SIZE = 16

    def _to_tray(self, card: VirtualCard) -> None:
        self._from_tray(card)
        self.tray.append(card)
        if len(self.tray) > self.TRAY_SIZE:
            del self.tray[1]  # the first card stays: it is the one put back

    def _from_tray(self, card: VirtualCard) -> None:
        self.tray[:] = [c for c in self.tray if c is not card]

    @property
    def card(self) -> VirtualCard | None:
        return self.chip.card

    def inject(self, kind: str, count: int = 1, **params: Any) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; known: {', '.join(FAULTS)}")
        with self._lock:
            if kind == "auth_fail":
                if self.chip.card is not None:
                    self.chip.card.forced_auth_failures += count  # type: ignore[attr-defined]
            elif kind == "remove_mid_write":
                self.chip.remove_after_writes = int(params.get("after", 0))
            else:
                self._faults.append(Fault(kind, count, params))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self.chip.remove_after_writes = None

    def alter(self, block: int, offset: int, xor: int = 0x01) -> None:
        """Tamper with the card in the field (flip bits of one byte)."""
        with self._lock:
            if self.chip.card is None:
                raise ValueError("no card on the encoder")
            self.chip.card.alter(block, offset, xor)

    @property
    def stats(self):
        return self.chip.stats

    def reset_stats(self) -> None:
        from app.devices.encoder.sim.chip import SimStats

        self.chip.stats = SimStats()

    # -- the wire --------------------------------------------------------------------
    def _accept_loop(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            busy = self._client is not None or time.monotonic() < self._refuse_until
            if busy:
                conn.close()  # a serial port has one user at a time
                continue
            stream = SocketStream(conn)
            self._client = stream  # now, so a second connection finds the port busy
            t = threading.Thread(target=self.serve_stream, args=(stream,), name="sim-encoder-conn")
            t.daemon = True
            t.start()

    def serve_stream(self, stream: Stream) -> None:
        """Serve one byte pipe until it closes, the simulator stops or the port vanishes."""
        self._client = stream
        self.connections += 1
        self._serve(stream)

    def wait_until_back(self) -> bool:
        """After a "vanish": wait out the fault's ``seconds``; False when stopped."""
        self._stop.wait(max(0.0, self._refuse_until - time.monotonic()))
        return not self._stop.is_set()

    def _drop_client(self) -> None:
        stream, self._client = self._client, None
        if stream is not None:
            stream.close()

    def _serve(self, conn: Stream) -> None:
        """The engine: bytes from the host in, the chip's answers (and faults) out."""
        decoder = frames.FrameDecoder()
        line = WakeLine()  # the chip powers up in low-power mode (see .wake)
        last: bytes = b""
        try:
            while not self._stop.is_set() and self._client is conn:
                data = conn.recv()
                if data is None:
                    continue  # nothing within the poll interval
                if not data:
                    break
                sleeping = not line.awake
                asleep, awake = line.split(data)
                for part in (asleep, awake):
                    for frame in decoder.feed(part) if part else ():
                        if isinstance(frame, frames.Nack) and last and not sleeping:
                            self._send(conn, self._maybe_corrupt(last))
                        elif (isinstance(frame, frames.DataFrame)
                              and frame.tfi == frames.HOST_TO_CHIP):
                            if sleeping and part is asleep:
                                sleeping = False
                                line.woken_by_frame()  # this frame only woke the chip
                                continue
                            last = self._answer(conn, frame) or last
                            if frame.data[:1] == bytes([POWER_DOWN]):
                                line.sleep()
                                sleeping = True
        except OSError:
            pass
        finally:
            if self._client is conn:
                self._drop_client()

    @staticmethod
    def _waits(fault: Fault, command: bytes) -> bool:
        """Whether ``fault`` is still waiting for its card command (at_read / at_write)."""
        read, write = fault.params.get("at_read"), fault.params.get("at_write")
        if read is None and write is None:
            return False
        # InDataExchange: 40, target, card command, block, ...
        if len(command) < 4 or command[0] != 0x40:
            return True
        op, block = command[2], command[3]
        if read is not None and op == CARD_READ and block == int(read):
            return False
        return not (write is not None and op in CARD_WRITES and block == int(write))

    def _next_fault(self, command: bytes = b"") -> Fault | None:
        with self._lock:
            if not self._faults or self._waits(self._faults[0], command):
                return None
            fault = self._faults[0]
            # Its card command came: the rest of its count applies to what follows.
            fault.params.pop("at_read", None)
            fault.params.pop("at_write", None)
            fault.count -= 1
            if fault.count <= 0:
                self._faults.pop(0)
            self.fired.append(fault.kind)
            return fault

    def _peek_fault(self, kind: str) -> bool:
        with self._lock:
            return (bool(self._faults) and self._faults[0].kind == kind
                    and not self._waits(self._faults[0], b""))

    def _maybe_corrupt(self, response: bytes) -> bytes:
        if self._peek_fault("bad_checksum"):
            self._next_fault()
            return response[:-2] + bytes([(response[-2] + 1) & 0xFF]) + response[-1:]
        return response

    def _answer(self, conn: Stream, frame: frames.DataFrame) -> bytes | None:
        fault = self._next_fault(frame.data)
        kind = fault.kind if fault else ""
        params = fault.params if fault else {}
        if kind == "vanish":
            self._refuse_until = time.monotonic() + float(params.get("seconds", 0))
            self._drop_client()
            raise OSError("port vanished")
        if kind == "silence":
            return None
        clock0 = self.chip.stats.clock
        with self._lock:
            reply = self.chip.handle(frame.data)
        ack = frames.ACK
        if reply is None:
            out = ack + frames.ERROR_FRAME
            self.chip.wire(len(frame.data) + 8, len(out))
            self._send(conn, out)
            return None
        response = frames.encode_frame(reply, frames.CHIP_TO_HOST)
        self.chip.wire(len(frame.data) + 8, len(ack) + len(response))
        if self.time_scale > 0:
            time.sleep((self.chip.stats.clock - clock0) * self.time_scale)
        if kind == "error_frame":
            self._send(conn, ack + frames.ERROR_FRAME)
            return None
        sent = response
        if kind == "bad_checksum":
            sent = response[:-2] + bytes([(response[-2] + 1) & 0xFF]) + response[-1:]
        if kind == "garbage":
            noise = os.urandom(int(params.get("size", 24))).replace(b"\x00\xff", b"\x01")
            if params.get("only"):
                self._send(conn, noise)
                return response
            self._send(conn, noise)
        if kind == "slow":
            self._send(conn, ack)
            time.sleep(float(params.get("seconds", 0.3)))
            self._send(conn, sent)
        elif kind == "split":
            for b in ack + sent:
                self._send(conn, bytes([b]))
                time.sleep(0.0005)
        else:
            self._send(conn, ack + sent)
        return response

    def _send(self, conn: Stream, data: bytes) -> None:
        conn.send(data)
