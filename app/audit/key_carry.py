"""Carrying the site's audit chain key from one desk to the next: shown once on the first
desk, stored on the others. The rules live here, once, for ``keydesk audit key`` and for
the window (Settings → Store); each words the outcome in the desk's language.

Both are an admin's (``settings.change``) and both leave a row in the trail: showing the
key is ``audit.key.reveal`` (its fingerprint, never the key), storing one is the
``settings.change`` row naming the keyring entry. Storing a key other than the one this
desk holds is refused while this desk's own trail holds rows sealed with the one it holds
(:class:`OtherKeyHeld`): once replaced, this desk could no longer check them, and only a
person told so may do it (``replace``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Protocol

from app import logsetup
from app.audit.actions import Recorder, record_settings
from app.audit.chain import key_id
from app.audit.site_key import CHAIN_KEY_SECRET, ENV_VAR, parse_key
from app.settings import SecretStore


class Trail(Recorder, Protocol):
    key: bytes | None

    def verify(self) -> Any: ...


class Gate(Protocol):
    def require(self, right: str, *, what: str = ..., target: str = ...) -> Any: ...


class NoChainKey(Exception):
    """This desk holds no chain key (no keyring): there is nothing to show."""


@dataclass(frozen=True)
class OtherKeyHeld(Exception):
    """This desk's trail holds ``rows`` rows sealed with the key it holds (``fingerprint``),
    not the one given: stored only with ``replace``."""

    fingerprint: str
    rows: int


@dataclass(frozen=True)
class KeyStored:
    fingerprint: str  # of the key now held
    changed: bool  # False: this desk held that key already
    replaced: str | None  # the fingerprint of the key it held before, if any
    env_wins: bool  # KEYDESK_AUDIT_KEY is set: it, not the keyring, is used here


def from_env() -> bool:
    return bool(os.environ.get(ENV_VAR, "").strip())


def reveal(audit: Trail, operators: Gate) -> bytes:
    """The key itself, for an admin to type on the other desks; recorded (its fingerprint)
    before it is given. :class:`NoChainKey` when there is none."""
    operators.require("settings.change", what="audit.key.reveal")
    key = audit.key
    if key is None:
        raise NoChainKey()
    audit.record("audit.key.reveal", detail={"fingerprint": key_id(key)})
    return key


def may_store(operators: Gate) -> None:
    """Refused (explained, and recorded) unless the operator may store a key: asked
    before the key is asked for."""
    operators.require("settings.change", what="settings.change", target=CHAIN_KEY_SECRET)


def store(audit: Trail, operators: Gate, secrets: SecretStore, text: str, *,
          replace: bool = False, local_trail: bool = True) -> KeyStored:
    """Store the key typed (hex) in this desk's keyring.

    Raises :class:`app.audit.site_key.ChainKeyError` for text that is not a key,
    :class:`OtherKeyHeld` (see the module), and
    :class:`app.settings.SecretStoreUnavailable` with no keyring. ``local_trail``: this
    desk's own trail (SQLite), which seals from now on with the new key, so the row
    saying so is the first it seals; a site store's trail keeps the key it started with
    until the next start.
    """
    may_store(operators)
    key = parse_key(text)
    logsetup.register_secret(text.strip())
    held = audit.key
    fingerprint = key_id(key)
    if held == key:
        return KeyStored(fingerprint, changed=False, replaced=None, env_wins=from_env())
    if held is not None and not replace:
        verdict = audit.verify()
        if verdict.ok and verdict.checked:
            raise OtherKeyHeld(key_id(held), int(verdict.checked))
    secrets.set(CHAIN_KEY_SECRET, key.hex())
    if local_trail:
        audit.key = key
    record_settings(audit, [], [CHAIN_KEY_SECRET])  # which entry, never the value
    return KeyStored(fingerprint, changed=True, replaced=key_id(held) if held else None,
                     env_wins=from_env())
