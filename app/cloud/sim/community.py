"""The simulator's demo account and community: fixed, public, fake values.

These credentials only ever open the simulator; they are printed in the README so
``keydesk cloud --demo-account`` can use them against ``keydesk sim cloud``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_ACCOUNT_SID = "d3m0acc0unt5id00000000000000cafe"
DEMO_AUTH_TOKEN = "demo-auth-token-7f3a9c"
DEMO_COMMUNITY_NO = "1316879946"
DEMO_ISSUE_MAC = "A4C138000D01"
DEMO_OPERATOR_AREA_CODE = "86"
DEMO_OPERATOR_MOBILE = "13800138000"
DEMO_OPERATOR_PASSWORD = "demo-operator-pass"
DEMO_GATEWAY = "BOX-0001"
DEMO_TIMEZONE = "Asia/Shanghai"

# Lock types that can open by Bluetooth, and those that support single-key loss reports.
BLUETOOTH_LOCKS = {"QRALOCK", "QRBLOCK", "QRMLOCK", "QRNLOCK"}
SINGLE_LOSS_LOCKS = {"QRALOCK", "QRBLOCK", "QRMLOCK", "QRNLOCK"}


@dataclass
class SimRoom:
    building: str
    floor: str
    room: str
    name: str
    lock_no: str
    lock_type: str
    mac: str
    box_id: str = ""
    ble_configured: bool = True

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.building, self.floor, self.room)


@dataclass
class SimBuilding:
    number: str
    name: str
    floors: list[str] = field(default_factory=list)


def demo_buildings() -> list[SimBuilding]:
    return [SimBuilding("001", "Main building", ["01", "02"]),
            SimBuilding("002", "Garden wing", ["01"])]


def demo_rooms() -> list[SimRoom]:
    return [
        SimRoom("001", "01", "0101", "101", "1", "QRALOCK", "C4A828001101", DEMO_GATEWAY),
        SimRoom("001", "01", "0102", "102", "2", "QRLOCK", "C4A828001102"),
        SimRoom("001", "01", "0103", "103", "3", "QRALOCK", "C4A828001103", DEMO_GATEWAY),
        SimRoom("001", "02", "0201", "201", "4", "QRBLOCK", "C4A828001201"),
        SimRoom("001", "02", "0202", "202", "5", "RFLOCK-V9", "C4A828001202"),
        SimRoom("002", "01", "0101", "G101", "6", "QRNLOCK", "C4A828002101", DEMO_GATEWAY),
        SimRoom("002", "01", "0102", "G102", "7", "QRMLOCK", "C4A828002102",
                ble_configured=False),
    ]
