"""A number typed on the command line is read by the shared value rules
(``app.inputs.values`` through ``app.cli.argtypes`` / ``app.inputs.argtype``), never by
argparse's ``type=int`` / ``type=float``: a wrong one is refused in the person's language,
naming the range, instead of argparse's English "invalid int value"."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import pytest

from app.inputs import messages
from app.inputs.errors import shown
from tests.unit.test_cli_language import run

APP = Path(__file__).resolve().parents[2] / "app"

# (command line before the value, the option, the bad value, the message key, low, high)
BAD = [
    (("cloud", "rf-issue", "--room", "101"), "--operate-type", "x", "whole", 2, 4),
    (("cloud", "rf-read"), "--operate-type", "2.5", "whole", 2, 4),
    (("cloud", "rf-cancel", "--serial", "1"), "--operate-type", "", "whole", 2, 4),
    (("cloud", "log", "--room", "101"), "--type", "one", "whole", 0, 2),
    (("sim", "lock"), "--locks", "many", "whole", 1, 5000),
    (("sim", "lock"), "--locks", "0", "whole", 1, 5000),
    (("sim", "lock"), "--idle-drop", "soon", "seconds", "0.1", 3600),
    (("sim", "lock-control", "--sim", "127.0.0.1:1", "wake"), "--seconds", "-1", "seconds",
     0, 86400),
    (("sim", "lock-control", "--sim", "127.0.0.1:1", "fault"), "--count", "2x", "whole",
     0, 10**6),
    (("sim", "lock-control", "--sim", "127.0.0.1:1", "fault"), "--after", "nan", "whole",
     0, 10**6),
    (("store", "watch"), "--duration", "inf", "seconds", 0, 10**9 - 1),
]
# The wording itself, once per language (the rest is compared with the table).
WORDED = {
    "en": "argument --operate-type: 'x' is not a whole number from 2 to 4",
    "pt-BR": "argumento --operate-type: 'x' não é um número inteiro entre 2 e 4",
    "zh-CN": "参数 --operate-type：'x' 不是 2 到 4 之间的整数",
}


@pytest.mark.parametrize("lang", ["en", "pt-BR", "zh-CN"])
@pytest.mark.parametrize(("before", "option", "value", "key", "low", "high"), BAD,
                         ids=[f"{' '.join(b[:2])} {o}={v!r}" for b, o, v, *_ in BAD])
def test_a_bad_number_is_refused_in_the_language(capsys, keydesk_home, lang, before, option,
                                                 value, key, low, high):
    words = [*before, "fault-name"] if before[-1] == "fault" else list(before)
    rc, out, err = run(capsys, "--lang", lang, *words, f"{option}={value}")
    assert rc == 2, (out, err)
    said = messages.text(key, lang, value=shown(value), low=low, high=high)
    assert said in err
    assert "invalid" not in err and "int value" not in err and "float value" not in err


@pytest.mark.parametrize("lang", ["en", "pt-BR", "zh-CN"])
def test_the_wording_in_each_language(capsys, keydesk_home, lang):
    rc, _, err = run(capsys, "--lang", lang, "cloud", "rf-read", "--operate-type", "x")
    assert rc == 2 and WORDED[lang] in err


def test_a_good_number_still_reaches_the_command():
    from app.cli.main import build_parser

    args = build_parser().parse_args(["cloud", "rf-read", "--operate-type", "3"])
    assert args.operate_type == 3
    args = build_parser().parse_args(["sim", "lock", "--locks", "12", "--idle-drop", "2,5"])
    assert (args.locks, args.idle_drop) == (12, 2.5)


def test_no_option_of_the_command_line_converts_with_a_bare_int_or_float():
    """``type=int`` / ``type=float`` anywhere a command face declares its options."""
    faces = [*APP.joinpath("cli").glob("*.py"), *APP.glob("**/sim/cli.py")]
    left = []
    for path in faces:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "type" \
                    and isinstance(node.value, ast.Name) and node.value.id in ("int", "float"):
                left.append(f"{path.relative_to(APP.parent)}:{node.lineno}")
    assert faces and not left, left


def test_wake_for_zero_seconds_is_until_told():
    """``lock-control wake --seconds 0`` (its help: "0 = until told") woke for the default
    15 s: the server read 0 as "not given"."""
    from app.devices.locks.sim.cli import site_doors
    from app.devices.locks.sim.server import LockSimServer
    from app.devices.locks.sim.site import FOREVER, build_site

    site = build_site(site_doors(1), tz="UTC", awake=False)
    seen: list[float] = []
    site.wake = lambda mac, seconds: seen.append(seconds) or [mac]  # type: ignore[method-assign]
    server = LockSimServer(site, "127.0.0.1", 0)
    mac = site_doors(1)[0][1]
    assert server.control({"cmd": "wake", "mac": mac, "seconds": 0})["ok"]
    assert server.control({"cmd": "wake", "mac": mac})["ok"]
    assert seen == [FOREVER, 15.0]


def test_argparse_itself_is_not_asked(monkeypatch):
    """The rule is ours: argparse's own "invalid %(type)s value" is never reached."""
    asked: list[str] = []
    real = argparse.ArgumentParser._get_value

    def spy(self, action, arg_string):  # type: ignore[no-untyped-def]
        asked.append(getattr(action.type, "__name__", ""))
        return real(self, action, arg_string)

    monkeypatch.setattr(argparse.ArgumentParser, "_get_value", spy)
    from app.cli.main import build_parser

    build_parser().parse_args(["cloud", "rf-read", "--operate-type", "3"])
    assert "int" not in asked and "whole" in asked
