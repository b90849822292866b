"""Finding the encoder: serial ports with the VID:PID of the usual USB-serial bridges,
a safe probe (wake-up + GetFirmwareVersion, short timeouts, port closed after), and the
encoder remembered by VID:PID + USB serial number — Windows renumbers COM ports on
replug, so "COM3" is not an identity."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from serial.tools import list_ports

from app.devices.encoder.link import Timeouts
from app.devices.encoder.registry import driver
from app.domain.errors import KeyDeskError

log = logging.getLogger(__name__)

BRIDGES: dict[str, str] = {
    "1A86:7523": "CH340",
    "1A86:55D4": "CH9102",
    "10C4:EA60": "CP210x",
    "0403:6001": "FTDI FT232",
    "0403:6015": "FTDI FT231X",
    "067B:2303": "PL2303",
}
PROBE_TIMEOUTS = Timeouts(ack=0.15, response=0.4, retries=1)


@dataclass(frozen=True)
class PortInfo:
    device: str  # what pyserial opens: COM3, /dev/ttyUSB0
    vid_pid: str  # "1A86:7523", "" for non-USB ports
    serial_number: str
    description: str
    bridge: str  # CH340, CP210x, ..., "USB CDC" or ""

    @property
    def likely_encoder(self) -> bool:
        return bool(self.bridge)

    def to_dict(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "vid_pid": self.vid_pid,
            "serial_number": self.serial_number,
            "description": self.description,
            "bridge": self.bridge,
            "likely_encoder": self.likely_encoder,
        }


def _port_info(p: Any) -> PortInfo:
    vid_pid = f"{p.vid:04X}:{p.pid:04X}" if p.vid is not None and p.pid is not None else ""
    bridge = BRIDGES.get(vid_pid, "")
    if not bridge and vid_pid and ("ACM" in p.device or "CDC" in (p.description or "")):
        bridge = "USB CDC"
    return PortInfo(p.device, vid_pid, p.serial_number or "", p.description or "", bridge)


def list_serial_ports() -> list[PortInfo]:
    """Every serial port, likely encoders first."""
    ports = [_port_info(p) for p in list_ports.comports()]
    return sorted(ports, key=lambda p: (not p.likely_encoder, p.device))


def find_remembered(vid_pid: str, serial_number: str = "") -> PortInfo | None:
    """The port of the remembered encoder, whatever it is called today."""
    if not vid_pid:
        return None
    matches = [p for p in list_serial_ports() if p.vid_pid.upper() == vid_pid.upper()]
    if serial_number:
        matches = [p for p in matches if p.serial_number == serial_number]
    return matches[0] if len(matches) == 1 else None


def probe(url: str, driver_name: str = "pn532") -> str | None:
    """The firmware string when an encoder answers on ``url``; None otherwise."""
    try:
        enc = driver(driver_name).open(url, timeouts=PROBE_TIMEOUTS)
    except KeyDeskError as err:
        log.info("probe %s: %s", url, err)
        return None
    try:
        return enc.firmware
    finally:
        enc.close()


def resolve_url(encoder_url: str, vid_pid: str, serial_number: str) -> str | None:
    """Settings → the port to open: an explicit URL wins, then the remembered USB device."""
    if encoder_url:
        return encoder_url
    found = find_remembered(vid_pid, serial_number)
    return found.device if found else None


class ReplugWatch:
    """Notices the remembered encoder leaving and coming back (maybe under a new name)."""

    def __init__(self, vid_pid: str, serial_number: str = "") -> None:
        self.vid_pid, self.serial_number = vid_pid, serial_number
        self.device: str | None = None

    def poll(self) -> tuple[str, str | None] | None:
        """("unplugged", None) / ("plugged", device) when something changed, else None."""
        found = find_remembered(self.vid_pid, self.serial_number)
        device = found.device if found else None
        if device == self.device:
            return None
        self.device = device
        return ("plugged", device) if device else ("unplugged", None)
