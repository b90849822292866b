"""Setting a desk up: the checks the first-run assistant and the Settings sections run
before anything is saved (is the encoder there, does the reader answer and with which
serial and clock, do the cloud credentials open the account), the site card key, and the
one place that saves what was chosen and applies it to the running desk (``plan``).

Qt-free: the window words the results; the checks run on the runtime's threads.
"""
