"""``keydesk sim lock``: a site of simulated Bluetooth locks behind a loopback socket, and
the bleak backend pair (:mod:`.backend`) that the app passes as ``backend=`` to the real
``BleakScanner`` / ``BleakClient`` to reach them. See ``app/devices/locks/README.md``."""
