"""Edges of the multipart parser's fast path (``app.access.multipart``): a part whose
headers or body straddle reads, long bodies set aside while they arrive, the cache of
header blocks, and the rule that any chunking gives the same parts and the same counts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.access.multipart import _ASIDE_AT, _LENGTHS_KEPT, MultipartParser, usual_length

DELIM = b"--myboundary"
HB = b"Heartbeat"


def event(i: int, pad: int = 0) -> bytes:
    data = {"CardNo": f"{i:08X}", "CardName": "Zoë; Room=4", "Note": "x" * pad}
    return ("Code=AccessControl;action=Pulse;index=0;data="
            + json.dumps(data, indent=3, ensure_ascii=False) + "\n").encode()


def part(body: bytes, head: bytes = b"Content-Type: text/plain\r\nContent-Length:",
         length: int | None = None, tail: bytes = b"") -> bytes:
    n = len(body) if length is None else length
    return DELIM + b"\r\n" + head + str(n).encode() + tail + b"\r\n\r\n" + body + b"\r\n"


def parse(chunks: list[bytes]) -> tuple[list[bytes], MultipartParser]:
    parser = MultipartParser()
    got: list[bytes] = []
    for chunk in chunks:
        got += [p.body for p in parser.feed(chunk)]
    return got, parser


def reads(stream: bytes, size: int) -> list[bytes]:
    return [stream[i : i + size] for i in range(0, len(stream), size)]


def stats(parser: MultipartParser) -> dict[str, int]:
    return parser.stats.as_dict()


def test_usual_length_reads_only_the_usual_spelling():
    assert usual_length(b"Content-Length:12") == 12
    assert usual_length(b"Content-Type: a\r\nContent-Length: 7 \r\nX-Other: 1") == 7
    assert usual_length(b"content-length: 7") == -1  # other spellings: the state machine
    assert usual_length(b"X-Content-Length: 7") == -1  # not at a line start
    assert usual_length(b"Content-Length: -3") == -1
    assert usual_length(b"Content-Length: seven") == -1
    assert usual_length(b"") == -1


def test_a_part_is_handed_out_as_soon_as_its_body_is_complete():
    # Firmware that puts the CRLF before the delimiter sends nothing after a body until
    # the next event: the part must not wait for it.
    parser = MultipartParser()
    first = DELIM + b"\r\nContent-Length: 9\r\n\r\n" + HB
    assert [p.body for p in parser.feed(first)] == [HB]
    body = event(1)
    second = b"\r\n" + DELIM + b"\r\nContent-Length:" + str(len(body)).encode() + b"\r\n\r\n"
    assert parser.feed(second) == []
    assert [p.body for p in parser.feed(body[:50])] == []
    assert [p.body for p in parser.feed(body[50:])] == [body]
    assert parser.stats.boundary_scans == 0


def test_content_length_not_the_last_header():
    bodies = [event(1), HB]
    stream = b"".join(part(b, tail=b"\r\nX-Sequence: 7") for b in bodies)
    for size in (1, 7, 64, len(stream)):
        got, parser = parse(reads(stream, size))
        assert got == bodies and parser.stats.boundary_scans == 0


def test_boundary_split_across_reads_after_a_long_body():
    long_body = event(1, pad=3 * _ASIDE_AT)  # long enough to be set aside while arriving
    stream = part(long_body) + part(HB) + part(event(2))
    expected = [long_body, HB, event(2)]
    edge = stream.index(DELIM, len(long_body))  # the delimiter after the long body
    for cut in range(edge - 6, edge + len(DELIM) + 40):
        got, parser = parse([stream[:cut], stream[cut:]])
        assert got == expected, f"split at {cut}"
        assert parser.stats.boundary_scans == 0 and parser.buffered <= 2
    got, parser = parse(reads(stream, 1400))
    assert got == expected and parser.stats.parts == 3 and parser.buffered <= 2


def test_long_body_reads_are_set_aside_and_counted():
    long_body = event(1, pad=2 * _ASIDE_AT)
    parser = MultipartParser()
    chunks = reads(part(long_body), 1400)  # nothing after it yet: it must come out anyway
    fed = n = 0
    while fed < _ASIDE_AT + 10_000:
        assert parser.feed(chunks[n]) == []
        fed += len(chunks[n])
        n += 1
        assert parser.buffered == fed and parser.stats.bytes == fed
    assert parser._need > 0 and parser._aside  # the reads are kept aside, not appended
    got = [p.body for chunk in chunks[n:] for p in parser.feed(chunk)]
    assert got == [long_body] and parser._need == 0 and not parser._aside
    assert [p.body for p in parser.feed(part(HB))] == [HB]


@pytest.mark.parametrize("delta", [-5, 40, None])
def test_long_body_with_a_wrong_or_missing_length(delta):
    long_body = event(1, pad=2 * _ASIDE_AT)
    if delta is None:
        broken = DELIM + b"\r\nContent-Type: text/plain\r\n\r\n" + long_body + b"\r\n"
    else:
        broken = part(long_body, length=len(long_body) + delta)
    stream = broken + part(HB) + part(event(2))
    whole, parser = parse([stream])
    assert [b.rstrip(b"\r\n") for b in whole] == [
        b.rstrip(b"\r\n") for b in (long_body, HB, event(2))]
    assert parser.stats.boundary_scans == 1
    for size in (1400, 4096, 65536):
        got, chunked = parse(reads(stream, size))
        assert got == whole and stats(chunked) == stats(parser), f"reads of {size}"


def test_a_too_long_length_is_noticed_when_the_next_delimiter_arrives():
    # Not only once the announced length has arrived: the stream may close before that.
    body = event(1)
    parser = MultipartParser()
    assert parser.feed(part(body, length=len(body) + 500)) == []
    got = parser.feed(DELIM + b"--\r\n")
    assert [p.body.rstrip(b"\r\n") for p in got] == [body.rstrip(b"\r\n")]
    assert not got[0].length_ok and parser.stats.wrong_length == 1 and parser.ended


def test_many_distinct_header_blocks_and_many_parts_over_many_reads():
    bodies = [event(i, pad=i % (_LENGTHS_KEPT + 50)) for i in range(2 * _LENGTHS_KEPT + 100)]
    stream = b"".join(part(b) for b in bodies)
    got, parser = parse(reads(stream, 1400))
    assert got == bodies and parser.stats.parts == len(bodies)
    assert len(parser._lengths) <= _LENGTHS_KEPT
    assert parser.buffered <= 2 and parser.stats.bytes == len(stream)


def test_headers_are_parsed_from_the_raw_block():
    parser = MultipartParser()
    [p] = parser.feed(part(HB, tail=b"\r\nX-Note: a: b") + DELIM)
    assert p.headers == {"content-type": "text/plain", "content-length": "9",
                         "x-note": "a: b"}
    assert p.length_ok


PIECES = st.one_of(
    st.builds(lambda i: part(event(i)), st.integers(0, 50)),
    st.just(part(HB)),
    st.just(part(HB, head=b"content-length: ")),  # other spelling: the state machine
    st.just(part(HB, tail=b"\r\nX-Other: 1")),
    # Wrong lengths; never so long that the bytes after the body could hold a whole part
    # ending exactly where the length does: that one length is trusted when it all came in
    # one read, and not when the delimiter inside it came first (known, not worth a search
    # through every body).
    st.builds(lambda d: part(event(3), length=len(event(3)) + d),
              st.sampled_from([-4, -1, 2, 25])),
    st.just(b"\r\n"),  # blank lines between parts
    st.just(b"junk\r\n"),  # garbage between parts
    st.just(DELIM + b"\r\nContent-Type: text/plain\r\n\r\n" + event(7) + b"\r\n"),  # no length
    st.just(DELIM + b"\r\n\r\nno headers\r\n"),
    st.just(DELIM + b"--\r\n"),  # the closing delimiter (some firmware goes on after it)
)


@settings(max_examples=120, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=8), data=st.data())
def test_any_chunking_gives_the_same_parts_and_counts(pieces, data):
    stream = b"".join(pieces) + part(HB)
    whole, parser = parse([stream])
    assert whole and whole[-1] == HB
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=30)))
    chunks = [stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True)]
    got, chunked = parse(chunks)
    assert got == whole
    assert stats(chunked) == stats(parser)
