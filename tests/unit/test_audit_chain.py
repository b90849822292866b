"""The audit trail's HMAC chain: any edit, deletion or insertion made outside KeyDesk
(with Python's sqlite3 module or the sqlite3 command-line tool) makes ``verify`` fail at
the first broken link, naming the row."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import threading

import pytest

from app.audit import chain
from app.store.audit import AuditLog
from tests.operators_support import KEY


def trail(tmp_path, n: int = 6, key: bytes | None = KEY) -> AuditLog:
    log = AuditLog(tmp_path / "audit.sqlite3", key=key)
    for i in range(1, n + 1):
        log.record("card.issue", who="ana", role="clerk", target=f"UID{i}", room=[f"{100 + i}"],
                   detail={"kind": "guest", "n": i})
    return log


def sql(log: AuditLog, statement: str, *params) -> None:
    conn = sqlite3.connect(log.path)
    conn.execute(statement, params)
    conn.commit()
    conn.close()


def test_an_untouched_trail_verifies(tmp_path):
    log = trail(tmp_path)
    verdict = log.verify()
    assert verdict.ok and verdict.checked == 6
    assert [e.id for e in log.query()] == [6, 5, 4, 3, 2, 1]
    assert all(e.sealed for e in log.query())


@pytest.mark.parametrize("column, value", [
    ("who", "bruno"), ("role", "manager"), ("what", "card.read"), ("target", "UIDX"),
    ("room", "999"), ("result", "ok "), ("detail", '{"kind":"master","n":3}'),
    ("at", "2020-01-01T00:00:00.000000+00:00"),
])
def test_editing_any_column_fails_at_that_row(tmp_path, column, value):
    log = trail(tmp_path)
    sql(log, f"UPDATE audit SET {column} = ? WHERE id = 3", value)
    verdict = log.verify()
    assert (verdict.ok, verdict.problem, verdict.row, verdict.checked) == (
        False, chain.CHANGED, 3, 2)
    assert "row 3" in verdict.detail


def test_deleting_a_row_in_the_middle_names_it(tmp_path):
    log = trail(tmp_path)
    sql(log, "DELETE FROM audit WHERE id = 4")
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == (chain.MISSING, 4)
    assert verdict.detail == "row 4 missing: row 5 follows row 3"


def test_deleting_the_newest_rows_is_caught_by_the_head(tmp_path):
    log = trail(tmp_path)
    sql(log, "DELETE FROM audit WHERE id >= 5")
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == (chain.TAIL_MISSING, 5)
    # Writing on afterwards does not hide it: the next row links to what the head names.
    log.record("card.wipe", who="ana", target="UID9")
    assert log.verify().problem in (chain.MISSING, chain.TAIL_MISSING)
    assert log.verify().row == 5


def test_deleting_the_head_and_the_tail_together_is_caught(tmp_path):
    log = trail(tmp_path)
    sql(log, "DELETE FROM audit WHERE id = 6")
    sql(log, "DELETE FROM audit_head")
    assert log.verify().problem == chain.HEAD_CHANGED
    log.record("card.wipe", who="ana", target="UID9")  # does not heal the chain
    verdict = log.verify()
    assert not verdict.ok and verdict.row == 6


def test_moving_the_head_back_to_an_older_row_is_caught(tmp_path):
    log = trail(tmp_path)
    conn = sqlite3.connect(log.path)
    mac5 = conn.execute("SELECT mac FROM audit WHERE id = 5").fetchone()[0]
    conn.close()
    sql(log, "DELETE FROM audit WHERE id = 6")
    sql(log, "UPDATE audit_head SET id = 5, mac = ?", mac5)
    assert log.verify().problem == chain.HEAD_CHANGED


def test_a_row_inserted_by_hand_is_caught(tmp_path):
    log = trail(tmp_path)
    sql(log, "INSERT INTO audit(id, at, who, role, what, target, room, result, detail, mac) "
             "VALUES (7, '2030-01-01T00:00:00.000000+00:00', 'x', '', 'card.issue', '', '', "
             "'ok', '{}', 'ff')")
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == (chain.CHANGED, 7)


def test_rows_swapped_or_renumbered_are_caught(tmp_path):
    log = trail(tmp_path)
    sql(log, "UPDATE audit SET id = 100 WHERE id = 2")
    sql(log, "UPDATE audit SET id = 2 WHERE id = 3")
    sql(log, "UPDATE audit SET id = 3 WHERE id = 100")
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == (chain.CHANGED, 2)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command-line tool")
def test_the_sqlite3_command_line_tool_edit_is_caught(tmp_path):
    log = trail(tmp_path)
    subprocess.run(["sqlite3", str(log.path), "UPDATE audit SET who = 'nobody' WHERE id = 2"],
                   check=True, timeout=30)
    assert (log.verify().problem, log.verify().row) == (chain.CHANGED, 2)
    subprocess.run(["sqlite3", str(log.path), "DELETE FROM audit WHERE id = 1"], check=True,
                   timeout=30)
    verdict = log.verify()
    assert (verdict.problem, verdict.row) == (chain.MISSING, 1)


def test_a_desk_with_another_key_says_so_instead_of_blaming_rows(tmp_path):
    trail(tmp_path).close()
    other = AuditLog(tmp_path / "audit.sqlite3", key=b"\x01" * 32)
    assert other.verify().problem == chain.WRONG_KEY


def test_rows_written_without_a_key_are_reported_unsealed(tmp_path):
    trail(tmp_path, 2).close()
    trail(tmp_path, 2, key=None).close()  # two more, no keyring meanwhile
    verdict = AuditLog(tmp_path / "audit.sqlite3", key=KEY).verify()
    assert (verdict.problem, verdict.row, verdict.checked) == (chain.UNSEALED, 3, 2)


def test_a_trail_from_before_the_chain_is_sealed_once_on_upgrade(tmp_path):
    path = tmp_path / "audit.sqlite3"
    conn = sqlite3.connect(path)  # the schema the first KeyDesk wrote, no user_version
    conn.executescript("""
        CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,
          who TEXT NOT NULL, what TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',
          result TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
        INSERT INTO audit(at, who, what, target, result, detail) VALUES
          ('2026-01-01T10:00:00.000001+00:00', 'maria', 'cloud.issue_key', '001-01-0101',
           'ok', '{}'),
          ('2026-01-01T11:00:00.000001+00:00', 'maria', 'cloud.unlock', '001-01-0101',
           'ok', '{}');
    """)
    conn.commit()
    conn.close()
    log = AuditLog(path, key=KEY)
    log.record("card.issue", who="ana", target="UID1")
    assert log.verify().ok and log.verify().checked == 3
    assert [e.who for e in log.query()] == ["ana", "maria", "maria"]
    sql(log, "UPDATE audit SET who = 'joao' WHERE id = 1")
    assert (log.verify().problem, log.verify().row) == (chain.CHANGED, 1)


def test_two_desks_writing_at_once_keep_one_valid_chain(tmp_path):
    path = tmp_path / "audit.sqlite3"
    logs = [AuditLog(path, key=KEY) for _ in range(3)]

    def write(log: AuditLog, name: str) -> None:
        for i in range(40):
            log.record("cloud.rooms", who=name, target=str(i))

    threads = [threading.Thread(target=write, args=(log, f"desk{i}"))
               for i, log in enumerate(logs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    verdict = logs[0].verify()
    assert verdict.ok and verdict.checked == 120


def test_filters_operator_room_action_result_and_time(tmp_path):
    from datetime import UTC, datetime

    now = [datetime(2026, 11, 21, 10, tzinfo=UTC)]
    log = AuditLog(tmp_path / "audit.sqlite3", key=KEY, clock=lambda: now[0])
    log.record("card.issue", who="ana", target="A1", room=["214", "215"])
    now[0] = datetime(2026, 11, 21, 12, tzinfo=UTC)
    log.record("card.issue", who="bruno", target="B1", room="214", result="refused x")
    log.record("cloud.unlock", who="bruno", target="001-01-0101", room="001-01-0101")
    assert [e.target for e in log.query(room="215")] == ["A1"]
    assert [e.target for e in log.query(room="214")] == ["B1", "A1"]
    assert [e.target for e in log.query(who="bruno", what="card.")] == ["B1"]
    assert [e.target for e in log.query(result="refused")] == ["B1"]
    assert [e.target for e in log.query(since="2026-11-21T11:00:00+00:00")] == [
        "001-01-0101", "B1"]
    assert [e.target for e in log.query(until="2026-11-21T11:00:00+00:00")] == ["A1"]
    assert log.distinct("who") == ["ana", "bruno"]
    assert [e.target for e in log.query(what="card_")] == []  # "_" is not a wildcard


def test_export_writes_csv_with_the_seals_and_defuses_formulas(tmp_path):
    import csv

    log = trail(tmp_path, 3)
    log.record("card.issue", who="=HYPERLINK(\"x\")", target="U")
    out = tmp_path / "audit.csv"
    assert log.export_csv(out) == 4
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["id", "at", "who", "role", "what", "target", "room", "result", "detail",
                       "mac"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]
    assert rows[4][2].startswith("'=")
    assert all(len(r[9]) == 64 for r in rows[1:])
    assert log.export_csv(out, who="ana") == 3
