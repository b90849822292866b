"""Each lock's secrets (its AES key, admin password, unlock key) in the OS keyring.

They are written the moment the lock hands them out (a lost key makes a lock
unrecoverable without a factory reset), one keyring entry per lock, and the ``stage``
records how far initialisation got, so a half-finished one is found on the next try.
Keyring calls block (D-Bus, the Windows vault): they run in a worker thread, never on
the loop itself.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass

from app import logsetup
from app.devices.locks.advert import bare_mac
from app.devices.locks.errors import lock_error
from app.settings import SecretStore
from app.settings.secrets import SecretStoreUnavailable

STAGE_KEY = "key"  # the lock handed out its key (0x19); no admin yet
STAGE_ADMIN = "admin"  # admin password and unlock key chosen and sent (0x56)
STAGE_DONE = "done"  # initialisation finished (0x57)


@dataclass
class LockSecrets:
    profile: str
    stage: str
    key: str = ""  # hex
    admin_ps: int = 0
    unlock_key: int = 0

    @property
    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.key)


def secret_name(mac: str) -> str:
    return f"lock:{bare_mac(mac)}"


class LockKeys:
    def __init__(self, store: SecretStore) -> None:
        self.store = store

    def _register(self, secrets: LockSecrets) -> None:
        for value in (secrets.key, str(secrets.admin_ps), str(secrets.unlock_key)):
            if value and value != "0":
                logsetup.register_secret(value)

    def load_now(self, mac: str) -> LockSecrets | None:
        try:
            raw = self.store.get(secret_name(mac))
        except SecretStoreUnavailable as exc:
            raise lock_error("secrets-unavailable", str(exc)) from None
        if not raw:
            return None
        try:
            secrets = LockSecrets(**json.loads(raw))
        except (TypeError, ValueError):
            return None  # a damaged entry is treated as none: the lock decides
        self._register(secrets)
        return secrets

    def save_now(self, mac: str, secrets: LockSecrets) -> None:
        self._register(secrets)
        try:
            self.store.set(secret_name(mac), json.dumps(asdict(secrets)))
        except SecretStoreUnavailable as exc:
            raise lock_error("secrets-unavailable", str(exc)) from None

    def forget_now(self, mac: str) -> None:
        try:
            self.store.delete(secret_name(mac))
        except SecretStoreUnavailable as exc:
            raise lock_error("secrets-unavailable", str(exc)) from None

    async def load(self, mac: str) -> LockSecrets | None:
        return await asyncio.to_thread(self.load_now, mac)

    async def save(self, mac: str, secrets: LockSecrets) -> None:
        # Shielded: a Cancel must not stop a secret half-way into the keyring.
        await asyncio.shield(asyncio.to_thread(self.save_now, mac, secrets))

    def available(self) -> bool:
        return self.store.available()
