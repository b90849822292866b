"""The writer's inbox: oldest first, a sleeping writer is woken by a put from any thread,
an empty wait ends at its timeout."""

from __future__ import annotations

import queue
import threading

import pytest

from app.store.writer import Inbox


def test_items_come_out_oldest_first_and_an_empty_inbox_says_so():
    inbox = Inbox()
    for i in range(5):
        inbox.put(i)
    assert [inbox.get(0) for _ in range(4)] == [0, 1, 2, 3]
    assert inbox.get_nowait() == 4
    with pytest.raises(queue.Empty):
        inbox.get_nowait()
    with pytest.raises(queue.Empty):
        inbox.get(timeout=0.01)


def test_a_put_wakes_a_writer_waiting_without_a_timeout():
    inbox = Inbox()
    got: list[int] = []
    asleep = threading.Event()

    def writer() -> None:
        asleep.set()
        got.extend(inbox.get() for _ in range(1000))  # sleeps whenever it runs dry

    thread = threading.Thread(target=writer)
    thread.start()
    asleep.wait(5)
    producers = [threading.Thread(target=lambda n=n: [inbox.put(n * 1000 + i)
                                                     for i in range(250)]) for n in range(4)]
    for p in producers:
        p.start()
    for p in producers:
        p.join()
    thread.join(10)
    assert not thread.is_alive()
    assert sorted(got) == sorted(n * 1000 + i for n in range(4) for i in range(250))
    for n in range(4):  # each producer's items in the order it put them
        mine = [v for v in got if v // 1000 == n]
        assert mine == sorted(mine)
