"""The multipart stream parser against every case of the spec's "what real streams do",
fed at every split position, byte by byte, and in random chunkings (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.access.body import parse_body
from app.access.multipart import MultipartParser, boundary_from_content_type

DELIM = b"--myboundary"


def access_body(name: str = "Ana Lúcia Conceição", encoding: str = "utf-8") -> bytes:
    data = {"CardNo": "12EA3004", "CardName": name, "Method": 1, "ErrorCode": 0,
            "Status": 1, "Door": 0, "Type": "Entry", "UTC": 1700000000, "RecNo": 7,
            "Path": "/mnt/a;b=c.jpg", "Nested": {"a": [1, {"b": "x;y=z"}], "c": {}}}
    text = ("Code=AccessControl;action=Pulse;index=0;data="
            + json.dumps(data, indent=3, ensure_ascii=False) + "\n")
    return text.encode(encoding)


def part(body: bytes, *, header: str = "Content-Length:", length: int | None = -1,
         crlf_before: bool = False, first: bool = False) -> bytes:
    n = len(body) if length == -1 else length
    head = b"Content-Type: text/plain\r\n"
    if n is not None:
        head += f"{header}{n}\r\n".encode()
    if crlf_before:
        return (b"" if first else b"\r\n") + DELIM + b"\r\n" + head + b"\r\n" + body
    return DELIM + b"\r\n" + head + b"\r\n" + body + b"\r\n"


def feed_all(chunks: list[bytes]) -> tuple[list[bytes], MultipartParser]:
    parser = MultipartParser()
    bodies = []
    for chunk in chunks:
        bodies += [p.body for p in parser.feed(chunk)]
    return bodies, parser


def norm(bodies: list[bytes]) -> list[bytes]:
    return [b.rstrip(b"\r\n") for b in bodies]


def assert_every_split(stream: bytes, expected: list[bytes]) -> MultipartParser:
    """Two chunks split at every position, and one byte at a time, give the same parts."""
    whole, parser = feed_all([stream])
    assert norm(whole) == norm(expected)
    for i in range(len(stream) + 1):
        got, _ = feed_all([stream[:i], stream[i:]])
        assert norm(got) == norm(expected), f"split at {i}"
    got, _ = feed_all([stream[i : i + 1] for i in range(len(stream))])
    assert norm(got) == norm(expected), "byte by byte"
    return parser


HB = b"Heartbeat"
UNKNOWN = b'Code=_DoorFace_;action=Pulse;index=0;data={\n "FaceIndex": 3\n}\n'


@pytest.mark.parametrize("header", ["Content-Length:", "Content-Length: ", "content-length:",
                                    "CONTENT-LENGTH:  "])
def test_header_spelling(header):
    bodies = [HB, access_body(), HB]
    stream = b"".join(part(b, header=header) for b in bodies)
    parser = assert_every_split(stream, bodies)
    assert parser.stats.boundary_scans == 0


def test_crlf_before_boundary_and_heartbeat_first():
    bodies = [HB, access_body(), UNKNOWN, HB]
    stream = b"".join(part(b, crlf_before=True, first=i == 0) for i, b in enumerate(bodies))
    assert_every_split(stream, bodies)


def test_multiline_json_with_separators_nested_and_non_ascii():
    bodies = [access_body("李雷; Room=12 ☃"), access_body("Zoë Ørsted"), HB]
    stream = b"".join(part(b) for b in bodies)
    assert_every_split(stream, bodies)
    event = parse_body(bodies[0])[0]
    assert event.code == "AccessControl" and event.data["CardName"] == "李雷; Room=12 ☃"
    assert event.data["Nested"]["a"][1]["b"] == "x;y=z"


def test_byte_exact_length_with_non_utf8_name():
    latin = access_body("José Müller", encoding="latin-1")
    assert len(latin) < len(access_body("José Müller"))  # bytes, not characters, count
    bodies = [latin, HB]
    parser = assert_every_split(b"".join(part(b) for b in bodies), bodies)
    assert parser.stats.boundary_scans == 0
    event = parse_body(latin)[0]
    assert not event.utf8 and event.data["CardName"] == "José Müller"


def test_unknown_and_ungrammatical_parts_are_kept_raw():
    bodies = [UNKNOWN, b"something else entirely", HB]
    assert_every_split(b"".join(part(b) for b in bodies), bodies)
    assert parse_body(UNKNOWN)[0].code == "_DoorFace_"
    odd = parse_body(b"something else entirely")[0]
    assert odd.code == "" and odd.text == "something else entirely"


def test_missing_length_falls_back_to_boundary_scan():
    bodies = [access_body(), HB, HB]
    stream = part(bodies[0], length=None) + part(HB) + part(HB)
    parser = assert_every_split(stream, bodies)
    assert parser.stats.missing_length == 1 and parser.stats.boundary_scans == 1


@pytest.mark.parametrize("delta", [-9, -3, 3, 40])
def test_wrong_length_falls_back_to_boundary_scan(delta):
    body = access_body()
    bodies = [HB, body, HB, HB]
    stream = part(HB) + part(body, length=len(body) + delta) + part(HB) + part(HB)
    parser = assert_every_split(stream, bodies)
    assert parser.stats.wrong_length == 1 and parser.stats.boundary_scans == 1


def test_length_one_short_only_loses_the_trailing_newline():
    body = access_body()
    stream = part(body, length=len(body) - 1) + part(HB)
    assert_every_split(stream, [body, HB])


def test_garbage_between_parts_is_counted_and_parts_survive():
    bodies = [access_body(), HB]
    stream = part(bodies[0]) + b"\x00\xffjunk\r\n" + part(HB)
    parser = assert_every_split(stream, bodies)
    assert parser.stats.garbage_bytes == len(b"\x00\xffjunk")


def test_closing_boundary_and_content_type_boundary():
    parser = MultipartParser(boundary_from_content_type(
        'multipart/x-mixed-replace; boundary="--other"'))
    got = parser.feed(b"--other\r\nContent-Length: 9\r\n\r\nHeartbeat\r\n--other--\r\n")
    assert [p.body for p in got] == [HB] and parser.ended
    assert boundary_from_content_type(None) == b"myboundary"


def test_many_parts_in_one_read_and_buffer_compacts():
    bodies = [access_body()] * 300
    got, parser = feed_all([b"".join(part(b) for b in bodies)])
    assert len(got) == 300 and parser.buffered <= 2  # at most the last CRLF is kept


VALID_PARTS = st.lists(
    st.sampled_from([HB, access_body(), access_body("Łukasz Żółć"), UNKNOWN,
                     access_body("Müller", "latin-1")]), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(bodies=VALID_PARTS, crlf_before=st.booleans(), data=st.data())
def test_any_chunking_yields_the_same_parts(bodies, crlf_before, data):
    stream = b"".join(part(b, crlf_before=crlf_before, first=i == 0)
                      for i, b in enumerate([*bodies, HB]))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=25)))
    chunks = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    got, parser = feed_all(chunks)
    assert got == [*bodies, HB]
    assert parser.stats.boundary_scans == 0 and parser.stats.garbage_bytes == 0


def test_a_part_growing_past_the_cap_is_flagged_and_memory_stays_bounded():
    from app.access.multipart import MultipartParser

    for head in (b"--myboundary\r\nContent-Type: text/plain\r\n\r\n",  # no length, no end
                 b"--myboundary\r\nContent-Length: 52428800\r\n\r\n"):  # 50 MB announced
        good = b"--myboundary\r\nContent-Length: 9\r\n\r\nHeartbeat\r\n"
        p = MultipartParser(max_part=256 << 10)
        assert [part.body for part in p.feed(good + head)] == [b"Heartbeat"]
        fed = 0
        while p.too_large is None and fed < 8 << 20:
            p.feed(b"x" * 4096)
            fed += 4096
        assert p.too_large is not None and fed < 300 << 10
        assert p.buffered <= (256 << 10) + 8192
