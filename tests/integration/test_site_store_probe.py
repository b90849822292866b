"""Testing a site-store address before it is saved (Settings → Store → Test and
``keydesk store test``), against the real PostgreSQL of tests/pg_server.py."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from app.cli.main import main
from app.domain.errors import KeyDeskError
from app.store.backend import open_site
from app.store.postgres import schema
from app.store.postgres.probe import check_site, describe
from tests.pg_server import PASSWORD, PgServer, _admin, database_url, free_port
from tests.unit.test_store_events import access

KEY = bytes(range(32))


def failure(url: str, password: str | None = None) -> KeyDeskError:
    with pytest.raises(KeyDeskError) as caught:
        check_site(url, password)
    assert caught.value.domain == "site_store"
    return caught.value


def test_an_empty_database_is_reached_and_may_take_the_tables(pg_url: str) -> None:
    user_only = pg_url.replace(f":{PASSWORD}@", "@")
    check = check_site(user_only, PASSWORD)  # the password apart, as from the keyring
    assert check.server.startswith("PostgreSQL ") and check.schema == 0
    assert PASSWORD not in check.where and urlsplit(check.where).port == urlsplit(pg_url).port
    assert "still empty" in describe(check, "en")
    assert "ainda está vazio" in describe(check, "pt-BR")
    with psycopg.connect(pg_url) as conn:  # a test writes nothing
        assert conn.execute("SELECT to_regclass('keydesk_schema')").fetchone() == (None,)


def test_a_store_in_use_says_what_it_keeps(pg_url: str, tmp_path: Path) -> None:
    site = open_site(pg_url, None, data_dir=tmp_path, key=KEY, desk="front")
    try:
        for i in range(3):
            site.events.add(access(i))
        assert site.events.flush(15)
        site.audit.record("card.issue", target="04A1", room=["214"], result="ok")
    finally:
        site.events.close(5)
        site.audit.close()
    check = check_site(pg_url, None)
    assert (check.schema, check.events, check.audit_rows) == (schema.SCHEMA_VERSION, 3, 1)
    assert "3 events and 1 audit rows" in describe(check, "en")


def test_a_wrong_password_is_refused_by_the_server(pg_url: str) -> None:
    err = failure(pg_url.replace(f":{PASSWORD}@", "@"), "not-the-password")
    assert err.code == "login_refused"
    assert "not-the-password" not in str(err)


def test_a_database_that_is_not_there_is_refused(pg_server: PgServer) -> None:
    assert failure(database_url(pg_server, "no_such_db")).code == "login_refused"


def test_a_closed_port_is_unreachable_and_a_bad_address_is_not_tried() -> None:
    port = free_port()
    err = failure(f"postgresql://keydesk@127.0.0.1:{port}/keydesk", "x")
    assert err.code == "unreachable" and f"127.0.0.1:{port}" in err.detail
    for url in ("postgresql://[::1", "postgresql://keydesk@127.0.0.1:99999/k",
                "postgresql://keydesk@127.0.0.1/k?bogus=1", "mysql://keydesk@127.0.0.1/k"):
        assert failure(url).code == "bad_url", url


def test_a_user_who_may_not_make_the_tables_is_told_before_the_first_start(
        pg_server: PgServer) -> None:
    role, name = f"clerk_{uuid.uuid4().hex[:8]}", f"t_{uuid.uuid4().hex[:12]}"
    with _admin(pg_server) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'clerk-pw'")
        conn.execute(f"CREATE DATABASE {name}")
        conn.execute(f"REVOKE CREATE, TEMP ON DATABASE {name} FROM PUBLIC")
    try:
        url = database_url(pg_server, name).replace(f"keydesk:{PASSWORD}@", f"{role}@")
        assert failure(url, "clerk-pw").code == "no_rights"
    finally:
        with _admin(pg_server) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.execute(f"DROP ROLE IF EXISTS {role}")


def test_a_store_of_a_newer_keydesk_is_named(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        schema.migrate(conn)
        conn.execute("UPDATE keydesk_schema SET version = %s", (schema.SCHEMA_VERSION + 1,))
    assert failure(pg_url).code == "schema_newer"


def test_the_command_says_it_as_json_and_in_the_language_asked(pg_url: str, capsys,
                                                               keydesk_home) -> None:
    assert main(["store", "test", "--url", pg_url, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["ok"] and said["schema"] == 0 and PASSWORD not in said["url"]
    assert main(["store", "test", "--url", f"postgresql://k@127.0.0.1:{free_port()}/k",
                 "--lang", "zh-cn"]) == 1
    assert "无法连接" in capsys.readouterr().err
    assert main(["store", "test", "--lang", "pt-br"]) == 0  # none set: its own files
    assert "Nenhum banco do hotel" in capsys.readouterr().out
