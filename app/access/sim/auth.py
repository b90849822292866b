"""The simulated reader's HTTP Digest auth (RFC 7616, MD5, ``qop="auth"``), as devices do it.

Nonces carry their issue time and an HMAC, so they expire (``stale=true``) without a
table. Repeated failed logins lock the client's address out for a while, like the real
firmware (about 30 minutes there; configurable here).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import threading
import time
from dataclasses import dataclass

REALM = "Login to KeyDeskSim"
_PARAM = re.compile(r'(\w+)=(?:"([^"]*)"|([^,\s]*))')


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()  # the protocol's hash


def parse_authorization(header: str) -> dict[str, str] | None:
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() != "digest":
        return None
    return {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _PARAM.finditer(rest)}


@dataclass
class AuthResult:
    ok: bool
    stale: bool = False  # right password, expired nonce: challenge again
    locked: bool = False
    failed_login: bool = False  # a real wrong password/user (counts toward lockout)


class DigestAuthority:
    def __init__(
        self,
        user: str,
        password: str,
        *,
        nonce_ttl: float = 300.0,
        max_failures: int = 5,
        lockout_seconds: float = 1800.0,
    ) -> None:
        self.user = user
        self.password = password
        self.nonce_ttl = nonce_ttl
        self.max_failures = max_failures
        self.lockout_seconds = lockout_seconds
        self._key = os.urandom(16)
        self._epoch = 0  # bumped to invalidate every nonce (reboot, fault injection)
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}
        self._lock = threading.Lock()
        self.failed_logins = 0

    def new_nonce(self) -> str:
        stamp = f"{time.time():.3f}:{self._epoch}"
        sig = hmac.new(self._key, stamp.encode(), hashlib.sha256).hexdigest()[:16]
        return f"{stamp}:{sig}".replace(":", "x").replace(".", "d")

    def _nonce_age(self, nonce: str) -> float | None:
        parts = nonce.split("x")
        if len(parts) != 3:
            return None
        stamp = f"{parts[0].replace('d', '.')}:{parts[1]}"
        sig = hmac.new(self._key, stamp.encode(), hashlib.sha256).hexdigest()[:16]
        if not hmac.compare_digest(sig, parts[2]):
            return None
        if parts[1] != str(self._epoch):
            return float("inf")
        try:
            return time.time() - float(parts[0].replace("d", "."))
        except ValueError:
            return None

    def challenge(self, stale: bool = False) -> str:
        return (f'Digest realm="{REALM}", qop="auth", nonce="{self.new_nonce()}", '
                f'opaque="{_md5(REALM)}", algorithm=MD5' + (", stale=true" if stale else ""))

    def invalidate_nonces(self) -> None:
        self._epoch += 1

    def locked(self, peer: str) -> bool:
        with self._lock:
            return self._locked_until.get(peer, 0.0) > time.time()

    def check(self, method: str, header: str | None, peer: str) -> AuthResult:
        if self.locked(peer):
            return AuthResult(False, locked=True)
        if not header:
            return AuthResult(False)
        params = parse_authorization(header)
        if params is None or not params.get("nonce"):
            return AuthResult(False)
        age = self._nonce_age(params["nonce"])
        expected = self._expected(method, params)
        if params.get("username") != self.user or params.get("response") != expected:
            if age is None or age > self.nonce_ttl:
                return AuthResult(False, stale=True)  # cannot judge an old nonce's hash
            return self._fail(peer)
        if age is None or age > self.nonce_ttl:
            return AuthResult(False, stale=True)
        with self._lock:
            self._failures.pop(peer, None)
        return AuthResult(True)

    def _expected(self, method: str, p: dict[str, str]) -> str:
        ha1 = _md5(f"{self.user}:{REALM}:{self.password}")
        ha2 = _md5(f"{method}:{p.get('uri', '')}")
        if p.get("qop"):
            return _md5(f"{ha1}:{p['nonce']}:{p.get('nc', '')}:{p.get('cnonce', '')}:"
                        f"{p['qop']}:{ha2}")
        return _md5(f"{ha1}:{p['nonce']}:{ha2}")

    def _fail(self, peer: str) -> AuthResult:
        with self._lock:
            self.failed_logins += 1
            count = self._failures.get(peer, 0) + 1
            self._failures[peer] = count
            if count >= self.max_failures:
                self._locked_until[peer] = time.time() + self.lockout_seconds
                self._failures.pop(peer, None)
                return AuthResult(False, locked=True, failed_login=True)
        return AuthResult(False, failed_login=True)
