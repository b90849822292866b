from __future__ import annotations

import sys

import pytest

from ui.platform_check import missing_libraries, packages_for, window_problem

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-cursor.so.0 => not found
\tlibQt6Gui.so.6 => /x/libQt6Gui.so.6 (0x00007f)
"""


def test_missing_libraries_are_read_from_ldd():
    assert missing_libraries(LDD) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]


def test_packages_named_for_missing_libraries():
    libs = ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libodd.so.1"]
    assert packages_for(libs) == ["libodd.so.1", "libxcb-cursor0", "libxcb-icccm4",
                                  "libxkbcommon-x11-0"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_no_display_is_explained():
    assert "DISPLAY" in window_problem({})
    assert window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert window_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_missing_xcb_libraries_are_explained(monkeypatch):
    import ui.platform_check as pc

    monkeypatch.setattr(pc.subprocess, "run", lambda *a, **k: type("R", (), {"stdout": LDD})())
    problem = window_problem({"DISPLAY": ":0"})
    assert problem and "apt-get install libxcb-cursor0 libxcb-icccm4" in problem
