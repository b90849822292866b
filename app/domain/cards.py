"""What is written on a guest/staff card: plain data, no encoding (see the card layouts)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from typing import Any

CARD_KINDS = ("guest", "staff", "master")


@dataclass(frozen=True)
class Issuance:
    """One card's permission. Times are the hotel's local wall-clock time (naive), which
    is what the locks keep; ``sequence`` tells apart the cards of one stay."""

    rooms: tuple[str, ...]
    valid_from: datetime
    valid_to: datetime
    kind: str = "guest"
    sequence: int = 1
    issued_at: datetime | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("valid_from", "valid_to"):
            if getattr(self, name).tzinfo is not None:
                # An offset would be dropped when written (the locks keep wall-clock time)
                # and a mixed pair cannot even be compared: convert with site_time() first.
                raise ValueError(
                    f"{name} has a UTC offset; card times are the hotel's local time "
                    "(convert it to local time first)"
                )
        if self.kind not in CARD_KINDS:
            raise ValueError(f"card kind must be one of {', '.join(CARD_KINDS)}")
        if self.valid_to <= self.valid_from:
            raise ValueError("the card must end after it starts (--to after --from)")
        if self.kind == "guest" and not self.rooms:
            raise ValueError("a guest card needs at least one room")
        if not 0 <= self.sequence <= 0xFFFFFFFF:
            raise ValueError("sequence must be between 0 and 4294967295")

    def next_copy(self) -> Issuance:
        """The duplicate of this card: same stay, next sequence number."""
        return replace(self, sequence=self.sequence + 1, issued_at=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rooms": list(self.rooms),
            "valid_from": self.valid_from.isoformat(timespec="minutes"),
            "valid_to": self.valid_to.isoformat(timespec="minutes"),
            "kind": self.kind,
            "sequence": self.sequence,
            "issued_at": self.issued_at.isoformat(timespec="seconds") if self.issued_at else None,
        }


def site_time(value: datetime, zone: tzinfo | None = None) -> datetime:
    """``value`` as the hotel's wall-clock time, to whole seconds (what a card holds): a
    time with an offset is converted to ``zone`` (None: this computer's zone, where the
    USB encoder is); a plain time already is one. So a stay given with two different
    offsets, or one offset and one plain time, lands in one zone before it is checked."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(zone)
    return value.replace(tzinfo=None, microsecond=0)
