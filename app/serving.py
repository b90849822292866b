"""What every simulator's command face (``sim/cli.py``) shares: parse ``HOST:PORT``,
announce where it listens, serve until Ctrl+C or SIGTERM, and talk to a running one's
control channel (one JSON line asked, one line answered).

Kept out of ``app.cli`` so that no feature package imports the CLI.
"""

from __future__ import annotations

import json
import signal
import socket
import threading
from typing import Any

from app.i18n import Phrases, phrase
from app.inputs.argtype import rule
from app.output import emit

# What a simulator's command face says to a person (app.i18n phrases; --json says none).
PHRASES: Phrases = {
    "listening": {"en": "listening: {where}", "pt-BR": "escutando: {where}",
                  "zh-CN": "正在监听：{where}"},
}


def _listen(text: str) -> tuple[str, int]:
    from app.inputs import values

    return values.listen_address(text)


# ``HOST:PORT`` (port 0 picks a free one), as an argparse type: a wrong one is a usage error.
parse_listen = rule(_listen)


def announce(info: dict[str, Any], as_json: bool) -> None:
    """Print where the simulator listens (the one JSON line scripts wait for)."""
    emit(info, as_json, lambda i: phrase(PHRASES, "listening", where=" ".join(
        f"{k}={v}" for k, v in i.items())))


def serve_forever(stop: threading.Event | None = None) -> None:
    """Block until ``stop`` is set, Ctrl+C, or SIGTERM (which sets ``stop``)."""
    stop = stop or threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)


ANSWER_MAX = 4 * 1024 * 1024  # bytes: a control answer (a whole site's state) is far less


def ask(host: str, port: int, request: dict[str, Any], timeout: float,
        chunk: int = 65536) -> bytes:
    """Send ``request`` as one JSON line to a simulator's control channel and return what
    it answers up to its newline (less when it closes first or the answer outgrows
    :data:`ANSWER_MAX`); OSError when it cannot be reached or does not answer in time."""
    with socket.create_connection((host or "127.0.0.1", port), timeout=timeout) as s:
        s.sendall(json.dumps(request).encode() + b"\n")
        data = b""
        while not data.endswith(b"\n") and len(data) <= ANSWER_MAX:
            got = s.recv(chunk)
            if not got:
                break
            data += got
    return data
