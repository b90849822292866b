"""Where KeyDesk finds its shipped resources and keeps per-user files.

``KEYDESK_HOME`` redirects every per-user directory (config, data, logs) to one folder:
tests, the demo and portable installs use it so they never touch the real profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "KeyDesk"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (beside the packages, or inside a frozen bundle)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def _home_override() -> Path | None:
    value = os.environ.get("KEYDESK_HOME")
    return Path(value) if value else None


def config_dir() -> Path:
    home = _home_override()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


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
    path.mkdir(parents=True, exist_ok=True)
    return path


def accounts_file() -> Path:
    """The operator accounts (``app.operators.directory``); absent on a single-operator
    desk, so the window knows without opening the desk that nobody must sign in first."""
    return data_dir() / "operators.json"


def log_dir() -> Path:
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path
