"""argparse in the desk's language: its own words ("usage:", "options", "invalid choice",
"the following arguments are required") and our help texts and descriptions.

How: argparse asks ``gettext`` for each of its messages through the name ``_`` in its
module, looked up when the message is made (Python 3.11: ``from gettext import gettext
as _``). Real gettext would need compiled ``.mo`` catalogs bound to the process-wide
default domain (every library's); rewriting the messages in a parser subclass would mean
copying argparse's parse loop. So while a KeyDesk parser parses or formats
(:func:`speaking`), argparse's ``_`` is our lookup in :data:`ARGPARSE`, an ``app.i18n``
phrase table like every other of ``app/`` (any other text passes unchanged), and it is
put back afterwards: no other argparse user in the process is touched. Help texts and
descriptions are looked up by their English text (:mod:`app.cli.help_words`) when
:class:`KeyDeskFormatter` writes the help, so a command's ``help="..."`` stays a plain
English literal where it is declared. The words a person types (commands, options,
choices) and the metavars (``ROOM``, ``HOST:PORT``: what to type) stay as they are.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from app.i18n import Phrases, by_key, phrase

# argparse's message ids (Python 3.11), as it writes them, with %-placeholders kept.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "usage: ": "usage: ",
        "positional arguments": "positional arguments",
        "options": "options",
        "show this help message and exit": "show this help message and exit",
        "show program's version number and exit": "show program's version number and exit",
        "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
        "invalid choice: %(value)r (choose from %(choices)s)":
            "invalid choice: %(value)r (choose from %(choices)s)",
        "the following arguments are required: %s": "the following arguments are required: %s",
        "one of the arguments %s is required": "one of the arguments %s is required",
        "unrecognized arguments: %s": "unrecognized arguments: %s",
        "expected one argument": "expected one argument",
        "expected at most one argument": "expected at most one argument",
        "expected at least one argument": "expected at least one argument",
        "expected %s argument": "expected %s argument",
        "expected %s arguments": "expected %s arguments",
        "not allowed with argument %s": "not allowed with argument %s",
        "ignored explicit argument %r": "ignored explicit argument %r",
        "ambiguous option: %(option)s could match %(matches)s":
            "ambiguous option: %(option)s could match %(matches)s",
        "invalid %(type)s value: %(value)r": "invalid %(type)s value: %(value)r",
        "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
        "unknown parser %(parser_name)r (choices: %(choices)s)":
            "unknown parser %(parser_name)r (choices: %(choices)s)",
        "unexpected option string: %s": "unexpected option string: %s",
    },
    "pt-BR": {
        "usage: ": "uso: ",
        "positional arguments": "argumentos posicionais",
        "options": "opções",
        "show this help message and exit": "mostra esta ajuda e sai",
        "show program's version number and exit": "mostra a versão do programa e sai",
        "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
        "invalid choice: %(value)r (choose from %(choices)s)":
            "opção inválida: %(value)r (escolha entre %(choices)s)",
        "the following arguments are required: %s": "faltam estes argumentos obrigatórios: %s",
        "one of the arguments %s is required": "informe um destes argumentos: %s",
        "unrecognized arguments: %s": "argumentos desconhecidos: %s",
        "expected one argument": "falta o valor (um)",
        "expected at most one argument": "aceita no máximo um valor",
        "expected at least one argument": "falta o valor (pelo menos um)",
        "expected %s argument": "espera %s valor",
        "expected %s arguments": "espera %s valores",
        "not allowed with argument %s": "não pode ser usado junto com %s",
        "ignored explicit argument %r": "valor não aceito aqui: %r",
        "ambiguous option: %(option)s could match %(matches)s":
            "opção ambígua: %(option)s pode ser %(matches)s",
        "invalid %(type)s value: %(value)r": "valor inválido (%(type)s): %(value)r",
        "%(prog)s: error: %(message)s\n": "%(prog)s: erro: %(message)s\n",
        "unknown parser %(parser_name)r (choices: %(choices)s)":
            "comando desconhecido %(parser_name)r (escolha entre %(choices)s)",
        "unexpected option string: %s": "opção inesperada: %s",
    },
    "zh-CN": {
        "usage: ": "用法：",
        "positional arguments": "位置参数",
        "options": "选项",
        "show this help message and exit": "显示此帮助并退出",
        "show program's version number and exit": "显示程序版本并退出",
        "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
        "invalid choice: %(value)r (choose from %(choices)s)":
            "无效的选择：%(value)r（可选：%(choices)s）",
        "the following arguments are required: %s": "缺少以下必填参数：%s",
        "one of the arguments %s is required": "必须提供以下参数之一：%s",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "expected one argument": "缺少一个值",
        "expected at most one argument": "最多只能给一个值",
        "expected at least one argument": "至少要给一个值",
        "expected %s argument": "需要 %s 个值",
        "expected %s arguments": "需要 %s 个值",
        "not allowed with argument %s": "不能与 %s 同时使用",
        "ignored explicit argument %r": "此处不接受值：%r",
        "ambiguous option: %(option)s could match %(matches)s":
            "选项不明确：%(option)s 可能是 %(matches)s",
        "invalid %(type)s value: %(value)r": "无效的值（%(type)s）：%(value)r",
        "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
        "unknown parser %(parser_name)r (choices: %(choices)s)":
            "未知命令 %(parser_name)r（可选：%(choices)s）",
        "unexpected option string: %s": "意外的选项：%s",
    },
}
ARGPARSE: Phrases = by_key(TEXTS)


def argparse_text(message: str) -> str:
    """argparse's ``message`` in the preferred language; any other text as it is."""
    if message in ARGPARSE:
        return phrase(ARGPARSE, message)
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return argparse_text(singular if n == 1 else plural)


_lock = threading.RLock()
_depth = 0
_saved: tuple[object, object] | None = None


@contextmanager
def speaking() -> Iterator[None]:
    """argparse speaks the preferred language inside this block (re-entrant: a sub-command's
    parse runs inside the top parser's)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
            argparse._ = argparse_text  # type: ignore[attr-defined]
            argparse.ngettext = _ngettext  # type: ignore[attr-defined]
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                argparse._, argparse.ngettext = _saved  # type: ignore[attr-defined]


class KeyDeskFormatter(argparse.HelpFormatter):
    """Help in the preferred language: section titles, descriptions and help texts are
    looked up when written (a parser is built before ``--lang`` is read)."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(argparse_text(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        from app.cli.help_words import help_text  # when help is written, not at each parse

        super().add_text(help_text(text) if text and text is not argparse.SUPPRESS else text)

    def _get_help_string(self, action: argparse.Action) -> str:
        from app.cli.help_words import help_text

        text = action.help or ""
        return argparse_text(text) if text in ARGPARSE else help_text(text)


def language_asked(words: Sequence[str]) -> str | None:
    """The language a command line asks for with ``--lang`` (before it is parsed: the
    help and argparse's errors are written during the parse), None when it names none."""
    if not any(w == "--lang" or w.startswith("--lang=") for w in words):
        return None  # the value rules are imported when there is a value to check
    from app.inputs import InputError, values

    for i, word in enumerate(words):
        if word == "--":
            break
        value = None
        if word == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        if value is not None:
            try:
                return values.language_or_system(value)
            except InputError:
                return None
    return None
