"""A PN532 encoder simulator: the chip's HSU frames over a real TCP socket (pyserial
``socket://`` URL), a deck of virtual cards, modelled timings and fault injection."""

from app.devices.encoder.sim.cards import make_card
from app.devices.encoder.sim.server import EncoderSimulator

__all__ = ["EncoderSimulator", "make_card"]
