"""Every code the lock-cloud code or its simulator can produce is explained by the catalog."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.catalog import explain_error
from app.cloud import config
from app.cloud.desk import AUTH_FAILURES
from app.cloud.envelope import error_for
from app.domain.errors import KeyDeskError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "app" / "cloud").rglob("*.py")), ROOT / "app/cli/cloud_cmd.py",
           *sorted((ROOT / "ui" / "front_desk").glob("cloud_*.py"))]
# simulator helpers whose last literal argument is the vendor code they fail with
CODE_ARGUMENT = {"need": 2, "card_time": 3}


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | str):
        return str(node.value)
    return None


def raised_codes() -> set[tuple[str, str]]:
    """(domain, code) of every ApiError / KeyDeskError / validator call with literal codes."""
    found: set[tuple[str, str]] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = node.args
            if name == "ApiError" and args and (code := _literal(args[0])):
                found.add((error_for(code, "").domain, code))
            elif name == "KeyDeskError" and len(args) >= 2:
                domain, code = _literal(args[0]), _literal(args[1])
                if domain and domain.startswith("cloud") and code:
                    found.add((domain, code))
            elif name in CODE_ARGUMENT and len(args) > CODE_ARGUMENT[name]:
                if code := _literal(args[CODE_ARGUMENT[name]]):
                    found.add((error_for(code, "").domain, code))
    for code in (*config.RETRYABLE_CODES, *AUTH_FAILURES, config.NETWORK_ERROR_CODE,
                 config.REQUEST_LIMIT_CODE, *map(str, config.HTTP_LIKE_STATUS)):
        found.add((error_for(code, "").domain, code))
    return found


CODES = sorted(raised_codes())


def test_the_scan_finds_the_codes_it_should():
    # guards against the scan silently finding nothing (then every test below would pass)
    assert len(CODES) > 50
    for expected in (("cloud_api", "4008"), ("cloud_http", "401"), ("cloud_api", "5310"),
                     ("cloud_api", "6107"), ("cloud_api", "5016")):
        assert expected in CODES


@pytest.mark.parametrize(("domain", "code"), CODES)
def test_each_code_has_a_catalog_explanation(domain, code):
    info = explain_error(KeyDeskError(domain, code, "detail"))
    assert info["known"], f"{domain} {code} is not in the catalog"
    assert info["title"] and info["explanation"] and info["action"]


@pytest.mark.parametrize("code", ["outcome-unknown", "answer-too-large", "answer-garbled"])
@pytest.mark.parametrize("lang", ["en", "pt-BR", "zh-CN"])
def test_the_desks_own_cloud_outcomes_are_explained(code, lang):
    """KeyDesk's own outcomes (domain cloud_desk), raised through constants the scan above
    cannot see."""
    info = explain_error(KeyDeskError("cloud_desk", code, "detail"), lang=lang)
    assert info["known"] and info["title"] and info["explanation"] and info["action"]
