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


def test_no_module_asks_for_a_pyside_feature():
    """``ui.prepare_start`` drops PySide6's ``__feature__`` import hook, which only a module
    asking for a feature (``from __feature__ import snake_case``) would need."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    asking = [p.relative_to(root).as_posix()
              for folder in ("app", "ui", "installer", "bench", "tests")
              for p in (root / folder).rglob("*.py")
              for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
              if isinstance(node, ast.ImportFrom | ast.Import)
              and "__feature__" in ([node.module] if isinstance(node, ast.ImportFrom)
                                    else [a.name for a in node.names])]
    assert asking == []


def test_the_window_imports_qt_without_the_feature_hook():
    code = ("import builtins, ui; ui.prepare_start()\n"
            "assert builtins.__import__ is builtins.__orig_import__\n"
            "from PySide6.QtWidgets import QApplication\n"
            "import json\n"  # a module imported after: plain import, nothing read
            "print(sorted(__import__('sys').modules['shibokensupport.feature']"
            ".pyside_feature_dict))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert "json" not in out.stdout
