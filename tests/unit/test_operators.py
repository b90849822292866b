"""Operators: the rights table, scrypt hashing, the sealed accounts file, sign-in
throttling, idle lock and the single-operator desk."""

from __future__ import annotations

import json

import pytest

from app import catalog
from app.domain.errors import KeyDeskError
from app.operators import passwords, rights
from app.operators.directory import OperatorDirectory
from app.operators.session import OperatorSession
from app.operators.throttle import FREE_TRIES, delay_after
from app.store.audit import AuditLog
from tests.operators_support import FAST, KEY, PASSWORDS, signed_in, staffed


def explained(exc: KeyDeskError, lang: str = "en") -> str:
    return catalog.explain_error(exc, lang=lang)["title"]


# -- rights ------------------------------------------------------------------------------
def test_a_clerk_is_refused_a_master_card_and_told_why(tmp_path):
    session = signed_in(staffed(tmp_path), "ana")
    with pytest.raises(KeyDeskError) as info:
        session.require_card("master", what="card.issue")
    assert (info.value.domain, info.value.code) == ("operator", "right.card.issue.master")
    assert explained(info.value) == "Issuing a master card needs a manager"
    assert explained(info.value, "pt-BR") == "Emitir cartão mestre exige um gerente"
    assert explained(info.value, "zh-CN") == "制作总卡需要经理"
    assert session.require_card("guest", what="card.issue").name == "ana"


def test_a_manager_may_issue_a_master_card(tmp_path):
    session = signed_in(staffed(tmp_path), "bruno")
    assert session.require_card("master", what="card.issue").role == "manager"


def test_the_rights_table_per_role():
    assert rights.allowed("clerk", "card.issue.guest")
    assert not rights.allowed("clerk", "card.issue.staff")
    assert not rights.allowed("clerk", "door.unlock")
    assert rights.allowed("manager", "key.cancel") and rights.allowed("manager", "export")
    assert not rights.allowed("manager", "settings.change")
    assert rights.allowed("technician", "reader.clock")
    assert rights.allowed("technician", "lock.commission")
    assert not rights.allowed("technician", "card.issue.guest")
    assert rights.rights_of("admin") == list(rights.RIGHTS)
    assert rights.card_right("mystery") == "card.issue.master"
    with pytest.raises(rights.UnknownRight):
        rights.allowed("admin", "no.such.right")


def test_every_right_and_operator_code_is_explained_in_three_languages():
    entries = {e.code: e for e in catalog.load_catalog().in_domain("operator")}
    for right in rights.RIGHTS:
        entry = entries[f"right.{right}"]
        for lang in ("en", "pt-BR", "zh-CN"):
            assert entry.text(lang).title and entry.text(lang).action
    codes = {"session.none", "session.locked", "signin.failed", "signin.throttled",
             "signin.required", "operators.damaged", "operators.tampered", "operators.no_key",
             "operators.exists", "operators.unknown", "operators.last_admin",
             "operators.first_admin", "operators.intact", "name.invalid", "role.invalid",
             "idle.invalid", "password.short", "password.short_pin", "password.long",
             "password.mismatch"}
    assert codes <= set(entries)


# -- passwords ---------------------------------------------------------------------------
def test_the_default_cost_is_owasp_scrypt_and_verifies():
    stored = passwords.hash_secret("correct horse")
    assert stored.startswith("scrypt$131072$8$1$")
    assert "correct horse" not in stored
    assert passwords.check_secret("correct horse", stored)
    assert not passwords.check_secret("correct hors", stored)
    assert not passwords.needs_rehash(stored)
    assert passwords.needs_rehash(passwords.hash_secret("x" * 8, FAST))


@pytest.mark.parametrize("stored", [
    "", "md5$abc", "scrypt$1$8$1$AA==$AA==", "scrypt$131072$8$1$!!$??",
    "scrypt$4294967296$8$1$AAAA$" + "A" * 44,  # a hostile cost: refused, not computed
    "scrypt$131073$8$1$AAAA$" + "A" * 44,
])
def test_malformed_or_hostile_hashes_never_match(stored):
    assert passwords.check_secret("anything", stored) is False


def test_weak_passwords_and_pins_are_refused():
    assert passwords.weakness("1234") == "password.short_pin"
    assert passwords.weakness("123456") is None
    assert passwords.weakness("short") == "password.short"
    assert passwords.weakness("long enough") is None
    assert passwords.weakness("x" * 300) == "password.long"


# -- the accounts file ---------------------------------------------------------------------
def test_no_accounts_is_a_single_operator_desk_with_every_right(tmp_path):
    audit = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
    directory = OperatorDirectory(tmp_path / "operators.json", key=KEY, cost=FAST)
    session = OperatorSession(directory, audit, desk_name="frontdesk-pc")
    who = session.current()
    assert who is not None and who.single and who.name == "frontdesk-pc"
    assert session.require("card.issue.master").name == "frontdesk-pc"
    assert session.actor() == ("frontdesk-pc", "single")
    assert not (tmp_path / "operators.json").exists()


def test_the_first_account_must_be_an_admin_and_names_are_unique(tmp_path):
    directory = OperatorDirectory(tmp_path / "operators.json", key=KEY, cost=FAST)
    with pytest.raises(KeyDeskError, match="first_admin"):
        directory.add("ana", "clerk", "ana-clerk-pw")
    directory.add("Dana", "admin", "dana-admin-pw")
    with pytest.raises(KeyDeskError, match=r"operators\.exists"):
        directory.add("  DANA ", "clerk", "other-pw-123")
    with pytest.raises(KeyDeskError, match=r"name\.invalid"):
        directory.add("bad\nname", "clerk", "other-pw-123")
    with pytest.raises(KeyDeskError, match=r"role\.invalid"):
        directory.add("eve", "root", "other-pw-123")
    directory.add("ana", "clerk", "ana-clerk-pw")
    with pytest.raises(KeyDeskError, match=r"operators\.last_admin"):
        directory.remove("dana")
    with pytest.raises(KeyDeskError, match=r"operators\.last_admin"):
        directory.set_role("dana", "clerk")
    directory.set_role("ana", "admin")
    directory.remove("dana")
    assert [(o.name, o.role) for o in directory.operators()] == [("ana", "admin")]


def test_the_file_keeps_hashes_only_and_a_hand_edit_is_refused(tmp_path):
    session = staffed(tmp_path)
    path = tmp_path / "operators.json"
    text = path.read_text(encoding="utf-8")
    assert not any(pw in text for pw in PASSWORDS.values())
    raw = json.loads(text)
    for op in raw["operators"]:
        if op["name"] == "ana":
            op["role"] = "admin"  # a clerk makes herself admin
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(KeyDeskError) as info:
        session.require("card.issue.guest")
    assert info.value.code == "operators.tampered"
    with pytest.raises(KeyDeskError, match=r"operators\.tampered"):
        session.sign_in("ana", PASSWORDS["ana"])
    assert not session.allows("card.read")  # never falls back to "no accounts"


def test_a_damaged_file_is_kept_with_a_copy_and_refuses_everything(tmp_path):
    session = staffed(tmp_path)
    path = tmp_path / "operators.json"
    path.write_bytes(path.read_bytes()[:50])
    before = path.read_bytes()
    with pytest.raises(KeyDeskError) as info:
        session.current()
    assert info.value.code == "operators.damaged"
    assert path.read_bytes() == before
    copies = list(tmp_path.glob("operators.json.damaged-*"))
    assert len(copies) == 1 and copies[0].read_bytes() == before
    assert not session.allows("card.read")
    with pytest.raises(KeyDeskError, match=r"operators\.damaged"):
        session.require("card.read")


def test_without_the_site_key_the_accounts_cannot_be_used(tmp_path):
    staffed(tmp_path)
    keyless = OperatorDirectory(tmp_path / "operators.json", key=None, cost=FAST)
    with pytest.raises(KeyDeskError, match=r"operators\.no_key"):
        keyless.accounts_required()


# -- sign-in, throttling, idle lock ----------------------------------------------------------
def test_five_failures_slow_down_further_tries_and_a_good_one_clears_them(tmp_path):
    now = [1_000_000.0]
    audit = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
    session = staffed(tmp_path, audit, clock=lambda: now[0])
    for _ in range(FREE_TRIES):
        with pytest.raises(KeyDeskError, match=r"signin\.failed"):
            session.sign_in("ana", "wrong-password")
    with pytest.raises(KeyDeskError) as info:
        session.sign_in("ana", PASSWORDS["ana"])  # even the right one must wait now
    assert info.value.code == "signin.throttled" and "31 s" in info.value.detail
    now[0] += delay_after(FREE_TRIES) + 0.1
    with pytest.raises(KeyDeskError, match=r"signin\.failed"):
        session.sign_in("ana", "wrong-again")
    with pytest.raises(KeyDeskError, match=r"signin\.throttled"):  # the wait doubled
        session.sign_in("ana", PASSWORDS["ana"])
    now[0] += delay_after(FREE_TRIES + 1) + 0.1
    assert session.sign_in("ANA", PASSWORDS["ana"]).name == "ana"
    assert session.directory.failures("ana").count == 0
    failed = audit.query(what="operator.sign_in", result="refused")
    assert len(failed) == 8 and {e.who for e in failed} == {"ana"}
    assert all(PASSWORDS["ana"] not in json.dumps(e.to_dict()) for e in audit.query())


def test_unknown_names_are_throttled_alike(tmp_path):
    now = [5_000.0]
    session = staffed(tmp_path, clock=lambda: now[0])
    for _ in range(FREE_TRIES):
        with pytest.raises(KeyDeskError, match=r"signin\.failed"):
            session.sign_in("mallory", "guess-guess")
    with pytest.raises(KeyDeskError, match=r"signin\.throttled"):
        session.sign_in("mallory", "guess-guess")


def test_sign_in_out_lock_after_idle_and_switch(tmp_path):
    ticks = [0.0]
    audit = AuditLog(tmp_path / "audit.sqlite3", key=KEY)
    session = staffed(tmp_path, audit, monotonic=lambda: ticks[0])
    with pytest.raises(KeyDeskError, match=r"session\.none"):
        session.require("card.read")
    signed_in(session, "ana")
    ticks[0] += 9 * 60
    assert not session.lock_if_idle()
    session.touch()
    ticks[0] += 10 * 60 + 1
    assert session.lock_if_idle()
    assert session.current() is None and session.signed_in_name() == "ana"
    with pytest.raises(KeyDeskError, match=r"session\.locked"):
        session.require("card.read")
    signed_in(session, "ana")  # unlocked by the same operator
    signed_in(session, "bruno")  # a switch
    session.sign_out()
    assert session.current() is None
    rows = [(e.what, e.who, e.result, e.detail.get("how")) for e in reversed(audit.query())]
    assert rows[-6:] == [
        ("operator.sign_in", "ana", "ok", "sign_in"),
        ("operator.lock", "ana", "ok", None),
        ("card.read", "ana", "refused operator session.locked", None),
        ("operator.sign_in", "ana", "ok", "unlock"),
        ("operator.sign_in", "bruno", "ok", "switch"),
        ("operator.sign_out", "bruno", "ok", None),
    ]
    assert audit.verify().ok


def test_the_idle_lock_minutes_are_an_admin_setting_of_the_file(tmp_path):
    ticks = [0.0]
    session = staffed(tmp_path, monotonic=lambda: ticks[0])
    session.directory.set_idle_minutes(0)
    signed_in(session, "ana")
    ticks[0] += 24 * 3600
    assert not session.lock_if_idle()
    with pytest.raises(KeyDeskError, match=r"idle\.invalid"):
        session.directory.set_idle_minutes(-1)


def test_a_removed_operator_loses_the_desk_at_once(tmp_path):
    session = signed_in(staffed(tmp_path), "ana")
    session.directory.remove("ana")
    assert session.current() is None
    assert not session.allows("card.read")
