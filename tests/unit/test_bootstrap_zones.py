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
