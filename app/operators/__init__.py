"""Operators: accounts, roles and rights, sign-in, idle lock (no Qt).

``rights``: the table of what each role may do. ``passwords``: scrypt hashing.
``directory``: the accounts file. ``throttle``: slower sign-in after five failures.
``session``: who is signed in at this desk, the rights check every flow calls, and the
audit rows of sign-in, sign-out and refusals. See ``app/operators/README.md``.
"""
