"""Reader stream parser throughput, against a straightforward line-by-line parser.

Generates a multi-megabyte recording of a reader's event stream (with the simulator's
own event bodies: pretty-printed JSON, non-ASCII names, heartbeats, both CRLF styles),
then parses it with both parsers in the same run, in ~1.4 KB reads like a real socket,
and prints MB/s and the ratio. Goal: >= 5x.

    .venv/bin/python bench/stream/run.py [--mb 8] [--read 1400]
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


def record_stream(megabytes: float) -> tuple[bytes, int]:
    """A recorded stream of at least ``megabytes`` MB and its number of parts."""
    dev = SimDevice("Bench", seed=1)
    bodies: list[bytes] = []
    dev.listeners.append(lambda ev: bodies.append(ev.body()))
    out, size, parts = [], 0, 0
    while size < megabytes * 1_000_000:
        dev.random_event()
        if parts % 10 == 0:
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
    start = time.perf_counter()
    for i in range(0, len(stream), read):
        count += len(feed(stream[i : i + read]))
    return time.perf_counter() - start, count


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="size of the recording (MB)")
    ap.add_argument("--read", type=int, default=1400, help="bytes per read (default 1400)")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
