"""``keydesk sim cloud --listen HOST:PORT``: the simulated lock cloud in the foreground."""

from __future__ import annotations

import argparse

from app.cloud.config import SIM_DEFAULT_HOST, SIM_DEFAULT_PORT
from app.cloud.sim import community as demo
from app.serving import announce, parse_listen, serve_forever


def register(sims: argparse._SubParsersAction) -> None:
    p = sims.add_parser(
        "cloud",
        help="the UCLBRT lock cloud (QR/Bluetooth keys, RF cards, door logs)",
        description="Serve the simulated lock cloud with its demo community. Use it with "
        "KEYDESK_CLOUD_URL=<url> keydesk cloud --demo-account ...",
    )
    p.add_argument("--listen", type=parse_listen, default=(SIM_DEFAULT_HOST, SIM_DEFAULT_PORT),
                   metavar="HOST:PORT", help=f"where to listen (default {SIM_DEFAULT_HOST}:"
                   f"{SIM_DEFAULT_PORT}; port 0 picks a free one)")
    p.add_argument("--json", action="store_true", help="print the address as one JSON line")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from app.cloud.sim import CloudSimulator

    sim = CloudSimulator()
    host, port = args.listen
    url = sim.start(host, port)
    try:
        announce({"sim": "cloud", "url": url, "account_sid": demo.DEMO_ACCOUNT_SID,
                  "community_no": demo.DEMO_COMMUNITY_NO, "demo_account": True}, args.json)
        serve_forever()
    finally:
        sim.stop()
    return 0
