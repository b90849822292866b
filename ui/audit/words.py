"""Readable, translated words for audit actions and results (the rows keep the codes).

Texts are marked with ``QT_TRANSLATE_NOOP`` (so ``lupdate`` collects them in the context
``AuditWords``) and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.catalog import explain_error
from app.domain.errors import KeyDeskError
from ui.qt_noop import QT_TRANSLATE_NOOP


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditWords", text)


ACTIONS: dict[str, str] = {
    "card.issue": QT_TRANSLATE_NOOP("AuditWords", "Card issued"),
    "card.duplicate": QT_TRANSLATE_NOOP("AuditWords", "Card copied"),
    "card.wipe": QT_TRANSLATE_NOOP("AuditWords", "Card wiped"),
    "card.read": QT_TRANSLATE_NOOP("AuditWords", "Card read"),
    "card.info": QT_TRANSLATE_NOOP("AuditWords", "Encoder and card looked at"),
    "card.uid": QT_TRANSLATE_NOOP("AuditWords", "Card number read"),
    "encoder.trace": QT_TRANSLATE_NOOP("AuditWords", "Serial trace"),
    "encoder.probe": QT_TRANSLATE_NOOP("AuditWords", "Ports probed"),
    "cloud.test_connection": QT_TRANSLATE_NOOP("AuditWords", "Cloud connection tested"),
    "cloud.rooms": QT_TRANSLATE_NOOP("AuditWords", "Room list read"),
    "cloud.issue_key": QT_TRANSLATE_NOOP("AuditWords", "Guest key made"),
    "cloud.issue_key.card": QT_TRANSLATE_NOOP("AuditWords", "Guest key number"),
    "cloud.get_key": QT_TRANSLATE_NOOP("AuditWords", "Guest key fetched"),
    "cloud.bluetooth_key": QT_TRANSLATE_NOOP("AuditWords", "Bluetooth key made"),
    "cloud.cancel_key": QT_TRANSLATE_NOOP("AuditWords", "Guest key cancelled"),
    "cloud.report_lost": QT_TRANSLATE_NOOP("AuditWords", "Key reported lost"),
    "cloud.rf_issue": QT_TRANSLATE_NOOP("AuditWords", "RF card issued"),
    "cloud.rf_read": QT_TRANSLATE_NOOP("AuditWords", "RF card read"),
    "cloud.rf_cancel": QT_TRANSLATE_NOOP("AuditWords", "RF card logged out"),
    "cloud.unlock": QT_TRANSLATE_NOOP("AuditWords", "Door opened remotely"),
    "cloud.door_log": QT_TRANSLATE_NOOP("AuditWords", "Door log read"),
    "reader.give_access": QT_TRANSLATE_NOOP("AuditWords", "Reader access given"),
    "reader.take_access": QT_TRANSLATE_NOOP("AuditWords", "Reader access taken away"),
    "reader.enrol": QT_TRANSLATE_NOOP("AuditWords", "Card enrolled on a reader"),
    "reader.remove": QT_TRANSLATE_NOOP("AuditWords", "Card removed from a reader"),
    "reader.set_clock": QT_TRANSLATE_NOOP("AuditWords", "Reader clock set"),
    "reader.open_door": QT_TRANSLATE_NOOP("AuditWords", "Reader door opened"),
    "operator.sign_in": QT_TRANSLATE_NOOP("AuditWords", "Signed in"),
    "operator.sign_out": QT_TRANSLATE_NOOP("AuditWords", "Signed out"),
    "operator.lock": QT_TRANSLATE_NOOP("AuditWords", "Desk locked"),
    "operator.add": QT_TRANSLATE_NOOP("AuditWords", "Operator added"),
    "operator.passwd": QT_TRANSLATE_NOOP("AuditWords", "Password changed"),
    "operator.role": QT_TRANSLATE_NOOP("AuditWords", "Role changed"),
    "operator.remove": QT_TRANSLATE_NOOP("AuditWords", "Operator removed"),
    "operator.idle": QT_TRANSLATE_NOOP("AuditWords", "Idle lock changed"),
    "operator.list": QT_TRANSLATE_NOOP("AuditWords", "Operators listed"),
    "operator.recover": QT_TRANSLATE_NOOP("AuditWords", "Operators file set aside"),
    "settings.change": QT_TRANSLATE_NOOP("AuditWords", "Settings changed"),
    "audit.view": QT_TRANSLATE_NOOP("AuditWords", "Audit trail viewed"),
    "audit.list": QT_TRANSLATE_NOOP("AuditWords", "Audit trail listed"),
    "audit.verify": QT_TRANSLATE_NOOP("AuditWords", "Audit trail checked"),
    "audit.export": QT_TRANSLATE_NOOP("AuditWords", "Audit trail exported"),
    "audit.key": QT_TRANSLATE_NOOP("AuditWords", "Audit chain key viewed"),
    "audit.key.reveal": QT_TRANSLATE_NOOP("AuditWords", "Audit chain key shown"),
    "events.export": QT_TRANSLATE_NOOP("AuditWords", "Events exported"),
    "alarm.acknowledge": QT_TRANSLATE_NOOP("AuditWords", "Alarm acknowledged"),
}

ACTION_FILTERS: list[tuple[str, str]] = [
    ("", QT_TRANSLATE_NOOP("AuditWords", "Every action")),
    ("card.", QT_TRANSLATE_NOOP("AuditWords", "Cards")),
    ("cloud.", QT_TRANSLATE_NOOP("AuditWords", "Lock cloud")),
    ("reader.", QT_TRANSLATE_NOOP("AuditWords", "Readers")),
    ("lock.", QT_TRANSLATE_NOOP("AuditWords", "Bluetooth locks")),
    ("operator.", QT_TRANSLATE_NOOP("AuditWords", "Operators")),
    ("settings.", QT_TRANSLATE_NOOP("AuditWords", "Settings")),
    ("audit.", QT_TRANSLATE_NOOP("AuditWords", "Audit trail")),
]
RESULT_FILTERS: list[tuple[str, str]] = [
    ("", QT_TRANSLATE_NOOP("AuditWords", "Any result")),
    ("ok", QT_TRANSLATE_NOOP("AuditWords", "Done")),
    ("refused", QT_TRANSLATE_NOOP("AuditWords", "Refused")),
    ("error", QT_TRANSLATE_NOOP("AuditWords", "Failed")),
    ("cancelled", QT_TRANSLATE_NOOP("AuditWords", "Cancelled")),
]
LOCK_STEP = QT_TRANSLATE_NOOP("AuditWords", "Lock: {step}")
BUG = QT_TRANSLATE_NOOP("AuditWords", "Failed: unexpected error ({name})")


def filter_label(text: str) -> str:
    return _t(text)


def action_name(what: str) -> str:
    """``card.issue`` → "Card issued" (in the window's language); unknown: the code."""
    if what in ACTIONS:
        return _t(ACTIONS[what])
    if what.startswith("lock."):
        return _t(LOCK_STEP).format(step=what.partition(".")[2])
    return what


def result_text(result: str) -> str:
    """"ok" → "Done"; "refused operator right.card.issue.master" → "Refused: " and the
    catalog's title ("Issuing a master card needs a manager"); an error → its title."""
    if result == "ok":
        return _t("Done")
    if result == "cancelled":
        return _t("Cancelled")
    verb, _, rest = result.partition(" ")
    domain, _, code = rest.partition(" ")
    if verb in ("refused", "error") and domain and code:
        title = explain_error(KeyDeskError(domain, code))["title"]
        return f"{_t('Refused' if verb == 'refused' else 'Failed')}: {title}"
    if verb == "bug":
        return _t(BUG).format(name=rest)
    return result


ROLES: dict[str, str] = {
    "clerk": QT_TRANSLATE_NOOP("AuditWords", "clerk"),
    "manager": QT_TRANSLATE_NOOP("AuditWords", "manager"),
    "technician": QT_TRANSLATE_NOOP("AuditWords", "technician"),
    "admin": QT_TRANSLATE_NOOP("AuditWords", "admin"),
    "locked": QT_TRANSLATE_NOOP("AuditWords", "desk locked"),
}


def role_name(role: str) -> str:
    """An operator's role in the window's language (the rows keep the code)."""
    return _t(ROLES[role]) if role in ROLES else role


# Settings fields and keyring entries by the name a settings change row records, as the
# Settings page calls them (the row keeps the settings.json key).
SETTING_NAMES: dict[str, str] = {
    "language": QT_TRANSLATE_NOOP("AuditWords", "Language"),
    "event_retention_days": QT_TRANSLATE_NOOP("AuditWords", "Keep events for"),
    "encoder_url": QT_TRANSLATE_NOOP("AuditWords", "Encoder port"),
    "encoder_vid_pid": QT_TRANSLATE_NOOP("AuditWords", "Encoder USB identity"),
    "encoder_serial": QT_TRANSLATE_NOOP("AuditWords", "Encoder serial number"),
    "encoder_trace": QT_TRANSLATE_NOOP("AuditWords", "Encoder hex trace"),
    "card_layout": QT_TRANSLATE_NOOP("AuditWords", "Card layout"),
    "cloud_base_url": QT_TRANSLATE_NOOP("AuditWords", "Lock cloud address"),
    "cloud_account_sid": QT_TRANSLATE_NOOP("AuditWords", "Lock cloud account"),
    "cloud_community_no": QT_TRANSLATE_NOOP("AuditWords", "Community number"),
    "cloud_issue_mac": QT_TRANSLATE_NOOP("AuditWords", "Card issuer MAC"),
    "cloud_creator_area_code": QT_TRANSLATE_NOOP("AuditWords", "Operator area code"),
    "cloud_creator_mobile": QT_TRANSLATE_NOOP("AuditWords", "Operator mobile"),
    "cloud_timezone": QT_TRANSLATE_NOOP("AuditWords", "Community time zone"),
    "readers": QT_TRANSLATE_NOOP("AuditWords", "Readers"),
    "lock_sim_address": QT_TRANSLATE_NOOP("AuditWords", "Bluetooth radio"),
    "lock_technician": QT_TRANSLATE_NOOP("AuditWords", "Technician"),
    "cloud.auth_token": QT_TRANSLATE_NOOP("AuditWords", "Auth Token"),
    "cloud.creator_password": QT_TRANSLATE_NOOP("AuditWords", "Operator password"),
}


def settings_named(target: str) -> str:
    """A settings change's target ("language, encoder_url") as the Settings page words it;
    a field this list does not know keeps its key."""
    return ", ".join(_t(SETTING_NAMES[k]) if k in SETTING_NAMES else k
                     for k in (part.strip() for part in target.split(",")) if k)
