"""The PN532 itself: answers host commands the way UM0701 describes, against the virtual
card in its field, and counts modelled time (wire bytes at 115200 baud + chip + card)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.encoder.sim.cards import T_SELECT, TIMEOUT, VirtualCard

BYTE_TIME = 10 / 115200  # 8N1: ten bit times per byte
CHIP_TIME = 0.0003  # command decoding and ACK turnaround inside the chip
FIRMWARE = bytes([0x32, 0x01, 0x06, 0x07])  # PN532 v1.6, supports ISO14443A/B + 18092


@dataclass
class SimStats:
    commands: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    clock: float = 0.0  # modelled seconds
    per_command: dict[int, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "commands": self.commands,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "modelled_seconds": round(self.clock, 6),
        }


class Chip:
    def __init__(self) -> None:
        self.card: VirtualCard | None = None  # the card in the field
        self.selected: VirtualCard | None = None
        self.sam_configured = False
        self.stats = SimStats()
        # Fault hooks set by the simulator.
        self.remove_after_writes: int | None = None

    def wire(self, n_in: int, n_out: int) -> None:
        self.stats.bytes_in += n_in
        self.stats.bytes_out += n_out
        self.stats.clock += (n_in + n_out) * BYTE_TIME

    def handle(self, data: bytes) -> bytes | None:
        """A host command (code + params) → response (code+1 + params); None = unknown."""
        code, params = data[0], data[1:]
        self.stats.commands += 1
        self.stats.per_command[code] = self.stats.per_command.get(code, 0) + 1
        self.stats.clock += CHIP_TIME
        reply = bytes([code + 1])
        if code == 0x02:
            return reply + FIRMWARE
        if code == 0x14:
            self.sam_configured = True
            return reply
        if code == 0x32:
            return reply
        if code == 0x4A:
            return reply + self._list_target(params)
        if code == 0x40 and params:
            return reply + self._exchange(params[0], params[1:])
        if code == 0x52:
            self.selected = None
            return reply + b"\x00"
        return None

    def _list_target(self, params: bytes) -> bytes:
        card = self.card
        if card is None or not card.present or params[:2] != b"\x01\x00":
            self.selected = None
            return b"\x00"
        card.on_select()
        self.selected = card
        self.stats.clock += T_SELECT
        return bytes([1, 1]) + card.atqa + bytes([card.sak, len(card.uid)]) + card.uid

    def _exchange(self, target: int, cmd: bytes) -> bytes:
        card = self.selected
        if target != 1 or card is None or card is not self.card or not card.present:
            self.stats.clock += 0.005
            return bytes([TIMEOUT])
        if cmd[:1] in (b"\xa0", b"\xa2") and self.remove_after_writes is not None:
            if self.remove_after_writes <= 0:
                # The card leaves the field while this block is being written.
                self.remove_after_writes = None
                tear = getattr(card, "tear", None)
                if tear is not None and len(cmd) >= 6:
                    tear(cmd[1], cmd[2:])
                card.present = False
                self.stats.clock += 0.005
                return bytes([TIMEOUT])
            self.remove_after_writes -= 1
        status, out, seconds = card.command(cmd)
        self.stats.clock += seconds
        return bytes([status]) + out
