#!/usr/bin/env python3
"""Refresh the window's translation files after ``self.tr()`` texts changed.

    .venv/bin/python installer/translations.py

Runs Qt's ``lupdate`` over the translated window modules (``ui.translations.sources()``)
into ``resources/translations/keydesk_<lang>.ts`` (new texts appear "unfinished";
translations already made are kept), then ``lrelease`` into the ``.qm`` files the window
loads. Translate the new entries with Qt Linguist (``pyside6-linguist``) or any editor,
then run this again. Both tools come with PySide6.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
LANGS = ("pt_BR", "zh_CN")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"pyside6-{name} not found beside {sys.executable}")
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from ui.translations import sources as window_modules

    sources = [str(ROOT / s) for s in window_modules()]
    for lang in LANGS:
        ts = OUT / f"keydesk_{lang}.ts"
        subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete",
                        "-target-language", lang, *sources, "-ts", str(ts)], check=True)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
