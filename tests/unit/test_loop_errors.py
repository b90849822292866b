"""The loop thread logs errors nobody awaited, with their traceback."""

from __future__ import annotations

import asyncio
import gc
import logging
import threading

from app.runtime import Runtime


def test_an_unawaited_task_error_is_logged_with_its_traceback(caplog):
    runtime = Runtime().start()
    logged = threading.Event()

    class Signal(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info:
                logged.set()

    handler = Signal()
    logging.getLogger("app.runtime.loop_thread").addHandler(handler)
    try:
        async def fails() -> None:
            raise ValueError("nobody awaits me")

        async def fire_and_forget() -> None:
            asyncio.get_running_loop().create_task(fails())  # the reference is dropped
            await asyncio.sleep(0)  # let it run and fail
            await asyncio.sleep(0)
            gc.collect()  # a failed task reports when it is collected unretrieved

        with caplog.at_level(logging.ERROR, logger="app.runtime.loop_thread"):
            runtime.loop.run(fire_and_forget(), timeout=5)
            assert logged.wait(5), "the unhandled task error was not logged"
        [record] = [r for r in caplog.records if r.exc_info]
        assert "never retrieved" in record.getMessage()
        assert record.exc_info[0] is ValueError
    finally:
        logging.getLogger("app.runtime.loop_thread").removeHandler(handler)
        assert runtime.shutdown()


def test_a_failing_callback_is_logged_and_the_loop_keeps_running(caplog):
    runtime = Runtime().start()
    try:
        def broken() -> None:
            raise RuntimeError("callback bug")

        async def schedule() -> str:
            asyncio.get_running_loop().call_soon(broken)
            await asyncio.sleep(0)  # call_soon callbacks run before we resume
            return "still running"

        with caplog.at_level(logging.ERROR, logger="app.runtime.loop_thread"):
            assert runtime.loop.run(schedule(), timeout=5) == "still running"
        assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    finally:
        assert runtime.shutdown()
