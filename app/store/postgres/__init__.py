"""The shared site store on PostgreSQL: events and the audit trail of every desk of a site.

See ``app/store/README.md`` ("The shared site store"). ``psycopg`` is imported only here,
so a desk on the embedded SQLite store never loads it.
"""
