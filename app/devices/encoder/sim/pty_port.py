"""The simulator on a POSIX pseudo-terminal: ``keydesk sim encoder --pty`` prints the
slave path, which the real driver opens with pyserial exactly like ``/dev/ttyUSB0``.

The "vanish" fault hangs the pty up (the client's next read fails, as on an unplug) and,
after the fault's ``seconds``, opens a new one — under a new path, as a re-plugged USB
device gets a new name; :attr:`path` (and the simulator's ``url``) follow it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from app.devices.encoder.sim.streams import PtyStream

if TYPE_CHECKING:
    from app.devices.encoder.sim.server import EncoderSimulator


class PtyFront:
    def __init__(self, sim: EncoderSimulator) -> None:
        self.sim = sim
        self._stream = PtyStream()  # raises OSError on systems without ptys
        self.path = self._stream.path
        self._thread = threading.Thread(target=self._run, name="sim-encoder-pty", daemon=True)

    def start(self) -> PtyFront:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stream.close()
        if self._thread is not threading.current_thread() and self._thread.is_alive():
            self._thread.join(1.0)
        self._stream.release()

    def _run(self) -> None:
        sim = self.sim
        while True:
            stream = self._stream
            try:
                sim.serve_stream(stream)
            finally:
                stream.release()
            # Back here: stopped, or the port vanished (fault) and comes back later.
            if not sim.wait_until_back():
                return
            self._stream = PtyStream()
            self.path = self._stream.path
