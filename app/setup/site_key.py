"""The site card key: the secret every guest card of this site is signed with, so a
lock (and any desk of the site) knows a card came from this hotel.

Every desk of one site must hold the same key; a desk with another key issues cards the
doors refuse, and a lost key means re-issuing every card in use. Hence the assistant
offers to generate one *or* type the one the other desks use, and says to back it up.
It lives only in the keyring (``encoder.site_key``).
"""

from __future__ import annotations

import secrets

from app.devices.encoder.service import SITE_KEY_SECRET

__all__ = ["MIN_LENGTH", "SITE_KEY_SECRET", "check_site_key", "new_site_key"]

MIN_LENGTH = 16  # as ``keydesk card site-key`` asks
# No 0/O, 1/I/L: a key copied by hand from a backup sheet is read back right.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_site_key(groups: int = 6, size: int = 5) -> str:
    """A random key in groups (``7KQ2M-X9C4T-...``): 30 characters, ~148 bits."""
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(size))
                    for _ in range(groups))


def check_site_key(text: str) -> str | None:
    """What is wrong with a typed key ("short", "spaces"), or None when it can be used."""
    if text != text.strip():
        return "spaces"
    if len(text) < MIN_LENGTH:
        return "short"
    return None
