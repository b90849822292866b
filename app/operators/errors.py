"""Operator failures as :class:`KeyDeskError` of the ``operator`` catalog domain, so the
window's banner and the CLI explain them in the desk's language like any other failure
(``resources/catalog/operator.json``)."""

from __future__ import annotations

from app.domain.errors import KeyDeskError

DOMAIN = "operator"


def operator_error(code: str, detail: str = "", *, retryable: bool = False) -> KeyDeskError:
    return KeyDeskError(DOMAIN, code, detail, retryable=retryable)


def refused(right: str, who: str, role: str) -> KeyDeskError:
    """A right the signed-in operator lacks: ``right.<name>`` says who may do it."""
    return KeyDeskError(DOMAIN, f"right.{right}", f"{who} ({role}) may not do this",
                        retryable=False)


def is_refusal(exc: BaseException) -> bool:
    return isinstance(exc, KeyDeskError) and exc.domain == DOMAIN
