"""The Locks page's parts: the live scan list, the site plan, the door's step list."""
