"""The frozen build's manifest agrees with the code (no build needed; fast).

KeyDesk imports commands, simulators, demo starters, checks, pages and panels by name, so
PyInstaller cannot find them; installer/bundle_manifest.py reads those registries for the
spec. These tests make a new registry entry, a new by-name import site, or a spec that
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


def _module_file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def test_every_registry_entry_is_a_real_module_in_the_hidden_imports() -> None:
    hidden = set(manifest.hidden_imports())
    registries = manifest.registry_modules()
    assert set(registries) == {r.name for r in manifest.REGISTRIES}
    for name, modules in registries.items():
        assert modules, f"{name} parsed as empty"
        for module in modules:
            assert _module_file(module), f"{name} names {module}, which has no source file"
            assert module in hidden, f"{name} entry {module} is missing from the frozen build"


@pytest.mark.parametrize(
    ("module", "attr"),
    [
        ("app.cli.main", "COMMAND_MODULES"),
        ("app.cli.sim_cmd", "SIM_MODULES"),
        ("app.demo", "DEMO_STARTERS"),
        ("app.selftest", "CHECK_MODULES"),
        ("ui.pages", "PAGES"),
        ("ui.front_desk", "PANELS"),
    ],
)
def test_registry_reader_sees_what_the_code_imports(module: str, attr: str) -> None:
    # These modules import no Qt, so the live list can be compared with the parsed one.
    live = getattr(importlib.import_module(module), attr)
    refs = [e[-1] if isinstance(e, tuple) else e for e in live]
    registry = next(r for r in manifest.REGISTRIES if r.name == attr)
    assert manifest.registry_entries(registry) == [r.partition(":")[0] for r in refs]


def _imports_by_name(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in {"import_module", "__import__"}:
                return True
    return False


def test_every_import_by_name_reads_a_registry_the_build_knows() -> None:
    sites = {
        path.relative_to(ROOT).as_posix()
        for pkg in manifest.PACKAGES
        for path in (ROOT / pkg).rglob("*.py")
        if _imports_by_name(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert sites == set(manifest.DYNAMIC_IMPORT_SITES), (
        "a module imports by name: list it and its registry in installer/bundle_manifest.py"
    )
    known = {r.name for r in manifest.REGISTRIES}
    for site, registry in manifest.DYNAMIC_IMPORT_SITES.items():
        assert registry in known
        assert re.search(rf"\b{registry}\b", (ROOT / site).read_text(encoding="utf-8"))


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


def test_third_party_packages_named_for_the_build_exist() -> None:
    # collect_submodules() of a missing package silently returns nothing.
    for package in (*manifest.THIRD_PARTY_SUBMODULES, *manifest.THIRD_PARTY_MODULES):
        assert importlib.util.find_spec(package), package
    assert importlib.util.find_spec("serial.urlhandler.protocol_socket")


def test_registry_reader_rejects_what_it_cannot_resolve(tmp_path: Path) -> None:
    (tmp_path / "reg.py").write_text(
        'GOOD = [("a", "Title", "ui.x:Cls"), ("b", "T", "ui.y")]\n'
        'BAD: list[str] = ["not a module name"]\n'
        "NOT_LITERAL = [name for name in ()]\n"
    )
    read = manifest.registry_entries
    assert read(manifest.Registry("reg.py", "GOOD"), tmp_path) == ["ui.x", "ui.y"]
    with pytest.raises(ValueError, match="names no module"):
        read(manifest.Registry("reg.py", "BAD"), tmp_path)
    with pytest.raises(ValueError):
        read(manifest.Registry("reg.py", "NOT_LITERAL"), tmp_path)
    with pytest.raises(LookupError):
        read(manifest.Registry("reg.py", "MISSING"), tmp_path)


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
