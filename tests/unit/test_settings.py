from __future__ import annotations

import json
import logging

import keyring
import pytest
from keyring.backends import fail

from app import logsetup
from app.settings import (
    MemorySecretStore,
    ReaderConfig,
    SecretStore,
    SecretStoreUnavailable,
    Settings,
    SettingsStore,
)


def test_settings_roundtrip_with_readers(tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    s = Settings(language="zh-CN", readers=[ReaderConfig("Lobby", "http://127.0.0.1:80")])
    store.save(s)
    assert store.load() == s


def test_defaults_when_missing_or_corrupt(tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    assert store.load() == Settings()
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() == Settings()


def test_wrong_types_and_unknown_keys_fall_back(tmp_path):
    store = SettingsStore(tmp_path / "s.json")
    store.path.write_text(json.dumps({"version": 1, "language": 5, "encoder_trace": "yes",
                                      "event_retention_days": 30, "bogus": 1}))
    loaded = store.load()
    assert loaded.language == "system"
    assert loaded.encoder_trace is False
    assert loaded.event_retention_days == 30


def test_settings_default_location_follows_keydesk_home(keydesk_home):
    assert SettingsStore().path.is_relative_to(keydesk_home)


def test_no_keyring_backend_is_a_clear_error_never_plaintext(monkeypatch, keydesk_home):
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    store = SecretStore()
    assert not store.available()
    with pytest.raises(SecretStoreUnavailable, match="never stores secrets in plain files"):
        store.set("cloud.auth_token", "tok-123456")
    written = [p for p in keydesk_home.rglob("*") if p.is_file()]
    assert all("tok-123456" not in p.read_text(errors="ignore") for p in written)


def test_secrets_are_masked_in_logs(tmp_path, keydesk_home):
    path = logsetup.configure()
    secrets = MemorySecretStore()
    secrets.set("cloud.auth_token", "S3cr3t-Token-xyz")
    log = logging.getLogger("test")
    log.error("calling with token %s", "S3cr3t-Token-xyz")
    try:
        raise ValueError("bad token S3cr3t-Token-xyz")
    except ValueError:
        log.exception("failed")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "S3cr3t-Token-xyz" not in text
    assert text.count("***") >= 3
