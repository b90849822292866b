"""Stays for tests that drive the command line: always ahead of today, whatever the date
(a command refuses a stay that has already ended), never more than a year ahead."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def future_stay(days_ahead: int = 2, nights: int = 2) -> tuple[str, str]:
    """(--from, --to) as the command line takes them: check-in 14:00, check-out 12:00."""
    start = datetime.combine(date.today() + timedelta(days=days_ahead), time(14))
    end = datetime.combine(start.date() + timedelta(days=nights), time(12))
    return start.isoformat(timespec="minutes"), end.isoformat(timespec="minutes")


FROM, TO = future_stay()
LATER_FROM, _ = future_stay(days_ahead=4)  # after TO: a stay given backwards
