#!/usr/bin/env python3
"""Build KeyDesk's installable package — the one build entry point.

    python3 installer/build.py            # bundle for this OS, then its installer

Steps: PyInstaller bundles the app (installer/keydesk.spec) into dist/KeyDesk/; then
- Windows: Inno Setup (ISCC.exe on PATH) makes dist/KeyDesk-<version>-setup.exe;
- Linux: dpkg-deb makes dist/keydesk_<version>_<arch>.deb installing to /opt/keydesk
  with a /usr/bin/keydesk link and a desktop entry;
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
    out = subprocess.run([str(python), "-c", "import app; print(app.__version__)"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return out.stdout.strip()


def bundle(python: Path) -> Path:
    subprocess.run([str(python), "-m", "pip", "install", "-q", PYINSTALLER], check=True)
    subprocess.run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST),
         "--workpath", str(ROOT / "build"), str(ROOT / "installer" / "keydesk.spec")],
        check=True, cwd=ROOT,
    )
    return DIST / "KeyDesk"


def windows_installer(ver: str) -> Path:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if not iscc:
        sys.exit("Inno Setup's ISCC.exe is not on PATH; the bundle is in dist/KeyDesk.")
    env = dict(os.environ, KEYDESK_VERSION=ver)
    subprocess.run([iscc, str(ROOT / "installer" / "keydesk.iss")], check=True, env=env)
    return DIST / f"KeyDesk-{ver}-setup.exe"


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=KeyDesk
Comment=Front-desk cards, keys, locks and access monitoring
Exec=/usr/bin/keydesk window
Terminal=false
Categories=Office;
"""


def debian_package(bundle_dir: Path, ver: str) -> Path:
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle_dir, stage / "opt" / "keydesk")
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "keydesk").symlink_to("/opt/keydesk/keydesk")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "keydesk.desktop").write_text(DESKTOP_ENTRY)
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN" / "control").write_text(
        f"Package: keydesk\nVersion: {ver}\nArchitecture: {arch}\nMaintainer: KeyDesk\n"
        "Depends: libegl1, libxkbcommon0, libfontconfig1, libdbus-1-3\n"
        "Description: KeyDesk front-desk card encoder, lock cloud and access monitor\n"
    )
    out = DIST / f"keydesk_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(out)],
                   check=True)
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
