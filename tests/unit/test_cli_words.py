"""Issue 11: what the command line prints reads as words, once."""

from __future__ import annotations

import json

import pytest

from app.cli.card_cmd import _info_text
from app.cli.main import main
from app.cli.monitor_cmd import refused_text


def test_refused_is_said_once():
    assert refused_text("Refused: card expired") == "REFUSED: card expired"
    assert refused_text("refused — no access to this door") == "REFUSED: no access to this door"
    assert refused_text("card expired") == "REFUSED: card expired"
    assert refused_text("") == "REFUSED" and refused_text(None) == "REFUSED"


def test_card_info_is_not_a_python_dict():
    text = _info_text({"firmware": "PN532 v1.6", "port": "socket://127.0.0.1:7000",
                       "card": {"uid": "04A1B2C3", "atqa": "0004", "sak": "08",
                                "family": "classic-1k"}})
    assert "{" not in text and "'" not in text
    assert "card: 04A1B2C3 (classic-1k)" in text and "sak: 08" in text
    empty = _info_text({"firmware": "PN532 v1.6", "port": "COM3", "card": None})
    assert "none on the encoder" in empty


def test_the_desk_language_is_taken_in_any_case(capsys):
    """`keydesk --lang pt-br` was refused for its case (explain --lang too)."""
    assert main(["--lang", "pt-br", "explain", "5310", "--domain", "encoder", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "pt-BR"
    assert main(["--lang", "SYSTEM", "explain", "5310", "--domain", "encoder"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as usage:
        main(["--lang", "klingon", "explain", "5310"])
    assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "'klingon'" in err and "pt-BR" in err and "system" in err


def test_a_failure_is_framed_in_its_explanations_language(capsys):
    """A Portuguese explanation came between English "Error", "Detail:" and "State:"."""
    assert main(["--lang", "pt-BR", "card", "read", "--port", "socket://127.0.0.1:1"]) == 1
    err = capsys.readouterr().err
    assert "Erro 5310 (encoder): " in err and "Detalhe para o suporte: " in err
    assert "O cartão: " in err
    for english in ("Error ", "Detail:", "State:"):
        assert english not in err, err
    assert main(["--lang", "en", "card", "read", "--port", "socket://127.0.0.1:1"]) == 1
    err = capsys.readouterr().err
    assert "Error 5310 (encoder): " in err and "Detail: " in err and "State: " in err
