"""Is each part of the desk set up? Asked by the pages to show "not set up yet" (with the
way to the right Settings section) instead of failing with a vendor code.

Each answer is what is missing, or None when the part can work. A keyring that cannot
be read counts as missing: the page says so rather than pretending.
"""

from __future__ import annotations

from app.cloud.credentials import AUTH_TOKEN_SECRET
from app.settings import SecretStore, SecretStoreUnavailable, Settings
from app.setup.site_key import SITE_KEY_SECRET

ENCODER, SITE_KEY, CLOUD, READERS, TECHNICIAN = (
    "encoder", "site_key", "cloud", "readers", "technician")


def _has(secrets: SecretStore, name: str) -> bool:
    try:
        return bool(secrets.get(name))
    except SecretStoreUnavailable:
        return False


def encoder_missing(settings: Settings, secrets: SecretStore) -> str | None:
    """ENCODER (no port or USB identity chosen), SITE_KEY (cards could not be signed)."""
    if not (settings.encoder_url or settings.encoder_vid_pid):
        return ENCODER
    if not _has(secrets, SITE_KEY_SECRET):
        return SITE_KEY
    return None


def cloud_missing(settings: Settings, secrets: SecretStore) -> str | None:
    if not (settings.cloud_account_sid and settings.cloud_community_no
            and _has(secrets, AUTH_TOKEN_SECRET)):
        return CLOUD
    return None


def readers_missing(settings: Settings) -> str | None:
    return None if settings.readers else READERS


def locks_missing(settings: Settings, secrets: SecretStore) -> str | None:
    """The Locks page scans without anything set up; its plan from the cloud and the
    cloud-token locks need the cloud, and its reports name the technician."""
    return cloud_missing(settings, secrets) or (None if settings.lock_technician
                                                 else TECHNICIAN)
