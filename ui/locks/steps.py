"""The door's step list with progress: each step waiting, running, done, skipped,
warning, failed or cancelled, with its reason."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

COLOURS = {"done": "#1b5e20", "skipped": "#555555", "warning": "#8a6d00",
           "failed": "#b71c1c", "cancelled": "#555555"}
MARKS = {"done": "✔", "skipped": "–", "warning": "!", "failed": "✖", "cancelled": "■",
         "waiting": "·", "running": "…"}


class StepList(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Result"), self.tr("Why")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)  # seven steps fit without scrolling
        self.setMinimumHeight(8 * 22 + 4)
        self.steps: list[str] = []
        self.status: dict[str, str] = {}

    def step_name(self, step: str) -> str:
        return {"connect": self.tr("Connect"), "identify": self.tr("Identify"),
                "initialise": self.tr("Initialise"), "login": self.tr("Admin login"),
                "room": self.tr("Tie to its room"), "clock": self.tr("Set the clock"),
                "open": self.tr("Prove it opens"), "log": self.tr("Find it in the log")
                }.get(step, step)

    def status_name(self, status: str) -> str:
        return {"done": self.tr("done"), "skipped": self.tr("skipped"),
                "warning": self.tr("warning"), "failed": self.tr("failed"),
                "cancelled": self.tr("cancelled"), "waiting": self.tr("waiting"),
                "running": self.tr("running")}.get(status, status)

    def start(self, steps: tuple[str, ...]) -> None:
        self.steps = list(steps)
        self.status = dict.fromkeys(steps, "waiting")
        self.setRowCount(len(steps))
        for row, step in enumerate(steps):
            self._put(row, step, "running" if row == 0 else "waiting", "")

    def _put(self, row: int, step: str, status: str, why: str) -> None:
        mark = MARKS.get(status, "")
        cells = (self.step_name(step), f"{mark} {self.status_name(status)}", why)
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if status in COLOURS and col == 1:
                item.setForeground(QColor(COLOURS[status]))
            self.setItem(row, col, item)

    def update_step(self, step: str, status: str, why: str) -> None:
        if step not in self.status:
            return
        self.status[step] = status
        row = self.steps.index(step)
        self._put(row, step, status, why)
        if status not in ("failed", "cancelled") and row + 1 < len(self.steps) \
                and self.status[self.steps[row + 1]] == "waiting":
            self._put(row + 1, self.steps[row + 1], "running", "")

    def finished_count(self) -> int:
        return sum(1 for s in self.status.values() if s not in ("waiting", "running"))
