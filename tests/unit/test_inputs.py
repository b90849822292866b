"""app.inputs: the one place typed values are checked, for the CLI and the window."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import set_preferred_language
from app.inputs import InputError, NeedsConfirmation, StayFields, check_rooms, check_stay, values


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e308", "0", "-1", "", "x", "9" * 5000])
def test_seconds_refuse_what_is_not_a_sane_number(text):
    with pytest.raises(InputError) as info:
        values.seconds(text, 0.1, 600)
    assert "seconds from 0.1 to 600" in str(info.value)


def test_a_decimal_comma_is_a_decimal():
    assert values.seconds("1,5", 0.1, 600) == 1.5


@given(st.text(max_size=30))
def test_every_rule_answers_a_value_or_an_input_error(text):
    for rule in (lambda t: values.seconds(t, 0.1, 600), lambda t: values.whole(t, 0, 99),
                 values.moment, values.day, values.web_address, values.encoder_port,
                 values.code, values.language, values.mobile, values.listen_address):
        try:
            rule(text)
        except InputError as exc:
            assert str(exc)  # worded, in the preferred language
    try:
        value = values.hours(text)
    except InputError:
        return
    assert math.isfinite(value)


def test_dates_stay_in_the_years_every_lock_can_hold():
    assert values.moment("2026-12-01 14:00") == datetime(2026, 12, 1, 14)
    assert values.day("2026-12-01") == date(2026, 12, 1)
    for far in ("9999-12-31T23:00", "0001-01-01T00:00"):
        with pytest.raises(InputError, match="2000-01-01 to 2099-12-31"):
            values.moment(far)
    with pytest.raises(InputError, match="write it like 2026-11-21"):
        values.day("2026-13-01")


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999", "socket://127.0.0.1:0",
                                 "http://h:port"])
def test_a_port_that_does_not_exist_is_named(url):
    check = values.encoder_port if url.startswith("socket") else values.web_address
    with pytest.raises(InputError, match="is not a port; a port is a number from 1 to 65535"):
        check(url)


def test_language_in_any_case():
    assert [values.language(t) for t in ("pt-br", "PT_BR", "zh-cn", "EN")] == [
        "pt-BR", "pt-BR", "zh-CN", "en"]
    with pytest.raises(InputError, match="en, pt-BR, zh-CN"):
        values.language("fr")


def test_a_long_code_is_shortened_when_quoted_back():
    with pytest.raises(InputError) as info:
        values.code("9" * 5000)
    text = str(info.value)
    assert "5000 characters" in text and len(text) < 200


def test_output_file_is_checked_before_anything_is_called(tmp_path):
    assert values.output_file(tmp_path / "qr.png") == tmp_path / "qr.png"
    with pytest.raises(InputError, match="does not exist"):
        values.output_file("/nonexistent/x.png")
    with pytest.raises(InputError, match="it is a folder"):
        values.output_file(tmp_path)


def test_stay_rules_name_the_faces_fields():
    now = datetime(2026, 12, 1, 10)
    window = StayFields(start="Valid from", end="Valid to", confirm="you will be asked")
    with pytest.raises(InputError, match=r"Valid to .* must be after Valid from"):
        check_stay(datetime(2026, 12, 3), datetime(2026, 12, 2), now, window)
    with pytest.raises(InputError, match=r"already passed.*check --to"):
        check_stay(datetime(2026, 11, 1), datetime(2026, 11, 2), now)
    with pytest.raises(NeedsConfirmation, match="more than a year"):
        check_stay(datetime(2028, 1, 1), datetime(2028, 1, 2), now)
    check_stay(datetime(2028, 1, 1), datetime(2028, 1, 2), now, confirmed=True)
    check_stay(datetime(2026, 11, 30), datetime(2026, 12, 2), now)  # already begun: fine


def test_rooms():
    check_rooms(["101", "G-12"], 3, 8)
    for rooms, match in ((["room nine!"], "1 to 8"), (["a", "b", "c", "d"], "at most 3"),
                         ([], "at least one room"), (["café"], "1 to 8")):
        with pytest.raises(InputError, match=match):
            check_rooms(rooms, 3, 8)


def test_messages_in_every_language():
    err = InputError("datetime", value="'2026-13-01'", example="2026-11-21T14:00")
    assert "não é uma data e hora" in err.text("pt-BR")
    assert "不是日期时间" in err.text("zh-CN")
    try:
        set_preferred_language("pt-BR")
        assert "não é uma data" in str(err)
    finally:
        set_preferred_language("en")


def test_every_message_is_in_every_language_with_the_same_placeholders():
    import string

    from app.inputs.messages import TEXTS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for lang, table in TEXTS.items():
        assert set(table) == set(TEXTS["en"]), lang
        for key, text in table.items():
            assert fields(text) == fields(TEXTS["en"][key]), (lang, key)
