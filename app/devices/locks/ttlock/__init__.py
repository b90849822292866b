"""TTLock V3: frames (``frames``), commands (``commands``) and the driver (``driver``)."""
