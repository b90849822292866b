"""The faults a simulated lock (or the simulated radio) can be given on demand."""

from __future__ import annotations

from dataclasses import dataclass

FAULTS: dict[str, str] = {
    "asleep": "not advertising (the wake window is over)",
    "wake_ends": "the wake window ends after `count` more commands, mid-flow",
    "connect_timeout": "connection requests are never answered (`count` times)",
    "connect_fail": "connecting fails `count` times (le-connection-abort-by-local), then works",
    "bluez_removed": "connecting fails as BlueZ does after a scan stopped (`count` times)",
    "winrt_unreachable": "service discovery fails as WinRT's 'Unreachable' (`count` times)",
    "disconnect_mid": "the link drops when the next command arrives (`count` times)",
    "wrong_key_silent": "the lock has another key: it ignores what it cannot decrypt",
    "wrong_key_garbled": "the lock answers under another key (replies will not decrypt)",
    "wrong_admin": "check admin answers 03 (wrong admin password)",
    "not_setting_mode": "the lock was initialised elsewhere: not in setting mode (07)",
    "low_battery": "the battery is at 15 %",
    "out_of_battery": "the battery is flat: motor commands answer 0A",
    "no_reply": "the next `count` commands get no reply",
    "bad_crc": "every reply carries a consistently wrong CRC (the same one each time)",
    "bad_crc_random": "replies carry a wrong CRC that changes each time",
    "split_chunks": "notifications arrive split into small pieces",
    "duplicate_chunks": "every notification is delivered twice",
    "att_error": "the next `count` writes fail with an ATT error",
    "radio_off": "the PC's Bluetooth radio is off (site-wide)",
}
# Faults that last until cleared unless a count is given.
STICKY = {"asleep", "wrong_key_silent", "wrong_key_garbled", "wrong_admin", "not_setting_mode",
          "low_battery", "out_of_battery", "bad_crc", "bad_crc_random", "split_chunks",
          "duplicate_chunks", "radio_off", "connect_timeout"}
DEFAULT_COUNTS = {"connect_fail": 2, "wake_ends": 3}


@dataclass
class Fault:
    name: str
    count: int | None  # None = until cleared
    after: int = 0  # occasions to let pass before the fault starts (drop at command N+1)

    def use(self) -> bool:
        """Consume one occurrence; True while the fault still applies."""
        if self.after > 0:
            self.after -= 1
            return False
        if self.count is None:
            return True
        if self.count <= 0:
            return False
        self.count -= 1
        return True


def make_fault(name: str, count: int | None = None, after: int = 0) -> Fault:
    if name not in FAULTS:
        raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
    if count is None and name not in STICKY:
        count = DEFAULT_COUNTS.get(name, 1)
    return Fault(name, count, max(0, after))
