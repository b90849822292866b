"""The response envelope in both shapes, and vendor codes turned into KeyDeskError.

``{"status": 200, "info": "success", "message": "...", "data": ...}`` is the usual shape;
the gateway list and the QR decode call answer ``{"error": 0, "data": ...}``. An answer
that is not such an envelope (cut short, not JSON) is :class:`GarbledAnswer`: the
transport decides what that means (a read is asked again; after a create or change the
outcome is unknown, never "nothing happened").
"""

from __future__ import annotations

import json
from typing import Any

from app.cloud.config import HTTP_LIKE_STATUS, RETRYABLE_CODES
from app.domain.errors import KeyDeskError
from app.logsetup import redact

DESK_DOMAIN = "cloud_desk"  # KeyDesk's own outcomes (resources/catalog/cloud_desk.json)


class GarbledAnswer(KeyDeskError):
    """The answer (or its ``data``) is not in the form the call returns."""

    def __init__(self, detail: str) -> None:
        super().__init__(DESK_DOMAIN, "answer-garbled", redact(detail)[:300], retryable=True)


def error_for(code: str | int, detail: str, state: str = "") -> KeyDeskError:
    code = str(code)
    domain = "cloud_http" if code.isdigit() and int(code) in HTTP_LIKE_STATUS else "cloud_api"
    return KeyDeskError(domain, code, redact(detail), state=state,
                        retryable=code in RETRYABLE_CODES)


def parse(body: bytes | str, action: str, *, whole: bool = False) -> Any:
    """The ``data`` of a successful answer (the whole envelope with ``whole``); raises
    KeyDeskError for any vendor error and GarbledAnswer for what is no envelope."""
    try:
        payload = json.loads(body)
    except (TypeError, ValueError):
        raise GarbledAnswer(f"{action}: the answer is not JSON (cut short?)") from None
    if not isinstance(payload, dict):
        raise GarbledAnswer(f"{action}: the answer is not an envelope")
    if "status" in payload:
        code = str(payload.get("status"))
        ok = code == "200"
    elif "error" in payload:
        code = str(payload.get("error"))
        ok = code == "0"
    else:
        raise GarbledAnswer(f"{action}: the answer has neither 'status' nor 'error'")
    if ok:
        return payload if whole else payload.get("data")
    text = str(payload.get("message") or payload.get("info") or "").strip()
    return _raise(code, f"{action}: {text}" if text else action)


def _raise(code: str, detail: str) -> Any:
    raise error_for(code, detail[:300])
