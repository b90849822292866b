"""``app.domain.events.device_event`` (the reader path's fast builder) makes exactly the
``DeviceEvent`` the dataclass would: equal, same repr, frozen afterwards."""

from __future__ import annotations

import dataclasses

import pytest

from app.domain.events import BusEvent, DeviceEvent, device_event


def test_the_fast_builder_makes_the_same_frozen_event() -> None:
    fast = device_event("Lobby", "reader", "AccessControl", {"card": "12EA3004"}, "raw", "warning")
    slow = DeviceEvent("Lobby", kind="reader", code="AccessControl",
                       payload={"card": "12EA3004"}, raw="raw", severity="warning",
                       time=fast.time)
    assert fast == slow and repr(fast) == repr(slow)
    assert isinstance(fast, BusEvent) and fast.time.tzinfo is not None
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.code = "other"  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(DeviceEvent)} == set(vars(fast))
