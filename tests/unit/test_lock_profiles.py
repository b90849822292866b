"""Lock profiles load, validate and decode advertisements (the spec's real example)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.devices.locks import advert
from app.devices.locks.profiles import ProfileError, load_profiles, parse_profile, profiles_dir

TTLOCK_SERVICE = "00001910-0000-1000-8000-00805f9b34fb"


def _raw(name: str) -> dict:
    return json.loads((profiles_dir() / f"{name}.json").read_text(encoding="utf-8"))


def test_shipped_profiles_load_in_priority_order_with_verified_flags() -> None:
    profiles = load_profiles()
    assert [p.id for p in profiles] == ["ttlock-v3", "uclbrt-token", "gatt-generic"]
    verified = {p.id: p.verified for p in profiles}
    assert verified == {"ttlock-v3": True, "uclbrt-token": False, "gatt-generic": True}
    tt = profiles[0]
    assert tt.default_key == bytes.fromhex("987623e8a923a1bb3d9e7d0378124588")
    assert tt.vendor_string == "SCIENER" and tt.gatt.chunk_size == 20


def test_every_profile_error_names_a_lock_catalog_entry() -> None:
    from app import catalog

    for profile in load_profiles():
        for lock_code, entry in profile.errors.items():
            assert catalog.lookup(entry, "lock"), f"{profile.id} {lock_code} -> {entry}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["gatt"].__setitem__("write", "fff2"), "128-bit"),
        (lambda r: r["advertisement"].__setitem__("service_uuid", TTLOCK_SERVICE.upper()),
         "128-bit"),
        (lambda r: r.__setitem__("verifed", True), "unknown key"),
        (lambda r: r.pop("verified"), "missing verified"),
        (lambda r: r.__setitem__("verified", "yes"), "verified must be"),
        (lambda r: r.__setitem__("protocol", "ttlock-v9"), "protocol must be"),
        (lambda r: r["crypto"].__setitem__("default_key", "9876"), "16 bytes"),
        (lambda r: r["timings"].__setitem__("connect_attempts", 0), "connect_attempts"),
        (lambda r: r["advertisement"].__setitem__("name_pattern", "(["), "regular expression"),
        (lambda r: r.__setitem__("vendor_string", None), "vendor_string"),
    ],
)
def test_invalid_profiles_are_refused_naming_the_key(change, message: str) -> None:
    raw = copy.deepcopy(_raw("ttlock-v3"))
    change(raw)
    with pytest.raises(ProfileError, match=message):
        parse_profile(raw, "broken.json")


def test_a_new_oem_variant_is_a_new_file(tmp_path: Path) -> None:
    for name in ("ttlock-v3", "gatt-generic"):
        (tmp_path / f"{name}.json").write_text(json.dumps(_raw(name)), encoding="utf-8")
    variant = _raw("ttlock-v3")
    variant.update(id="acme-v3", vendor_string="ACMELOCK", priority=5)
    (tmp_path / "acme-v3.json").write_text(json.dumps(variant), encoding="utf-8")
    profiles = load_profiles(tmp_path)
    assert profiles[0].id == "acme-v3" and profiles[0].vendor_string == "ACMELOCK"


def test_duplicate_ids_and_bad_json_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(_raw("gatt-generic")), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(_raw("gatt-generic")), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"also used by a\.json"):
        load_profiles(tmp_path)
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"b\.json"):
        load_profiles(tmp_path)


def _ttlock_adv(flags: int = 0x04, battery: int = 87) -> dict[int, bytes]:
    mac_reversed = bytes.fromhex("FE711DE53838")  # 38:38:E5:1D:71:FE reversed
    # re-joined: 05 03 | scene 02 | flags | battery | (lock type, reserved) | MAC reversed
    return {0x0305: bytes([0x02, flags, battery, 0x05, 0x00]) + mac_reversed}


def test_real_world_ttlock_advertisement_k5_fe711d() -> None:
    profiles = load_profiles()
    s = advert.identify(profiles, "38:38:E5:1D:71:FE", "K5_fe711d", -61, [TTLOCK_SERVICE],
                        _ttlock_adv())
    assert s is not None
    assert (s.profile_id, s.mac, s.battery, s.model) == (
        "ttlock-v3", "38:38:E5:1D:71:FE", 87, "K5")
    assert s.setting_mode is True and s.new_records is False and s.unlocked is False
    assert advert.name_suffix_matches(profiles[0], "K5_fe711d", "38:38:E5:1D:71:FE")
    assert not advert.name_suffix_matches(profiles[0], "K5_fe711e", "38:38:E5:1D:71:FE")


def test_macos_uuid_address_still_gives_the_mac_from_the_advertisement() -> None:
    s = advert.identify(load_profiles(), "5A3C1E2F-0000-4000-8000-00805F9B34FB", "K5_fe711d",
                        -70, [TTLOCK_SERVICE], _ttlock_adv(flags=0x02))
    assert s is not None and s.mac == "38:38:E5:1D:71:FE"
    assert s.setting_mode is False and s.new_records is True


def test_short_or_foreign_advertisements_never_raise() -> None:
    profiles = load_profiles()
    assert advert.identify(profiles, "AA:BB:CC:DD:EE:FF", None, -50, [], {}) is None
    s = advert.identify(profiles, "AA:BB:CC:DD:EE:FF", "x", -50, [TTLOCK_SERVICE],
                        {0x0305: b"\x02"})
    assert s is not None and s.mac == "" and s.battery is None
    s = advert.identify(profiles, "AA:BB:CC:DD:EE:FF", "x", -50, [TTLOCK_SERVICE],
                        {0x0305: bytes([2, 0, 250, 0, 0, 1, 2, 3, 4, 5, 6])})
    assert s is not None and s.battery is None  # 250 % is not a battery level


def test_generic_gatt_lock_is_matched_by_its_battery_service() -> None:
    s = advert.identify(load_profiles(), "C4:A8:28:00:12:02", "Door", -55,
                        ["0000180f-0000-1000-8000-00805f9b34fb"], {})
    assert s is not None and s.profile_id == "gatt-generic" and s.mac == "C4:A8:28:00:12:02"


def test_mac_spellings() -> None:
    assert advert.format_mac("c4a828001101") == "C4:A8:28:00:11:01"
    assert advert.bare_mac("C4-A8-28-00-11-01") == "C4A828001101"
    with pytest.raises(ValueError):
        advert.format_mac("C4A8")


def test_service_actions_match_the_commissioning_flow() -> None:
    from app.devices.locks import commission, service

    assert set(service.ACTIONS) == set(commission.ACTIONS)


def test_building_the_desk_does_not_import_bleak() -> None:
    import subprocess
    import sys

    code = ("import sys, app.services; "
            "print(any(m == 'bleak' or m.startswith('bleak.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "False"  # every command pays no Bluetooth start-up cost
