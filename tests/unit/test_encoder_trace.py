"""The serial trace never shows a card key: authenticate, trailer WRITE, trailer READ."""

from __future__ import annotations

import pytest

from app.devices.encoder import frames
from app.devices.encoder.trace import SerialTrace, is_trailer_block, mask_keys

KEY_A = bytes.fromhex("1B13FB5BD965")
KEY_B = bytes.fromhex("F3B395D77502")
ACCESS = bytes.fromhex("FF078069")
TRAILER = KEY_A + ACCESS + KEY_B
MASKED = "EE EE EE EE EE EE"


def exchange(*card_cmd: bytes) -> bytes:
    return frames.encode_frame(b"\x40\x01" + b"".join(card_cmd))


def reply(data: bytes, status: int = 0) -> bytes:
    return frames.encode_frame(bytes([0x41, status]) + data, tfi=frames.CHIP_TO_HOST)


def shown(trace: SerialTrace) -> str:
    return trace.text()


def assert_no_key(text: str) -> None:
    for key in (KEY_A, KEY_B):
        assert key.hex(" ").upper() not in text, text
        assert key.hex(" ").upper()[:8] not in text, text  # not even half of it


@pytest.mark.parametrize(("block", "trailer"), [
    (3, True), (7, True), (63, True), (127, True), (4, False), (126, False),
    (128 + 15, True), (128 + 3, False), (255, True), (131, False), (0, False),
])
def test_trailer_blocks_of_classic_1k_and_4k(block, trailer):
    assert is_trailer_block(block) is trailer


def test_trailer_write_masks_both_keys_and_keeps_the_access_bits():
    frame = exchange(bytes([0xA0, 7]), TRAILER)
    text = mask_keys(frame).hex(" ").upper()
    assert_no_key(text)
    assert f"D4 40 01 A0 07 {MASKED} FF 07 80 69 {MASKED}" in text
    # The checksum would leak the sum of the key bytes: it is masked too (trace is for humans).
    assert text.endswith("EE 00")
    assert mask_keys(frame[:-6]).count(0xEE) == 8  # truncated (no DCS): keys still masked


@pytest.mark.parametrize("block", [4, 5, 128 + 14])
def test_data_block_writes_stay_readable(block):
    frame = exchange(bytes([0xA0, block]), TRAILER)
    assert mask_keys(frame) == frame


def test_authenticate_key_is_masked():
    frame = exchange(bytes([0x60, 7]), KEY_A, bytes.fromhex("DEADBEEF"))
    text = mask_keys(frame).hex(" ").upper()
    assert f"D4 40 01 60 07 {MASKED} DE AD BE EF" in text
    assert_no_key(text)


def test_trailer_read_reply_is_masked_even_split_over_reads(tmp_path):
    path = tmp_path / "trace.txt"
    trace = SerialTrace(path)
    trace.record(">", exchange(bytes([0x30, 3])), "cmd 40")
    answer = frames.ACK + reply(TRAILER)
    for i in range(0, len(answer), 3):  # pieces as small as a slow serial read gives
        trace.record("<", answer[i : i + 3])
    text = shown(trace)
    assert_no_key(text)
    joined = " ".join(line.split(" < ")[1].split("  #")[0]
                      for line in text.splitlines() if " < " in line)
    assert f"D5 41 00 {MASKED} FF 07 80 69 {MASKED}" in joined
    assert path.read_text().rstrip("\n") == text
    assert "keys masked" in text


def test_a_nack_resent_trailer_reply_is_masked_again():
    trace = SerialTrace()
    trace.record(">", exchange(bytes([0x30, 128 + 15])))
    trace.record("<", frames.ACK + reply(TRAILER)[:10])
    trace.record(">", frames.NACK, "nack")
    trace.record("<", reply(TRAILER))
    assert_no_key(trace.text())


def test_data_block_reads_and_other_answers_stay_readable():
    trace = SerialTrace()
    trace.record(">", exchange(bytes([0x30, 4])))
    trace.record("<", reply(TRAILER))
    assert KEY_A.hex(" ").upper() in trace.text()  # block 4 is data, not a key
    # After a trailer read, the next command's answer is no longer masked.
    trace = SerialTrace()
    trace.record(">", exchange(bytes([0x30, 3])))
    trace.record("<", reply(bytes(6) + ACCESS + KEY_B))
    trace.record(">", exchange(bytes([0x30, 4])))
    trace.record("<", reply(TRAILER))
    assert trace.text().count(KEY_B.hex(" ").upper()) == 1
    # A failed trailer read carries no data: nothing to mask.
    trace = SerialTrace()
    trace.record(">", exchange(bytes([0x30, 3])))
    failed = reply(b"", status=0x14)
    trace.record("<", failed)
    assert failed.hex(" ").upper() in trace.text()
