"""Typed per-user settings (JSON in the user's config directory) and OS-keyring secrets."""

from app.settings.model import ReaderConfig, Settings
from app.settings.report import LoadReport, SettingsProblem
from app.settings.secrets import MemorySecretStore, SecretStore, SecretStoreUnavailable
from app.settings.store import SettingsStore

__all__ = [
    "LoadReport",
    "MemorySecretStore",
    "ReaderConfig",
    "SecretStore",
    "SecretStoreUnavailable",
    "Settings",
    "SettingsProblem",
    "SettingsStore",
]
