"""Every headless self-test check, in run order (a feature adds its module's ``CHECKS``)."""

from __future__ import annotations

from app.selftest import (
    Check,
    catalog_checks,
    cloud_checks,
    core_checks,
    encoder_checks,
    lock_checks,
    reader_checks,
)

CHECKS: list[Check] = [
    *core_checks.CHECKS,
    *catalog_checks.CHECKS,
    *cloud_checks.CHECKS,
    *reader_checks.CHECKS,
    *encoder_checks.CHECKS,
    *lock_checks.CHECKS,
]
