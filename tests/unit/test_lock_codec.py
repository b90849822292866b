"""TTLock V3 frame codec (CRC-8/MAXIM vectors, chunks, reassembly), AES-128-CBC, and the
command payloads."""

from __future__ import annotations

from datetime import datetime

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app.devices.locks import crypto
from app.devices.locks.ttlock import commands as c
from app.devices.locks.ttlock import frames

DEFAULT_KEY = bytes.fromhex("987623e8a923a1bb3d9e7d0378124588")


def test_crc8_maxim_standard_check_value() -> None:
    assert frames.crc8_maxim(b"123456789") == 0xA1


def test_crc8_maxim_one_wire_rom_example() -> None:
    # Maxim application note 27: family 02, serial 00 00 00 01 B8 1C -> CRC A2.
    assert frames.crc8_maxim(bytes.fromhex("021CB801000000")) == 0xA2
    assert frames.crc8_maxim(bytes.fromhex("021CB801000000A2")) == 0  # residue


def test_crc8_of_empty_is_the_init_value() -> None:
    assert frames.crc8_maxim(b"") == 0


def test_encode_lays_out_header_length_crc_and_terminator() -> None:
    raw = frames.encode((5, 3, 2, 1, 1), 0x45, b"\x01\x02\x03")
    assert raw[:12] == bytes.fromhex("7F5A 05 03 02 0001 0001 45 AA 03".replace(" ", ""))
    assert raw[12:15] == b"\x01\x02\x03"
    assert raw[15] == frames.crc8_maxim(raw[:15])
    assert raw[-2:] == b"\r\n"
    parsed = frames.parse(raw)
    assert (parsed.cmd, parsed.data, parsed.crc_ok) == (0x45, b"\x01\x02\x03", True)


def test_frames_are_written_in_20_byte_chunks() -> None:
    raw = frames.encode((5, 3, 2, 1, 1), 0x19, bytes(32))
    parts = frames.chunks(raw, 20)
    assert [len(p) for p in parts] == [20, 20, 7]
    assert b"".join(parts) == raw


def test_reassembly_uses_the_declared_length_not_the_terminator() -> None:
    data = b"\x0d\x0a" * 8  # ciphertext may hold 0D 0A
    raw = frames.encode((5, 3, 2, 1, 1), 0x54, data)
    r = frames.Reassembler()
    out = []
    for part in frames.chunks(raw, 20):
        out += r.feed(part)
    assert len(out) == 1 and out[0].data == data and out[0].crc_ok


def test_reassembly_of_split_duplicated_and_noisy_chunks() -> None:
    raw = frames.encode((5, 3, 2, 1, 1), 0x54, bytes(range(40)))
    r = frames.Reassembler()
    out = r.feed(b"\x00\xff")  # noise before the frame
    for part in frames.chunks(raw, 7):
        out += r.feed(part)
        out += r.feed(part)  # delivered twice
    assert [f.data for f in out] == [bytes(range(40))]
    assert r.dropped > 0


def test_two_frames_in_one_chunk_and_a_wrong_crc_is_reported() -> None:
    a = frames.encode((5, 3, 2, 1, 1), 0x54, b"a")
    b = bytearray(frames.encode((5, 3, 2, 1, 1), 0x54, b"b"))
    b[-3] ^= 0xFF
    out = frames.Reassembler().feed(a + bytes(b))
    assert [f.crc_ok for f in out] == [True, False]


def test_reassembler_memory_is_bounded_by_garbage() -> None:
    r = frames.Reassembler()
    for _ in range(1000):
        r.feed(bytes(20))
    assert len(r._buf) <= 1


def test_aes_cbc_round_trip_and_iv_is_the_key() -> None:
    plain = b"\x19\x01" + b"SCIENER"
    enc = crypto.encrypt(DEFAULT_KEY, plain)
    assert len(enc) == 16 and crypto.decrypt(DEFAULT_KEY, enc) == plain
    # CBC's first block is AES(key, P1 xor IV): check it with plain ECB and IV = key.
    padded = plain + bytes([16 - len(plain)]) * (16 - len(plain))
    ecb = Cipher(algorithms.AES(DEFAULT_KEY), modes.ECB()).encryptor()
    assert ecb.update(bytes(x ^ k for x, k in zip(padded, DEFAULT_KEY, strict=True))) == enc


@pytest.mark.parametrize("size", [0, 15, 16, 17, 200])
def test_aes_round_trips_every_length(size: int) -> None:
    key = bytes(range(16))
    data = bytes(i % 251 for i in range(size))
    assert crypto.decrypt(key, crypto.encrypt(key, data)) == data


def test_decrypting_with_the_wrong_key_is_a_decrypt_error() -> None:
    enc = crypto.encrypt(DEFAULT_KEY, b"\x45\x01")
    with pytest.raises(crypto.DecryptError):
        crypto.decrypt(bytes(16), enc)
    with pytest.raises(crypto.DecryptError):
        crypto.decrypt(DEFAULT_KEY, enc[:-1])


def test_dates_are_decimal_bytes_not_bcd() -> None:
    when = datetime(2026, 12, 31, 23, 59, 58)
    assert c.date6(when) == bytes([26, 12, 31, 23, 59, 58])
    assert c.parse_date6(c.date6(when)) == when
    assert c.date5(when) == bytes([26, 12, 31, 23, 59])


def test_unlock_proof_wraps_at_2_to_the_32() -> None:
    assert c.proof(0xFFFFFFFF, 2) == 1
    data = c.unlock(0xFFFFFFFF, 2, 1_700_000_000)
    assert data[:4] == b"\x00\x00\x00\x01" and c.read_u32(data, 4) == 1_700_000_000


def test_log_records_round_trip() -> None:
    recs = [c.LogRecord(1, datetime(2026, 5, 1, 8, 0, 0), 80, uid=7, record_id=9),
            c.LogRecord(17, datetime(2026, 5, 1, 9, 0, 0), 79)]
    data = (2).to_bytes(2, "big") + (0).to_bytes(2, "big") + b"".join(
        c.encode_record(r) for r in recs)
    page = c.parse_log_page(data)
    assert page.records == recs and page.next_seq == 0


def test_a_cut_log_record_is_an_error_not_a_crash() -> None:
    with pytest.raises(ValueError):
        c.parse_log_page(b"\x00\x01\x00\x00\x10\x01")


def test_failed_reply_carries_the_lock_error() -> None:
    r = c.parse_reply(c.reply(0x41, False, b"\x03"))
    assert not r.ok and r.error == "03" and r.cmd == 0x41
