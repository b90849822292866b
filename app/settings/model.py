"""The settings schema: plain dataclasses with defaults. Secrets are never fields here."""

from __future__ import annotations

from dataclasses import dataclass, field

SETTINGS_VERSION = 1
# Event retention the Settings page offers; a file outside it is a mistake, not a wish.
RETENTION_MIN_DAYS = 7
RETENTION_MAX_DAYS = 3650


@dataclass
class ReaderConfig:
    """An access-control reader. Its password lives in the keyring under ``reader:<name>``."""

    name: str
    url: str
    user: str = "admin"


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = "system"  # "system", "en", "pt-BR", "zh-CN"
    # Encoder: remembered by USB identity, not by COM number (Windows renumbers ports).
    encoder_url: str = ""  # an explicit pyserial URL/path wins when set
    encoder_vid_pid: str = ""  # "1A86:7523"
    encoder_serial: str = ""
    encoder_trace: bool = False
    card_layout: str = "keydesk-open-v1"
    # Lock cloud: the Auth Token and operator password are in the keyring.
    cloud_base_url: str = "https://api.uclbrt.com/"
    cloud_account_sid: str = ""
    cloud_community_no: str = ""
    cloud_issue_mac: str = ""
    cloud_creator_area_code: str = "86"
    cloud_creator_mobile: str = ""
    cloud_timezone: str = "Asia/Shanghai"
    readers: list[ReaderConfig] = field(default_factory=list)
    # Bluetooth locks: "" = this PC's radio; "HOST:PORT" = a keydesk sim lock site.
    lock_sim_address: str = ""
    lock_technician: str = ""  # written in the site report and the locks' logs
    event_retention_days: int = 365
    # Where events and the audit trail are kept: "" = the SQLite files in the data folder;
    # a database URL (postgresql://user@host/db) once that backend exists. Its password is
    # in the keyring (``store.password``), never in the URL.
    store_url: str = ""
    ui_state: dict[str, str] = field(default_factory=dict)  # window geometry etc.
