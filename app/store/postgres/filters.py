"""The Monitor's filters as a PostgreSQL ``WHERE`` clause, and the rows' searched text.

The same filters and meanings as :func:`app.store.rows.where` (SQLite): equal columns,
a time range (``until`` exclusive), id bounds, result, alarms, and ``text``: every word
typed a substring of one of the searched fields, case and accents ignored. On the site
store the searched fields of an event are kept folded in its ``search`` column, one per
line, so a word is matched with ``LIKE`` there (a substring never spans two fields).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.stored import ALARM_CODES
from app.store import search
from app.store.rows import to_us

ALARM_SQL = "(severity = 'alarm' OR code IN ({}))".format(
    ", ".join(f"'{c}'" for c in sorted(ALARM_CODES)))
_EQUALS = {"device": "device", "door": "door", "user": '"user"', "card": "card",
           "kind": "kind", "code": "code", "severity": "severity"}


def searched_text(values: tuple[Any, ...], name: str | None, note: str | None) -> str:
    """The folded searched fields of an event (its COLUMNS ``values``), one per line."""
    fields = (values[6], values[4], values[9], values[8], name, note)
    return "\n".join(search.fold(str(f)) for f in fields if f not in (None, ""))


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(
    since: datetime | str | None = None,
    until: datetime | str | None = None,
    device: str | None = None,
    door: int | None = None,
    user: str | None = None,
    card: str | None = None,
    kind: str | None = None,
    code: str | None = None,
    severity: str | None = None,
    text: str | None = None,
    before_id: int | None = None,
    after_id: int | None = None,
    granted: bool | None = None,
    alarm: bool | None = None,
) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause on ``events`` (or "") and its parameters (``%s`` style)."""
    clauses: list[str] = []
    params: list[Any] = []
    values = {"device": device, "door": door, "user": user, "card": card, "kind": kind,
              "code": code, "severity": severity}
    for name, column in _EQUALS.items():
        value = values[name]
        if value is not None:
            clauses.append(f"{column} = %s")
            params.append(int(value) if name == "door" else str(value))
    if since is not None:
        clauses.append("time >= %s")
        params.append(to_us(since))
    if until is not None:
        clauses.append("time < %s")
        params.append(to_us(until))
    if before_id is not None:
        clauses.append("id < %s")
        params.append(int(before_id))
    if after_id is not None:
        clauses.append("id > %s")
        params.append(int(after_id))
    if granted is not None:
        clauses.append("granted = %s")
        params.append(int(bool(granted)))
    if alarm is not None:
        clauses.append(ALARM_SQL if alarm else f"NOT {ALARM_SQL}")
    if text:
        typed = search.words(text)
        if not typed:
            clauses.append("FALSE")  # nothing searchable in it: nothing matches
        for word in typed:
            clauses.append("search LIKE %s")
            params.append(_like(word))
    return ((" WHERE " + " AND ".join(clauses)) if clauses else "", params)
