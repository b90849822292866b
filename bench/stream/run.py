"""Reader stream throughput, in two comparisons run side by side on one recording.

Generates a multi-megabyte recording of a reader's event stream (with the simulator's
own event bodies: pretty-printed JSON, non-ASCII names, heartbeats, both CRLF styles),
read in ~1.4 KB pieces like a real socket, then measures, each rival in the same run
(interleaved, best of ``--repeat``; CPU time of the process, so a loaded machine's waits
for a core do not count):

1. the multipart parser alone against a straightforward line-by-line parser (and a tuned
   split-lines one, for information), in MB/s. Goal: >= 5x the line-by-line parser.
2. the path into the store, stream bytes -> decoded ``DeviceEvent``s as
   ``ReaderStream._handle`` runs it (``usual_event``, else ``parse_body`` +
   ``to_device_event``), against python-amcrest's own ``Event.event_actions`` (its stream
   reader and payload builder, a dev dependency) fed the same recording, in events/s.
   Goal: >= 5x python-amcrest. The rivals take turns on each 1 MB piece of the recording
   (best of ``--repeat`` per piece, the bests added up). Also printed: the general path
   alone, and where KeyDesk's time goes (the multipart parser alone, orjson's ``loads``
   of the data blocks alone, the rest: body, payload and event building).

For a figure the machine's load cannot move, count instructions instead (callgrind; see
"Speed of the path into the store" in ``app/access/README.md``).

    .venv/bin/python bench/stream/run.py [--mb 8] [--read 1400] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.access.multipart import MultipartParser
from app.access.sim.device import SimDevice

DELIM = b"--myboundary"
# CPU time of this process, not wall time: on a shared machine the time spent waiting for
# a core (other jobs' load) would otherwise count, and unevenly between rivals.
clock = time.process_time


def record_stream(megabytes: float, heartbeats: bool = True) -> tuple[bytes, int]:
    """A recorded stream of at least ``megabytes`` MB and its number of parts."""
    dev = SimDevice("Bench", seed=1)
    bodies: list[bytes] = []
    dev.listeners.append(lambda ev: bodies.append(ev.body()))
    out, size, parts = [], 0, 0
    while size < megabytes * 1_000_000:
        dev.random_event()
        if heartbeats and parts % 10 == 0:
            bodies.append(b"Heartbeat")
        for body in bodies:
            head = f"--myboundary\r\nContent-Type: text/plain\r\nContent-Length:{len(body)}\r\n\r\n"
            chunk = head.encode() + body + b"\r\n"
            out.append(chunk)
            size += len(chunk)
            parts += 1
        bodies.clear()
    return b"".join(out), parts


class ReadlineParser:
    """The straightforward line-by-line parser (the baseline of the goal): what existing
    clients do with ``readline()`` / ``iter_lines()`` — take one line at a time off the
    buffer, decode it to text, recognise boundary and header lines, collect body lines."""

    def __init__(self) -> None:
        self.buf = b""
        self.state = "seek"
        self.length = 0
        self.body: list[str] = []

    def feed(self, data: bytes) -> list[str]:
        out = []
        self.buf += data
        while True:
            i = self.buf.find(b"\n")
            if i < 0:
                break
            line, self.buf = self.buf[: i + 1], self.buf[i + 1 :]
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            if text.startswith("--myboundary"):
                if self.body:
                    out.append("\n".join(self.body).strip())
                self.body, self.state = [], "headers"
            elif self.state == "headers":
                if not text:
                    self.state = "body"
                elif text.lower().startswith("content-length"):
                    self.length = int(text.split(":", 1)[1])
            elif self.state == "body":
                self.body.append(text)
        return out


class SplitLineParser:
    """A tuned line-based parser (reference only): whole reads split into lines at once."""

    def __init__(self) -> None:
        self.pending = b""
        self.in_headers = False
        self.headers: dict[str, str] = {}
        self.body: list[bytes] = []

    def feed(self, data: bytes) -> list[bytes]:
        out = []
        lines = (self.pending + data).split(b"\n")
        self.pending = lines.pop()
        for raw in lines:
            line = raw + b"\n"
            if line.startswith(DELIM):
                if self.body:
                    out.append(b"".join(self.body).rstrip(b"\r\n"))
                self.body, self.headers, self.in_headers = [], {}, True
            elif self.in_headers:
                text = line.decode("latin-1").strip()
                if not text:
                    self.in_headers = False
                else:
                    name, _, value = text.partition(":")
                    self.headers[name.strip().lower()] = value.strip()
            else:
                self.body.append(line)
        return out


def run(parser: object, stream: bytes, read: int) -> tuple[float, int]:
    feed = parser.feed  # type: ignore[attr-defined]
    count = 0
    start = clock()
    for i in range(0, len(stream), read):
        count += len(feed(stream[i : i + read]))
    return clock() - start, count


class _RecordedResponse:
    """What ``requests`` hands python-amcrest's ``event_stream``: ``iter_content`` over one
    shared position (one character at a time by default, as amcrest reads it)."""

    encoding = "utf-8"

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def iter_content(self, chunk_size: int = 1, decode_unicode: bool = False):
        text = self.text
        while self.pos < len(text):
            piece = text[self.pos : self.pos + chunk_size]
            self.pos += chunk_size
            yield piece

    def close(self) -> None:
        pass


def amcrest_events(stream: bytes) -> tuple[float, int]:
    """python-amcrest's own path on the recording: ``Event.event_actions`` (its stream
    reader and its payload builder), fed the recorded stream instead of a socket."""
    from amcrest.event import Event

    text = stream.decode("utf-8", "replace")
    camera = Event.__new__(Event)
    camera._timeout_default = 5.0  # type: ignore[attr-defined]
    camera.command = lambda *_a, **_k: _RecordedResponse(text)  # type: ignore[method-assign]
    start = clock()
    count = sum(1 for code, _payload in camera.event_actions("All") if code != "Heartbeat")
    return clock() - start, count


def keydesk_events(stream: bytes, read: int) -> tuple[float, int]:
    """KeyDesk's path, as the stream task (``ReaderStream._handle``) runs it: parts, then
    ``usual_event`` for the usual body, else ``parse_body`` + ``to_device_event``."""
    from app.access.body import HEARTBEAT, parse_body
    from app.access.decode import to_device_event
    from app.access.usual_event import usual_event

    parser = MultipartParser()
    count = 0
    start = clock()
    for i in range(0, len(stream), read):
        for part in parser.feed(stream[i : i + read]):
            body = part.body
            if usual_event("Bench", "http://bench", body, device_id="sn:BENCH") is not None:
                count += 1
                continue
            for raw in parse_body(body):
                if raw.code != HEARTBEAT:
                    to_device_event("Bench", "http://bench", raw, body, device_id="sn:BENCH")
                    count += 1
    return clock() - start, count


def keydesk_general(stream: bytes, read: int) -> tuple[float, int]:
    """The general path alone (``parse_body`` + ``to_device_event`` for every body)."""
    from app.access.body import HEARTBEAT, parse_body
    from app.access.decode import to_device_event

    parser = MultipartParser()
    count = 0
    start = clock()
    for i in range(0, len(stream), read):
        for part in parser.feed(stream[i : i + read]):
            for raw in parse_body(part.body):
                if raw.code != HEARTBEAT:
                    to_device_event("Bench", "http://bench", raw, part.body,
                                    device_id="sn:BENCH")
                    count += 1
    return clock() - start, count


def parts_only(stream: bytes, read: int) -> tuple[float, int]:
    """The multipart parser alone over the recording (the first share of the path)."""
    parser = MultipartParser()
    count = 0
    start = clock()
    for i in range(0, len(stream), read):
        count += len(parser.feed(stream[i : i + read]))
    return clock() - start, count


def json_only(blocks: list[bytes]) -> tuple[float, int]:
    """orjson's ``loads`` of every data block alone (the second share of the path)."""
    import orjson

    loads = orjson.loads
    start = clock()
    for block in blocks:
        loads(block)
    return clock() - start, len(blocks)


def pieces(stream: bytes, size: int) -> list[bytes]:
    """The recording cut into pieces of about ``size`` bytes, each starting at a part."""
    out, start = [], 0
    while start < len(stream):
        cut = stream.find(DELIM + b"\r\n", start + size)
        cut = len(stream) if cut < 0 else cut
        out.append(stream[start:cut])
        start = cut
    return out


def data_blocks(stream: bytes) -> list[bytes]:
    bodies = (part.body for part in MultipartParser().feed(stream))
    return [body[body.find(b";data=") + 6 :] for body in bodies if b";data=" in body]


def _interleaved(rivals: dict, piece: bytes, repeat: int) -> dict[str, tuple[float, int]]:
    """Each rival's best run on ``piece``, the rivals taking turns ``repeat`` times."""
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in rivals}
    for _ in range(repeat):
        for name, run in rivals.items():
            runs[name].append(run(piece))
    return {name: min(results) for name, results in runs.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="size of the recording (MB)")
    ap.add_argument("--read", type=int, default=1400, help="bytes per read (default 1400)")
    ap.add_argument("--repeat", type=int, default=5, help="best of N runs")
    args = ap.parse_args()
    stream, parts = record_stream(args.mb)
    mb = len(stream) / 1e6
    print(f"recorded stream: {mb:.1f} MB, {parts} parts, reads of {args.read} bytes")
    results = {}
    for name, cls in (("multipart parser", MultipartParser), ("line-by-line", ReadlineParser),
                      ("split-lines (ref)", SplitLineParser)):
        best = min(run(cls(), stream, args.read)[0] for _ in range(args.repeat))
        results[name] = (best, run(cls(), stream, args.read)[1])
    ours = results["multipart parser"][0]
    for name, (secs, count) in results.items():
        print(f"{name:18}: {mb / secs:8.1f} MB/s  ({count} parts; a line parser holds the "
              "last one back)" if name != "multipart parser" else
              f"{name:18}: {mb / secs:8.1f} MB/s  ({count} parts)")
    ratio = results["line-by-line"][0] / ours
    ref = results["split-lines (ref)"][0] / ours
    verdict = "OK" if ratio >= 5 else "BELOW GOAL"
    print(f"ratio vs line-by-line: {ratio:.1f}x (goal >= 5x) {verdict}")
    print(f"ratio vs split-lines reference: {ref:.1f}x (information only)")
    try:
        import amcrest  # noqa: F401  (a dev dependency: the bench's yardstick)
    except ImportError:
        print("python-amcrest is not installed: stream-to-event comparison skipped")
        return 0
    events, _parts = record_stream(args.mb, heartbeats=False)
    # Every rival runs on each 1 MB piece of the recording in turn, best of --repeat per
    # piece, and the bests are added up: the moments a shared machine is busy are short,
    # so each rival's best of a short run is a quiet one (one long run of each mixes them).
    rivals = {
        "keydesk": lambda piece: keydesk_events(piece, args.read),
        "python-amcrest": amcrest_events,
        "general": lambda piece: keydesk_general(piece, args.read),
        "parts": lambda piece: parts_only(piece, args.read),
        "json": lambda piece: json_only(data_blocks(piece)),
    }
    totals = dict.fromkeys(rivals, (0.0, 0))
    for piece in pieces(events, 1_000_000):
        best = _interleaved(rivals, piece, args.repeat)
        for name, (secs, count) in best.items():
            totals[name] = (totals[name][0] + secs, totals[name][1] + count)
    ours_s, ours_n = totals["keydesk"]
    theirs_s, theirs_n = totals["python-amcrest"]
    general_s, general_n = totals["general"]
    parts_s, json_s = totals["parts"][0], totals["json"][0]
    print("\nstream bytes -> decoded events (the path into the store; no heartbeats, which "
          "python-amcrest does not ask for and cannot read):")
    print(f"{'keydesk':18}: {ours_n / ours_s:10,.0f} events/s ({ours_n} events)")
    print(f"{'python-amcrest':18}: {theirs_n / theirs_s:10,.0f} events/s ({theirs_n} events, "
          "its own event_actions)")
    print(f"{'general path only':18}: {general_n / general_s:10,.0f} events/s (parse_body + "
          "to_device_event for every body)")
    ratio = theirs_s / ours_s * ours_n / max(1, theirs_n)
    print(f"ratio vs python-amcrest: {ratio:.1f}x (goal >= 5x) "
          f"{'OK' if ratio >= 5 else 'BELOW GOAL'}")
    rest = max(0.0, ours_s - parts_s - json_s)
    print(f"where keydesk's time goes: multipart parser {parts_s / ours_s:.0%}, orjson.loads "
          f"of the data {json_s / ours_s:.0%}, body/payload/event building {rest / ours_s:.0%} "
          f"({ours_s / ours_n * 1e6:.2f} us per event)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
