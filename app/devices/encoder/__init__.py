"""The USB card encoder (PN532): driver, card operations, EncoderService, simulator.

See ``app/devices/encoder/README.md``.
"""
