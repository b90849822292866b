"""Issue 10: a damaged settings file never costs data.

Each damaged file is kept byte for byte, copied aside, named field by field, held against
automatic saves, and never lets retention run on a fallback value.
"""

from __future__ import annotations

import json
import re
import string

import pytest

from app.settings import ReaderConfig, Settings, SettingsStore
from app.settings.messages import TEXTS, TYPE_WORDS

# (file content, the field the report must name or "" for the whole file, whether the
# retention value itself is a fallback)
DAMAGED = [
    ('{"event_retention_days": 30, "language": "pt-BR",}', "", True),  # trailing comma
    ('{"event_retention_days": "0"}', "event_retention_days", True),
    ('{"event_retention_days": true}', "event_retention_days", True),
    ('{"event_retention_days": 1.5}', "event_retention_days", True),
    ('{"event_retention_days": 100000000000}', "event_retention_days", True),
    ('{"ui_state": {"geometry": 5}}', "ui_state.geometry", False),
    ('{"version": "x"}', "version", False),
    ('{"version": null}', "version", False),
    ('{"version": 99, "language": "en"}', "version", False),
    ('["not", "an", "object"]', "", True),
    ("[" * 50_000, "", True),  # nested too deep for the parser
    ('{"encoder_trace": "yes"}', "encoder_trace", False),
    ('{"readers": "Lobby"}', "readers", False),
    ('{"event_retention_day": 30}', "event_retention_day", False),  # a typo
]


@pytest.fixture
def store(tmp_path):
    return SettingsStore(tmp_path / "settings.json")


@pytest.mark.parametrize(("content", "field", "retention_fell_back"), DAMAGED)
def test_damaged_file_is_kept_copied_named_and_held(store, content, field,
                                                     retention_fell_back):
    store.path.write_text(content, encoding="utf-8")
    report = store.load_report()  # never raises, whatever the file holds

    assert not report.ok and store.held
    assert [p.field for p in report.problems if p.field == field], report.problems
    text = "\n".join(report.lines("en"))
    if field:
        assert field in text
    # Kept as it is, and copied aside byte for byte.
    assert store.path.read_text(encoding="utf-8") == content
    assert report.backup is not None and report.backup.parent == store.path.parent
    assert re.fullmatch(r"settings\.damaged-\d{8}-\d{6}(-\d+)?\.json", report.backup.name)
    assert report.backup.read_bytes() == store.path.read_bytes()
    assert str(report.backup) in text
    # Nothing automatic writes over it; retention waits when its value is a fallback.
    assert store.save_automatic(report.settings) is False
    assert store.path.read_text(encoding="utf-8") == content
    assert store.retention_days(report.settings) is None
    assert report.fell_back("event_retention_days") == retention_fell_back


def test_a_wrong_field_falls_back_alone_and_the_rest_is_used(store):
    store.path.write_text(json.dumps({
        "language": "zh-CN", "event_retention_days": "30", "encoder_url": "COM7",
        "ui_state": {"geometry": 5, "page": "monitor"},
        "readers": [{"name": "Lobby", "url": "http://127.0.0.1:1"}, {"name": 5},
                    {"name": "Gym", "url": "http://127.0.0.1:2", "user": "op", "pin": 1}],
    }), encoding="utf-8")
    report = store.load_report()
    s = report.settings
    assert (s.language, s.encoder_url, s.event_retention_days) == ("zh-CN", "COM7", 365)
    assert s.ui_state == {"page": "monitor"}
    assert s.readers == [ReaderConfig("Lobby", "http://127.0.0.1:1"),
                         ReaderConfig("Gym", "http://127.0.0.1:2", "op")]
    named = {p.field: p.kind for p in report.problems}
    assert named == {"event_retention_days": "wrong_type", "ui_state.geometry": "wrong_type",
                     "readers[1].name": "reader_wrong", "readers[2].pin": "unknown_key"}
    assert store.retention_days(s) is None


def test_the_users_save_writes_and_releases_the_hold(store):
    store.path.write_text('{"event_retention_days": "0"}', encoding="utf-8")
    report = store.load_report()
    report.settings.event_retention_days = 90
    store.save(report.settings)
    assert not store.held
    assert json.loads(store.path.read_text(encoding="utf-8"))["event_retention_days"] == 90
    assert store.retention_days(report.settings) == 90
    assert report.backup is not None
    assert report.backup.read_text() == '{"event_retention_days": "0"}'
    assert store.save_automatic(report.settings) is True


def test_same_damage_twice_makes_one_copy_new_damage_another(store):
    store.path.write_text("{,}", encoding="utf-8")
    first = store.load_report().backup
    assert store.load_report().backup == first
    store.path.write_text("{,,}", encoding="utf-8")
    second = store.load_report().backup
    assert second != first and second is not None
    assert sorted(p.name for p in store.path.parent.glob("settings.damaged-*")) == sorted(
        [first.name, second.name])


def test_a_good_file_or_no_file_is_not_held_and_retention_runs(store):
    assert store.load_report().found is False
    assert not store.held and store.retention_days(Settings()) == 365
    store.save(Settings(event_retention_days=30))
    report = store.load_report()
    assert report.ok and not store.held and report.backup is None
    assert store.retention_days(report.settings) == 30
    assert not list(store.path.parent.glob("settings.damaged-*"))


def test_unreadable_file_is_named_not_raised(store):
    store.path.mkdir()  # a folder where the file should be
    report = store.load_report()
    assert report.whole_file and store.held and store.retention_days(report.settings) is None
    assert report.backup is None and report.backup_error
    assert "cannot be read" in "\n".join(report.lines("en"))


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    fields = string.Formatter()
    english = TEXTS["en"]
    for lang, table in TEXTS.items():
        assert set(table) == set(english), lang
        for key, text in table.items():
            names = {f for _, f, _, _ in fields.parse(text) if f}
            assert names == {f for _, f, _, _ in fields.parse(english[key]) if f}, (lang, key)
        assert set(TYPE_WORDS[lang]) == set(TYPE_WORDS["en"])


@pytest.mark.parametrize(("lang", "word"), [("en", "whole number"), ("pt-BR", "inteiro"),
                                            ("zh-CN", "整数")])
def test_the_report_speaks_the_users_language(store, lang, word):
    store.path.write_text('{"event_retention_days": "0"}', encoding="utf-8")
    text = "\n".join(store.load_report().lines(lang))
    assert "event_retention_days" in text and word in text


def test_self_test_fails_on_a_damaged_real_settings_file_and_names_the_field():
    from app.selftest.core_checks import _damaged_settings_kept, _users_settings_file

    assert "no settings file yet" in _users_settings_file(None)
    SettingsStore().path.write_text('{"ui_state": {"geometry": 5}}', encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"ui_state\.geometry"):
        _users_settings_file(None)
    assert "kept" in _damaged_settings_kept(None)
