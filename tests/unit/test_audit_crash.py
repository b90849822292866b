"""A process killed (SIGKILL) while it writes audit rows leaves a chain that verifies, with
every row it had reported written: the last row is complete or absent, never half."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from app.store.audit import AuditLog
from tests.operators_support import KEY_HEX

WRITER = r"""
import sys
from app.audit.site_key import parse_key
from app.store.audit import AuditLog

log = AuditLog(sys.argv[1], key=parse_key(sys.argv[2]))
n = 0
while True:
    n += 1
    row = log.record("card.issue", who="ana", role="clerk", target=f"UID{n}", room=["214"],
                     detail={"kind": "guest", "note": "x" * (n % 500)})
    print(row, flush=True)  # announced only once its transaction committed
"""


def test_a_killed_writer_leaves_a_verifiable_chain(tmp_path):
    path = tmp_path / "audit.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    announced: list[int] = []
    for _round in range(3):  # killed three times, each time at a different moment
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), KEY_HEX],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        start = len(announced)
        while len(announced) < start + 40 + 17 * _round and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            announced.append(int(line))
        proc.kill()  # SIGKILL: mid-write, no clean-up
        proc.wait(10)
        assert len(announced) > start, proc.stderr.read() if proc.stderr else ""
    log = AuditLog(path, key=bytes.fromhex(KEY_HEX))
    verdict = log.verify()
    assert verdict.ok, verdict
    ids = {e.id for e in log.query(limit=100_000)}
    assert set(announced) <= ids  # nothing reported written was lost
    assert ids == set(range(1, max(ids) + 1))  # and nothing half-written in between
    log.record("card.wipe", who="ana")  # the chain carries on after the crashes
    assert log.verify().ok
