"""Bluetooth failures as explained errors (catalog domain ``lock``).

bleak and the OS raise a handful of exception types whose messages carry the
platform's own words (BlueZ's ``le-connection-abort-by-local``, WinRT's
``Unreachable``); :func:`explain` turns each into the catalog entry that tells the
technician what to do next.
"""

from __future__ import annotations

from app.domain.errors import KeyDeskError

DOMAIN = "lock"

# BleakBluetoothNotAvailableReason names -> catalog codes.
_UNAVAILABLE = {
    "POWERED_OFF": "radio-off",
    "NO_BLUETOOTH": "no-adapter",
    "NO_BLE_CENTRAL_ROLE": "no-adapter",
    "DENIED_BY_USER": "bluetooth-denied",
    "DENIED_BY_SYSTEM": "bluetooth-denied",
    "DENIED_BY_UNKNOWN": "bluetooth-denied",
}


# BlueZ's D-Bus error names -> catalog codes.
_DBUS = {
    "org.bluez.Error.NotReady": "radio-off",  # the adapter is powered off
    "org.freedesktop.DBus.Error.ServiceUnknown": "no-adapter",  # bluetoothd not running
    "org.bluez.Error.NotPermitted": "bluetooth-denied",
    "org.freedesktop.DBus.Error.AccessDenied": "bluetooth-denied",
    "org.bluez.Error.InProgress": "connect-failed",  # another scan or connect is running
}


def lock_error(code: str, detail: str = "", *, state: str = "",
               retryable: bool | None = None) -> KeyDeskError:
    return KeyDeskError(DOMAIN, code, detail, state=state, retryable=retryable)


def explain(exc: BaseException, *, during: str = "") -> KeyDeskError:
    """The catalog error for a bleak/OS exception raised while ``during`` ("connect"...)."""
    if isinstance(exc, KeyDeskError):
        return exc
    # Imported here: importing bleak costs start-up time every command would pay.
    from bleak.exc import (
        BleakBluetoothNotAvailableError,
        BleakCharacteristicNotFoundError,
        BleakDeviceNotFoundError,
        BleakError,
        BleakGATTProtocolError,
    )

    text = str(exc)
    detail = f"{during}: {type(exc).__name__}: {text}".strip(": ") if during else text
    if isinstance(exc, BleakBluetoothNotAvailableError):
        return lock_error(_UNAVAILABLE.get(exc.reason.name, "bluetooth-failed"), detail)
    if isinstance(exc, BleakDeviceNotFoundError):
        code = "bluez-removed" if "removed from BlueZ" in text else "not-found"
        return lock_error(code, detail)
    if isinstance(exc, BleakCharacteristicNotFoundError):
        return lock_error("profile-mismatch", detail)
    if isinstance(exc, BleakGATTProtocolError):
        return lock_error("att-error", f"{detail} ({exc.code.name})")
    dbus_name = getattr(exc, "dbus_error", "") or ""  # BleakDBusError (BlueZ)
    if dbus_name:
        for marker, code in _DBUS.items():
            if marker in dbus_name:
                return lock_error(code, detail)
    if isinstance(exc, TimeoutError):
        return lock_error("connect-timeout" if during == "connect" else "no-reply", detail)
    if isinstance(exc, BleakError):
        if "le-connection-abort-by-local" in text:
            return lock_error("connect-failed", detail)
        if "Unreachable" in text:
            return lock_error("winrt-unreachable", detail)
        if "Not connected" in text or "disconnected" in text.lower():
            return lock_error("disconnected", detail)
        if "not found" in text.lower() and during == "connect":
            return lock_error("not-found", detail)
        return lock_error("connect-failed" if during == "connect" else "bluetooth-failed",
                          detail)
    if isinstance(exc, FileNotFoundError | ConnectionRefusedError):
        # Linux: no system D-Bus socket, or BlueZ not listening on it.
        return lock_error("no-adapter", f"{detail} (is bluetoothd running?)")
    if isinstance(exc, OSError):
        return lock_error("bluetooth-failed", detail)
    raise exc
