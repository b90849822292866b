"""The response envelope in both shapes, and vendor codes turned into KeyDeskError.

``{"status": 200, "info": "success", "message": "...", "data": ...}`` is the usual shape;
the gateway list and the QR decode call answer ``{"error": 0, "data": ...}``.
"""

from __future__ import annotations

import json
from typing import Any

from app.cloud.config import HTTP_LIKE_STATUS, RETRYABLE_CODES
from app.domain.errors import KeyDeskError
from app.logsetup import redact


def error_for(code: str | int, detail: str, state: str = "") -> KeyDeskError:
    code = str(code)
    domain = "cloud_http" if code.isdigit() and int(code) in HTTP_LIKE_STATUS else "cloud_api"
    return KeyDeskError(domain, code, redact(detail), state=state,
                        retryable=code in RETRYABLE_CODES)


def parse(body: bytes | str, action: str) -> Any:
    """The ``data`` of a successful answer; raises KeyDeskError for any vendor error."""
    try:
        payload = json.loads(body)
    except (TypeError, ValueError):
        raise error_for("500", f"{action}: the answer is not JSON") from None
    if not isinstance(payload, dict):
        raise error_for("500", f"{action}: unexpected answer shape")
    if "status" in payload:
        code = str(payload.get("status"))
        ok = code == "200"
    elif "error" in payload:
        code = str(payload.get("error"))
        ok = code == "0"
    else:
        raise error_for("500", f"{action}: the answer has neither 'status' nor 'error'")
    if ok:
        return payload.get("data")
    text = str(payload.get("message") or payload.get("info") or "").strip()
    return _raise(code, f"{action}: {text}" if text else action)


def _raise(code: str, detail: str) -> Any:
    raise error_for(code, detail[:300])
