"""The words app/ hands to people come through one mechanism (``app.i18n.phrase``): every
phrase table has the three languages, the same placeholders in each, and a phrase made
on a worker thread is worded when it is read, in the reader's language."""

from __future__ import annotations

import re
import string

import pytest

from app import i18n, serving
from app.cli import argwords, help_words
from app.cli import words as cli_words
from app.cloud import words as cloud_words
from app.devices.encoder import words as encoder_words
from app.devices.encoder.layout import Decoded
from app.devices.encoder.sim import cli as encoder_sim_cli
from app.devices.locks import texts as lock_texts
from app.settings import messages as settings_messages
from app.store import messages as store_messages

TABLES = {
    "encoder": encoder_words.PHRASES,
    "encoder states": encoder_words.STATES,
    "locks": lock_texts.TEXTS,
    "settings": settings_messages.PHRASES,
    "store": store_messages.PHRASES,
    "command line": cli_words.WORDS,
    "lock cloud": cloud_words.PHRASES,
    "command help": help_words.HELP,
    "argparse": argwords.ARGPARSE,
    "simulators": serving.PHRASES,
    "encoder simulator": encoder_sim_cli.PHRASES,
}


def placeholders(text: str) -> set[str]:
    """``{name}`` fields, and argparse's ``%(name)s`` / ``%s`` (counted, in order)."""
    percent = re.findall(r"%(?:\((\w+)\))?[srd]", text)
    return {name for _, name, _, _ in string.Formatter().parse(text) if name} | {
        f"%{name or i}" for i, name in enumerate(percent)}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_phrase_is_in_the_three_languages_with_the_same_placeholders(name):
    for key, words in TABLES[name].items():
        assert set(words) == set(i18n.LANGUAGES), (name, key, sorted(words))
        wanted = placeholders(words["en"])
        for lang, text in words.items():
            assert text.strip(), (name, key, lang)
            assert placeholders(text) == wanted, (name, key, lang, text)


def test_a_phrase_follows_the_language_asked_or_preferred():
    try:
        i18n.set_preferred_language("zh-CN")
        said = i18n.Said(encoder_words.PHRASES, "foreign", layout="keydesk-open-v1")
        assert said.text() == "不是 keydesk-open-v1 格式的卡（可能是其他系统的卡？）"
        assert said.text("pt-BR").startswith("não é um cartão keydesk-open-v1")
        assert str(said) == "not a keydesk-open-v1 card (another system's data?)"
    finally:
        i18n.set_preferred_language("system")
    with pytest.raises(KeyError):
        i18n.Said(encoder_words.PHRASES, "no-such-phrase")


def test_a_card_decode_reason_is_english_for_scripts_and_worded_for_people():
    decoded = Decoded.of(False, "blank")
    assert decoded.reason == "blank card: no issuance on it"  # what --json prints
    assert decoded.to_dict()["reason"] == decoded.reason
    assert decoded.reason_in("pt-BR") == "cartão em branco: não tem estadia gravada"
    assert decoded.reason_in("zh-CN") == "空白卡：卡上没有入住信息"
    assert Decoded(False, "typed elsewhere").reason_in("zh-CN") == "typed elsewhere"


def test_the_older_tables_still_speak_through_their_functions():
    assert settings_messages.text("saved", "pt-BR", path="p", backup="b").startswith(
        "Configurações salvas")
    assert store_messages.text("kept_again", "zh-CN") == "事件已恢复保存。"
    assert lock_texts.text("title", "pt-BR") == "Relatório do local"


def test_keydesk_lang_chooses_what_a_command_prints_and_never_leaks(capsys):
    from app.cli.main import main

    assert main(["--lang", "pt-BR", "explain", "5310"]) == 0
    assert "O que fazer" in capsys.readouterr().out
    assert main(["--lang", "zh-CN", "explain", "5310"]) == 0
    assert "怎么办" in capsys.readouterr().out
    assert i18n.preferred_language() == "system"  # the next command starts afresh


def test_no_command_line_placeholder_shadows_the_wording_functions_own_arguments():
    """``say(key, lang, **values)``: a ``{key}`` placeholder could never be filled."""
    for key, texts in cli_words.WORDS.items():
        assert not placeholders(texts["en"]) & {"key", "lang"}, key


def test_a_number_keeps_its_format_in_a_phrase() -> None:
    """A value that is not itself a phrase goes into the text as it is: "{before:+.0f}"
    formats a float (it once became a string first, and the note fell back to its key)."""
    from app.devices.locks import texts

    assert texts.note("clock_set", "en", before=-97.0, after=0.0) == "was -97 s off, now +0 s"
    assert texts.note("clock_set", "zh-CN", before=3.0, after=0.0) == "原偏差 +3 秒，现在 +0 秒"
