"""Dates, times and numbers written the desk's way: by the default ``QLocale``, which
``ui.translations.install`` sets from the chosen language (dd/MM/yyyy in Brazil,
yyyy/M/d in China). Years are always written with four digits: a stay's year must not
be guessed. An English desk may be anywhere (and month/day order differs between English
countries), so English keeps the unambiguous 2026-12-01 14:05 on a 24-hour clock."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale


def _english() -> bool:
    return QLocale().language() in (QLocale.Language.English, QLocale.Language.C)


def date_format() -> str:
    """The locale's short date pattern with a four-digit year (for QDateTimeEdit)."""
    if _english():
        return "yyyy-MM-dd"
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"y+", "yyyy", pattern)


def time_format(seconds: bool = False) -> str:
    if _english():
        return "HH:mm:ss" if seconds else "HH:mm"
    pattern = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = re.sub(r"(m+)", r"\1:ss", pattern, count=1)
    return pattern


def datetime_format(seconds: bool = False) -> str:
    return f"{date_format()} {time_format(seconds)}"


def when(value: datetime, seconds: bool = False) -> str:
    """A moment as the desk reads it (an aware time is shown on this PC's clock)."""
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    # PySide6 makes a QDateTime of a datetime; its stubs lack that overload.
    qdt = QDateTime(value)  # type: ignore[call-overload]
    return QLocale().toString(qdt, datetime_format(seconds))


def number(value: int | float) -> str:
    """A count or amount with the locale's digit grouping (1.234 in Brazil)."""
    return QLocale().toString(value)
