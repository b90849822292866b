"""Encoder failures, in the catalog's ``encoder`` domain: the vendor's 53xx numbers for
the failures its table names (read, time-out, verify, port, card type, link), and
KeyDesk's own names for the rest.

They are the USB encoder's, never the lock cloud's (whose card issuer has a ``cloud_api``
53xx of its own). Every failure says what the card was left in (``state``), so the desk
knows whether the card in hand is usable, blank, or must be issued again.
"""

from __future__ import annotations

from app.devices.encoder import words
from app.domain.errors import KeyDeskError

DOMAIN = "encoder"
PORT_FAILED = "5310"  # port missing, busy, or not an encoder
NO_ANSWER = "5305"  # the encoder (or the card) did not answer in time
LINK_LOST = "5312"  # the connection broke during an operation
UNKNOWN_CARD = "5311"  # a card this layout cannot use (bank card, unknown SAK, too small)
READ_FAILED = "5300"  # authentication or read refused
VERIFY_FAILED = "5309"  # a written block read back differently / issuance not completed
NO_CARD = "no-card"  # nothing on the encoder
SAME_CARD = "same-card"  # the duplicate would go onto the card being copied
SOURCE_INVALID = "source-invalid"  # the card to copy holds no valid stay
NO_SITE_KEY = "no-site-key"  # no site key on this PC: cards cannot be signed

STATE_UNTOUCHED: str = words.state("untouched")


def encoder_error(
    code: str, detail: str, state: str = STATE_UNTOUCHED, *, retryable: bool = True
) -> KeyDeskError:
    return KeyDeskError(DOMAIN, code, detail, state=state, retryable=retryable)


def with_state(err: KeyDeskError, state: str) -> KeyDeskError:
    """The same failure, re-stated with what the card operation left behind."""
    return KeyDeskError(err.domain, err.code, err.detail, state=state, retryable=err.retryable)
