"""``keydesk`` alone (the window) parses its command line without the headless commands'
parsers: the same answer as the full parser, without importing what they bring."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ui.entry import asks_only_for_the_window, build_full_parser

ROOT = Path(__file__).resolve().parents[2]

WINDOW_ONLY = [[], ["window"], ["demo"], ["-v"], ["--verbose", "demo"],
               ["--lang", "pt-BR"], ["--lang=zh-CN", "window"],
               ["-v", "--lang", "system"]]
FULL = [["--help"], ["-h"], ["window", "--help"], ["--version"], ["self-test"],
        ["explain", "5310"], ["sim", "encoder"], ["--lang"], ["--verb"], ["window", "demo"],
        ["--lang", "pt-BR", "card", "read"], ["windows"], ["window", "--lang", "en"],
        ["demo", "-v"]]


@pytest.mark.parametrize("words", WINDOW_ONLY, ids=" ".join)
def test_a_window_command_line_is_answered_alike_by_the_window_parser(words):
    assert asks_only_for_the_window(words)
    light = vars(build_full_parser(commands=False).parse_args(words))
    full = vars(build_full_parser().parse_args(words))
    assert light == full


@pytest.mark.parametrize("words", FULL, ids=" ".join)
def test_anything_else_goes_to_the_full_parser(words):
    assert not asks_only_for_the_window(words)


CODE = """
import json, sys
from ui.entry import asks_only_for_the_window, build_full_parser
words = sys.argv[1:]
args = build_full_parser(commands=not asks_only_for_the_window(words)).parse_args(words)
heavy = ("app.cli.commands", "app.cli.help_words", "app.cli.card_cmd", "app.inputs",
         "app.catalog", "asyncio", "ssl", "http.server", "segno", "PySide6")
print(json.dumps({"func": args.func.__name__,
                  "loaded": sorted(m for m in heavy if m in sys.modules)}))
"""


def test_keydesk_alone_imports_no_headless_command(keydesk_home):
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    said = json.loads(done.stdout)
    assert said == {"func": "_window", "loaded": []}
    done = subprocess.run([sys.executable, "-c", CODE, "explain", "5310"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=True)
    assert "app.cli.commands" in json.loads(done.stdout)["loaded"]  # a command: all of them
