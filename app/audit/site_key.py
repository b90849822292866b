"""The per-site chain key: 32 random bytes in the OS keyring (``audit.chain_key``).

Every desk of a site that shares one audit trail must hold the same key. Scripts and tests
without a keyring give it as ``KEYDESK_AUDIT_KEY`` (hex). The key never goes to a file or a
log: it is registered with :mod:`app.logsetup` as soon as it is read.
"""

from __future__ import annotations

import os
import secrets as random_source

from app import logsetup
from app.settings import SecretStore, SecretStoreUnavailable

CHAIN_KEY_SECRET = "audit.chain_key"
ENV_VAR = "KEYDESK_AUDIT_KEY"
KEY_BYTES = 32


class ChainKeyError(ValueError):
    """The key given is not 64 hex digits."""


def parse_key(text: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise ChainKeyError("the audit chain key must be hex digits") from None
    if len(key) < 16:
        raise ChainKeyError("the audit chain key must be at least 32 hex digits (16 bytes)")
    return key


def new_key_text() -> str:
    return random_source.token_hex(KEY_BYTES)


def chain_key(secrets: SecretStore | None, *, create: bool = True) -> bytes | None:
    """The site's chain key: ``KEYDESK_AUDIT_KEY``, else the keyring's (made on first use
    when ``create``), else None (no keyring: rows are written unsealed and ``audit verify``
    says so)."""
    env = os.environ.get(ENV_VAR, "")
    if env:
        logsetup.register_secret(env.strip())
        return parse_key(env)
    if secrets is None:
        return None
    try:
        text = secrets.get(CHAIN_KEY_SECRET)
        if not text and create:
            text = new_key_text()
            secrets.set(CHAIN_KEY_SECRET, text)
    except SecretStoreUnavailable:
        return None
    return parse_key(text) if text else None
