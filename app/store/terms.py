"""The searched values, each kept once (``search_terms``), as the writer meets them.

The writer thread knows the terms it has written (a bounded cache), so an event whose
card, reader and name are known costs three dictionary look-ups and no SQL; a new value
costs one insert into ``search_terms`` and its trigram index. Terms made in a transaction
that rolls back are forgotten with it (:meth:`Terms.rolled_back`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.store import search

Term = tuple[int, str]  # (kind, value)


def of_row(device: str | None, code: str | None, card: str | None, user: str | None,
           name: str | None, note: str | None) -> tuple[Term, ...]:
    """The terms of one event (kinds in :mod:`app.store.search`)."""
    pairs = ((search.DEVICE, device), (search.CODE, code), (search.CARD, card),
             (search.USER, user), (search.NAME, name), (search.NOTE, note))
    return tuple((kind, value) for kind, value in pairs if value)


class Terms:
    """Term ids by kind and value, for one writing connection."""

    MAX_CACHED = 200_000  # a year of a big hotel's cards and names; then start again

    def __init__(self) -> None:
        self._ids: list[dict[str, int]] = [{} for _ in search.COLUMN]
        self._tokens: list[dict[str, str]] = [{} for _ in search.COLUMN]  # "c4711"
        self._fresh: list[tuple[int, str]] = []  # made in the open transaction
        self._size = 0

    def ids_of(self, conn: sqlite3.Connection, kind: int, values: Iterable[str | None]
               ) -> dict[str, int]:
        """{value: term id} of ``values`` (None skipped), making the new ones inside the
        caller's transaction. Known values cost a dictionary look-up, no SQL."""
        known = self._ids[kind]
        missing = {v for v in values if v and v not in known}
        if missing:
            self._make(conn, kind, sorted(missing))
        return known

    def tokens_of(self, conn: sqlite3.Connection, kind: int, values: Iterable[str | None]
                  ) -> dict[str, str]:
        """{value: its ``event_terms`` token} (:meth:`ids_of`, as tokens)."""
        ids = self.ids_of(conn, kind, values)
        tokens, letter = self._tokens[kind], search.LETTER[kind]
        if len(tokens) != len(ids):
            for value, rid in ids.items():
                if value not in tokens:
                    tokens[value] = f"{letter}{rid}"
        return tokens

    def _make(self, conn: sqlite3.Connection, kind: int, values: list[str]) -> None:
        known = self._ids[kind]
        for at in range(0, len(values), 500):
            part = values[at:at + 500]
            for rid, value in conn.execute(
                    f"SELECT id, value FROM search_terms WHERE kind = {kind} AND value IN "
                    f"({', '.join('?' * len(part))})", part):
                known[value] = rid
                self._fresh.append((kind, value))
        for value in values:
            if value in known:
                continue
            folded = search.fold(value)
            rid = int(conn.execute("INSERT INTO search_terms (kind, value, folded) "
                                   "VALUES (?, ?, ?)", (kind, value, folded)).lastrowid or 0)
            conn.execute("INSERT INTO terms_fts (rowid, folded) VALUES (?, ?)", (rid, folded))
            known[value] = rid
            self._fresh.append((kind, value))

    def committed(self) -> None:
        self._size += len(self._fresh)
        self._fresh.clear()
        if self._size > self.MAX_CACHED:
            for ids in self._ids:
                ids.clear()
            for tokens in self._tokens:
                tokens.clear()
            self._size = 0

    def rolled_back(self) -> None:
        """Forget the terms the rolled-back transaction made: they are not in the file."""
        for kind, value in self._fresh:
            self._ids[kind].pop(value, None)
            self._tokens[kind].pop(value, None)
        self._fresh.clear()
