from __future__ import annotations

import argparse
import subprocess
import sys

from ui.entry import build_full_parser


def _all_parsers(parser: argparse.ArgumentParser, prefix=()):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _all_parsers(sub, (*prefix, name))


def test_every_command_has_help():
    parser = build_full_parser()
    commands = list(_all_parsers(parser))
    assert len(commands) > 3
    for path, sub in commands:
        text = sub.format_help()
        assert "usage:" in text, path


def test_version_flag():
    out = subprocess.run([sys.executable, "-m", "ui.entry", "--version"],
                         capture_output=True, text=True, timeout=60)
    from app import __version__

    assert out.returncode == 0 and __version__ in out.stdout


def test_headless_commands_do_not_import_qt():
    code = ("import sys; from app.cli import build_parser; build_parser(); "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
