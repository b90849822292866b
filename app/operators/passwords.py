"""Operator passwords and PINs, hashed with scrypt from the standard library.

Stored as ``scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`` so the cost can be raised later
(:func:`needs_rehash`) without breaking old hashes. The default cost is OWASP's minimum
for scrypt (N=2^17, r=8, p=1: 128 MiB and about a third of a second per try on a desk PC),
which makes guessing even a 6-digit PIN from a stolen file a matter of days per account.
Nothing here logs or keeps the secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Cost:
    n: int = 2**17
    r: int = 8
    p: int = 1

    @property
    def maxmem(self) -> int:
        return 128 * self.n * self.r * self.p + 16 * 1024 * 1024


DEFAULT_COST = Cost()
SALT_BYTES = 16
HASH_BYTES = 32
MIN_PASSWORD = 8  # letters, digits or anything else
MIN_PIN = 6  # digits only
MAX_SECRET = 256


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(secret: str, salt: bytes, cost: Cost) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p,
                          maxmem=cost.maxmem, dklen=HASH_BYTES)


def hash_secret(secret: str, cost: Cost = DEFAULT_COST, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    digest = _derive(secret, salt, cost)
    return f"scrypt${cost.n}${cost.r}${cost.p}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[Cost, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        cost = Cost(int(parts[1]), int(parts[2]), int(parts[3]))
        salt, digest = base64.b64decode(parts[4]), base64.b64decode(parts[5])
    except ValueError:
        return None
    # A damaged or hostile file must not make us allocate gigabytes or loop for hours.
    if not (2**10 <= cost.n <= 2**20 and 1 <= cost.r <= 32 and 1 <= cost.p <= 4):
        return None
    if cost.n & (cost.n - 1) or len(digest) != HASH_BYTES:
        return None
    return cost, salt, digest


def check_secret(secret: str, stored: str) -> bool:
    """True when ``secret`` matches ``stored`` (constant-time compare; False if malformed)."""
    parsed = _parse(stored)
    if parsed is None or len(secret) > MAX_SECRET:
        return False
    cost, salt, digest = parsed
    return hmac.compare_digest(_derive(secret, salt, cost), digest)


def needs_rehash(stored: str, cost: Cost = DEFAULT_COST) -> bool:
    parsed = _parse(stored)
    return parsed is None or parsed[0].n < cost.n or parsed[0].r < cost.r


def waste_time(secret: str, cost: Cost = DEFAULT_COST) -> None:
    """Spend what a real check costs (unknown name), so timing does not tell which names
    exist."""
    _derive(secret[:MAX_SECRET], b"\0" * SALT_BYTES, cost)


def weakness(secret: str) -> str | None:
    """Why ``secret`` may not be used (an ``operator`` catalog code), or None."""
    if len(secret) > MAX_SECRET:
        return "password.long"
    if secret.isdigit():
        return "password.short_pin" if len(secret) < MIN_PIN else None
    return "password.short" if len(secret) < MIN_PASSWORD else None
