"""Demo starter: the simulated cloud on a free loopback port, settings pointing at it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cloud.credentials import AUTH_TOKEN_SECRET, CREATOR_PASSWORD_SECRET
from app.cloud.sim import CloudSimulator
from app.cloud.sim import community as demo
from app.settings import Settings

if TYPE_CHECKING:
    from app.cloud.credentials import CloudCredentials
    from app.demo import DemoEnvironment


def start(env: DemoEnvironment) -> None:
    sim = CloudSimulator()
    url = sim.start("127.0.0.1", 0)
    env.runtime.add_cleanup(sim.stop)
    env.endpoints["cloud"] = url
    env.cloud = sim
    apply_demo_settings(env.settings, url)
    env.secrets.set(AUTH_TOKEN_SECRET, demo.DEMO_AUTH_TOKEN)
    env.secrets.set(CREATOR_PASSWORD_SECRET, demo.DEMO_OPERATOR_PASSWORD)


def apply_demo_settings(settings: Settings, url: str) -> None:
    settings.cloud_base_url = url
    settings.cloud_account_sid = demo.DEMO_ACCOUNT_SID
    settings.cloud_community_no = demo.DEMO_COMMUNITY_NO
    settings.cloud_issue_mac = demo.DEMO_ISSUE_MAC
    settings.cloud_creator_area_code = demo.DEMO_OPERATOR_AREA_CODE
    settings.cloud_creator_mobile = demo.DEMO_OPERATOR_MOBILE
    settings.cloud_timezone = demo.DEMO_TIMEZONE


def demo_credentials(url: str) -> CloudCredentials:
    """The simulator's demo account as CloudCredentials (``keydesk cloud --demo-account``)."""
    from app.cloud.credentials import CloudCredentials

    return CloudCredentials(
        base_url=url, account_sid=demo.DEMO_ACCOUNT_SID, auth_token=demo.DEMO_AUTH_TOKEN,
        community_no=demo.DEMO_COMMUNITY_NO, issue_mac=demo.DEMO_ISSUE_MAC,
        creator_area_code=demo.DEMO_OPERATOR_AREA_CODE, creator_mobile=demo.DEMO_OPERATOR_MOBILE,
        creator_password=demo.DEMO_OPERATOR_PASSWORD, timezone=demo.DEMO_TIMEZONE,
    )
