"""The window's operator parts: the sign-in dialog and the desk lock (switch operator,
lock after idle, who holds the desk in the status bar)."""
