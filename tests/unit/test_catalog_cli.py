"""``keydesk explain`` end to end (in-process, plus one real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli.main import main
from app.i18n import LANGUAGES


def run(capsys, *argv):
    code = main(["explain", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_5310_in_portuguese(capsys):
    code, out, _ = run(capsys, "5310", "--domain", "encoder", "--lang", "pt-BR")
    assert code == 0
    assert out.startswith("5310 — ")
    for heading in ("O que aconteceu:", "O que fazer:", "Causas prováveis", "Para o técnico:"):
        assert heading in out
    assert "codificador" in out  # the encoder, in Portuguese
    assert "[Codificador de cartões (USB) · encoder]" in out  # the encoder's, not the cloud's
    # The vendor's message and description are the same words: said once.
    assert "Texto do fabricante: Device connection failed\n" in out
    assert "\n  2. " in out  # numbered steps, one per line


def test_5310_has_the_encoder_and_the_cloud_meanings(capsys):
    code, out, _ = run(capsys, "5310", "--lang", "en")
    assert code == 0 and out.startswith("5310 has 2 meanings:")
    assert "Card encoder (USB)" in out and "Lock cloud: API code" in out


def test_json_keeps_the_vendor_text_verbatim(capsys):
    code, out, _ = run(capsys, "5310", "--domain", "encoder", "--json")
    assert code == 0
    assert json.loads(out)["vendor_text"] == "Device connection failed Device connection failed"


def test_17_shows_both_meanings(capsys):
    code, out, _ = run(capsys, "17", "--lang", "en")
    assert code == 0
    assert out.startswith("17 has 2 meanings:")
    assert "Card lost or cancelled" in out  # reader event error 17
    assert "by ID card" in out  # open-door method 17
    assert "reader_event_error" in out and "open_door_method" in out


def test_domain_narrows_and_json_line_has_the_fields(capsys):
    code, out, _ = run(capsys, "17", "--domain", "open_door_method", "--json", "--lang", "zh-CN")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    obj = json.loads(lines[0])
    for key in ("domain", "code", "vendor_text", "title", "explanation", "action", "severity",
                "retryable", "lang"):
        assert key in obj
    assert obj["domain"] == "open_door_method" and obj["lang"] == "zh-CN"
    assert obj["title"] == "身份证" and obj["vendor_text"] == "by ID card"


def test_language_default_follows_settings(capsys, keydesk_home):
    from app.settings import Settings, SettingsStore

    SettingsStore().save(Settings(language="pt-BR"))
    _, out, _ = run(capsys, "BreakIn")
    assert "Porta arrombada" in out
    SettingsStore().save(Settings(language="system"))
    _, out, _ = run(capsys, "1", "--domain", "open_door_method", "--json")
    assert json.loads(out)["lang"] in LANGUAGES


def test_unknown_code_fails_clearly(capsys):
    code, out, err = run(capsys, "987654")
    assert code == 1 and out == ""
    assert "No catalog entry for code '987654'" in err
    code, out, _ = run(capsys, "987654", "--json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_unknown_domain_and_missing_code(capsys):
    assert run(capsys, "17", "--domain", "nope")[0] == 2
    assert run(capsys)[0] == 2


def test_all_json_prints_every_entry_in_every_language(capsys):
    from app.catalog import load_catalog

    code, out, _ = run(capsys, "--all", "--json")
    assert code == 0
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(load_catalog()) * len(LANGUAGES)
    assert {(o["domain"], o["code"]) for o in objs} == {e.key for e in load_catalog()}
    assert {o["lang"] for o in objs} == set(LANGUAGES)
    code, out, _ = run(capsys, "--all", "--json", "--lang", "en", "--domain", "cloud_http")
    assert [json.loads(line)["code"] for line in out.splitlines()] == [
        "200", "400", "401", "403", "404", "500"]


def test_search_words_in_any_language(capsys):
    code, out, _ = run(capsys, "--search", "coação", "--lang", "pt-BR")
    assert code == 0
    lines = out.splitlines()
    assert any("Duress" in line for line in lines)
    code, out, _ = run(capsys, "--search", "胁迫", "--json", "--lang", "en")
    assert {json.loads(line)["code"] for line in out.splitlines()} >= {"Duress", "13"}
    assert run(capsys, "--search", "xyzzy-nothing")[0] == 1


@pytest.mark.parametrize("argv", [["--all", "--search", "x"]])
def test_all_and_search_exclude_each_other(capsys, argv):
    with pytest.raises(SystemExit):
        main(["explain", *argv])


def test_real_command_line():
    out = subprocess.run(
        [sys.executable, "-m", "ui.entry", "explain", "5310", "--lang", "pt-BR"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "O que fazer:" in out.stdout
