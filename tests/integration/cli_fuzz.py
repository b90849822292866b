"""What the CLI fuzz tests share: every command found in the parser itself, argv drawn for
it from its own options, and a run that must end with an explained outcome.

Nothing here knows a command by name: a new command or option is fuzzed the day it is
added. Only two things are kept apart on purpose:

- options that name an address (``--port``, ``--url``, ``--device``, ``--listen``,
  ``--sim``, the control address) get loopback addresses, closed ports or malformed ones, so a test
  never reaches a real device or another machine;
- values are never paths outside the test's own folder (no leading ``/`` or ``~``, no
  ``..``) except a few that do not exist, so a fuzzed ``--trace`` cannot write anywhere.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

from hypothesis import strategies as st

# The test's loopback: port 1 refuses (nothing listens there as non-root services do not
# bind it in CI), 99999 and 0 are no ports at all.
ADDRESSES = [
    "socket://127.0.0.1:1", "http://127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:0",
    "socket://127.0.0.1:99999", "http://127.0.0.1:99999", "127.0.0.1:99999", "http://[::1",
    "socket://127.0.0.1", "http://", "ftp://127.0.0.1:1", "127.0.0.1:x", "", "nan",
    "/nonexistent/ttyKEYDESK", "loop://", "postgresql://keydesk@127.0.0.1:1/keydesk",
    "postgresql://keydesk@127.0.0.1:99999/keydesk", "postgresql://[::1", "postgres://",
]
ADDRESS_WORDS = ("port", "url", "device", "listen", "address", "control", "sim")

# Values that have broken commands before, and well-formed ones so the checks behind the
# parser are reached too.
NASTY = [
    "", " ", "0", "-1", "1", "5", "0.5", "30", "nan", "NaN", "inf", "-inf", "1e308",
    "9" * 5000, "0x10", "1,5", "2026-13-01", "2026-12-01", "2026-12-01T14:00",
    "2027-01-05T14:00", "2030-12-01T14:00+14:00", "9999-12-31T23:00", "0001-01-01T00:00",
    "tomorrow", "101", "001-01-0101", "room nine!", "pt-br", "zh_CN", "EN", "fr", "\x00",
    "é", "中文", "--json", "-x", "/nonexistent/x.png", "out.png", "12EA3004", "12ab",
    "5310", "BreakIn", "AA:BB:CC:DD:EE:FF", "guest", "classic-1k", "status", "place",
]


def safe_text(value: str) -> bool:
    return not (value.startswith(("/", "~", "\\")) or ".." in value or ":" in value[:3])


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12).filter(
    safe_text
)


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    parser: argparse.ArgumentParser

    @property
    def name(self) -> str:
        return " ".join(self.path) or "keydesk"


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[Command]:
    """Every command and sub-command of ``parser``, those with sub-commands included (they
    print their help)."""
    yield Command(path, parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


def _is_address(action: argparse.Action) -> bool:
    names = [action.dest, *action.option_strings]
    return any(word in name for name in names for word in ADDRESS_WORDS)


def values_for(action: argparse.Action) -> st.SearchStrategy[str]:
    if _is_address(action):
        return st.sampled_from(ADDRESSES)
    choices = [str(c) for c in action.choices] if action.choices else []
    pool = st.sampled_from(choices) if choices else st.nothing()
    return st.one_of(pool, pool, st.sampled_from(NASTY), TEXT)


def _takes_values(action: argparse.Action) -> bool:
    return action.nargs != 0 and not isinstance(
        action, argparse._HelpAction | argparse._VersionAction | argparse._SubParsersAction)


@st.composite
def argv_for(draw: st.DrawFn, command: Command) -> list[str]:
    """An argv for ``command``: required options mostly present, others sometimes,
    flags sometimes, positionals from the same pools, in a shuffled order."""
    words: list[list[str]] = []
    positionals: list[str] = []
    for action in command.parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction |
                      argparse._SubParsersAction):
            continue
        if not action.option_strings:  # a positional
            if action.nargs == "?" and draw(st.booleans()):
                continue
            count = draw(st.integers(1, 3)) if action.nargs in ("+", "*") else 1
            positionals += [draw(values_for(action)) for _ in range(count)]
            continue
        wanted = draw(st.floats(0, 1)) < (0.9 if action.required else 0.35)
        if not wanted:
            continue
        option = draw(st.sampled_from(action.option_strings))
        if not _takes_values(action):
            words.append([option])
            continue
        count = draw(st.integers(1, 2)) if action.nargs in ("+", "*") else 1
        words.append([option, *(draw(values_for(action)) for _ in range(count))])
    order = draw(st.permutations(words)) if words else []
    flat = [w for group in order for w in group]
    return [*command.path, *flat, *positionals]


def runs_until_stopped(command: Command) -> bool:
    """Serves or streams until Ctrl+C by design (a simulator; monitor or store watch
    without a short --duration): judged by how it stops on Ctrl+C, not by stopping on its
    own."""
    serving = command.path[:1] == ("sim",) and command.path[1:] != ("encoder-control",)
    return serving or command.path in (("monitor",), ("store", "watch"))
