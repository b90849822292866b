"""Connecting to the site's PostgreSQL server, and telling "the server is away" apart.

The URL names the server (``postgresql://keydesk@backoffice:5432/keydesk``); the password
never goes in it: it comes from the keyring (``store.password``) and is handed to
psycopg on its own. What a person or a log is shown is :func:`public_url` (no password).
"""

from __future__ import annotations

import sys
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

CONNECT_TIMEOUT = 3  # seconds: a desk must not hang on a server that is away
# A server that vanishes without closing the connection (the back-office PC switched off,
# a cable pulled) is noticed within seconds, not after TCP's minutes of retries.
_LIVENESS = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
             "keepalives_count": 2}
_USER_TIMEOUT_MS = 5000  # tcp_user_timeout: unacknowledged data for this long = gone


class SiteKeyMismatch(RuntimeError):
    """This desk's audit chain key is not the site's: its rows would break the chain, so
    they are kept on the desk (as while the server is away) until it has the site's key."""


def public_url(url: str) -> str:
    """``url`` without any password (for logs, the status bar and errors)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def connect(url: str, password: str | None = None, *, autocommit: bool = False) -> Any:
    extra: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, "autocommit": autocommit,
                             "application_name": "keydesk", **_LIVENESS}
    if sys.platform.startswith("linux"):  # a libpq parameter only Linux has
        extra["tcp_user_timeout"] = _USER_TIMEOUT_MS
    if password:
        extra["password"] = password
    return psycopg.connect(url, **extra)


def is_away(exc: BaseException) -> bool:
    """True when ``exc`` means the server cannot be reached or dropped us (keep the rows
    on this desk and try again), as opposed to a bad row or a bug."""
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return True
    if isinstance(exc, SiteKeyMismatch):  # a desk to set up: keep its rows, say why
        return True
    sqlstate = getattr(exc, "sqlstate", None) or ""
    # 08: connection exceptions; 57P: operator intervention (shutdown, crash recovery).
    return sqlstate.startswith(("08", "57P"))
