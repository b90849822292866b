"""A stay as typed (start, end, rooms): refused when it cannot be what was meant.

Used by cards, lobby readers and lock-cloud keys alike, on the command line and in the
window. The field names are the face's own (``--from``/``--to``, or the form's labels),
so the message points at what to correct there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.inputs.errors import InputError, shown

FAR_AHEAD = timedelta(days=365)


class NeedsConfirmation(InputError):
    """Not wrong, only unusual: the person must confirm it (``--yes``, or a question)."""


@dataclass(frozen=True)
class StayFields:
    """How this face names the stay's fields (and how a far-ahead stay is confirmed)."""

    start: str = "--from"
    end: str = "--to"
    confirm: str = "--yes"


CLI_FIELDS = StayFields()


def when_text(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") + (value.strftime(" %z") if value.tzinfo else "")


def check_stay(
    start: datetime,
    end: datetime,
    now: datetime,
    fields: StayFields = CLI_FIELDS,
    *,
    confirmed: bool = False,
) -> None:
    """Refuse a stay that ends before it starts or has already ended; ask to confirm one
    that starts more than a year after ``now``. All three times in one zone (all naive,
    or all aware)."""
    if end <= start:
        raise InputError("order", start=fields.start, end=fields.end,
                         start_value=when_text(start), end_value=when_text(end))
    if end <= now:
        raise InputError("ended", end=fields.end, end_value=when_text(end))
    if start - now > FAR_AHEAD and not confirmed:
        raise NeedsConfirmation("far_ahead", start_value=when_text(start),
                                confirm=fields.confirm)


def check_period(start: date, end: date, fields: StayFields = CLI_FIELDS, *,
                 most_days: int | None = None) -> None:
    """A period of days (a door log): the first day first, at most ``most_days`` long."""
    if end < start:
        raise InputError("day_order", start=fields.start, end=fields.end,
                         start_value=start.isoformat(), end_value=end.isoformat())
    days = (end - start).days
    if most_days is not None and days > most_days:
        raise InputError("period_long", start_value=start.isoformat(),
                         end_value=end.isoformat(), n=days, high=most_days)


def split_rooms(text: str) -> list[str]:
    """Rooms as typed in one field: ``101, 102`` or ``101; 102``."""
    return [r.strip() for r in text.replace(";", ",").split(",") if r.strip()]


def check_rooms(rooms: Iterable[str], most: int, longest: int, *, needed: bool = True) -> None:
    """Each room 1 to ``longest`` printable ASCII characters without spaces, at most
    ``most`` of them (what a card layout can hold), at least one when ``needed``."""
    rooms = list(rooms)
    if needed and not rooms:
        raise InputError("rooms_none")
    if len(rooms) > most:
        raise InputError("rooms_many", n=len(rooms), high=most)
    for room in rooms:
        ok = 0 < len(room) <= longest and room.isascii() and room.isprintable()
        if not ok or " " in room:
            raise InputError("room", value=shown(room), high=longest)
