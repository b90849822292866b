"""A third-party PN532 host drives our simulator: nfcpy's own PN532 driver, over the pty
of `keydesk sim encoder --pty` (a separate process), exactly as it drives a real chip on
/dev/ttyUSB0. nfcpy wakes the chip with ten 00 bytes (no 55), waits 100 ms for the ACK of
GetFirmwareVersion, runs its line test (an extended frame echoed back), reads and writes
CIU registers, polls for a target and reads a Type 2 tag through InCommunicateThru."""

from __future__ import annotations

import json
import select
import socket
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

CLI = [sys.executable, "-c", "from ui.entry import main; raise SystemExit(main())"]


@pytest.fixture
def simulator():
    """`keydesk sim encoder --pty --json` in its own process: (pty path, control)."""
    proc = subprocess.Popen([*CLI, "sim", "encoder", "--pty", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        assert ready, "the simulator printed nothing"
        info = json.loads(proc.stdout.readline())
        yield info["url"], info["control"]
    finally:
        proc.terminate()
        proc.wait(10)
        assert proc.stderr is not None
        assert "Traceback" not in proc.stderr.read()


def control(address: str, **request: object) -> dict:
    host, _, port = address.rpartition(":")
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall((json.dumps(request) + "\n").encode())
        answer = json.loads(s.makefile("rb").readline())
    assert answer.get("ok"), answer
    return answer


def nfcpy_device(path: str):  # type: ignore[no-untyped-def]
    from nfc.clf import pn532, transport

    return pn532.init(transport.TTY(path))  # nfcpy's wake-up, firmware check, SAM config


def test_nfcpy_finds_a_pn532_and_reads_the_card_uid(simulator):
    from nfc.clf import RemoteTarget

    path, address = simulator
    uid = control(address, cmd="status")["card"]["uid"]
    device = nfcpy_device(path)
    try:
        assert bytes(device.chipset.get_firmware_version()) == b"\x32\x01\x06\x07"
        target = device.sense_tta(RemoteTarget("106A"))
        assert target is not None, "nfcpy saw no card"
        assert bytes(target.sdd_res).hex().upper() == uid
        assert bytes(target.sel_res) == b"\x08"  # MIFARE Classic 1K
        # ATQA 0x0004: the chip sends 00 04 (UM0701), nfcpy keeps it least significant first
        assert bytes(target.sens_res) == b"\x04\x00"

        control(address, cmd="remove")
        assert device.sense_tta(RemoteTarget("106A")) is None  # nothing in the field
    finally:
        device.close()  # nfcpy puts the chip back to sleep (PowerDown)


def test_nfcpy_reads_a_type_2_tag_and_wakes_the_chip_again_after_power_down(simulator):
    from nfc.clf import RemoteTarget

    path, address = simulator
    uid = bytes.fromhex(control(address, cmd="place", kind="ntag213")["uid"])
    for _ in range(2):  # the second init wakes a chip that the first close powered down
        device = nfcpy_device(path)
        try:
            target = device.sense_tta(RemoteTarget("106A"))
            assert target is not None and bytes(target.sdd_res) == uid
            # READ page 0: UID0-2, BCC0, UID3-6, ... (nfcpy checks the CRC_A itself)
            pages = bytes(device.send_cmd_recv_rsp(target, b"\x30\x00", 1.0))
            assert len(pages) == 16
            assert pages[:3] == uid[:3] and pages[4:8] == uid[3:7]
            assert pages[3] == 0x88 ^ uid[0] ^ uid[1] ^ uid[2]  # BCC0 (cascade tag 88)
        finally:
            device.close()
