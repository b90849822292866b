"""Python's cyclic garbage collector, run on the Qt thread only.

Why: the collector normally runs on whichever thread happens to allocate past its
threshold — here often the asyncio loop, a device thread or a simulator. If the garbage
it finds holds a Qt object owned by Python (a widget or model left in a reference cycle),
that object's C++ destructor then runs on that worker thread, which Qt does not allow and
which crashes at random. So while a window is open, automatic collection is switched off
and this timer, on the Qt thread, collects whatever generation is due — the same
thresholds Python would use, just on the right thread. ``keydesk`` switches it off as it
starts the window (``ui.prepare_start``, :func:`hold_until_guarded`): nothing runs on
another thread before the guard starts, and the start-up makes no garbage worth the walk.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_held_at_start = False  # collection switched off until the first guard starts


def hold_until_guarded(was_enabled: bool | None = None) -> None:
    """No automatic collection until a :class:`QtThreadGarbageCollector` starts (which
    gives it back when it stops). ``was_enabled``: as it was before the caller switched it
    off itself (default: as it is now)."""
    global _held_at_start
    if was_enabled is None:
        was_enabled = gc.isenabled()
    gc.disable()
    _held_at_start = _held_at_start or was_enabled


class QtThreadGarbageCollector(QObject):
    INTERVAL_MS = 200

    def __init__(self, parent: QObject | None = None) -> None:
        global _held_at_start
        super().__init__(parent)
        self._was_enabled = gc.isenabled() or _held_at_start
        _held_at_start = False
        gc.disable()
        self._timer = QTimer(self, interval=self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self._stopped = False

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is passed; objects collected."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Collect everything once more (on this thread) and give collection back."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
