"""Issue 13's "Done when", driven as a person or a script would: ``keydesk sim lock`` as its
own process, ``keydesk lock ...`` commands against it, the control channel for faults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.acceptance.conftest import KeyDesk, base_env, no_traceback

KEYRING = "tests.file_keyring.TestFileKeyring"


@pytest.fixture(scope="module")
def site(sim_factory):
    return sim_factory("lock", "--locks", "12")


@pytest.fixture(scope="module")
def cloud(sim_factory):
    return sim_factory("cloud")


@pytest.fixture
def lock(keydesk_home: Path, site, cloud) -> KeyDesk:
    env = base_env(keydesk_home, KEYDESK_LOCK_SIM=site.info["address"],
                   KEYDESK_CLOUD_URL=cloud.url, PYTHON_KEYRING_BACKEND=KEYRING,
                   PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return KeyDesk(env)


def control(lock: KeyDesk, site, *args: str):  # type: ignore[no-untyped-def]
    r = lock("sim", "lock-control", "--sim", site.info["address"], "--json", *args)
    assert r.rc == 0, str(r)
    return r.one()


def test_the_simulator_announces_its_site(site) -> None:
    info = site.info
    assert info["sim"] == "lock" and info["address"].startswith("127.0.0.1:")
    assert len(info["locks"]) == 12
    assert {d["profile"] for d in info["locks"]} == {"ttlock-v3", "uclbrt-token",
                                                     "gatt-generic"}


def test_scan_lists_awake_locks_with_family_battery_and_room(lock: KeyDesk, site) -> None:
    r = lock("lock", "scan", "--json", "--seconds", "1", "--demo-account")
    assert r.rc == 0, str(r)
    found = r.lines()
    assert len(found) == 12
    assert all(f["family"] and f["mac"] for f in found)
    by_mac = {f["mac"].replace(":", ""): f for f in found}
    first = by_mac["C4A828001101"]
    assert first["room"] == "001-01-0101" and first["profile"] == "ttlock-v3"
    assert first["battery"] is not None and first["setting_mode"] is True
    assert [f["rssi"] for f in found] == sorted((f["rssi"] for f in found), reverse=True)
    no_traceback(r)


def test_with_the_site_plan_every_lock_has_its_room(lock: KeyDesk, site, tmp_path) -> None:
    csv = tmp_path / "site.csv"
    r = lock("sim", "lock", "--listen", "127.0.0.1:0", "--help")  # the option is documented
    assert "--site-csv" in r.out
    csv.write_text("room,mac\n" + "".join(f"{d['room']},{d['mac']}\n"
                                          for d in site.info["locks"]), encoding="utf-8")
    assert lock("lock", "plan", "import", "--csv", str(csv)).rc == 0
    found = lock("lock", "scan", "--json", "--seconds", "1").lines()
    rooms = {f["mac"].replace(":", ""): f["room"] for f in found}
    assert rooms == {d["mac"]: d["room"] for d in site.info["locks"]}
    assert all(f["known"] for f in found)


def test_commission_prints_every_step_and_the_plan_moves(lock: KeyDesk, site, tmp_path) -> None:
    csv = tmp_path / "site.csv"
    csv.write_text("room,mac\n" + "".join(f"{d['room']},{d['mac']}\n"
                                          for d in site.info["locks"]), encoding="utf-8")
    imported = lock("lock", "plan", "import", "--csv", str(csv), "--json")
    assert imported.rc == 0 and imported.one()["total"] == 12, str(imported)
    r = lock("lock", "commission", "--room", "001-01-0101", "--json", "--demo-account")
    assert r.rc == 0, str(r)
    lines = r.lines()
    steps = [line["step"] for line in lines if "step" in line]
    assert steps == ["connect", "identify", "initialise", "room", "clock", "open", "log"]
    assert all(line["status"] == "done" for line in lines if "step" in line)
    assert lines[-1]["ok"] and lines[-1]["outcome"] == "done"
    # The cloud's Bluetooth key opens a UCLBRT-token door.
    token = lock("lock", "commission", "--room", "001-01-0103", "--json", "--demo-account")
    assert token.rc == 0, str(token)
    assert next(x for x in token.lines() if x.get("step") == "open")["status"] == "done"
    status = lock("lock", "plan", "status", "--json").lines()[0]
    assert (status["done"], status["total"], status["next"]) == (2, 12, "001-01-0102")


def test_commission_steps_are_read_in_the_technicians_language(lock: KeyDesk, site,
                                                               tmp_path) -> None:
    """Without --json the steps, their results and the door's outcome are worded in the
    language asked for, as the Locks page words them."""
    # A TTLock door that no other test of this module commissions (the simulated site
    # lives as long as the module).
    others = {"001-01-0101", "001-01-0102", "001-01-0103", "002-01-0101", "009-01-0101",
              "009-01-0103"}
    door = next(d for d in sorted(site.info["locks"], key=lambda d: d["room"])
                if d["profile"] == "ttlock-v3" and d["room"] not in others)
    csv = tmp_path / "one.csv"
    csv.write_text(f"room,mac\n{door['room']},{door['mac']}\n", encoding="utf-8")
    assert lock("lock", "plan", "import", "--csv", str(csv), "--json").rc == 0
    r = lock("--lang", "pt-BR", "lock", "commission", "--room", door["room"],
             "--demo-account")
    assert r.rc == 0, str(r)
    no_traceback(r)
    steps = [line.split() for line in r.out.splitlines() if line.startswith("  ")]
    assert [s[0] for s in steps][:3] == ["Conectar", "Identificar", "Inicializar"], r.out
    assert all("feito" in s for s in steps), r.out
    assert f"{door['room']}: concluída" in r.out.splitlines(), r.out
    clock = next(line for line in r.out.splitlines() if line.startswith("  Relógio"))
    assert "estava" in clock and "s fora, agora" in clock, r.out  # the step's note, worded
    assert " done" not in r.out and "Connect" not in r.out
    # The plan's status is the site report's summary line, in the same words.
    from app.devices.locks import texts

    s = lock("lock", "plan", "status", "--json").lines()[0]
    said = lock("--lang", "zh-CN", "lock", "plan", "status")
    assert said.rc == 0 and said.out.startswith(texts.text(
        "summary", "zh-CN", **{k: s[k] for k in ("finished", "total", "done", "failed",
                                                 "revisit", "todo")})), said.out


@pytest.mark.parametrize(("room", "fault", "reason"), [
    ("001-01-0102", "wrong_admin", None),  # a fresh lock has no admin to get wrong: done
    ("002-01-0101", "not_setting_mode", "ttlock-07"),
    ("009-01-0101", "out_of_battery", "ttlock-0A"),
    ("009-01-0103", "connect_timeout", "connect-timeout"),
])
def test_each_injected_fault_is_explained_and_marked_in_the_plan(lock: KeyDesk, site, room,
                                                                 fault, reason,
                                                                 tmp_path) -> None:
    csv = tmp_path / "site.csv"
    csv.write_text("room,mac\n" + "".join(f"{d['room']},{d['mac']}\n"
                                          for d in site.info["locks"]), encoding="utf-8")
    assert lock("lock", "plan", "import", "--csv", str(csv)).rc == 0
    control(lock, site, "fault", "--room", room, fault)
    try:
        r = lock("lock", "commission", "--room", room, "--json", "--timeout", "1")
    finally:
        control(lock, site, "clear", "--room", room)
    no_traceback(r)
    door = next(d for d in lock("lock", "plan", "status", "--all", "--json").lines()[1:]
                if d["room"] == room)
    if reason is None:
        assert r.rc == 0 and door["status"] == "done", str(r)
        return
    assert r.rc == 1, str(r)
    explained = r.lines()[-1]
    assert explained["code"] == reason and explained["title"] and explained["action"]
    assert (door["status"], door["reason"]) == ("failed", reason)


def test_report_is_written_as_html_and_csv(lock: KeyDesk, site, tmp_path) -> None:
    csv = tmp_path / "site.csv"
    csv.write_text("room,mac\n" + "".join(f"{d['room']},{d['mac']}\n"
                                          for d in site.info["locks"]), encoding="utf-8")
    assert lock("lock", "plan", "import", "--csv", str(csv)).rc == 0
    assert lock("lock", "commission", "--room", "001-02-0202", "--json").rc == 0
    r = lock("lock", "report", "--out", str(tmp_path / "out"), "--json", "--site", "Demo")
    assert r.rc == 0, str(r)
    info = r.one()
    assert Path(info["html"]).is_file() and Path(info["csv"]).is_file()
    assert "001-02-0202" in Path(info["csv"]).read_text(encoding="utf-8")


def test_radio_off_is_explained(lock: KeyDesk, site) -> None:
    control(lock, site, "radio", "off")
    try:
        r = lock("lock", "scan", "--json", "--seconds", "1")
    finally:
        control(lock, site, "radio", "on")
    assert r.rc == 1, str(r)
    assert r.one()["code"] == "radio-off"
    assert "Bluetooth" in json.dumps(r.one())
