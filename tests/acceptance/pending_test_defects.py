"""Acceptance tests that FAIL today because of product defects (kept out of CI by the file
name: pytest collects only test_*.py). Run them with

    .venv/bin/pytest -q tests/acceptance/pending_test_defects.py

and move each one into its feature's test_*.py once the product is fixed. Each test says
which issue asks for the behaviour.
"""

from __future__ import annotations

from tests.acceptance.conftest import no_traceback


def test_malformed_stay_is_reported_even_without_an_encoder(keydesk):
    """Issue 4 CLI ("non-zero exit on failure with the code and explanation"): a typo in
    the stay must be reported as the typo, whatever the encoder's state.

    Today ``keydesk card issue --port socket://127.0.0.1:1 --room 1 --from junk --to
    2026-11-23T12:00 --json`` opens the port first and answers 5310 "Card encoder could not
    be reached" (check the USB cable...), so the clerk fixes the wrong thing; with an
    encoder attached the same command says "--from 'junk' is not a date and time" (exit 2).
    The form is checked only after the encoder has been opened and spoken to (6 commands
    reach the simulator before the refusal).
    """
    for port in ("socket://127.0.0.1:1", "/dev/ttyKEYDESK-NOT-THERE"):
        result = keydesk("card", "issue", "--port", port, "--room", "101", "--from", "junk",
                         "--to", "2026-11-23T12:00", "--json")
        no_traceback(result)
        assert result.rc != 0
        info = result.one()
        assert info["ok"] is False and "--from" in info["detail"], info
        assert info.get("code") != "5310", info
