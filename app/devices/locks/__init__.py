"""Bluetooth locks: profiles as data, bleak on the runtime's loop thread, commissioning,
the site plan and report, and a simulated lock on bleak's real path (see README.md)."""
