"""The encoder simulator's control channel, and ``keydesk sim encoder-control`` when the
address is wrong: a clear message naming it, never a traceback."""

from __future__ import annotations

import json
import socket

import pytest

from app.cli.main import main
from app.devices.encoder.sim import EncoderSimulator
from app.devices.encoder.sim.control import ControlServer, ControlUnreachable, send


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def control():
    sim = EncoderSimulator().start()
    server = ControlServer(sim).start()
    yield server
    server.stop()
    sim.stop()


def test_status_through_the_cli(control, capsys):
    assert main(["sim", "encoder-control", control.address, "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["card"]["family"]


def test_nothing_listening_is_explained_with_the_address(capsys):
    address = f"127.0.0.1:{free_port()}"
    with pytest.raises(ControlUnreachable, match=address):
        send(address, {"cmd": "status"})
    assert main(["sim", "encoder-control", address, "status", "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["ok"] is False and address in answer["error"]
    assert main(["sim", "encoder-control", address, "status"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and address in err and "keydesk sim encoder" in err


def test_a_silent_or_foreign_peer_is_explained():
    with socket.socket() as listener:  # accepts, then says nothing
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        address = f"127.0.0.1:{listener.getsockname()[1]}"
        with pytest.raises(ControlUnreachable, match="no answer in time"):
            send(address, {"cmd": "status"}, timeout=0.3)
    with pytest.raises(ControlUnreachable, match="HOST:PORT"):
        send("localhost", {"cmd": "status"})


@pytest.mark.parametrize(("words", "status"), [(["alter"], 2), (["alter", "x", "1"], 2)])
def test_malformed_commands_are_usage_errors(control, capsys, words, status):
    assert main(["sim", "encoder-control", control.address, *words, "--json"]) == status
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_the_card_tray_through_the_cli(control, capsys):
    """Issue 11: practise Duplicate without a second card: lay a blank card (the first goes
    to the tray), take it away, put the first back."""
    def say(*words):
        assert main(["sim", "encoder-control", control.address, *words, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    first = say("status")["card"]["uid"]
    blank = say("place")
    assert blank["ok"] and say("status")["card"]["uid"] != first
    assert say("remove")["removed"] and say("status")["card"] is None
    back = say("put_back", "first")
    assert back["ok"] and say("status")["card"]["uid"] == first
