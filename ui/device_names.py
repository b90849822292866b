"""The desk's own sources named in the window's language: the encoder, the Bluetooth
locks, the desk's own actions. A reader keeps the name it was given in Settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.qt_noop import QT_TRANSLATE_NOOP

# By the kind of source (DeviceStateChanged.kind, StoredEvent.kind), context DeviceNames.
KIND_NAMES = {
    "encoder": QT_TRANSLATE_NOOP("DeviceNames", "Encoder"),
    "lock": QT_TRANSLATE_NOOP("DeviceNames", "Bluetooth locks"),
    "desk": QT_TRANSLATE_NOOP("DeviceNames", "Desk"),
    "cloud": QT_TRANSLATE_NOOP("DeviceNames", "Lock cloud"),
    "store": QT_TRANSLATE_NOOP("DeviceNames", "Site store"),  # the shared PostgreSQL
}
# The desk's own sources by their fixed names (app.services, EncoderService, LockService).
SOURCE_KINDS = {"encoder": "encoder", "locks": "lock", "desk": "desk"}


def device_name(source: str, kind: str = "") -> str:
    """``source`` as the desk reads it: "encoder" → "Codificador"; a reader as named."""
    kind = SOURCE_KINDS.get(source) or kind
    if kind in KIND_NAMES:
        return QCoreApplication.translate("DeviceNames", KIND_NAMES[kind])
    return source
