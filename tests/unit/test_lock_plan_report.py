"""The site plan (import, status, next door, results survive reopening) and the report
(CSV + HTML, compared with an earlier visit)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.devices.locks.commission import DoorResult, StepResult
from app.devices.locks.plan import PlanDoor, PlanStore, parse_csv
from app.devices.locks.report import compare, read_previous, write_report
from app.domain.errors import KeyDeskError

CSV = "room,mac,name\n001-01-0101,C4A828001101,101\n001-01-0102,c4:a8:28:00:11:02,102\n" \
      "001-01-0103,C4-A8-28-00-11-03,103\n"


def result(room: str, mac: str, outcome: str, reason: str = "", battery: int = 80,
           firmware: str = "6.1.2") -> DoorResult:
    r = DoorResult(room=room, mac=mac, profile="ttlock-v3", family="TTLock V3",
                   technician="Tess", battery=battery, firmware=firmware, model="K5",
                   rssi=-60, drift_before=-97.0, drift_after=0.0)
    status = {"done": "done", "revisit": "warning", "failed": "failed"}[outcome]
    r.steps = [StepResult("connect", "done"), StepResult("identify", status, reason, "why")]
    r.outcome, r.reason = outcome, reason
    r.finished = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    return r


@pytest.fixture
def plan(tmp_path: Path):
    with PlanStore(tmp_path / "plan.sqlite") as p:
        p.import_doors(parse_csv(CSV))
        yield p


def test_csv_import_normalises_macs_and_keeps_order(plan: PlanStore) -> None:
    doors = plan.doors()
    assert [d.room for d in doors] == ["001-01-0101", "001-01-0102", "001-01-0103"]
    assert {d.mac for d in doors} == {"C4:A8:28:00:11:01", "C4:A8:28:00:11:02",
                                      "C4:A8:28:00:11:03"}
    assert plan.summary().to_dict() == {"total": 3, "done": 0, "failed": 0, "revisit": 0,
                                        "todo": 3, "finished": 0}
    assert plan.next_door().room == "001-01-0101"


@pytest.mark.parametrize(("text", "message"), [
    ("door,lock\n1,2\n", "room and mac"),
    ("room,mac\n001-01-0101,XYZ\n", "line 2"),
    ("room,mac\n001-01-0101,C4A828001101\n001-01-0101,C4A828001102\n", "listed twice"),
    ("room,mac\n,C4A828001101\n", "room is empty"),
])
def test_a_bad_plan_file_names_the_line(text: str, message: str) -> None:
    with pytest.raises(KeyDeskError) as info:
        parse_csv(text)
    assert info.value.code == "plan-file" and message in info.value.detail


def test_results_move_statuses_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "plan.sqlite"
    with PlanStore(path) as p:
        p.import_doors(parse_csv(CSV))
        p.record(result("001-01-0101", "C4:A8:28:00:11:01", "done"))
        p.record(result("001-01-0102", "C4:A8:28:00:11:02", "failed", "ttlock-03"))
    with PlanStore(path) as p:  # "the laptop was closed"
        assert (p.door("001-01-0101").status, p.door("001-01-0102").status) == ("done",
                                                                                "failed")
        assert p.door("001-01-0102").reason == "ttlock-03"
        assert p.next_door().room == "001-01-0103"
        assert p.summary().finished == 2
        p.import_doors(parse_csv(CSV))  # importing again keeps the statuses
        assert p.door("001-01-0101").status == "done"
        moved = [PlanDoor("001-01-0101", "C4:A8:28:00:99:99")]  # another lock on the door
        p.import_doors(moved)
        assert p.door("001-01-0101").status == "todo"


def test_a_cancelled_door_keeps_its_status(plan: PlanStore) -> None:
    r = result("001-01-0101", "C4:A8:28:00:11:01", "done")
    r.outcome = "cancelled"
    plan.record(r)
    door = plan.door("001-01-0101")
    assert (door.status, door.attempts) == ("todo", 1)


def test_report_writes_csv_and_html_and_compares_with_a_later_visit(plan: PlanStore,
                                                                    tmp_path: Path) -> None:
    plan.record(result("001-01-0101", "C4:A8:28:00:11:01", "done", battery=80))
    plan.record(result("001-01-0102", "C4:A8:28:00:11:02", "done", firmware="6.1.2"))
    first = write_report(plan, tmp_path / "visit1", site="Hotel", technician="Tess",
                         stem="r1")
    rows = list(csv.DictReader(Path(first["csv"]).open(encoding="utf-8")))
    assert [r["room"] for r in rows] == ["001-01-0101", "001-01-0102", "001-01-0103"]
    assert rows[0]["battery"] == "80" and rows[0]["drift_before"] == "-97"
    assert rows[0]["step_connect"] == "done" and rows[2]["status"] == "todo"
    page = Path(first["html"]).read_text(encoding="utf-8")
    assert "Site report — Hotel" in page and "001-01-0102" in page

    plan.record(result("001-01-0101", "C4:A8:28:00:11:01", "done", battery=55))
    plan.record(result("001-01-0102", "C4:A8:28:00:11:02", "failed", "no-reply",
                       firmware="6.2.0"))
    second = write_report(plan, tmp_path / "visit2", previous=Path(first["csv"]),
                          lang="pt-BR", stem="r2")
    kinds = {(c["room"], c["kind"]) for c in second["changes"]}
    assert kinds == {("001-01-0101", "battery"), ("001-01-0102", "firmware"),
                     ("001-01-0102", "failing")}
    page = Path(second["html"]).read_text(encoding="utf-8")
    assert "Relatório do local" in page and "a bateria caiu de 80 % para 55 %" in page
    assert "A fechadura não respondeu" in page  # the reason explained by the catalog


def test_compare_sees_a_fixed_door_and_a_swapped_lock() -> None:
    old = {"a": {"room": "a", "mac": "M1", "battery": "50", "firmware": "1", "status": "failed",
                 "reason": "no-reply"},
           "b": {"room": "b", "mac": "M2", "battery": "50", "firmware": "1", "status": "done",
                 "reason": ""}}
    new = [{"room": "a", "mac": "M1", "battery": "50", "firmware": "1", "status": "done",
            "reason": ""},
           {"room": "b", "mac": "M3", "battery": "90", "firmware": "2", "status": "done",
            "reason": ""}]
    assert [(c.room, c.kind) for c in compare(old, new)] == [("a", "fixed"), ("b", "mac")]


def test_a_damaged_previous_report_is_an_explained_error(tmp_path: Path) -> None:
    bad = tmp_path / "old.csv"
    bad.write_text("nothing,here\n1,2\n", encoding="utf-8")
    with pytest.raises(KeyDeskError) as info:
        read_previous(bad)
    assert info.value.code == "plan-file"
