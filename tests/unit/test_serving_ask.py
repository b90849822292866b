"""``app.serving.ask``: the one control exchange both simulators' command faces use (the
encoder's ``sim encoder-control``, the locks' ``sim lock-control``): one JSON line out,
the answer up to its newline back, on loopback."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from app import serving


def one_peer(reply: bytes) -> tuple[int, list[bytes]]:
    """A loopback listener that reads one line, writes ``reply`` and closes."""
    server = socket.create_server(("127.0.0.1", 0))
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn, server:
            data = b""
            while not data.endswith(b"\n"):
                data += conn.recv(1024)
            got.append(data)
            try:
                conn.sendall(reply)
            except OSError:  # the asker stopped reading (the cap) and went away
                pass

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1], got


def test_the_request_is_one_json_line_and_the_answer_ends_at_its_newline():
    port, got = one_peer(b'{"ok": true}\n')
    assert serving.ask("127.0.0.1", port, {"cmd": "state"}, timeout=5) == b'{"ok": true}\n'
    assert [json.loads(line) for line in got] == [{"cmd": "state"}]


def test_an_answer_cut_short_is_what_came():
    port, _ = one_peer(b'{"ok"')
    assert serving.ask("", port, {"cmd": "site"}, timeout=5) == b'{"ok"'  # "" is loopback


def test_an_endless_answer_stops_at_the_cap(monkeypatch):
    monkeypatch.setattr(serving, "ANSWER_MAX", 10)
    port, _ = one_peer(b"x" * 5000)
    assert 10 < len(serving.ask("127.0.0.1", port, {}, timeout=5, chunk=16)) <= 26


def test_nothing_listening_is_an_os_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: refused
        with pytest.raises(OSError):
            serving.ask("127.0.0.1", port, {}, timeout=2)
