"""The PN532 itself: answers host commands the way UM0701 describes, against the virtual
card in its field, and counts modelled time (wire bytes at 115200 baud + chip + card)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.devices.encoder.sim.cards import T_SELECT, TIMEOUT, VirtualCard

BYTE_TIME = 10 / 115200  # 8N1: ten bit times per byte
CHIP_TIME = 0.0003  # command decoding and ACK turnaround inside the chip
FIRMWARE = bytes([0x32, 0x01, 0x06, 0x07])  # PN532 v1.6, supports ISO14443A/B + 18092
POWER_DOWN = 0x16
CIU_TX_MODE, CIU_RX_MODE, CIU_FIFO_DATA = 0x6302, 0x6303, 0x6339
CRC_ON = 0x80  # TxCRCEn / RxCRCEn: the CIU adds / checks and strips the card's CRC_A
MIFARE_ACK = b"\x0a"  # a card's 4-bit ACK, seen as a byte when the CRC check is off
SENS_REQ = 0x26  # what a poll leaves in the CIU FIFO when no card answered


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
        # XRAM / CIU registers (ReadRegister, WriteRegister); the CRC is on after reset.
        self.registers: dict[int, int] = {CIU_TX_MODE: CRC_ON, CIU_RX_MODE: CRC_ON}
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
        if code == 0x00:
            return reply + self._diagnose(params)
        if code == 0x02:
            return reply + FIRMWARE
        if code == 0x06 and params and len(params) % 2 == 0:  # ReadRegister: 16-bit addresses
            return reply + bytes(self.registers.get(a, 0) for a in _addresses(params))
        if code == 0x08 and params and len(params) % 3 == 0:  # WriteRegister: address, value
            for i in range(0, len(params), 3):
                self.registers[int.from_bytes(params[i : i + 2], "big")] = params[i + 2]
            return reply
        if code in (0x10, 0x12, 0x32):  # SetSerialBaudRate, SetParameters, RFConfiguration
            return reply
        if code == 0x14:
            self.sam_configured = True
            return reply
        if code == POWER_DOWN:
            self.selected = None
            return reply + b"\x00"
        if code == 0x4A:
            return reply + self._list_target(params)
        if code == 0x40 and params:
            return reply + self._exchange(params[0], params[1:])
        if code == 0x42 and params:  # InCommunicateThru: to the selected card, raw
            return reply + self._communicate_thru(params)
        if code == 0x52:
            self.selected = None
            return reply + b"\x00"
        return None

    def _communicate_thru(self, cmd: bytes) -> bytes:
        """With the CIU's CRC check off (what nfcpy does for Type 2 tags) the host gets
        the card's frame as it came: data + CRC_A, or the bare ACK of a write."""
        answer = self._exchange(1, cmd)
        status, data = answer[0], answer[1:]
        if status != 0 or self.registers.get(CIU_RX_MODE, CRC_ON) & CRC_ON:
            return answer
        return bytes([status]) + (data + crc_a(data) if data else MIFARE_ACK)

    @staticmethod
    def _diagnose(params: bytes) -> bytes:
        """Diagnose: 00 = communication line test (echo), 01 ROM / 02 RAM test (status ok)."""
        test = params[:1]
        if test == b"\x00":
            return params
        return b"\x00" if test in (b"\x01", b"\x02") else b"\x27"

    def _list_target(self, params: bytes) -> bytes:
        card = self.card
        if card is None or not card.present or params[:2] != b"\x01\x00":
            self.selected = None
            self.registers[CIU_FIFO_DATA] = SENS_REQ  # nobody answered the request
            return b"\x00"
        self.registers[CIU_FIFO_DATA] = 0x00
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


def _addresses(params: bytes) -> list[int]:
    """ReadRegister's 16-bit register addresses."""
    return [int.from_bytes(params[i : i + 2], "big") for i in range(0, len(params), 2)]


def crc_a(data: bytes) -> bytes:
    """ISO/IEC 14443-3 CRC_A (initial 0x6363), least significant byte first."""
    crc = 0x6363
    for byte in data:
        byte ^= crc & 0xFF
        byte = (byte ^ (byte << 4)) & 0xFF
        crc = ((crc >> 8) ^ (byte << 8) ^ (byte << 3) ^ (byte >> 4)) & 0xFFFF
    return bytes([crc & 0xFF, crc >> 8])
