"""The core must never import Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
import app
for m in pkgutil.walk_packages(app.__path__, "app."):
    importlib.import_module(m.name)
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "PyQt", "shiboken")))
print(",".join(qt))
"""


def test_importing_every_app_module_pulls_in_no_qt():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_bare_import_app_has_no_qt():
    code = "import app, sys; assert not any(m.startswith('PySide6') for m in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
