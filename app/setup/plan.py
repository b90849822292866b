"""What the first-run assistant gathered, step by step, before Finish.

Each step fills its part or leaves it None (skipped: the setting stays as it is, to be
done later in Settings). Secrets are held here only until Finish and never shown by
``repr``. :func:`finish` turns the plan into settings and keyring entries and hands them
to :func:`app.setup.apply.apply_changes`, the one place that saves and applies.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from app.cloud.credentials import AUTH_TOKEN_SECRET, CREATOR_PASSWORD_SECRET
from app.services import DeskServices
from app.settings import ReaderConfig, Settings
from app.setup.apply import Applied, apply_changes, reader_secrets
from app.setup.encoder_probe import EncoderChoice
from app.setup.site_key import SITE_KEY_SECRET

# The lock-cloud settings the assistant asks for (Settings attribute names).
CLOUD_FIELDS = ("cloud_base_url", "cloud_account_sid", "cloud_community_no",
                "cloud_issue_mac", "cloud_creator_area_code", "cloud_creator_mobile",
                "cloud_timezone")
CLOUD_SECRETS = (AUTH_TOKEN_SECRET, CREATOR_PASSWORD_SECRET)


@dataclass
class ReaderEntry:
    config: ReaderConfig
    password: str = field(default="", repr=False)  # "" keeps the keyring's entry


@dataclass
class SetupPlan:
    language: str | None = None
    encoder: EncoderChoice | None = None
    cloud: dict[str, str] | None = None  # CLOUD_FIELDS -> value
    cloud_secrets: dict[str, str] = field(default_factory=dict, repr=False)
    readers: list[ReaderEntry] | None = None  # the whole list, as the step left it
    site_key: str | None = field(default=None, repr=False)

    def settings_from(self, current: Settings) -> Settings:
        new = copy.deepcopy(current)
        if self.language is not None:
            new.language = self.language
        if self.encoder is not None:
            new.encoder_url = self.encoder.url
            new.encoder_vid_pid = self.encoder.vid_pid
            new.encoder_serial = self.encoder.serial
        if self.cloud is not None:
            for attr in CLOUD_FIELDS:
                if attr in self.cloud:
                    setattr(new, attr, self.cloud[attr].strip())
        if self.readers is not None:
            new.readers = [copy.deepcopy(r.config) for r in self.readers]
        return new

    def secrets_for(self, current: Settings) -> dict[str, str | None]:
        changes: dict[str, str | None] = {}
        if self.cloud is not None:
            changes.update({k: v for k, v in self.cloud_secrets.items()
                            if k in CLOUD_SECRETS and v})
        if self.readers is not None:
            changes.update(reader_secrets(current.readers, [r.config for r in self.readers],
                                          {r.config.name: r.password for r in self.readers}))
        if self.site_key:
            changes[SITE_KEY_SECRET] = self.site_key
        return changes

    def steps_done(self) -> list[str]:
        """The steps that will change something (for the summary)."""
        done = [name for name, part in (("language", self.language), ("encoder", self.encoder),
                                        ("cloud", self.cloud), ("readers", self.readers),
                                        ("site_key", self.site_key)) if part is not None]
        return done


def finish(plan: SetupPlan, services: DeskServices, save: Callable[[], None]) -> Applied:
    """Save and apply the plan (see :func:`apply_changes` for what may raise)."""
    current = services.settings
    return apply_changes(services, plan.settings_from(current), plan.secrets_for(current), save)
