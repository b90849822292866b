"""The three UCLBRT signing schemes, one per family of endpoints.

Written by hand because they are the vendor's own constructions (no library knows them);
each is a few lines of hashlib. The Auth Token enters every hash but is never sent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import urlencode

from app.cloud.config import QRM_SIGN_ORDER


def qrcode_sig(account_sid: str, auth_token: str, timestamp: str) -> str:
    """Scheme 1: MD5(AccountSID + AuthToken + timestamp), hex, upper case."""
    return hashlib.md5((account_sid + auth_token + timestamp).encode()).hexdigest().upper()


def qrcode_authorization(account_sid: str, timestamp: str) -> str:
    """Scheme 1 ``Authorization`` header: base64(AccountSID + ":" + timestamp)."""
    return base64.b64encode(f"{account_sid}:{timestamp}".encode()).decode("ascii")


def parse_qrcode_authorization(header: str) -> tuple[str, str]:
    """(account_sid, timestamp) from the header; ValueError when malformed."""
    raw = base64.b64decode(header.strip(), validate=True).decode()
    sid, sep, ts = raw.partition(":")
    if not sep:
        raise ValueError("no ':' in Authorization")
    return sid, ts


def qrm_sig(action: str, fields: Mapping[str, object], auth_token: str) -> str:
    """Scheme 2: MD5 of the values in the action's fixed order (Auth Token last), lower.

    A field missing from ``fields`` contributes an empty string (e.g. ``issueMac`` for
    QRLOCK), which is what the vendor's examples do.
    """
    order = QRM_SIGN_ORDER[action]
    values = {**{k: "" if v is None else str(v) for k, v in fields.items()},
              "authToken": auth_token}
    joined = "".join(values.get(name, "") for name in order)
    return hashlib.md5(joined.encode()).hexdigest()


def hash_password(password: str) -> str:
    """``creatorPassword`` is sent as MD5(password), hex, lower case (hashed before signing)."""
    return hashlib.md5(password.encode()).hexdigest()


def records_sig(fields: Mapping[str, object], auth_token: str) -> str:
    """Scheme 3: SHA-1 of every body field plus authToken, sorted by name, ``k=v&k=v``
    with values form-encoded; hex, lower case."""
    items = {k: "" if v is None else str(v) for k, v in fields.items() if k != "sig"}
    items["authToken"] = auth_token
    canonical = urlencode(sorted(items.items()))
    return hashlib.sha1(canonical.encode()).hexdigest()


def same(a: str, b: str) -> bool:
    """Constant-time comparison (the simulator checks signatures like a server would)."""
    return hmac.compare_digest(a.encode(), b.encode())
