"""Before opening a window on Linux: is there a display, and can Qt's xcb plugin load?

Qt 6 needs a few X libraries (xcb-cursor, xcb-icccm, ...) that minimal Linux installs
lack; without them Qt aborts with "could not load the Qt platform plugin". We look with
``ldd`` first and say which Debian/Ubuntu packages to install instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Library soname prefix → the Debian/Ubuntu package that ships it.
DEBIAN_PACKAGES = {
    "libxcb-cursor": "libxcb-cursor0",
    "libxcb-icccm": "libxcb-icccm4",
    "libxcb-keysyms": "libxcb-keysyms1",
    "libxcb-image": "libxcb-image0",
    "libxcb-render-util": "libxcb-render-util0",
    "libxcb-xkb": "libxcb-xkb1",
    "libxcb-randr": "libxcb-randr0",
    "libxcb-shape": "libxcb-shape0",
    "libxcb-xinerama": "libxcb-xinerama0",
    "libxkbcommon-x11": "libxkbcommon-x11-0",
    "libxkbcommon": "libxkbcommon0",
    "libEGL": "libegl1",
    "libGL": "libgl1",
    "libfontconfig": "libfontconfig1",
    "libdbus-1": "libdbus-1-3",
}


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames that ``ldd`` reports as ``not found``."""
    return sorted(
        {line.split("=>")[0].strip() for line in ldd_output.splitlines() if "not found" in line}
    )


def packages_for(libraries: list[str]) -> list[str]:
    packages = set()
    for lib in libraries:
        match = max((p for p in DEBIAN_PACKAGES if lib.startswith(p)), key=len, default=None)
        packages.add(DEBIAN_PACKAGES[match] if match else lib)
    return sorted(packages)


def _xcb_plugin() -> Path | None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def window_problem(environ: dict[str, str] | None = None) -> str | None:
    """A plain-words reason the window cannot open here, or None when it should."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return None  # Qt picks its Wayland plugin
    if not env.get("DISPLAY"):
        return (
            "No display is available (DISPLAY is not set), so the window cannot open. "
            "Run KeyDesk from a desktop session, or try `keydesk self-test --screenshot "
            "out.png`, which runs offscreen."
        )
    plugin = _xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return None
    out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10).stdout
    libs = missing_libraries(out)
    if not libs:
        return None
    return (
        "Qt cannot open a window because these system libraries are missing: "
        + ", ".join(libs)
        + ". Install them, e.g. on Debian/Ubuntu: sudo apt-get install "
        + " ".join(packages_for(libs))
    )
