"""PN532 frame codec: round trips, split input, garbage and damaged frames."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.devices.encoder import frames

payloads = st.binary(min_size=1, max_size=600)


@given(payloads, st.sampled_from([frames.HOST_TO_CHIP, frames.CHIP_TO_HOST]))
def test_encode_decode_round_trip(data, tfi):
    encoded = frames.encode_frame(data, tfi)
    assert (encoded[3:5] == b"\xff\xff") == (len(data) + 1 > 255)  # extended when needed
    assert frames.FrameDecoder().feed(encoded) == [frames.DataFrame(tfi, data)]


@given(payloads, st.integers(min_value=1, max_value=7))
def test_decoder_accepts_any_split(data, chunk):
    encoded = frames.encode_frame(data)
    dec = frames.FrameDecoder()
    got = []
    for i in range(0, len(encoded), chunk):
        got += dec.feed(encoded[i : i + chunk])
    assert got == [frames.DataFrame(frames.HOST_TO_CHIP, data)]


@given(st.binary(max_size=80), payloads)
def test_resynchronises_after_garbage(garbage, data):
    garbage = garbage.replace(b"\x00", b"\x01")  # no accidental start codes
    dec = frames.FrameDecoder()
    got = dec.feed(garbage + frames.encode_frame(data) + frames.ACK)
    assert got[-2:] == [frames.DataFrame(frames.HOST_TO_CHIP, data), frames.Ack()]


@given(payloads, st.integers(min_value=1, max_value=255))
def test_damaged_data_is_never_accepted(data, delta):
    encoded = bytearray(frames.encode_frame(data))
    encoded[-2] = (encoded[-2] + delta) & 0xFF  # the data checksum
    got = frames.FrameDecoder().feed(bytes(encoded))
    assert got and isinstance(got[0], frames.BadFrame)
    assert not any(isinstance(f, frames.DataFrame) for f in got)


def test_control_frames():
    dec = frames.FrameDecoder()
    assert dec.feed(frames.ACK + frames.NACK + frames.ERROR_FRAME) == [
        frames.Ack(),
        frames.Nack(),
        frames.ErrorFrame(),
    ]


def test_known_frame_bytes_from_the_manual():
    # GetFirmwareVersion as printed in UM0701: 00 00 FF 02 FE D4 02 2A 00
    assert frames.encode_frame(b"\x02") == bytes.fromhex("0000FF02FED4022A00")


def test_bad_length_checksum_resyncs():
    dec = frames.FrameDecoder()
    got = dec.feed(b"\x00\x00\xff\x05\x05" + frames.ACK)
    assert isinstance(got[0], frames.BadFrame)
    assert got[-1] == frames.Ack()
