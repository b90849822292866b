"""A room as a person names it: ``001-01-0101`` (BUILDING-FLOOR-ROOM, the cloud's own
reference) or the room's name (``101``), both as ``keydesk cloud rooms`` prints them and
the window's room list shows them. A name that fits no room, or several, is the person's
mistake (:class:`app.inputs.InputError`), said before anything is sent."""

from __future__ import annotations

from collections.abc import Iterable

from app.cloud.models import Building, Room, RoomRef
from app.inputs import InputError, shown


def as_reference(text: str) -> RoomRef | None:
    """``text`` written as BUILDING-FLOOR-ROOM, else None (it may be a room's name)."""
    parts = text.strip().split("-")
    if len(parts) == 3 and all(p and p.isascii() and p.isalnum() for p in parts):
        return RoomRef(*parts)
    return None


def rooms_of(buildings: Iterable[Building]) -> list[Room]:
    return [r for b in buildings for r in b.all_rooms()]


def find(rooms: Iterable[Room], text: str) -> Room:
    """The directory's room that ``text`` names (its reference first, then its name, in
    any case)."""
    wanted = text.strip()
    rooms = list(rooms)
    for room in rooms:
        if room.ref.label() == wanted:
            return room
    named = [r for r in rooms if r.name.strip().casefold() == wanted.casefold()]
    if len(named) == 1:
        return named[0]
    if named:
        raise InputError("cloud_room_many", value=shown(text),
                         choices=", ".join(r.ref.label() for r in named))
    raise InputError("cloud_room", value=shown(text))
