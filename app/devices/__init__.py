"""Device drivers and their simulators: the USB card encoder (``encoder``), BLE locks."""
