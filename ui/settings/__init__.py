"""The Settings page's sections (General, Encoder, Lock cloud, Readers, Bluetooth, Store,
Operators), listed in :data:`ui.settings.registry.SECTIONS`."""
