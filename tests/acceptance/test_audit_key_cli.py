"""The site's audit chain key, carried from one desk to the next with the real ``keydesk``
(``keydesk audit key [--reveal]`` and ``keydesk audit key set``), each desk with its own
home and its own keyring (a file-backed test keyring: the OS keyring is never touched)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, Result, base_env, no_traceback

KEYRING = "tests.file_keyring.TestFileKeyring"


def desk_at(home: Path, **extra: str) -> KeyDesk:
    return KeyDesk(base_env(home, PYTHON_KEYRING_BACKEND=KEYRING, PYTHONPATH=str(ROOT),
                            **extra))


def typed(desk: KeyDesk, text: str, *argv: str) -> Result:
    """``keydesk ARGV`` with ``text`` on its standard input (a pipe: one line is read)."""
    proc = subprocess.run([*KEYDESK, *argv], cwd=ROOT, env=desk.env, input=text,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    return Result(list(argv), proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def first(tmp_path) -> KeyDesk:
    return desk_at(tmp_path / "front")


@pytest.fixture
def second(tmp_path) -> KeyDesk:
    return desk_at(tmp_path / "back")


def fingerprint(desk: KeyDesk) -> str:
    shown = desk("audit", "key", "--json")
    assert shown.rc == 0, str(shown)
    assert "key" not in shown.one()  # without --reveal only the fingerprint
    return str(shown.one()["fingerprint"])


def reveal(desk: KeyDesk) -> str:
    shown = desk("audit", "key", "--reveal", "--json")
    assert shown.rc == 0, str(shown)
    return str(shown.one()["key"])


def test_a_new_desk_takes_the_first_desks_key_and_both_trails_check_out(first, second,
                                                                          tmp_path):
    assert fingerprint(first) != fingerprint(second)  # each desk made its own at first use
    key = reveal(first)
    assert len(key) == 64 and int(key, 16) >= 0
    stored = typed(second, key + "\n", "audit", "key", "set", "--json")
    assert stored.rc == 0, str(stored)
    assert stored.one()["changed"] is True
    assert fingerprint(second) == fingerprint(first)
    for desk in (first, second):  # the new desk's trail starts sealed with the site's key
        verified = desk("audit", "verify", "--json")
        assert verified.rc == 0 and verified.one()["ok"] is True, str(verified)
    again = typed(second, key + "\n", "audit", "key", "set", "--json")
    assert again.rc == 0 and again.one()["changed"] is False, str(again)
    # The reveal and the change are in the trails, the key itself in no file but the
    # keyring's (here the test keyring's file; on a desk, the OS keyring).
    assert any(row["what"] == "audit.key.reveal"
               for row in first("audit", "list", "--json").lines())
    assert any(row["what"] == "settings.change" and row["target"] == "audit.chain_key"
               for row in second("audit", "list", "--json").lines())
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name != "test-keyring.json":
            assert key.encode() not in path.read_bytes(), path


def test_the_revealed_key_is_printed_and_explained_in_the_desks_language(first):
    text = first("--lang", "pt-BR", "audit", "key", "--reveal")
    assert text.rc == 0, str(text)
    heading, key = text.out.splitlines()
    assert "impressão digital" in heading and fingerprint(first) in heading
    assert key == reveal(first)
    assert "keydesk audit key set" in text.err and "secreta" in text.err


def test_a_desk_whose_own_rows_hold_its_key_changes_it_only_with_replace(first, second):
    key = reveal(first)
    assert second("audit", "verify").rc == 0  # a row sealed with the second desk's own key
    before = fingerprint(second)
    refused = typed(second, key + "\n", "audit", "key", "set", "--json")
    assert refused.rc == 1, str(refused)
    assert refused.one() == {"ok": False, "error": "other_key", "fingerprint": before,
                             "rows": 1}
    assert fingerprint(second) == before  # nothing changed
    said = typed(second, key + "\n", "audit", "key", "set")
    assert "--replace" in said.out and before in said.out, str(said)
    replaced = typed(second, key + "\n", "audit", "key", "set", "--replace", "--json")
    assert replaced.rc == 0 and replaced.one()["replaced"] == before, str(replaced)
    assert fingerprint(second) == fingerprint(first)
    # Its old rows stay, sealed with the key it had: explained, not called tampering.
    verified = second("audit", "verify")
    assert verified.rc == 1, str(verified)
    assert "another site key" in verified.err and before in verified.err, str(verified)
    assert "row None" not in verified.err


def test_what_is_not_a_key_is_refused_and_changes_nothing(second):
    before = fingerprint(second)
    for text in ("", "zz-not-hex\n", "abcd\n", "g" * 64 + "\n"):
        result = typed(second, text, "audit", "key", "set", "--json")
        no_traceback(result)
        assert result.rc == 2, str(result)
        assert "hex digits" in result.one()["detail"]
    assert fingerprint(second) == before


def test_only_an_admin_sees_the_key_itself(tmp_path):
    desk = desk_at(tmp_path / "desk")
    passwords = {"dana": "dana-admin-pass", "bruno": "bruno-manager-pass"}
    for name, role in (("dana", "admin"), ("bruno", "manager")):
        signed = ({"KEYDESK_OPERATOR": "dana", "KEYDESK_OPERATOR_PASSWORD": passwords["dana"]}
                  if name != "dana" else {})
        added = desk("operators", "add", name, "--role", role, "--json",
                     KEYDESK_NEW_PASSWORD=passwords[name], **signed)
        assert added.rc == 0, str(added)

    def as_(name: str) -> dict[str, str]:
        return {"KEYDESK_OPERATOR": name, "KEYDESK_OPERATOR_PASSWORD": passwords[name]}

    seen = desk("audit", "key", "--json", **as_("bruno"))
    assert seen.rc == 0 and "fingerprint" in seen.one(), str(seen)
    refused = desk("audit", "key", "--reveal", "--json", **as_("bruno"))
    assert refused.rc == 1 and refused.one()["ok"] is False, str(refused)
    key = desk("audit", "key", "--reveal", "--json", **as_("dana")).one()["key"]
    assert key not in refused.out + refused.err
    put = subprocess.run([*KEYDESK, "audit", "key", "set", "--json"], cwd=ROOT,
                         env={**desk.env, **as_("bruno")}, input="5a" * 32 + "\n",
                         capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert put.returncode == 1, put.stdout + put.stderr
    assert desk("audit", "key", "--json", **as_("dana")).one()["fingerprint"] == \
        seen.one()["fingerprint"]


def test_a_site_desk_whose_server_is_away_says_so_instead_of_failing(tmp_path):
    from tests.pg_server import free_port

    away = f"postgresql://keydesk@127.0.0.1:{free_port()}/keydesk"  # nothing listens there
    desk = desk_at(tmp_path / "front", KEYDESK_STORE_URL=away)
    checks = [desk("audit", "verify", "--json"),
              typed(desk, "5a" * 32 + "\n", "audit", "key", "set", "--json")]
    for result in checks:
        no_traceback(result)
        assert result.rc == 1, str(result)
        said = result.one()
        assert (said["domain"], said["code"]) == ("site_store", "unreachable"), str(result)
        assert "back-office PC" in said["action"]
