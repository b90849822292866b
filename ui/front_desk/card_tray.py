"""The demo's card tray: lay a blank card on the simulated encoder, take the card away,
or put back the first card that was taken off — so every card flow, Duplicate included
(it needs a second card), can be practised without hardware. Shown only in the demo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton


class CardTray(QGroupBox):
    def __init__(self, sim: Any) -> None:
        super().__init__()
        self.setTitle(self.tr("Training card tray (demo)"))
        self.sim = sim  # the demo's EncoderSimulator (thread-safe control API)
        self.blank_button = QPushButton(self.tr("Put a blank card"))
        self.blank_button.clicked.connect(self.put_blank)
        self.take_button = QPushButton(self.tr("Take the card away"))
        self.take_button.clicked.connect(self.take_away)
        self.back_button = QPushButton(self.tr("Put back the first card"))
        self.back_button.clicked.connect(self.put_back_first)
        self.note = QLabel()
        row = QHBoxLayout(self)
        for button in (self.blank_button, self.take_button, self.back_button):
            row.addWidget(button)
        row.addWidget(self.note, 1)
        self._update()

    def put_blank(self) -> None:
        card = self.sim.place("classic-1k")
        self.note.setText(self.tr("Blank card {uid} laid down.").format(
            uid=card.uid.hex().upper()))
        self._update()

    def take_away(self) -> None:
        card = self.sim.remove()
        if card is not None:
            self.note.setText(self.tr("Card {uid} is in the tray.").format(
                uid=card.uid.hex().upper()))
        self._update()

    def put_back_first(self) -> None:
        try:
            card = self.sim.put_back(first=True)
        except ValueError:
            self.note.setText(self.tr("The tray is empty."))
        else:
            self.note.setText(self.tr("Card {uid} is back on the encoder.").format(
                uid=card.uid.hex().upper()))
        self._update()

    def _update(self) -> None:
        self.take_button.setEnabled(self.sim.card is not None)
        self.back_button.setEnabled(bool(self.sim.tray))
