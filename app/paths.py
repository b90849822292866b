"""Where KeyDesk finds its shipped resources and keeps per-user files.

``KEYDESK_HOME`` redirects every per-user directory (config, data, logs) to one folder:
tests, the demo and portable installs use it so they never touch the real profile.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "KeyDesk"


def _usable(path: Path, what: str) -> Path:
    """``path`` created if missing; a folder that cannot be made is explained (which one,
    why), never a bare OSError from deep inside a command."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from app.domain.errors import KeyDeskError

        reason = exc.strerror or type(exc).__name__
        raise KeyDeskError("desk", "folder", f"the {what} folder {path}: {reason}",
                           retryable=False) from None
    return path


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (beside the packages, or inside a frozen bundle)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return _beside_the_packages()


@functools.cache  # asked for each icon, text and catalog file: resolved once
def _beside_the_packages() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"


def _home_override() -> Path | None:
    value = os.environ.get("KEYDESK_HOME")
    if not value:
        return None
    home = Path(value)
    if home.exists() and not home.is_dir():
        from app.inputs import InputError, shown

        raise InputError("home_not_folder", value=shown(value))
    return home


def config_dir() -> Path:
    home = _home_override()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))
    return _usable(path, "settings")


# Set by the demo so its event store and audit trail never mix with the real ones.
_data_dir_override: Path | None = None


def set_data_dir_override(path: Path | None) -> None:
    global _data_dir_override
    _data_dir_override = path


def data_dir() -> Path:
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, False))
    if _data_dir_override is not None:
        path = _data_dir_override
    return _usable(path, "data")


def accounts_file() -> Path:
    """The operator accounts (``app.operators.directory``); absent on a single-operator
    desk, so the window knows without opening the desk that nobody must sign in first."""
    return data_dir() / "operators.json"


def log_dir() -> Path:
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False))
    return _usable(path, "log")
