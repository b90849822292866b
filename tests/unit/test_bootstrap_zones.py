"""The README's test command re-runs the date/time tests under other PC time zones."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bootstrap():
    spec = importlib.util.spec_from_file_location("bootstrap", ROOT / "installer/bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reruns_select_the_marked_tests_and_keep_the_other_arguments():
    b = bootstrap()
    assert b.with_zone_marker(["-q", "tests/unit"]) == ["-q", "tests/unit", "-m", "pc_zones"]
    assert b.with_zone_marker(["-m", "not slow", "-x"]) == ["-x", "-m",
                                                            "(not slow) and pc_zones"]
    assert b.with_zone_marker(["-m=slow"]) == ["-m", "(slow) and pc_zones"]
    assert set(b.PC_ZONES) == {"America/Sao_Paulo", "Asia/Shanghai"}


def test_ci_runs_exactly_the_readmes_test_command():
    ci = (ROOT / ".ci/run").read_text().strip().splitlines()
    assert ci[-1] == "exec python3 installer/bootstrap.py test"
    assert "python3 installer/bootstrap.py test" in (ROOT / "README.md").read_text()


def test_the_main_run_spreads_its_files_over_the_cores_unless_told(monkeypatch):
    b = bootstrap()
    monkeypatch.setattr(b.os, "cpu_count", lambda: 2)
    assert b.with_workers(["-q"]) == ["-n", "2", "--dist", "loadfile",
                                      "--max-worker-restart", "2", "-q"]
    monkeypatch.setattr(b.os, "cpu_count", lambda: 64)
    assert b.with_workers([])[:2] == ["-n", str(b.MAX_WORKERS)]
    for told in (["-n", "0"], ["-n0"], ["--numprocesses=3"], ["-p", "no:xdist"]):
        assert b.with_workers(told) == told
    monkeypatch.setattr(b.os, "cpu_count", lambda: 1)
    assert b.with_workers(["-x"]) == ["-x"]


def test_a_crashed_workers_test_and_stack_are_named(tmp_path, capsys):
    b = bootstrap()
    log = tmp_path / "crash.log.gw1"
    log.write_text("running tests/unit/test_a.py::test_one\nrunning tests/unit/test_a.py::"
                   "test_two\nFatal Python error: Segmentation fault\n\nCurrent thread 0x1 "
                   "(most recent call first):\n  File \"x.py\", line 3 in boom\n")
    b.report_crash(log, 0)
    said = capsys.readouterr().out
    assert "pytest worker gw1 crashed while running: tests/unit/test_a.py::test_two" in said
    assert 'File "x.py", line 3 in boom' in said
