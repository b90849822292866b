"""What the frozen build needs that PyInstaller's import analysis cannot see (stdlib only).

KeyDesk's own modules are all reached by plain ``import`` statements (its registries are
lists of imported objects, and ``tests/unit/test_installer.py`` fails if any module imports
by name), so PyInstaller finds them itself. What is left is third-party code that imports
by name at run time, and the data folders. ``installer/keydesk.spec`` reads this file.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "ui")  # KeyDesk's own code: it must never import by name

# Third-party packages that import their own submodules by name at run time.
# pyserial: serial_for_url("socket://...") imports serial.urlhandler.protocol_<scheme>
# (the encoder simulator and traces use URLs). keyring: backends chosen per OS at run time.
# bleak: the platform backend is chosen at run time (WinRT on Windows, BlueZ over dbus-fast
# on Linux, CoreBluetooth over pyobjc on macOS); collecting bleak.backends on each OS's
# build keeps that OS's backend and the packages it imports (winrt-*, dbus_fast, pyobjc).
THIRD_PARTY_SUBMODULES: tuple[str, ...] = ("serial.urlhandler", "keyring.backends",
                                           "bleak.backends")

# Imported only indirectly: zoneinfo falls back to the tzdata package where the OS has no
# time-zone database (Windows); PyInstaller's tzdata hook then collects its data files.
THIRD_PARTY_MODULES: tuple[str, ...] = ("tzdata",)

# macOS refuses Bluetooth to an app bundle without this key (the text is shown to the user
# when macOS asks for the permission).
MACOS_INFO_PLIST: dict[str, str] = {
    "NSBluetoothAlwaysUsageDescription": (
        "KeyDesk uses Bluetooth to find, commission and test the door locks of your site."),
    "CFBundleName": "KeyDesk",
}

# Shipped data: (source folder relative to ROOT, folder inside the bundle).
# app.paths.resources_dir() reads sys._MEIPASS/resources when frozen.
DATA_FOLDERS: tuple[tuple[str, str], ...] = (("resources", "resources"),)


def hidden_imports() -> list[str]:
    """PyInstaller's ``hiddenimports`` (the spec adds THIRD_PARTY_SUBMODULES' submodules)."""
    return list(THIRD_PARTY_MODULES)


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    return [(str(root / src), dest) for src, dest in DATA_FOLDERS]
