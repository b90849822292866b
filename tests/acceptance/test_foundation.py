"""Issue 2 (foundation), end to end: the ``keydesk`` command, self-test, demo, the
architecture guard and the two quick-start commands.

Done when:
- the README's test command passes and ``.ci/run`` runs it (checked here: ``.ci/run`` runs
  exactly the README's test command; running the suite inside itself would recurse);
- ``keydesk self-test --screenshot out.png`` exits 0 and the PNG shows the main window;
- ``python -c "import app, sys; assert not any(m.startswith('PySide6') ...)"`` holds;
- starting and closing the window 20 times leaves no thread behind: tested in-process by
  tests/gui/test_main_window.py; here ``keydesk demo`` starts, connects and stops cleanly.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, Result, base_env, no_traceback

SUBCOMMAND = re.compile(r"^    ([a-z][a-z0-9-]*)\b", re.MULTILINE)
# What the issues promise on the command line (issue 2-6 "CLI" bullets).
PROMISED = {
    ("demo",), ("self-test",), ("explain",), ("monitor",),
    ("sim", "encoder"), ("sim", "cloud"), ("sim", "reader"),
    *(("card", a) for a in ("ports", "info", "read", "issue", "duplicate", "wipe")),
    *(("cloud", a) for a in ("rooms", "issue-key", "get-key", "cancel", "report-lost",
                             "rf-issue", "rf-read", "rf-cancel", "unlock", "log")),
    *(("readers", a) for a in ("time", "open-door", "enrol-card", "remove-card")),
}


def subcommands(help_text: str) -> list[str]:
    """Names argparse lists under "positional arguments" (indented four spaces)."""
    section = help_text.split("positional arguments:", 1)
    if len(section) < 2:
        return []
    body = section[1].split("\noptions:", 1)[0]
    return SUBCOMMAND.findall(body)


def test_version(keydesk):
    result = keydesk("--version")
    assert result.rc == 0
    assert re.fullmatch(r"KeyDesk \d+\.\d+\.\d+\S*\n", result.out), result.out


def test_every_command_has_working_help(keydesk):
    top = keydesk("--help")
    assert top.rc == 0 and top.out.startswith("usage: keydesk")
    seen: dict[tuple[str, ...], Result] = {}
    level = [(name,) for name in subcommands(top.out)]
    while level:
        results = keydesk.parallel(*[[*path, "--help"] for path in level])
        next_level = []
        for path, result in zip(level, results, strict=True):
            seen[path] = result
            next_level += [(*path, name) for name in subcommands(result.out)]
        level = next_level
    broken = [str(r) for r in seen.values()
              if r.rc != 0 or not r.out.startswith("usage: keydesk") or r.err]
    assert not broken, "\n".join(broken)
    missing = PROMISED - set(seen)
    assert not missing, f"commands the issues promise but `keydesk --help` does not list: {missing}"


def test_headless_core_never_imports_qt(tmp_path):
    guard = "import app, sys; assert not any(m.startswith('PySide6') for m in sys.modules)"
    every_module = (
        "import importlib, pkgutil, sys, app\n"
        "for m in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not bad, bad\n"
        "print(len([m for m in sys.modules if m.startswith('app.')]))\n")
    for code in (guard, every_module):
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, env=base_env(tmp_path))
        assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 50  # it really imported the whole core


@pytest.fixture(scope="module")
def self_tests(tmp_path_factory):
    """``keydesk self-test`` twice at once: as shipped (with a screenshot), and with a seed
    file that has one code the catalog lacks (so one check must fail)."""
    good_home = tmp_path_factory.mktemp("selftest")
    bad_home = tmp_path_factory.mktemp("selftest-bad-seed")
    seeds = bad_home / "seeds"
    seeds.mkdir()
    from tests.acceptance.test_explain_cli import seed_files

    for path in seed_files():
        text = path.read_text(encoding="utf-8")
        if "4008 bad signature" in text:
            text = text.replace("4008 bad signature Wrong signature\n",
                                "4008 bad signature Wrong signature\n"
                                "4099 invented code Not in the catalog\n")
        (seeds / path.name).write_text(text, encoding="utf-8")
    shot = good_home / "out.png"
    good = KeyDesk(base_env(good_home))
    bad = KeyDesk(base_env(bad_home, KEYDESK_SEEDS=str(seeds)))
    with ThreadPoolExecutor(3) as pool:
        runs = [pool.submit(good, "self-test", "--screenshot", str(shot)),
                pool.submit(good, "self-test", "--json"),
                pool.submit(bad, "self-test", "--json")]
        text, as_json, failing = (f.result() for f in runs)
    return text, as_json, failing, shot


def test_self_test_passes_and_prints_one_line_per_check(self_tests):
    text, as_json, _, _ = self_tests
    assert text.rc == 0, str(text)
    no_traceback(text)
    lines = text.out.strip().splitlines()
    checks, summary = lines[:-1], lines[-1]
    assert checks and all(line.startswith("PASS ") for line in checks), text.out
    assert re.fullmatch(rf"{len(checks)} passed, 0 failed", summary), summary

    assert as_json.rc == 0, str(as_json)
    *results, total = as_json.lines()
    assert total["ok"] is True and len(results) == len(checks)
    assert all(r["ok"] is True and r["check"] and r["detail"] for r in results)


def test_self_test_covers_every_feature(self_tests):
    _, as_json, _, _ = self_tests
    by_name = {r["check"]: r["detail"] for r in as_json.lines()[:-1]}
    names = " | ".join(by_name)

    def detail(*words: str) -> str:
        found = [d for n, d in by_name.items() if all(w in n.lower() for w in words)]
        assert found, f"no self-test check about {words} in: {names}"
        return found[0]

    assert "3 languages" in detail("catalog") and "seed" in detail("catalog")
    assert "issued" in detail("cloud", "key") and "cancelled" in detail("cloud", "key")
    card = detail("card", "encoder")
    assert all(w in card for w in ("issued", "verified", "wiped"))
    assert "Refused" in detail("reader", "stream")
    assert "stored" in detail("monitor", "table") and "shown" in detail("monitor", "table")


def test_self_test_fails_when_a_check_fails(self_tests):
    _, _, failing, _ = self_tests
    no_traceback(failing)
    assert failing.rc != 0, str(failing)
    *results, total = failing.lines()
    assert total["ok"] is False
    failed = [r for r in results if not r["ok"]]
    assert len(failed) == 1 and "4099" in failed[0]["detail"], failed
    assert sum(r["ok"] for r in results) == len(results) - 1  # the other checks still ran


def png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the raw (filtered) pixel rows of a PNG, from the bytes alone."""
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    pos, idat, size = 8, b"", (0, 0)
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def test_self_test_screenshot_shows_the_main_window(self_tests):
    text, _, _, shot = self_tests
    assert text.rc == 0
    width, height, pixels = png_pixels(shot)
    assert width >= 800 and height >= 500, (width, height)  # a whole window, not an icon
    # A real window is not one flat colour: many distinct rows of pixels.
    row = len(pixels) // height
    rows = {pixels[i * row + 1:(i + 1) * row] for i in range(height)}
    assert len(rows) > height // 10, f"only {len(rows)} distinct rows: blank image?"


def test_demo_starts_on_its_simulators_and_saves_nothing(tmp_path):
    home = tmp_path / "home"
    err_path = tmp_path / "demo.err"
    with open(err_path, "w") as err:
        proc = subprocess.Popen([*KEYDESK, "demo"], cwd=ROOT, env=base_env(home),
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        log = home / "logs" / "keydesk.log"
        deadline = time.monotonic() + 20
        connected = False
        while time.monotonic() < deadline and proc.poll() is None and not connected:
            time.sleep(0.2)
            connected = log.exists() and re.search(
                r"eventManager\.cgi\?action=attach\S* \"HTTP/1\.1 200", log.read_text())
        assert proc.poll() is None, f"demo exited: {err_path.read_text()}"
        assert connected, "the demo window never attached to its simulated readers"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    assert "Traceback" not in err_path.read_text()
    assert "Traceback" not in (home / "logs" / "keydesk.log").read_text()
    settings = [p for p in (home / "config").rglob("*") if p.is_file()]
    assert not settings, f"the demo wrote settings: {settings}"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", quick, re.S)
    assert block, "no command block in the README's quick start"
    commands = [line.split("#")[0].strip() for line in block[1].splitlines() if line.strip()]
    assert len(commands) == 2, commands  # exactly two commands
    test_command = next(c for c in commands if c.endswith(" test"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    run_lines = [line.strip() for line in ci.splitlines()
                 if line.strip() and not line.lstrip().startswith(("#", "set ", "cd "))]
    assert run_lines == [f"exec {test_command}"] or run_lines == [test_command], run_lines
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run is not executable"

