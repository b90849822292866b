"""What the frozen build must contain, worked out from the source tree (stdlib only).

KeyDesk loads its commands, simulators, demo starters, self-test checks, pages and panels
by *name* (``importlib.import_module`` on strings in a few registry lists), so PyInstaller's
import analysis cannot see them. ``installer/keydesk.spec`` takes its hidden imports and
data folders from here, and ``tests/unit/test_installer.py`` checks this file against the
code: every registry entry must name a real module that is in :func:`hidden_imports`, and
every place that imports by name must be listed in :data:`DYNAMIC_IMPORT_SITES`.

The registries are read with :mod:`ast` (not imported) so the spec and the unit test never
execute app code or pull in Qt.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "ui")


@dataclass(frozen=True)
class Registry:
    """A module-level list literal of module names, "module:attr" strings, or tuples whose
    last item is such a string."""

    path: str  # relative to ROOT, with forward slashes
    name: str


REGISTRIES: tuple[Registry, ...] = (
    Registry("app/cli/main.py", "COMMAND_MODULES"),
    Registry("app/cli/sim_cmd.py", "SIM_MODULES"),
    Registry("app/demo.py", "DEMO_STARTERS"),
    Registry("app/selftest/__init__.py", "CHECK_MODULES"),
    Registry("ui/selftest.py", "UI_CHECK_MODULES"),
    Registry("ui/pages/__init__.py", "PAGES"),
    Registry("ui/front_desk/__init__.py", "PANELS"),
)

# Every source file that imports a module by name, and the registry whose names it imports.
# A new ``importlib.import_module`` call needs its registry added here (the test insists).
DYNAMIC_IMPORT_SITES: dict[str, str] = {
    "app/cli/main.py": "COMMAND_MODULES",
    "app/cli/sim_cmd.py": "SIM_MODULES",
    "app/demo.py": "DEMO_STARTERS",
    "app/selftest/__init__.py": "CHECK_MODULES",
    "ui/selftest.py": "UI_CHECK_MODULES",
    "ui/main_window.py": "PAGES",
    "ui/pages/front_desk.py": "PANELS",
}

# Third-party packages that import their own submodules by name at run time.
# pyserial: serial_for_url("socket://...") imports serial.urlhandler.protocol_<scheme>
# (the encoder simulator and traces use URLs). keyring: backends chosen per OS at run time.
THIRD_PARTY_SUBMODULES: tuple[str, ...] = ("serial.urlhandler", "keyring.backends")

# Imported only indirectly: zoneinfo falls back to the tzdata package where the OS has no
# time-zone database (Windows); PyInstaller's tzdata hook then collects its data files.
THIRD_PARTY_MODULES: tuple[str, ...] = ("tzdata",)

# Shipped data: (source folder relative to ROOT, folder inside the bundle).
# app.paths.resources_dir() reads sys._MEIPASS/resources when frozen.
DATA_FOLDERS: tuple[tuple[str, str], ...] = (("resources", "resources"),)

_MODULE_REF = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*(:[A-Za-z_]\w*)?$")


def _literal(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return ast.literal_eval(node.value)  # type: ignore[arg-type]
    raise LookupError(f"no literal {name} = [...] at module level")


def registry_entries(registry: Registry, root: Path = ROOT) -> list[str]:
    """The registry's module names ("module:attr" reduced to "module"), in order."""
    tree = ast.parse((root / registry.path).read_text(encoding="utf-8"))
    value = _literal(tree, registry.name)
    if not isinstance(value, list | tuple):
        raise TypeError(f"{registry.path}:{registry.name} is not a list")
    modules = []
    for entry in value:
        ref = entry[-1] if isinstance(entry, tuple) else entry
        if not isinstance(ref, str) or not _MODULE_REF.match(ref):
            raise ValueError(f"{registry.path}:{registry.name}: {entry!r} names no module")
        modules.append(ref.partition(":")[0])
    return modules


def registry_modules(root: Path = ROOT) -> dict[str, list[str]]:
    return {r.name: registry_entries(r, root) for r in REGISTRIES}


def package_modules(root: Path = ROOT) -> list[str]:
    """Every module under app/ and ui/ (belt and braces: a module reached only through a
    name we don't know of still ships)."""
    found = []
    for pkg in PACKAGES:
        for path in sorted((root / pkg).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append(".".join(parts))
    return found


def hidden_imports(root: Path = ROOT) -> list[str]:
    """KeyDesk's own modules for PyInstaller's ``hiddenimports`` (registries first)."""
    named = [m for modules in registry_modules(root).values() for m in modules]
    return list(dict.fromkeys([*named, *package_modules(root), *THIRD_PARTY_MODULES]))


def datas(root: Path = ROOT) -> list[tuple[str, str]]:
    return [(str(root / src), dest) for src, dest in DATA_FOLDERS]
