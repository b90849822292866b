"""Choosing the card encoder: the serial ports found (USB description and VID:PID,
likely encoders first), an address typed by hand, or none; Detect lists the ports again
and Test asks the chosen one for its firmware.

Used by the first-run assistant's encoder step and by Settings → Encoder. Detect and
Test run on a worker device thread (serial I/O blocks); nothing is saved here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.events import ConnectionState
from app.settings import Settings
from app.setup.encoder_probe import EncoderChoice, PortInfo
from ui.context import UiContext
from ui.jobs import JobRunner
from ui.widgets.outcome_line import OutcomeLine

WORKER = "encoder-setup"  # the device thread Detect and Test run on
OTHER, NONE = "other", "none"


class EncoderPicker(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ports: list[PortInfo] = []
        self._remembered = EncoderChoice()
        self._detected_once = False

        self.port = QComboBox()
        self.port.setObjectName("encoder_port")
        self.port.setAccessibleName(self.tr("Encoder port"))
        self.port.setMinimumContentsLength(40)
        self.port.currentIndexChanged.connect(self._port_changed)
        self.address = QLineEdit()
        self.address.setObjectName("encoder_address")
        self.address.setPlaceholderText(self.tr("COM3, /dev/ttyUSB0 or socket://host:port"))
        self.address.setAccessibleName(self.tr("Encoder address"))
        self.detect_button = QPushButton(self.tr("Detect"))
        self.detect_button.setToolTip(self.tr("List the serial ports again (after plugging "
                                              "the encoder in)"))
        self.detect_button.clicked.connect(self.detect)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.setToolTip(self.tr("Ask the chosen encoder for its firmware"))
        self.test_button.clicked.connect(self.test)
        self.result = OutcomeLine(ctx)
        self.result.setObjectName("encoder_result")
        self.result.label.setTextFormat(Qt.TextFormat.PlainText)
        self.jobs = JobRunner(ctx, self.result, busy=[self.detect_button, self.test_button])

        row = QHBoxLayout()
        row.addWidget(self.port, 1)
        row.addWidget(self.detect_button)
        form = QFormLayout()
        form.addRow(self.tr("Port"), row)
        form.addRow(self.tr("Address"), self.address)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        self._fill()

    # -- what is chosen ----------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        self._remembered = EncoderChoice(settings.encoder_url, settings.encoder_vid_pid,
                                         settings.encoder_serial)
        self._fill(self._remembered)

    def choice(self) -> EncoderChoice:
        data = self.port.currentData()
        if data == OTHER:
            return EncoderChoice(self.address.text().strip())
        if isinstance(data, EncoderChoice):
            return data
        return EncoderChoice()

    def _fill(self, select: EncoderChoice | None = None) -> None:
        before = select or (self.choice() if self.port.count() else self._remembered)
        self.port.blockSignals(True)
        self.port.clear()
        self.port.addItem(self.tr("No encoder at this desk"), NONE)
        listed: set[EncoderChoice] = set()
        for port in self.ports:
            choice = EncoderChoice.of_port(port)
            listed.add(choice)
            ident = ", ".join(p for p in (port.vid_pid, port.bridge) if p)
            text = f"{port.device} — {port.description or self.tr('serial port')}"
            self.port.addItem(text + (f" ({ident})" if ident else ""), choice)
            self.port.setItemData(self.port.count() - 1, self.tr(
                "USB serial number: {serial}").format(serial=port.serial_number or "—"),
                Qt.ItemDataRole.ToolTipRole)
        remembered = self._remembered
        if remembered.vid_pid and remembered not in listed:
            self.port.addItem(self.tr("The encoder remembered by USB identity ({vid_pid}, "
                                      "not plugged in now)").format(vid_pid=remembered.vid_pid),
                              remembered)
        self.port.addItem(self.tr("Other address…"), OTHER)
        self.port.blockSignals(False)
        self._select(before)

    def _select(self, choice: EncoderChoice) -> None:
        index = -1
        if not choice.empty:
            index = next((i for i in range(self.port.count())
                          if self.port.itemData(i) == choice), -1)
        if index < 0 and choice.url:
            index = self.port.findData(OTHER)
            self.address.setText(choice.url)
        if index < 0 and choice.empty and self.ports and self.ports[0].likely_encoder:
            index = 1  # nothing chosen yet and an encoder is plugged in: offer it
        self.port.setCurrentIndex(max(0, index))
        self._port_changed()

    def _port_changed(self, _index: int = -1) -> None:
        other = self.port.currentData() == OTHER
        self.address.setEnabled(other)
        self.test_button.setEnabled(self.port.currentData() != NONE)

    # -- detect and test ---------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._detected_once:
            self._detected_once = True
            self.detect()

    def detect(self) -> None:
        from app.setup.encoder_probe import detect

        def found(ports: list[PortInfo]) -> str:
            self.ports = ports
            self._fill()
            likely = sum(1 for p in ports if p.likely_encoder)
            if not ports:
                return self.tr("No serial port found. Plug the encoder in and press Detect, "
                               "or type its address.")
            return self.tr("{count} serial port(s) found, {likely} look like an encoder."
                           ).format(count=len(ports), likely=likely)

        self.jobs.run(lambda: self.ctx.runtime.device_thread(WORKER).submit(
            lambda _job: detect(), "detect"), self.tr("Looking for serial ports…"), found)

    def test(self) -> None:
        choice = self.choice()
        service = self.ctx.services.encoder
        if choice.url and choice.url == service.url and \
                service.state == ConnectionState.CONNECTED:
            # The desk holds this port: a second open would fail. Its firmware is known.
            self.result.ok(self.tr("In use by this desk: {firmware} on {port}").format(
                firmware=service.firmware, port=choice.url))
            return
        if choice.empty:
            self.result.info(self.tr("Choose a port or type an address first."))
            return
        self.jobs.run(lambda: self.ctx.runtime.device_thread(WORKER).submit(
            lambda _job: _probe(choice), "probe"), self.tr("Asking the encoder…"),
            lambda found: self.tr("Encoder found: {firmware} on {port}").format(
                firmware=found[1], port=found[0]))

    def shutdown(self) -> None:
        self.jobs.close()


def _probe(choice: EncoderChoice) -> tuple[str, str]:
    """(port, firmware) of the chosen encoder, found by USB identity if need be."""
    from app.devices.encoder.discovery import find_remembered
    from app.devices.encoder.errors import PORT_FAILED, encoder_error
    from app.setup.encoder_probe import probe_encoder

    url = choice.url
    if not url:
        found = find_remembered(choice.vid_pid, choice.serial)
        if found is None:
            raise encoder_error(PORT_FAILED, f"no USB device {choice.vid_pid} "
                                f"(serial {choice.serial or '—'}) is plugged in")
        url = found.device
    return url, probe_encoder(url)
