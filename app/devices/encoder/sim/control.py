"""A tiny control channel for a simulator running in another process: JSON lines over
TCP (one request per line, one answer per line). Loopback only.

``{"cmd": "place", "kind": "classic-1k"}`` (the card that was there goes to the tray),
``{"cmd": "remove"}`` (to the tray), ``{"cmd": "put_back"}`` (the card that left the field),
``{"cmd": "put_back", "first": true}`` (the first card in the tray),
``{"cmd": "alter", "block": 5, "offset": 8, "xor": 1}``,
``{"cmd": "fault", "kind": "silence", "count": 1, ...params}``, ``{"cmd": "clear"}``,
``{"cmd": "status"}``.
"""

from __future__ import annotations

import json
import socketserver
import threading
from typing import Any

from app.devices.encoder.sim.server import EncoderSimulator
from app.serving import ask


def handle(sim: EncoderSimulator, req: dict[str, Any]) -> dict[str, Any]:
    cmd = req.get("cmd")
    if cmd == "place":
        uid = bytes.fromhex(req["uid"]) if req.get("uid") else None
        card = sim.place(req.get("kind", "classic-1k"), uid)
        return {"ok": True, "uid": card.uid.hex().upper(), "family": card.family.value}
    if cmd == "put_back":
        card = sim.put_back(first=bool(req.get("first")))
        return {"ok": True, "uid": card.uid.hex().upper()}
    if cmd == "remove":
        removed = sim.remove()
        return {"ok": True, "removed": removed.uid.hex().upper() if removed else None}
    if cmd == "alter":
        sim.alter(int(req["block"]), int(req.get("offset", 0)), int(req.get("xor", 1)))
        return {"ok": True}
    if cmd == "fault":
        params = {k: v for k, v in req.items() if k not in ("cmd", "kind", "count")}
        sim.inject(req["kind"], int(req.get("count", 1)), **params)
        return {"ok": True}
    if cmd == "clear":
        sim.clear_faults()
        return {"ok": True}
    if cmd == "status":
        current = sim.card
        return {
            "ok": True,
            "url": sim.url,
            "card": {"uid": current.uid.hex().upper(), "family": current.family.value}
            if current else None,
            "stats": sim.stats.to_dict(),
            "fired": list(sim.fired),  # the faults that took effect, in order
            "tray": [c.uid.hex().upper() for c in sim.tray],
        }
    return {"ok": False, "error": f"unknown command {cmd!r}"}


class ControlServer:
    def __init__(self, sim: EncoderSimulator, host: str = "127.0.0.1", port: int = 0) -> None:
        outer = sim

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                for line in self.rfile:
                    try:
                        answer = handle(outer, json.loads(line))
                    except (ValueError, KeyError, TypeError) as exc:
                        answer = {"ok": False, "error": str(exc)}
                    self.wfile.write((json.dumps(answer) + "\n").encode())

        self._server = socketserver.ThreadingTCPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.1,), name="sim-encoder-control", daemon=True
        )

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"{host}:{port}"

    def start(self) -> ControlServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(1.0)


class ControlUnreachable(Exception):
    """The control address does not answer like an encoder simulator (message names it)."""


def send(address: str, request: dict[str, Any], timeout: float = 3.0) -> dict[str, Any]:
    """Send one control request to ``HOST:PORT`` and return the answer.

    Raises :class:`ControlUnreachable` with a message naming ``address`` when nothing
    listens there, it does not answer in time, or what answers is no encoder simulator.
    """
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        raise ControlUnreachable(f"{address!r} is no control address (expected HOST:PORT)")
    try:
        buf = ask(host, int(port), request, timeout)
    except OSError as exc:  # refused, timed out, unknown host, reset...
        reason = "no answer in time" if isinstance(exc, TimeoutError) else (
            exc.strerror or str(exc) or type(exc).__name__)
        raise ControlUnreachable(
            f"cannot reach an encoder simulator control channel at {address}: {reason} "
            "(is `keydesk sim encoder` running? it prints its control address at start)"
        ) from None
    if not buf:
        raise ControlUnreachable(f"{address} closed the connection without answering")
    try:
        answer = json.loads(buf)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        raise ControlUnreachable(f"{address} answered, but not like an encoder simulator")
    return answer
