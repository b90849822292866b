"""Issue 16: the command line speaks the desk's language, argparse's words and our help
texts included. Every command's ``--help`` and a sample of outputs are read under pt-BR
and zh-CN and fail on English left (``tests/english_words.py``, the window's detector);
what a person types (commands, options, choices, metavars) stays as it is."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

import pytest

from app import i18n
from app.catalog.model import DOMAINS
from app.cli import argwords, help_words, words
from app.cli.main import main
from app.devices.encoder.sim.server import FAULTS
from tests.english_words import english_words
from ui.entry import build_full_parser

LANGS = ("pt-BR", "zh-CN")


def parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every (sub)command's parser, with the words that reach it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, (*path, name))


def typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """What a person types: command names, option names, choices (they stay English)."""
    found: set[str] = set()
    for _, p in parsers(parser):
        for action in p._actions:
            found.update(action.option_strings)
            if not action.option_strings:  # a positional's name is its metavar
                found.add(action.metavar or action.dest)
            if action.choices:
                found.update(str(c) for c in action.choices)
    return found


FULL = build_full_parser()
COMMANDS = [path for path, _ in parsers(FULL)]
# Also typed: the catalog's domains (explain --domain), a plan CSV's header, event codes.
TYPED = (typed_words(FULL) | set(DOMAINS) | set(i18n.LANGUAGES) | set(FAULTS)
         | {"system", "room,mac", "All", "place", "remove", "put_back", "first", "alter",
            "fault", "clear", "status", "asleep"})  # `sim encoder-control` commands, a lock fault
# Names a Chinese text writes in Latin letters too: streams, protocols, tools.
NAMES = {"stdout", "stderr", "Digest", "CGI", "POSIX", "pty", "HTML", "integrity_check"}
_IDENTIFIER = re.compile(r"\S*_\S*|\S*/\S*|<[^>]*>")  # wake_ends, paths, <url>
_FULL_WIDTH = str.maketrans({c: " " for c in "，。；：（）、“”——"})
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_QUOTED = re.compile(r"'[^']*'|`[^`]*`|\"[^\"]*\"")
_METAVAR = re.compile(r"\b[A-Z][A-Z_:-]+\b")  # ROOM, HOST:PORT, VALID_FROM: what to type
_CHOICES = re.compile(r"\{[^}]*\}")


def help_english(text: str, lang: str) -> list[str]:
    """English words in a --help, leaving out the usage lines and each option's (or
    sub-command's) own column: they are what is typed."""
    left: list[str] = []
    in_usage = False
    for line in text.splitlines():
        if line.startswith(argwords.argparse_text("usage: ")) or line.startswith(
                ("uso: ", "用法：")):
            in_usage = True
        if not line.strip():
            in_usage = False
            continue
        if in_usage:
            continue
        invocation = re.match(r"^ {2,6}(\S.*?)(?: {2,}|$)", line)
        if invocation and (invocation.group(1).startswith(("-", "{"))
                           or invocation.group(1).split()[0].strip(",") in TYPED):
            line = line[invocation.end():]
        left += english_in(line, lang)
    return left


def english_in(text: str, lang: str) -> list[str]:
    text = text.translate(_FULL_WIDTH)
    for pattern in (_QUOTED, _CHOICES, _OPTION, _METAVAR, _IDENTIFIER):
        text = pattern.sub(" ", text)
    text = " ".join(w for w in text.split() if w.strip(",.;:()") not in TYPED | NAMES)
    return english_words(text, lang)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        rc = main(list(argv))
    except SystemExit as done:  # --help and usage errors end in argparse
        rc = int(done.code or 0)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_every_help_text_is_in_the_table():
    missing = []
    for path, parser in parsers(FULL):
        texts = [parser.description] + [a.help for a in parser._actions]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts += [c.help for c in action._choices_actions]
        for text in texts:
            if text and text != argparse.SUPPRESS and text not in argwords.ARGPARSE \
                    and help_words.find(text) is None:
                missing.append((" ".join(path), text))
    assert not missing, "help texts with no pt-BR/zh-CN in app/cli/help_words.py:\n" + \
        "\n".join(f"  keydesk {where}: {text!r}" for where, text in missing)


@pytest.mark.parametrize("lang", LANGS)
def test_every_commands_help_is_in_the_language(lang, capsys, keydesk_home):
    from ui.entry import main as keydesk

    left = {}
    for path in COMMANDS:
        try:
            keydesk(["--lang", lang, *path, "--help"])
        except SystemExit as done:
            assert done.code == 0, path
        text = capsys.readouterr().out
        assert text.strip(), path
        found = help_english(text, lang)
        if found:
            left[" ".join(path) or "keydesk"] = found
    assert not left, f"English left in --help ({lang}): {left}"


def test_help_templates_keep_their_values():
    text = ("where to listen (default 10.0.0.1:99; port 0 picks a free one)")
    assert help_words.help_text(text, "pt-BR") == \
        "onde escutar (padrão 10.0.0.1:99; a porta 0 escolhe uma livre)"
    assert help_words.help_text("no such help text", "zh-CN") == "no such help text"


SAMPLES = [
    ("operators", "list"),
    ("audit", "list"),
    ("audit", "verify"),
    ("audit", "verify"),  # again: now there is a row, and no key to check it with
    ("store", "check"),
    ("explain", "--search", "zzzqqq"),
    ("explain", "99999"),
    ("card", "issue", "--room", "101"),  # --from/--to missing
    ("card", "issue", "--kind", "king"),
    ("audit", "list", "--bogus"),
    ("operators", "frobnicate"),
    ("cloud", "unlock", "--room", "101", "--demo-account"),  # no --yes
]


@pytest.mark.parametrize("lang", LANGS)
def test_a_sample_of_outputs_is_in_the_language(lang, capsys, keydesk_home, monkeypatch):
    monkeypatch.delenv("KEYDESK_AUDIT_KEY", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    left = {}
    for argv in SAMPLES:
        rc, out, err = run(capsys, "--lang", lang, *argv)
        assert rc in (0, 1, 2), (argv, rc)
        assert "Traceback" not in err
        text = "\n".join(line for line in (out + err).splitlines()
                         if not line.startswith(("uso:", "用法：", " ")))
        found = english_in(text, lang)
        if found:
            left[" ".join(argv)] = (found, text)
    assert not left, f"English left ({lang}): {left}"


def test_a_fresh_desk_has_nothing_to_check_and_says_so(capsys, keydesk_home, monkeypatch):
    """`audit verify` on a fresh desk said "audit trail BROKEN at row None"; `store check`
    failed because no event had been kept yet."""
    monkeypatch.delenv("KEYDESK_AUDIT_KEY", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rc, out, err = run(capsys, "--lang", "en", "store", "check")
    assert rc == 0 and "No events have been kept yet" in out and "Nothing to check" in out
    rc, out, err = run(capsys, "audit", "verify", "--json")
    assert rc == 0, err
    assert json.loads(out) | {"file": ""} == {"ok": True, "rows": 0, "file": "",
                                              "chain_key": False}
    rc, out, err = run(capsys, "--lang", "en", "audit", "verify")  # one row now, no key
    assert rc == 1 and "None" not in err and "BROKEN" not in err
    assert "cannot be checked on this desk: it has no chain key" in err
    assert "This desk has no key to check the audit trail" in err  # the catalog's no_key


def test_json_keeps_its_words_and_human_fields_follow_the_language(capsys, keydesk_home):
    rc, out, _ = run(capsys, "--lang", "pt-BR", "store", "check", "--json")
    line = json.loads(out)
    assert set(line) >= {"ok", "path", "message"} and "Nenhum evento" in line["message"]
    rc, out, _ = run(capsys, "--lang", "zh-CN", "operators", "list", "--json")
    assert rc == 0 and json.loads(out) == {"ok": True, "operators": 0, "mode": "single"}


def test_argparse_speaks_only_inside_a_keydesk_parse(capsys):
    plain = argparse.ArgumentParser(prog="other")
    try:
        i18n.set_preferred_language("pt-BR")
        assert "usage:" in plain.format_usage()  # another argparse user is not touched
        rc, _, err = run(capsys, "--lang", "pt-BR", "card", "issue")
        assert rc == 2 and "erro: faltam estes argumentos obrigatórios: --from, --to" in err
    finally:
        i18n.set_preferred_language("system")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_the_language_setting_speaks_without_lang(capsys, keydesk_home):
    from app.settings import Settings, SettingsStore

    SettingsStore().save(Settings(language="zh-CN"))
    rc, out, _ = run(capsys, "operators", "list")
    assert rc == 0 and out.strip() == words.say("no_operators", "zh-CN")
    rc, out, _ = run(capsys, "audit", "--help")
    assert "审计记录" in out and "用法：" in out


def test_the_console_command_speaks_the_language(keydesk_home):
    """One run as a process: the `keydesk` entry point, the way a clerk types it."""
    import os

    env = {**os.environ, "KEYDESK_HOME": str(keydesk_home), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "ui.entry", "--lang", "pt-BR", "card",
                           "issue", "--kind", "x"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)
    assert done.returncode == 2
    assert "uso: keydesk card issue" in done.stderr
    assert "erro: argumento --kind: opção inválida: 'x' (escolha entre 'guest'" in done.stderr
