"""Setting the desk up: the first-run assistant (``wizard``) and the pickers and forms it
shares with the Settings sections (encoder, lock cloud, readers, site card key)."""
