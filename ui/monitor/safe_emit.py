"""``emit`` without PySide6 6.12.0's reference leak on ``True``.

In PySide6 6.12.0 every ``SignalInstance.emit()`` called from Python returns ``True``
without taking a reference to it, so each call drops the refcount of ``True`` by one.
On Python 3.11 (where ``True`` is not immortal) a few thousand emits end the process
with "Fatal Python error: bool_dealloc" — the Monitor at 1,000 events/s gets there in
seconds. This helper gives the reference back, and only when the running PySide6 is
measured to leak (so a fixed release is left alone). Reproduce::

    class O(QObject): s = Signal()
    o = O(); before = sys.getrefcount(True); o.s.emit(); sys.getrefcount(True) - before  # -1
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_leaks: bool | None = None


class _Probe(QObject):
    ping = Signal()


def emit_leaks() -> bool:
    """True when ``emit()`` drops a reference to its result (measured once)."""
    global _leaks
    if _leaks is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(8):
            probe.ping.emit()
        _leaks = sys.getrefcount(True) - before <= -8
        if _leaks:
            for _ in range(8):  # give back what the probe took
                _incref(True)
    return _leaks


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, leaving the refcount of ``True``/``False`` as it was."""
    result = signal.emit(*args)
    if isinstance(result, bool) and emit_leaks():
        _incref(result)
