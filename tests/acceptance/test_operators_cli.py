"""Issue 15 (operators, rights, a tamper-evident audit), end to end with the real
``keydesk`` command and the encoder simulator as separate processes.

Done when:
- a clerk is refused a master card (explained) and a manager is not;
- editing or deleting a row with the sqlite3 tool makes ``audit verify`` fail at that row;
- no password, PIN or key is in any file the run wrote.
Exit codes: usage 2, refusal or failure 1.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest

from tests.acceptance.conftest import KeyDesk, base_env, no_traceback
from tests.stays import FROM, TO, future_stay

AUDIT_KEY = "5a" * 32
PASSWORDS = {"dana": "dana-admin-pass", "ana": "284917", "bruno": "bruno-manager-pass"}
ROLES = {"dana": "admin", "ana": "clerk", "bruno": "manager"}
YEAR_LATER = future_stay(days_ahead=2, nights=360)[1]  # a staff year, not "a year ahead"
MASTER = ["--kind", "master", "--from", FROM, "--to", YEAR_LATER]


@pytest.fixture(scope="module")
def encoder(sim_factory):
    return sim_factory("encoder")


@pytest.fixture(scope="module")
def accounts(tmp_path_factory):
    """The accounts, made once with the real commands (each sign-in and hash costs a third
    of a second); every test starts from a copy of the sealed file."""
    home = tmp_path_factory.mktemp("accounts-home")
    kd = KeyDesk(base_env(home, KEYDESK_AUDIT_KEY=AUDIT_KEY))
    for name in ("dana", "ana", "bruno"):
        added = kd("operators", "add", name, "--role", ROLES[name], "--json",
                   KEYDESK_NEW_PASSWORD=PASSWORDS[name],
                   **({"KEYDESK_OPERATOR": "dana", "KEYDESK_OPERATOR_PASSWORD":
                       PASSWORDS["dana"]} if name != "dana" else {}))
        assert added.rc == 0, str(added)
    return (home / "data" / "operators.json").read_bytes()


@pytest.fixture
def desk(keydesk_home, accounts) -> KeyDesk:
    (keydesk_home / "data").mkdir(parents=True, exist_ok=True)
    (keydesk_home / "data" / "operators.json").write_bytes(accounts)
    return KeyDesk(base_env(keydesk_home, KEYDESK_AUDIT_KEY=AUDIT_KEY))


def as_(name: str) -> dict[str, str]:
    return {"KEYDESK_OPERATOR": name, "KEYDESK_OPERATOR_PASSWORD": PASSWORDS[name]}


def test_a_clerk_is_refused_a_master_card_and_a_manager_is_not(desk, encoder):
    refused = desk("card", "issue", "--port", encoder.url, *MASTER, **as_("ana"))
    assert refused.rc == 1, str(refused)
    assert "Issuing a master card needs a manager" in refused.err
    assert "Switch operator" in refused.err  # what to do next
    no_traceback(refused)
    issued = desk("card", "issue", "--port", encoder.url, *MASTER, "--json", **as_("bruno"))
    assert issued.rc == 0, str(issued)
    assert issued.one()["issuance"]["kind"] == "master"
    guest = desk("card", "issue", "--port", encoder.url, "--room", "214", "--from",
                 FROM, "--to", TO, "--json", **as_("ana"))
    assert guest.rc == 0, str(guest)

    rows = desk("audit", "list", "--action", "card.issue", "--json", **as_("bruno")).lines()
    assert [(r["who"], r["result"]) for r in reversed(rows)] == [
        ("ana", "refused operator right.card.issue.master"), ("bruno", "ok"), ("ana", "ok")]
    assert rows[0]["room"] == "214" and rows[0]["detail"]["kind"] == "guest"
    assert rows[0]["target"] == guest.one()["card"]["uid"]


def test_sign_in_is_needed_and_explained_and_usage_is_2(desk, encoder):
    none = desk("card", "read", "--port", encoder.url)
    assert none.rc == 1 and "KEYDESK_OPERATOR" in none.err, str(none)
    wrong = desk("card", "read", "--port", encoder.url, KEYDESK_OPERATOR="ana",
                 KEYDESK_OPERATOR_PASSWORD="000000")
    assert wrong.rc == 1 and "Wrong name or password" in wrong.err, str(wrong)
    assert desk("audit", "list", "--since", "yesterday", **as_("bruno")).rc == 2
    assert desk("operators", "add", "eve", "--role", "root", **as_("dana")).rc == 2
    clerk_manages = desk("operators", "list", **as_("ana"))
    assert clerk_manages.rc == 1 and "Managing operators needs an admin" in clerk_manages.err
    pin = desk("operators", "passwd", "ana", KEYDESK_NEW_PASSWORD="1234", **as_("dana"))
    assert pin.rc == 1 and "at least 6 digits" in pin.err


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command-line tool")
def test_audit_verify_names_the_row_edited_or_deleted_with_sqlite3(desk, keydesk_home):
    for _ in range(3):
        assert desk("audit", "list", **as_("bruno")).rc == 0
    ok = desk("audit", "verify", "--json", **as_("bruno"))
    assert ok.rc == 0 and ok.one()["ok"] is True, str(ok)
    path = keydesk_home / "data" / "audit.sqlite3"
    subprocess.run(["sqlite3", str(path), "UPDATE audit SET who = 'someone' WHERE id = 4"],
                   check=True, timeout=30)
    broken = desk("audit", "verify", "--json", **as_("bruno"))
    assert broken.rc == 1, str(broken)
    info = broken.one()
    assert (info["problem"], info["row"]) == ("row_changed", 4)
    assert info["title"] == "An audit row was changed after it was written"
    text = desk("audit", "verify", **as_("bruno"))
    assert text.rc == 1 and "row 4" in text.err and "changed" in text.err

    subprocess.run(["sqlite3", str(path), "DELETE FROM audit WHERE id = 2"], check=True,
                   timeout=30)
    info = desk("audit", "verify", "--json", **as_("bruno")).one()
    assert (info["problem"], info["row"]) == ("row_missing", 2)
    assert "row 2 missing" in info["detail"]


def test_exports_need_a_manager(desk, tmp_path):
    out = tmp_path / "audit.csv"
    refused = desk("audit", "export", str(out), **as_("ana"))
    assert refused.rc == 1 and "Exports need a manager" in refused.err and not out.exists()
    done = desk("audit", "export", str(out), "--operator", "ana", "--json", **as_("bruno"))
    assert done.rc == 0 and done.one()["rows"] == 2, str(done)  # her sign-in, her refusal
    text = out.read_text(encoding="utf-8-sig")
    assert "refused operator right.export" in text and "operator.sign_in" in text


def test_no_password_pin_or_key_in_any_file_written(desk, encoder, keydesk_home, tmp_path):
    desk("card", "issue", "--port", encoder.url, *MASTER, **as_("ana"))
    desk("audit", "export", str(tmp_path / "a.csv"), **as_("bruno"))
    desk("audit", "verify", **as_("bruno"))
    wrong = desk("card", "read", "--port", encoder.url, KEYDESK_OPERATOR="bruno",
                 KEYDESK_OPERATOR_PASSWORD=PASSWORDS["dana"])  # someone else's password
    assert wrong.rc == 1
    secrets = [*PASSWORDS.values(), AUDIT_KEY]
    written = [p for root in (keydesk_home, tmp_path) for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "operators.json" for p in written)
    assert any(p.name == "audit.sqlite3" for p in written)
    for path in written:
        data = path.read_bytes()
        for secret in secrets:
            for form in {secret.encode(), secret.encode("utf-16-le"), secret.upper().encode()}:
                assert form not in data, f"{secret!r} found in {path}"
    # The audit file, read as SQLite, holds nothing secret either (WAL content included).
    conn = sqlite3.connect(keydesk_home / "data" / "audit.sqlite3")
    dump = "\n".join(conn.iterdump())
    conn.close()
    assert not any(s in dump for s in secrets)
