"""The import contracts in pyproject.toml (checked by lint-imports in the test command)
name every module they should: a new package or client module cannot slip past them."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACTS = {c["name"]: c for c in CONFIG["tool"]["importlinter"]["contracts"]}
CLIENTS = ("app/access", "app/cloud", "app/devices/encoder", "app/devices/locks")


def contract(start: str) -> dict:
    [found] = [c for name, c in CONTRACTS.items() if name.startswith(start)]
    return found


def top_level_app_modules() -> set[str]:
    names = set()
    for path in (ROOT / "app").iterdir():
        if path.name.startswith(("_", ".")):
            continue
        if path.suffix == ".py" or (path / "__init__.py").is_file():
            names.add(f"app.{path.stem}")
    return names


def test_app_domain_is_forbidden_every_other_part_of_the_app():
    forbidden = set(contract("app.domain imports nothing")["forbidden_modules"])
    assert forbidden == top_level_app_modules() - {"app.domain"}


def test_every_part_but_the_cli_is_kept_from_importing_it():
    sources = set(contract("no feature imports the CLI")["source_modules"])
    assert sources == top_level_app_modules() - {"app.cli"}


def test_every_client_module_is_kept_from_its_simulator():
    c = contract("simulators are never imported")
    sources, sims = set(c["source_modules"]), set(c["forbidden_modules"])
    for folder in CLIENTS:
        base = ROOT / folder
        if not base.is_dir():
            continue
        package = folder.replace("/", ".")
        if (base / "sim").is_dir():
            assert f"{package}.sim" in sims, f"{package}.sim is not a forbidden simulator"
        for path in base.rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("").parts
            if "sim" in rel or rel[-1] == "__init__":
                continue
            module = ".".join(rel)
            if path.parent == base:  # sub-packages (e.g. locks.ttlock) are covered whole
                assert module in sources, f"{module} is not kept from the simulators"
            else:
                sub = ".".join(path.parent.relative_to(ROOT).parts)
                assert sub in sources or module in sources, f"{sub} is not kept from them"
