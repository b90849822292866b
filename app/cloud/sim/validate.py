"""Field checks the simulated cloud applies, each failing with the vendor's code."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from app.cloud.config import RECORD_DATE_FORMAT
from app.cloud.signing import hash_password
from app.cloud.sim.state import ApiError, SimState
from app.cloud.timezones import from_card_time


def need(fields: dict[str, Any], name: str, code: int = 4001) -> str:
    value = str(fields.get(name, "")).strip()
    if not value:
        raise ApiError(code, f"{name} is required")
    return value


def mobile(fields: dict[str, Any], name: str = "mobile") -> str:
    value = need(fields, name, 5103)
    if not re.fullmatch(r"\d{5,15}", value):
        raise ApiError(5103, "mobile format is not correct")
    return value


def area_code(fields: dict[str, Any], name: str = "areaCode") -> str:
    value = str(fields.get(name) or "86")
    if not re.fullmatch(r"\d{1,4}", value):
        raise ApiError(5114, "areaCode error")
    return value


def community(state: SimState, fields: dict[str, Any]) -> None:
    value = need(fields, "communityNo", 5104)
    if not value.isdigit():
        raise ApiError(5104, "communityNo format is not correct")
    if value != state.community_no:
        raise ApiError(5201, "community not found")


def card_time(state: SimState, fields: dict[str, Any], name: str, code: int) -> datetime:
    try:
        return from_card_time(str(fields.get(name, "")), state.tz)
    except ValueError:
        raise ApiError(code, f"{name} format is not correct") from None


def stay(state: SimState, fields: dict[str, Any]) -> tuple[datetime, datetime]:
    start = card_time(state, fields, "startTime", 5101)
    end = card_time(state, fields, "endTime", 5102)
    if end <= start:
        raise ApiError(5100, "startTime or endTime is not correct")
    if end > state.service_end():
        raise ApiError(5107, "endTime is not allowed")
    return start, end


def card_type(fields: dict[str, Any], allowed: tuple[int, ...] = (0, 1, 2)) -> int:
    try:
        value = int(fields.get("cardType", 0))
    except (TypeError, ValueError):
        raise ApiError(5117, "cardType format is not correct") from None
    if value not in allowed:
        raise ApiError(5117, "cardType format is not correct")
    return value


def record_date(fields: dict[str, Any], name: str) -> date:
    try:
        return datetime.strptime(str(fields.get(name, "")), RECORD_DATE_FORMAT).date()
    except ValueError:
        raise ApiError(5100, f"{name} is not correct") from None


def mac(value: str) -> str:
    if not re.fullmatch(r"[0-9A-Fa-f]{12}", value):
        raise ApiError(5209, "mac format is not correct")
    return value.upper()


def operator(state: SimState, fields: dict[str, Any]) -> None:
    """The card-issuer chain: operator login, then the issuer itself."""
    area, mobile_no, password = state.operator
    given_mobile = str(fields.get("creatorMobile", ""))
    given_pw = str(fields.get("creatorPassword", ""))
    if given_mobile != mobile_no or given_pw != hash_password(password):
        raise ApiError(5303, "creatorMobile or creatorPassword error")
    if str(fields.get("creatorAreaCode") or area) != area:
        raise ApiError(5114, "areaCode error")
    if not state.operator_logged_in:
        raise ApiError(5304, "Please login to the application")


def issuer(state: SimState, fields: dict[str, Any], required: bool = True) -> None:
    issue_mac = str(fields.get("issueMac", ""))
    if required or issue_mac:
        if not state.issuers:
            raise ApiError(6114, "No MAC is available")
        if issue_mac.upper() not in state.issuers:
            raise ApiError(5310, "Device connection failed")
    if not state.issuer_online:
        raise ApiError(5310, "Device connection failed")
