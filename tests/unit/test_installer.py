"""The frozen build's manifest agrees with the code (no build needed; fast).

PyInstaller follows plain imports only. These tests make an import by name in KeyDesk's
own code, a third-party package the manifest names but that is missing, or a spec that
stops using the manifest fail here instead of in a front-desk PC's frozen build.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

import bundle_manifest as manifest  # noqa: E402


def _imports_by_name(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in {"import_module", "__import__"}:
                return True
    return False


def test_keydesk_never_imports_by_name() -> None:
    # The registries (commands, simulators, demo starters, checks, pages, panels) are lists
    # of imported objects; an import by name would silently be missing from the bundle.
    sites = [
        path.relative_to(ROOT).as_posix()
        for pkg in manifest.PACKAGES
        for path in (ROOT / pkg).rglob("*.py")
        if _imports_by_name(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert sites == [], f"imports by name, which a frozen build cannot follow: {sites}"


def test_the_by_name_detector_sees_both_spellings() -> None:
    assert _imports_by_name(ast.parse("import importlib\nimportlib.import_module('x')"))
    assert _imports_by_name(ast.parse("__import__('x')"))
    assert not _imports_by_name(ast.parse("from app import demo\ndemo.start(None)"))


def _spec_tree() -> ast.Module:
    return ast.parse((INSTALLER / "keydesk.spec").read_text(encoding="utf-8"))


def _call(tree: ast.AST, name: str) -> ast.Call:
    calls = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name
    ]
    assert len(calls) >= 1, f"the spec has no {name}(...)"
    return calls[0]


def test_spec_takes_hidden_imports_and_data_from_the_manifest() -> None:
    tree = _spec_tree()
    analysis = {k.arg: ast.unparse(k.value) for k in _call(tree, "Analysis").keywords}
    assert analysis["datas"] == "manifest.datas()"
    assert analysis["hiddenimports"] == "hidden"
    assigns = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, ast.Assign)]
    assert "hidden = manifest.hidden_imports()" in assigns
    assert "entry.py" in ast.unparse(_call(tree, "Analysis").args[0])


def test_resources_ship_where_the_frozen_app_looks(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import paths

    assert (str(ROOT / "resources"), "resources") in manifest.datas()
    for folder in ("catalog", "catalog/seeds", "layouts"):
        assert any((ROOT / "resources" / folder).iterdir()), f"resources/{folder} is empty"
    monkeypatch.setattr(sys, "_MEIPASS", "/frozen", raising=False)
    assert paths.resources_dir() == Path("/frozen") / "resources"


def test_the_frozen_build_carries_bleak_and_the_macos_bluetooth_key() -> None:
    assert "bleak.backends" in manifest.THIRD_PARTY_SUBMODULES
    assert manifest.MACOS_INFO_PLIST["NSBluetoothAlwaysUsageDescription"].strip()
    bundle = {k.arg: ast.unparse(k.value) for k in _call(_spec_tree(), "BUNDLE").keywords}
    assert bundle["info_plist"] == "manifest.MACOS_INFO_PLIST"
    lock = (INSTALLER / "requirements.lock").read_text(encoding="utf-8")
    for pin in ("bleak==3.1.0", "dbus-fast==", "winrt-runtime==",
                "pyobjc-framework-corebluetooth==", "cryptography=="):
        assert pin in lock, pin


def test_third_party_packages_named_for_the_build_exist() -> None:
    # collect_submodules() of a missing package silently returns nothing.
    for package in (*manifest.THIRD_PARTY_SUBMODULES, *manifest.THIRD_PARTY_MODULES):
        assert importlib.util.find_spec(package), package
    assert importlib.util.find_spec("serial.urlhandler.protocol_socket")


def _iss_lines(section: str) -> list[str]:
    text = (INSTALLER / "keydesk.iss").read_text(encoding="utf-8")
    body = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    return [ln for ln in body.splitlines() if ln.strip() and not ln.startswith(";")]


def _iss_field(line: str, field: str) -> str | None:
    match = re.search(rf'\b{field}: "((?:[^"]|"")*)"', line)
    return match.group(1).replace('""', '"') if match else None


def test_windows_shortcuts_run_real_executables_and_commands() -> None:
    from ui.entry import build_full_parser

    spec = (INSTALLER / "keydesk.spec").read_text(encoding="utf-8")
    exe_names = set(re.findall(r'name="([\w-]+)"', spec)) - {"KeyDesk"}
    assert exe_names == {"keydesk", "keydesk-window"}
    parser = build_full_parser()
    commands = []
    for line in _iss_lines("Icons") + _iss_lines("Run"):
        filename, params = _iss_field(line, "Filename"), _iss_field(line, "Parameters") or ""
        if filename == "{cmd}":  # cmd /k "{app}\keydesk.exe" self-test
            filename, _, params = params.removeprefix('/k "').partition('" ')
        if not filename or not filename.startswith("{app}\\"):
            continue
        assert filename.removeprefix("{app}\\").removesuffix(".exe") in exe_names, line
        commands.append(params.split())
    assert ["window"] in commands and ["demo"] in commands and ["self-test"] in commands
    for argv in commands:
        parser.parse_args(argv)  # exits (SystemExit) on an unknown command


def test_windows_installer_keeps_user_data_on_uninstall() -> None:
    text = (INSTALLER / "keydesk.iss").read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]", text, flags=re.MULTILINE)
    assert "Icons" in sections and "UninstallDelete" not in sections
    assert "usPostUninstall" in text and "Credential Manager" in text
