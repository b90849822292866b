"""The Locks page in the demo: the plan from the demo cloud, "I am at this door", a door
commissioned with every step shown, a fault explained, the site report written."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def page(session, qtbot, tmp_path):
    page = session.window.show_page("locks")
    page.report_dir = lambda: tmp_path / "reports"  # type: ignore[method-assign]
    page.import_from_cloud()
    qtbot.waitUntil(lambda: len(page.plan_table.doors) == 7, timeout=10000)
    return page


def choose(page, room: str) -> None:
    page.plan_table.select_room(room)
    assert page._active_room == room


def test_the_page_commissions_a_door_in_the_demo(page, session, qtbot, tmp_path) -> None:
    assert "0 of 7 doors" in page.progress_label.text()
    choose(page, "001-01-0101")
    page.wake()  # "I am at this door"
    # A hang guard, not a speed goal: once in four full runs on a loaded 2-vCPU machine
    # the scan (room directory from the demo cloud, then 4 s of adverts) was still
    # running at 10 s; why is not known (see the stop note of 2026-12-03).
    qtbot.waitUntil(lambda: "C4:A8:28:00:11:01" in page.scan_list.sightings, timeout=30000)
    first = page.scan_list.item(0, 2).text()
    assert first == "C4:A8:28:00:11:01"  # the door I stand at is the strongest
    page.run_action("commission")
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=20000)
    result = page.last_result
    assert result.outcome == "done", result.to_dict()
    assert page.steps.status == dict.fromkeys(
        ("connect", "identify", "initialise", "room", "clock", "open", "log"), "done")
    assert page.progress.value() == 7
    assert "1 of 7 doors" in page.progress_label.text()
    assert page.plan_table.item(0, 2).text() == "done"
    page.grab().save(str(tmp_path / "locks-commissioned.png"))
    page.report()
    qtbot.waitUntil(lambda: page.last_report is not None, timeout=10000)
    html = Path(page.last_report["html"]).read_text(encoding="utf-8")
    assert "001-01-0101" in html and "C4:A8:28:00:11:01" in html
    assert page.open_report_button.isEnabled()


def test_a_failing_door_is_explained_and_marked(page, session, qtbot, tmp_path) -> None:
    session.demo.locks.site.inject("C4A828002101", "not_setting_mode")
    choose(page, "002-01-0101")
    page.wake()
    qtbot.waitUntil(lambda: "C4:A8:28:00:21:01" in page.scan_list.sightings, timeout=10000)
    page.run_action("commission")
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=20000)
    assert (page.last_result.outcome, page.last_result.reason) == ("failed", "ttlock-07")
    assert page.steps.status["initialise"] == "failed"
    assert "not in setting mode" in page.outcome.label.text()
    assert page.outcome.explain.isVisible()
    page.filter.setCurrentIndex(2)  # Failed
    assert [d.room for d in page.plan_table.doors] == ["002-01-0101"]
    page.grab().save(str(tmp_path / "locks-failed.png"))


def test_cancel_stops_the_door_and_says_what_the_lock_has(page, session, qtbot) -> None:
    from app.devices.locks.profiles import Timings

    page.service.config.timings = Timings(2.0, 30.0, 1, (), 60.0)
    session.demo.locks.site.inject("C4A828001102", "no_reply", 1, after=2)
    choose(page, "001-01-0102")
    page.wake()
    qtbot.waitUntil(lambda: "C4:A8:28:00:11:02" in page.scan_list.sightings, timeout=10000)
    page.run_action("commission")
    lock = session.demo.locks.site.get("C4A828001102")
    qtbot.waitUntil(lambda: "no_reply" not in lock.faults, timeout=10000)
    assert page.cancel_button.isEnabled()
    page.cancel()
    qtbot.waitUntil(lambda: "Cancelled" in page.outcome.label.text(), timeout=10000)
    assert "lock key kept in the keyring" in page.outcome.label.text()
    assert page.steps.status["initialise"] == "cancelled"
    assert page.commission_button.isEnabled() and not page.cancel_button.isEnabled()


def test_the_monitor_explains_a_lock_step_failure() -> None:
    from app.domain.stored import StoredEvent
    from ui.monitor.describe import describe

    event = StoredEvent(id=1, time="2026-05-01T08:00:00+00:00",
                        received="2026-05-01T08:00:00+00:00", source="lock:C4:A8:28:00:11:01",
                        kind="lock", code="step.initialise.failed", severity="error",
                        device="C4:A8:28:00:11:01", door=None, user="Tess", card=None,
                        granted=None, dedupe_key=None,
                        payload={"room": "001-01-0101", "step": "initialise",
                                 "reason": "ttlock-07", "status": "failed"}, raw="")
    row = describe(event)
    assert row.result.startswith("001-01-0101 initialise: The lock is not in setting mode")
    assert row.explain == ("lock", "ttlock-07")


def test_a_plan_from_a_csv_and_a_damaged_one(session, qtbot, tmp_path) -> None:
    page = session.window.show_page("locks")
    good = tmp_path / "site.csv"
    good.write_text("room,mac\n009-01-0101,C4A829000000\n", encoding="utf-8")
    page.choose_csv = lambda: good  # type: ignore[method-assign]
    page.import_csv()
    qtbot.waitUntil(lambda: any(d.room == "009-01-0101" for d in page.plan_table.doors),
                    timeout=10000)
    bad = tmp_path / "bad.csv"
    bad.write_text("room,mac\n009-01-0102,not-a-mac\n", encoding="utf-8")
    page.choose_csv = lambda: bad  # type: ignore[method-assign]
    page.import_csv()
    qtbot.waitUntil(lambda: "line 2" in page.outcome.label.text(), timeout=10000)
    assert page.outcome.explain.isVisible()
