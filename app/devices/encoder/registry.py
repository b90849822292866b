"""The encoder drivers, listed explicitly (no import-time discovery: frozen builds see
exactly this list). To add one: implement :class:`~app.devices.encoder.base.Encoder` in
its own module and add it here; the contract tests then run it against bad ports."""

from __future__ import annotations

from app.devices.encoder.base import Encoder
from app.devices.encoder.pn532 import Pn532

DRIVERS: dict[str, type[Encoder]] = {
    Pn532.name: Pn532,
}
DEFAULT_DRIVER = Pn532.name


def driver(name: str = DEFAULT_DRIVER) -> type[Encoder]:
    try:
        return DRIVERS[name]
    except KeyError:
        raise ValueError(f"unknown encoder driver {name!r}; known: {', '.join(DRIVERS)}") from None
