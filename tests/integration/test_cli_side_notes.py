"""What the commands print beside their results is in the person's language too: the door
log's card types, the state of a lock-cloud call whose outcome is unknown and how to check
it, a card's rooms and sector keys, a serial port's serial number, a reader's or the
store's new state. ``--json`` keeps the English words (scripts read them)."""

from __future__ import annotations

import json
import re

import pytest

from app import i18n
from app.cli import card_cmd
from app.cli.main import main
from app.cli.output import state_line
from app.cloud.config import RECORD_CARD_TYPES
from app.cloud.sim import handlers_records
from app.cloud.words import PHRASES, card_type_word
from app.domain.events import ConnectionState, DeviceStateChanged
from tests.cloud_support import MOBILE
from tests.english_words import english_words

ROOM = "001-01-0101"
LANGS = ("pt-BR", "zh-CN")


@pytest.fixture
def sim(cloud_sim, monkeypatch):
    monkeypatch.setenv("KEYDESK_CLOUD_URL", cloud_sim.url)
    return cloud_sim


@pytest.fixture
def speaking():
    """Set the preferred language for a test, put back afterwards."""
    yield i18n.set_preferred_language
    i18n.set_preferred_language("system")


def cloud(capsys, lang: str, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", lang, "cloud", *argv, "--demo-account"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_every_card_type_of_the_vendor_has_its_words():
    assert {f"card_{n}" for n in RECORD_CARD_TYPES} <= set(PHRASES)
    assert card_type_word(6, "pt-BR") == "hóspede" and card_type_word(11, "zh-CN") == "管理员"
    assert card_type_word(99, "pt-BR") == "tipo 99" and card_type_word(99, "en") == "type 99"
    for n, english in RECORD_CARD_TYPES.items():  # --json's card_type_name is the English
        assert card_type_word(n, "en") == english


@pytest.mark.parametrize("lang", LANGS)
def test_the_door_log_names_card_types_in_the_language(sim, capsys, lang):
    code, out, _ = cloud(capsys, lang, "log", "--room", ROOM)
    assert code == 0
    rows = [re.split(r"\s{2,}", r.strip()) for r in out.splitlines()[1:]]
    assert rows and {r[1] for r in rows} == {card_type_word(6, lang), card_type_word(11, lang)}
    code, out, _ = cloud(capsys, lang, "log", "--room", ROOM, "--json")
    assert {json.loads(r)["card_type_name"] for r in out.splitlines()} <= {"guest", "admin"}


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_outcome_says_how_to_check_in_the_language(sim, capsys, monkeypatch, lang):
    monkeypatch.delitem(handlers_records.HANDLERS, "queryCardByMobile")  # no look-up
    sim.inject("drip", "getLink", delay=0.3)
    code, _, err = cloud(capsys, lang, "issue-key", "--room", ROOM, "--mobile", MOBILE,
                         "--timeout", "1")
    assert code == 1
    state = [line for line in err.splitlines() if "keydesk cloud keys" in line]
    assert state, err
    start = {"pt-BR": "resultado desconhecido: confira as chaves do quarto",
             "zh-CN": "结果未知：重新发放之前先查看该房间的钥匙"}[lang]
    assert start in state[0] and f"--room {ROOM} --mobile {MOBILE}" in state[0]
    assert "outcome unknown" not in err and "check the room" not in err


def test_json_keeps_the_unknown_outcome_in_english(sim, capsys, monkeypatch):
    monkeypatch.delitem(handlers_records.HANDLERS, "queryCardByMobile")
    sim.inject("drip", "getLink", delay=0.3)
    code, out, _ = cloud(capsys, "zh-CN", "issue-key", "--room", ROOM, "--mobile", MOBILE,
                         "--timeout", "1", "--json")
    assert code == 1
    assert json.loads(out)["state"].startswith("outcome unknown: check the room's keys")


READ = {"card": {"uid": "044A6033", "family": "classic-1k"}, "valid": True, "reason": "",
        "issuance": {"rooms": ["101", "102"], "valid_from": "2030-01-01T12:00"},
        "sectors": [{"sector": 0, "key": "default"}, {"sector": 1, "key": "site"},
                    {"sector": 2, "readable": False}]}


@pytest.mark.parametrize(("lang", "rooms", "factory", "site"), [
    ("en", "rooms: 101, 102", "sector 0: factory key", "sector 1: site key"),
    ("pt-BR", "quartos: 101, 102", "setor 0: chave de fábrica", "setor 1: chave do local"),
    ("zh-CN", "房间: 101, 102", "扇区 0：出厂密钥", "扇区 1：现场密钥"),
])
def test_a_card_read_says_rooms_and_sector_keys_in_the_language(speaking, lang, rooms,
                                                                 factory, site):
    speaking(lang)
    text = card_cmd._read_text(READ)
    assert rooms in text and factory in text and site in text and "['101'" not in text
    if lang != "en":
        assert not english_words(text.replace("classic-1k", ""), lang)


@pytest.mark.parametrize(("lang", "said"), [("en", "serial A1"), ("pt-BR", "nº de série A1"),
                                            ("zh-CN", "序列号 A1")])
def test_card_ports_names_the_serial_number_in_the_language(capsys, monkeypatch, lang, said):
    from app.devices.encoder import discovery

    port = discovery.PortInfo("/dev/ttyUSB0", "1a86:7523", "A1", "USB Serial", "CH340")
    monkeypatch.setattr(discovery, "list_serial_ports", lambda: [port])
    assert main(["--lang", lang, "card", "ports"]) == 0
    out = capsys.readouterr().out
    assert said in out and "serial=" not in out


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "[store: failed]"), ("pt-BR", "[store: com falha]"), ("zh-CN", "[store: 出错]")])
def test_a_new_state_is_said_in_the_language(speaking, lang, line):
    speaking(lang)
    event = DeviceStateChanged("store", kind="store", state=ConnectionState.FAILED)
    assert state_line(event) == line
    event = DeviceStateChanged("lobby", kind="reader", state=ConnectionState.CONNECTED,
                               detail="10.0.0.5")
    assert state_line(event).endswith(" (10.0.0.5)]")
