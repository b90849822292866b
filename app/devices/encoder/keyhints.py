"""Which key opened which sector of which card, remembered by an open encoder.

A refused MIFARE authentication halts the card, so a wrong first guess costs two round
trips (the refusal and a re-selection) — 13 % of a whole issue. The encoder therefore
remembers, per UID and sector, the *label* of the key that worked ("site", "default",
...; never key bytes): learned from every successful authentication, from every trailer
we write, and from recognising a card when it is placed (:func:`operations.recognise`).
A stale hint only costs the refused try; it is then forgotten.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

MAX_CARDS = 256  # a desk handles a few dozen cards a day; old ones fall out first


class KeyHints:
    def __init__(self, max_cards: int = MAX_CARDS) -> None:
        self._cards: OrderedDict[bytes, dict[int, str]] = OrderedDict()
        self._max = max_cards
        self._lock = threading.Lock()  # the encoder thread writes, a panel may ask

    def of(self, uid: bytes) -> dict[int, str]:
        """sector → key label known for this card (a copy)."""
        with self._lock:
            return dict(self._cards.get(uid, {}))

    def learn(self, uid: bytes, sector: int, label: str) -> None:
        with self._lock:
            self._cards.setdefault(uid, {})[sector] = label
            self._cards.move_to_end(uid)
            while len(self._cards) > self._max:
                self._cards.popitem(last=False)

    def forget(self, uid: bytes, sector: int) -> None:
        with self._lock:
            self._cards.get(uid, {}).pop(sector, None)
