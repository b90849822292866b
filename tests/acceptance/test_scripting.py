"""Scripts drive KeyDesk: commands run side by side, and pipes that close early."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.cloud.sim import community as demo
from tests.acceptance.conftest import KEYDESK, ROOT, KeyDesk, Result, base_env


@pytest.fixture(scope="module")
def cloud(sim_factory):
    return sim_factory("cloud")


def test_cloud_commands_run_side_by_side_on_a_fresh_profile(cloud, tmp_path):
    """Issue 5 (CLI for scripts) + issue 2 (orderly shutdown): two ``keydesk cloud`` commands
    started together (a script issuing keys for two rooms) must both work.

    It used to fail about one run in eight in ``AuditLog.__init__`` (switching a new file to
    WAL answers "database is locked" at once) and then hang, with the loop thread left
    running.
    """
    credentials = dict(
        KEYDESK_CLOUD_URL=cloud.url, KEYDESK_ACCOUNT_SID=demo.DEMO_ACCOUNT_SID,
        KEYDESK_AUTH_TOKEN=demo.DEMO_AUTH_TOKEN, KEYDESK_COMMUNITY_NO=demo.DEMO_COMMUNITY_NO,
        KEYDESK_ISSUE_MAC=demo.DEMO_ISSUE_MAC,
        KEYDESK_CREATOR_MOBILE=demo.DEMO_OPERATOR_MOBILE,
        KEYDESK_CREATOR_PASSWORD=demo.DEMO_OPERATOR_PASSWORD)

    def issue(args: tuple[KeyDesk, str]) -> Result | str:
        desk, room = args
        try:
            return desk("cloud", "issue-key", "--room", room, "--mobile", "13900001111",
                        "--hours", "2", "--json", timeout=20)
        except subprocess.TimeoutExpired:
            return f"issue-key --room {room}: still running after 20 s (hung)"

    problems = []
    for trial in range(12):
        desk = KeyDesk(base_env(tmp_path / f"fresh-{trial}", **credentials))
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(issue, [(desk, "001-01-0101"), (desk, "001-02-0201")]))
        problems += [str(r) for r in results
                     if isinstance(r, str) or r.rc != 0 or "Traceback" in r.err]
    assert not problems, "\n".join(problems)


def test_json_lines_into_a_pipe_closed_early_end_quietly(tmp_path):
    """Scripts do ``keydesk explain --all --json | head -1``. ``keydesk monitor`` already
    stops quietly when its reader leaves; the other commands must not print a traceback.

    """
    proc = subprocess.Popen([*KEYDESK, "explain", "--all", "--json"], cwd=ROOT,
                            env=base_env(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader of our output goes away, like `head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=30)
    assert first.startswith(b"{")
    assert "Traceback" not in err, err
