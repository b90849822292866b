"""Finding the encoder for the person setting the desk up: the serial ports with their
USB description and VID:PID (likely encoders first), and a probe that answers with the
encoder's firmware or the reason it did not answer."""

from __future__ import annotations

from dataclasses import dataclass

from app.devices.encoder.discovery import PROBE_TIMEOUTS, PortInfo, list_serial_ports
from app.devices.encoder.registry import driver

__all__ = ["EncoderChoice", "PortInfo", "detect", "probe_encoder"]


@dataclass(frozen=True)
class EncoderChoice:
    """What the settings remember of the chosen encoder: its USB identity when it has
    one (Windows renumbers COM ports on replug), else the address typed or picked."""

    url: str = ""
    vid_pid: str = ""
    serial: str = ""

    @classmethod
    def of_port(cls, port: PortInfo) -> EncoderChoice:
        if port.vid_pid and port.serial_number:
            return cls("", port.vid_pid, port.serial_number)
        return cls(port.device)  # no USB serial number: two such bridges look alike

    @property
    def empty(self) -> bool:
        return not (self.url or self.vid_pid)


def detect() -> list[PortInfo]:
    """Every serial port, likely encoders first (blocking: run it off the Qt thread)."""
    return list_serial_ports()


def probe_encoder(url: str) -> str:
    """The firmware of the encoder answering on ``url`` (blocking, short timeouts, the
    port closed again). Raises the encoder's ``KeyDeskError`` when nothing answers, so
    the person reads why (no such port, busy, not a PN532)."""
    enc = driver().open(url, timeouts=PROBE_TIMEOUTS)
    try:
        return enc.firmware
    finally:
        enc.close()
