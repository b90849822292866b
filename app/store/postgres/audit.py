"""The audit trail on the site's PostgreSQL server: the methods of the SQLite
:class:`app.store.audit.AuditLog`, one chain for every desk of the site.

:meth:`SiteAuditLog.record` hands the row to the site writer, which seals it after the
site's head under an advisory lock (:func:`app.store.postgres.writes.append_audit`), so
two desks recording at once never fork the chain. While the server is away the row is
kept in this desk's outbox and appended when it is back (``record`` then returns 0: the
row has no number yet); nothing runs unrecorded, and a desk never waits for the server
longer than :data:`SiteAuditLog.WAIT` seconds.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.audit.chain import UNSEALED, Head, Verdict, verify
from app.store.audit import (
    Actor,
    AuditEntry,
    entry,
    published_entry,
    row_values,
    utc_text,
    write_csv,
)
from app.store.audit_schema import chain_row
from app.store.postgres.site import SiteStore
from app.store.postgres.writes import AUDIT_COLUMNS

log = logging.getLogger(__name__)


def where(*, who: str | None = None, room: str | None = None, what: str | None = None,
          result: str | None = None, since: datetime | str | None = None,
          until: datetime | str | None = None, text: str | None = None,
          before_id: int | None = None) -> tuple[str, list[Any]]:
    """The filters of :func:`app.store.audit.where`, for PostgreSQL."""
    parts: list[str] = []
    params: list[Any] = []
    if who:
        parts.append("who = %s")
        params.append(who)
    if room:
        parts.append("(strpos(',' || room || ',', ',' || %s || ',') > 0 OR target = %s)")
        params += [room.strip(), room.strip()]
    if what:
        parts.append("what LIKE %s")
        params.append(_escape(what) + "%")
    if result:
        if result == "error":
            parts.append("(result LIKE 'error%%' OR result LIKE 'bug%%')")
        else:
            parts.append("result LIKE %s")
            params.append(_escape(result) + "%")
    if since is not None:
        parts.append("at >= %s")
        params.append(utc_text(since))
    if until is not None:
        parts.append("at < %s")
        params.append(utc_text(until))
    if text:
        parts.append("(strpos(lower(target), lower(%s)) > 0 "
                     "OR strpos(lower(detail), lower(%s)) > 0)")
        params += [text, text]
    if before_id is not None:
        parts.append("id < %s")
        params.append(int(before_id))
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class SiteAuditLog:
    WAIT = 5.0  # seconds a desk waits for the server before keeping a row on this PC

    def __init__(self, site: SiteStore, *, actor: Actor | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 publish: Callable[[AuditEntry], None] | None = None) -> None:
        self.site = site
        self.path = site.where  # where the trail is, for people (no password)
        self.key = site.key
        self.actor = actor
        self.clock = clock
        self._publish = publish
        self._closed = False
        site.face_opened()
        if self.key is None:
            log.warning("no audit chain key (no keyring, no KEYDESK_AUDIT_KEY): audit rows "
                        "are written unsealed")

    # -- writing -----------------------------------------------------------------------
    def record(self, what: str, *, who: str | None = None, role: str | None = None,
               target: str = "", room: Any = "", result: str = "ok",
               detail: dict[str, Any] | None = None) -> int:
        """Seal and append one row after the site's head; returns its id (0 while the row
        is kept on this desk, the server away)."""
        values = row_values(self.actor, self.clock, what, who=who, role=role, target=target,
                            room=room, result=result, detail=detail)
        self.site.start()
        future = self.site.writer.audit(values)
        try:
            row_id = int(future.result(self.WAIT))
        except concurrent.futures.TimeoutError:
            row_id = 0  # still queued on the writer: it goes in, or to the outbox, later
        if self._publish is not None:
            self._publish(published_entry(row_id, values, sealed=bool(self.key)))
        return row_id

    # -- reading -----------------------------------------------------------------------
    def query(self, limit: int = 500, **filters: Any) -> list[AuditEntry]:
        """Newest first; filters as in :func:`where`. Raises ``SiteAway`` while the
        server is away."""
        clause, params = where(**filters)
        rows = self.site.read(lambda c: c.execute(
            f"SELECT {AUDIT_COLUMNS} FROM audit{clause} ORDER BY id DESC LIMIT %s",
            [*params, limit]).fetchall())
        return [entry(tuple(r)) for r in rows]

    def recent(self, limit: int = 100, what_prefix: str = "") -> list[AuditEntry]:
        return self.query(limit, what=what_prefix or None)

    def kept(self, limit: int = 500) -> list[AuditEntry]:
        """The newest ``limit`` rows this desk keeps while the server is away (not yet
        numbered nor sealed: id 0), newest first, as :meth:`query` gives rows. Read from
        the outbox file, so they can be shown while the site's trail cannot."""
        return [published_entry(0, values, sealed=False)
                for _seq, _origin, values in self.site.outbox.audit(limit, newest=True)]

    def distinct(self, column: str) -> list[str]:
        if column not in ("who", "what"):
            raise ValueError(column)
        rows = self.site.read(lambda c: c.execute(
            f"SELECT DISTINCT {column} FROM audit ORDER BY 1").fetchall())
        return [str(r[0]) for r in rows]

    @staticmethod
    def _rows(conn: Any, clause: str = "", params: list[Any] | None = None,
              name: str = "keydesk_audit") -> Iterator[tuple[Any, ...]]:
        with conn.cursor(name=name) as cur:
            cur.itersize = 1000
            cur.execute(f"SELECT {AUDIT_COLUMNS} FROM audit{clause} ORDER BY id", params or [])
            yield from cur

    def verify(self) -> Verdict:
        """Check the whole chain, as of one moment (its own connection)."""
        if self.key is None:
            return Verdict(0, UNSEALED, None, "no chain key on this desk to check with")
        key = self.key

        def check(conn: Any) -> Verdict:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            head_row = conn.execute("SELECT id, mac, seal FROM audit_head WHERE slot = 1"
                                    ).fetchone()
            meta = conn.execute("SELECT value FROM audit_meta WHERE name = 'key_id'"
                                ).fetchone()
            head = Head(int(head_row[0]), str(head_row[1]), str(head_row[2])) \
                if head_row else None
            return verify(key, (chain_row(tuple(r)) for r in self._rows(conn)), head,
                          meta[0] if meta else None)

        verdict: Verdict = self.site.own(check)
        return verdict

    def export_csv(self, path: Path | str, **filters: Any) -> int:
        """Matching rows, oldest first, to a CSV file (UTF-8 with BOM), written beside
        the target and renamed. Returns the row count."""
        clause, params = where(**filters)
        return int(self.site.own(
            lambda conn: write_csv(Path(path), self._rows(conn, clause, params))))

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.site.face_closed()
