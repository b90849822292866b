"""Encoder failures in the catalog's 53xx vocabulary (domain ``cloud_api``).

Every failure says what the card was left in (``state``), so the desk knows whether the
card in hand is usable, blank, or must be issued again.
"""

from __future__ import annotations

from app.domain.errors import KeyDeskError

DOMAIN = "cloud_api"
PORT_FAILED = "5310"  # port missing, busy, or not an encoder
NO_ANSWER = "5305"  # the encoder (or the card) did not answer in time
LINK_LOST = "5312"  # the connection broke during an operation
UNKNOWN_CARD = "5311"  # no card, or a card this layout cannot use
READ_FAILED = "5300"  # authentication or read refused
VERIFY_FAILED = "5309"  # a written block read back differently / issuance not completed

STATE_UNTOUCHED = "card unchanged: nothing was written"


def encoder_error(
    code: str, detail: str, state: str = STATE_UNTOUCHED, *, retryable: bool = True
) -> KeyDeskError:
    return KeyDeskError(DOMAIN, code, detail, state=state, retryable=retryable)


def with_state(err: KeyDeskError, state: str) -> KeyDeskError:
    """The same failure, re-stated with what the card operation left behind."""
    return KeyDeskError(err.domain, err.code, err.detail, state=state, retryable=err.retryable)
