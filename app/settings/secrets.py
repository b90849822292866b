"""Secrets (cloud Auth Token, operator password, reader passwords) in the OS keyring.

There is deliberately no plaintext fallback: where no keyring backend exists (a headless
Linux box without Secret Service), :class:`SecretStoreUnavailable` says so plainly.
Every secret read or written is registered with :mod:`app.logsetup` so it is masked in
logs, traces and error messages.
"""

from __future__ import annotations

import threading

from app import logsetup

SERVICE = "KeyDesk"


class SecretStoreUnavailable(RuntimeError):
    def __init__(self, reason: str) -> None:
        super().__init__(
            "No system keyring is available to keep passwords and tokens safely "
            f"({reason}). Install/unlock a keyring (Windows Credential Manager, macOS "
            "Keychain, GNOME Keyring or KWallet); KeyDesk never stores secrets in plain files."
        )


class SecretStore:
    """Keyring-backed secrets, addressed by a short name such as ``cloud.auth_token``."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def _backend(self):
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            raise SecretStoreUnavailable(f"backend {type(backend).__name__}")
        chained = getattr(backend, "backends", None)
        if chained is not None and not chained:
            raise SecretStoreUnavailable("no usable backend found")
        return backend

    def available(self) -> bool:
        try:
            self._backend()
        except SecretStoreUnavailable:
            return False
        return True

    def get(self, name: str) -> str | None:
        from keyring.errors import KeyringError

        try:
            value = self._backend().get_password(self.service, name)
        except KeyringError as exc:
            raise SecretStoreUnavailable(str(exc)) from None
        if value:
            logsetup.register_secret(value)
        return value

    def set(self, name: str, value: str) -> None:
        from keyring.errors import KeyringError

        logsetup.register_secret(value)
        try:
            self._backend().set_password(self.service, name, value)
        except KeyringError as exc:
            raise SecretStoreUnavailable(str(exc)) from None

    def delete(self, name: str) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend().delete_password(self.service, name)
        except PasswordDeleteError:
            pass
        except KeyringError as exc:
            raise SecretStoreUnavailable(str(exc)) from None


class MemorySecretStore(SecretStore):
    """Secrets held in memory only: for the demo (simulators' fake keys) and tests."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        super().__init__()
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()
        for k, v in (initial or {}).items():
            self.set(k, v)

    def available(self) -> bool:
        return True

    def get(self, name: str) -> str | None:
        with self._lock:
            return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        logsetup.register_secret(value)
        with self._lock:
            self._values[name] = value

    def delete(self, name: str) -> None:
        with self._lock:
            self._values.pop(name, None)
