#!/usr/bin/env python3
"""Build KeyDesk's installable package — the one build entry point.

    python3 installer/build.py            # bundle for this OS, then its installer

Steps: PyInstaller bundles the app (installer/keydesk.spec) into dist/KeyDesk/; then
- Windows: Inno Setup 6.3+ (ISCC.exe) makes dist/KeyDesk-<version>-setup.exe;
- Linux: dpkg-deb makes dist/keydesk_<version>_<arch>.deb installing to /opt/keydesk
  with a /usr/bin/keydesk link and desktop entries for the window and the demo;
- elsewhere: the dist/KeyDesk folder is the deliverable.
PyInstaller is installed into the project's .venv on demand (it is a build tool, not a
runtime dependency, so it is not in requirements.lock).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
PYINSTALLER = "pyinstaller==6.22.3"

sys.path.insert(0, str(ROOT / "installer"))
from bootstrap import ensure_env  # noqa: E402


def version(python: Path) -> str:
    out = subprocess.run(
        [str(python), "-c", "import app; print(app.__version__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return out.stdout.strip()


def bundle(python: Path) -> Path:
    subprocess.run([str(python), "-m", "pip", "install", "-q", PYINSTALLER], check=True)
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "installer" / "keydesk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return DIST / "KeyDesk"


def _iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    # Inno Setup 6's default places: the installer's (all users) and winget's (per user).
    for base in (
        os.environ.get("ProgramFiles(x86)"),
        os.environ.get("ProgramFiles"),
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"),
    ):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.exists():
            return str(candidate)
    return None


def windows_installer(ver: str) -> Path:
    iscc = _iscc()
    if not iscc:
        sys.exit(
            "Inno Setup 6 (ISCC.exe) was not found on PATH or in its default folder; "
            "the bundle is in dist/KeyDesk. Install Inno Setup 6.3+ and run again."
        )
    subprocess.run(
        [iscc, f"/DAppVersion={ver}", str(ROOT / "installer" / "keydesk.iss")], check=True
    )
    return DIST / f"KeyDesk-{ver}-setup.exe"


DESKTOP_ENTRIES = {
    "keydesk.desktop": ("KeyDesk", "Front-desk cards, keys, locks and access monitoring", "window"),
    "keydesk-demo.desktop": (
        "KeyDesk (demo)",
        "KeyDesk on its built-in simulators (training; nothing touches real locks or settings)",
        "demo",
    ),
}

# System libraries the bundle may not carry: PyInstaller leaves out glibc, OpenGL/EGL and
# libxcb on purpose, and bundles xcb-icccm/keysyms (needed by Qt's xcb plugin) only when the
# build machine has them. Found by running ldd over every shared object in dist/KeyDesk
# (installer/README.md). libfontconfig1 brings fontconfig's configuration and a font, which
# the bundled fontconfig library needs.
DEB_DEPENDS = ("libgl1", "libegl1", "libxcb1", "libxcb-icccm4", "libxcb-keysyms1", "libfontconfig1")
DEB_RECOMMENDS = ("gnome-keyring",)  # a Secret Service for the keyring (tokens, passwords)


def _glibc() -> str:
    """The build machine's glibc: the bundle's binaries need at least this one."""
    return (os.confstr("CS_GNU_LIBC_VERSION") or "glibc 2.17").rpartition(" ")[2]


def _desktop_entry(name: str, comment: str, command: str) -> str:
    return (
        f"[Desktop Entry]\nType=Application\nName={name}\nComment={comment}\n"
        f"Exec=/usr/bin/keydesk {command}\nTerminal=false\nCategories=Office;\n"
    )


def _size_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def debian_package(bundle_dir: Path, ver: str) -> Path:
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    # symlinks=True keeps PyInstaller's links between Qt libraries links (not copies)
    shutil.copytree(bundle_dir, stage / "opt" / "keydesk", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "keydesk").symlink_to("/opt/keydesk/keydesk")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    for filename, entry in DESKTOP_ENTRIES.items():
        (apps / filename).write_text(_desktop_entry(*entry))
    (stage / "DEBIAN").mkdir()
    depends = ", ".join([f"libc6 (>= {_glibc()})", *DEB_DEPENDS])
    (stage / "DEBIAN" / "control").write_text(
        f"Package: keydesk\nVersion: {ver}\nArchitecture: {arch}\n"
        "Maintainer: KeyDesk\n"
        f"Installed-Size: {_size_kib(stage)}\nSection: misc\nPriority: optional\n"
        f"Depends: {depends}\nRecommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Description: front-desk card encoder, lock cloud and access monitor\n"
        " KeyDesk issues and reads hotel RF cards, manages lock-cloud keys and shows\n"
        " live access events. Installed in /opt/keydesk; run `keydesk --help`.\n"
        " Uninstalling leaves each user's settings, events and keyring secrets.\n"
    )
    out = DIST / f"keydesk_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(out)], check=True)
    return out


def main() -> int:
    python = ensure_env()
    ver = version(python)
    bundle_dir = bundle(python)
    if os.name == "nt":
        result = windows_installer(ver)
    elif sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        result = debian_package(bundle_dir, ver)
    else:
        result = bundle_dir
    print(f"built: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
