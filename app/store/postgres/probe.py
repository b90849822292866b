"""Testing a site-store address before it is saved (Settings → Store → Test, and
``keydesk store test``): can this desk reach the server, log in, and keep its events
there? Nothing is written: a database with no KeyDesk tables yet is only checked for the
right to make them (each desk makes them at its first start).

A failure is a :class:`KeyDeskError` of the ``site_store`` catalog. Whether the server
was reached at all is told by a plain TCP connection to it first, not by libpq's text,
which the server words in its own language.
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from app.domain.errors import KeyDeskError
from app.store.postgres.connect import CONNECT_TIMEOUT, connect, public_url
from app.store.postgres.schema import SCHEMA_VERSION

DOMAIN = "site_store"
_DEFAULT_PORT = 5432


@dataclass(frozen=True)
class SiteCheck:
    where: str  # the URL without any password
    server: str  # "PostgreSQL 18.4"
    schema: int  # the site schema's steps so far (0: KeyDesk has not made its tables)
    events: int  # events kept on the site store (0 before the tables are made)
    audit_rows: int


def _endpoint(url: str) -> tuple[str, int] | None:
    """(host, port) of a TCP server, or None (a Unix socket, several hosts)."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise KeyDeskError(DOMAIN, "bad_url", str(exc).strip()) from None
    host = str(info.get("host") or "")
    if not host or "," in host or host.startswith("/"):
        return None
    text = str(info.get("port") or _DEFAULT_PORT)
    if not (text.isdigit() and 0 < int(text) < 65536):
        raise KeyDeskError(DOMAIN, "bad_url", f"port {text!r}")
    return host, int(text)


def _reach(host: str, port: int) -> None:
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        raise KeyDeskError(DOMAIN, "unreachable", f"{host}:{port}: {exc}") from None


def check_site(url: str, password: str | None) -> SiteCheck:
    """(Blocking: on a worker thread.) What the server at ``url`` says to this desk."""
    from app.store.backend import SCHEMES

    if url.split(":", 1)[0].lower() not in SCHEMES:
        raise KeyDeskError(DOMAIN, "bad_url", f"{url.split('://', 1)[0]!r}: only "
                           "postgresql:// is known")
    endpoint = _endpoint(url)
    if endpoint is not None:
        _reach(*endpoint)
    try:
        conn = connect(url, password, autocommit=True)
    except psycopg.ProgrammingError as exc:  # the URL itself, refused by libpq
        raise KeyDeskError(DOMAIN, "bad_url", str(exc).strip()) from None
    except psycopg.OperationalError as exc:
        # Reached (or a socket path): the server turned this desk away.
        code = "login_refused" if endpoint is not None else "unreachable"
        raise KeyDeskError(DOMAIN, code, str(exc).strip()) from None
    with contextlib.closing(conn):
        return _inspect(conn, public_url(url))


def _inspect(conn: Any, where: str) -> SiteCheck:
    server = f"PostgreSQL {conn.execute('SHOW server_version').fetchone()[0]}"
    if conn.execute("SELECT to_regclass('keydesk_schema')").fetchone()[0] is None:
        allowed = conn.execute("SELECT has_database_privilege(current_user, "
                               "current_database(), 'CREATE') AND has_schema_privilege("
                               "current_user, current_schema(), 'CREATE')").fetchone()[0]
        if not allowed:
            raise KeyDeskError(DOMAIN, "no_rights", f"{where}: no CREATE right")
        return SiteCheck(where, server, 0, 0, 0)
    row = conn.execute("SELECT max(version) FROM keydesk_schema").fetchone()
    schema = int(row[0] or 0)
    if schema > SCHEMA_VERSION:
        raise KeyDeskError(DOMAIN, "schema_newer", f"site schema {schema}, this KeyDesk "
                           f"knows {SCHEMA_VERSION}")
    events = _count(conn, "events")
    audit_rows = _count(conn, "audit")
    return SiteCheck(where, server, schema, events, audit_rows)


def describe(check: SiteCheck, lang: str | None = None) -> str:
    """What a person is told of a check that passed (:mod:`app.store.messages`)."""
    from app.store import messages

    if check.schema == 0:
        return messages.text("site_test_empty", lang, where=check.where, server=check.server)
    return messages.text("site_test_ok", lang, where=check.where, server=check.server,
                         events=check.events, audit=check.audit_rows)


def _count(conn: Any, table: str) -> int:
    """Rows of ``table`` from the planner's estimate when large (a count of millions of
    rows would keep a Test waiting), exact when small or never analysed."""
    estimate = conn.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = "
                            "to_regclass(%s)", (table,)).fetchone()
    if estimate is None:
        return 0
    if estimate[0] is not None and estimate[0] > 100_000:
        return int(estimate[0])
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
