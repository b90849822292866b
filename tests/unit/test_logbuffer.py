"""The live log view's buffer: bounded whatever is logged, secrets masked, lines read
from any point on."""

from __future__ import annotations

import logging

from app import logbuffer, logsetup


def test_the_buffer_keeps_the_newest_lines_and_cuts_long_ones():
    buffer = logbuffer.LogBuffer(max_lines=100)
    log = logging.getLogger("test.logbuffer")
    log.addHandler(buffer)
    log.setLevel(logging.INFO)
    try:
        for i in range(250):
            log.info("line %d", i)
        log.info("x" * 50_000)
    finally:
        log.removeHandler(buffer)
    lines, after = buffer.since(0)
    assert after == 251 and len(lines) == 100
    assert lines[0].endswith("line 151") and lines[-2].endswith("line 249")
    assert len(lines[-1]) <= logbuffer.MAX_LINE + 2
    newer, again = buffer.since(after)
    assert newer == [] and again == after


def test_secrets_are_masked_in_the_buffer_too():
    buffer = logbuffer.LogBuffer()
    log = logging.getLogger("test.logbuffer.secret")
    log.addHandler(buffer)
    log.setLevel(logging.INFO)
    logsetup.register_secret("reader-password-4471")
    try:
        log.info("login with %s failed", "reader-password-4471")
    finally:
        log.removeHandler(buffer)
    assert "reader-password-4471" not in buffer.text() and "***" in buffer.text()


def test_install_adds_one_buffer_to_the_root_logger():
    first = logbuffer.install()
    try:
        assert logbuffer.install() is first
        assert sum(isinstance(h, logbuffer.LogBuffer) for h in logging.getLogger().handlers) == 1
    finally:
        logging.getLogger().removeHandler(first)
