"""The byte pipes the simulator's engine serves: a TCP connection or a POSIX pty master.

Both offer ``recv()`` (bytes; ``None`` when nothing came within the poll interval; ``b""``
once closed), ``send(data)`` and ``close()``, so faults and framing are written once.
"""

from __future__ import annotations

import os
import select
import socket
import sys
import threading
import time
from typing import Protocol

POLL = 0.1  # seconds: how quickly the engine notices stop() or a dropped client
WRITE_GRACE = 1.0  # a pty nobody reads fills up; after this long its bytes are dropped


class Stream(Protocol):
    def recv(self) -> bytes | None: ...

    def send(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class SocketStream:
    def __init__(self, conn: socket.socket) -> None:
        conn.settimeout(POLL)
        self.conn = conn

    def recv(self) -> bytes | None:
        try:
            return self.conn.recv(4096)
        except TimeoutError:
            return None

    def send(self, data: bytes) -> None:
        self.conn.sendall(data)

    def close(self) -> None:
        try:
            self.conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()


class PtyStream:
    """The master side of a fresh pseudo-terminal; :attr:`path` is the slave a client
    opens (``/dev/pts/7``). We keep a slave descriptor open ourselves so the master never
    sees EIO between clients, as a USB-serial port stays there between programs."""

    def __init__(self) -> None:
        if sys.platform == "win32" or not hasattr(os, "openpty"):
            raise OSError("a pseudo-terminal needs a POSIX system; use a TCP port instead")
        import termios
        import tty

        self._master, self._slave = os.openpty()
        # Raw mode: no echo, no CR/LF mangling, no ^C/^S interpretation — binary frames
        # must pass untouched. On Linux master and slave share one termios; other systems
        # may refuse it on the master, so the slave is set as well.
        for fd in (self._master, self._slave):
            try:
                tty.setraw(fd, termios.TCSANOW)
            except termios.error:
                pass
        os.set_blocking(self._master, False)
        self.path = os.ttyname(self._slave)
        self._closing = threading.Event()
        self._released = False

    def recv(self) -> bytes | None:
        if self._closing.is_set():
            return b""
        ready, _, _ = select.select([self._master], [], [], POLL)
        if not ready:
            return None
        try:
            return os.read(self._master, 4096)
        except BlockingIOError:
            return None
        except OSError:
            return b""

    def send(self, data: bytes) -> None:
        if self._closing.is_set():
            raise OSError("pty closed")
        view = memoryview(data)
        deadline = time.monotonic() + WRITE_GRACE
        while view:
            try:
                view = view[os.write(self._master, view) :]
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return  # nobody reads the port: the bytes are lost, as on a real line
                select.select([], [self._master], [], POLL)

    def close(self) -> None:
        """Ask the serving thread to stop; it releases the descriptors (see release)."""
        self._closing.set()

    def release(self) -> None:
        """Close both ends: a client still holding the slave gets EIO, like an unplug."""
        self._closing.set()
        if not self._released:
            self._released = True
            for fd in (self._master, self._slave):
                try:
                    os.close(fd)
                except OSError:
                    pass
