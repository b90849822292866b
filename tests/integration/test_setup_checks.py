"""The checks the first-run assistant and Settings run on typed (unsaved) values, against
the real simulators on loopback: the encoder probe shows the firmware, the reader test
its type, serial and clock drift, the cloud test each signing scheme and the operator's
login; and Save: refused without the right (nothing changed), reverted when the file
cannot be written."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.access.sim import ReaderSimulator
from app.cloud.sim.demo import demo_credentials
from app.devices.encoder.sim.server import EncoderSimulator
from app.domain.errors import KeyDeskError
from app.operators import demo as operators_demo
from app.services import open_desk
from app.settings import MemorySecretStore, Settings
from app.setup.apply import apply_changes
from app.setup.cloud_check import check_cloud
from app.setup.encoder_probe import EncoderChoice, PortInfo, probe_encoder
from app.setup.reader_check import check_reader, refused_password
from app.setup.site_key import check_site_key, new_site_key


def test_the_encoder_probe_names_the_firmware_or_says_why_not():
    sim = EncoderSimulator(card=None).start()
    try:
        assert probe_encoder(sim.url).startswith("PN532")
    finally:
        sim.stop()
    with pytest.raises(KeyDeskError):
        probe_encoder(sim.url)  # nothing listens there any more


def test_an_encoder_is_remembered_by_usb_identity_when_it_has_one():
    usb = PortInfo("COM7", "1A86:7523", "A1B2", "USB-SERIAL CH340", "CH340")
    assert EncoderChoice.of_port(usb) == EncoderChoice("", "1A86:7523", "A1B2")
    anonymous = PortInfo("/dev/ttyUSB0", "1A86:7523", "", "USB2.0-Serial", "CH340")
    assert EncoderChoice.of_port(anonymous) == EncoderChoice("/dev/ttyUSB0")


def test_the_reader_test_shows_type_serial_and_drift(runtime):
    sim = ReaderSimulator("Lobby", password="right-pw", clock_offset=125.0,
                          serial="SIM-LOBBY-1").start()
    try:
        check = runtime.loop.run(check_reader(sim.url, "admin", "right-pw"), timeout=20)
        assert check.serial == "SIM-LOBBY-1" and check.device_type
        assert 120 <= check.drift_seconds <= 130
        with pytest.raises(KeyDeskError) as refused:
            runtime.loop.run(check_reader(sim.url, "admin", "wrong-pw"), timeout=20)
        assert refused_password(refused.value)
    finally:
        sim.stop()


def test_the_cloud_test_checks_every_scheme_and_the_operator_login(runtime, cloud_sim):
    creds = demo_credentials(cloud_sim.url)
    check = runtime.loop.run(check_cloud(creds), timeout=20)
    assert check.rooms > 0 and check.community_no == creds.community_no
    assert check.operator == "ok" and check.issuers
    unset = runtime.loop.run(check_cloud(replace(creds, creator_password="")), timeout=20)
    assert unset.operator == "not set"
    with pytest.raises(KeyDeskError) as wrong:
        runtime.loop.run(check_cloud(replace(creds, creator_password="not-the-operator-pw-71")),
                         timeout=20)
    assert wrong.value.code == "5303"
    with pytest.raises(KeyDeskError) as token:
        runtime.loop.run(check_cloud(replace(creds, auth_token="not-the-token-52")), timeout=20)
    assert token.value.code == "4008"


def test_a_generated_site_key_is_long_and_readable_and_short_ones_are_refused():
    keys = {new_site_key() for _ in range(50)}
    assert len(keys) == 50
    for key in keys:
        assert check_site_key(key) is None and len(key) >= 16
        assert not set(key) & set("01OIL")
    assert check_site_key("short") == "short"
    assert check_site_key(" padded-key-0123456789 ") == "spaces"


def test_save_needs_the_right_and_a_failed_write_changes_nothing(runtime, tmp_path):
    from app.operators.demo import DEMO_OPERATORS
    from app.operators.directory import MIN_FILE_COST, Operator

    secrets = MemorySecretStore()
    services = open_desk(runtime, Settings(), secrets, data_dir=tmp_path, audit_key=b"k" * 32)
    services.operators.directory.write_accounts(
        [Operator(n, r, h, "2026-01-01T00:00:00+00:00") for n, r, _p, h in DEMO_OPERATORS],
        cost=MIN_FILE_COST)
    operators_demo.sign_in(services.operators, "clerk")
    new = replace(services.settings, encoder_url="socket://127.0.0.1:9")
    with pytest.raises(KeyDeskError) as refused:
        apply_changes(services, new, {"cloud.auth_token": "t"}, save=lambda: None)
    assert refused.value.code == "right.settings.change"
    assert services.settings.encoder_url == "" and secrets.get("cloud.auth_token") is None

    operators_demo.sign_in(services.operators, "admin")

    def full_disk() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        apply_changes(services, new, {}, save=full_disk)
    assert services.settings.encoder_url == ""  # the running desk kept its settings
    rows = services.audit.query(what="settings.change", limit=5)
    assert rows and rows[0].result != "ok"
