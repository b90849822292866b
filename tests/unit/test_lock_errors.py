"""Bluetooth failures as bleak and the OS raise them → the catalog entry that says what to
do (every code exists in the lock domain, in three languages)."""

from __future__ import annotations

import pytest
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakCharacteristicNotFoundError,
    BleakDBusError,
    BleakDeviceNotFoundError,
    BleakError,
    BleakGATTProtocolError,
)

from app import catalog
from app.devices.locks.errors import explain

R = BleakBluetoothNotAvailableReason
CASES = [
    (BleakBluetoothNotAvailableError("off", R.POWERED_OFF), "", "radio-off"),
    (BleakBluetoothNotAvailableError("none", R.NO_BLUETOOTH), "", "no-adapter"),
    (BleakBluetoothNotAvailableError("denied", R.DENIED_BY_USER), "", "bluetooth-denied"),
    (BleakBluetoothNotAvailableError("?", R.UNKNOWN), "", "bluetooth-failed"),
    (BleakDeviceNotFoundError("AA", "Device with address AA was not found."), "connect",
     "not-found"),
    (BleakDeviceNotFoundError("AA", "Device with address AA was not found. It may have been "
                                    "removed from BlueZ when scanning stopped."), "connect",
     "bluez-removed"),
    (BleakError("failed: le-connection-abort-by-local"), "connect", "connect-failed"),
    (BleakError("Could not get GATT services: Unreachable"), "connect", "winrt-unreachable"),
    (BleakError("Not connected"), "read", "disconnected"),
    (BleakGATTProtocolError(0x0E), "write", "att-error"),
    (BleakCharacteristicNotFoundError("0000fff2-0000-1000-8000-00805f9b34fb"), "write",
     "profile-mismatch"),
    (TimeoutError(), "connect", "connect-timeout"),
    (TimeoutError(), "read", "no-reply"),
    (BleakDBusError("org.bluez.Error.NotReady", []), "scan", "radio-off"),
    (BleakDBusError("org.freedesktop.DBus.Error.ServiceUnknown", []), "scan", "no-adapter"),
    (FileNotFoundError(2, "No such file or directory"), "scan", "no-adapter"),
    (BleakError("something new"), "scan", "bluetooth-failed"),
]


@pytest.mark.parametrize(("exc", "during", "code"), CASES)
def test_each_failure_has_its_explanation(exc: BaseException, during: str, code: str) -> None:
    err = explain(exc, during=during)
    assert (err.domain, err.code) == ("lock", code)
    for lang in ("en", "pt-BR", "zh-CN"):
        info = catalog.explain_error(err, lang=lang)
        assert info["known"] and info["title"] and info["action"]


def test_a_bug_is_not_dressed_up_as_a_bluetooth_failure() -> None:
    with pytest.raises(ZeroDivisionError):
        explain(ZeroDivisionError())
