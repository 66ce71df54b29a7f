"""A real PostgreSQL server on 127.0.0.1 for the floor's tests and ``bench/floor.py``.

Started from the installed server binaries (Debian's ``postgresql`` package: found
under ``/usr/lib/postgresql/*/bin``; elsewhere ``pg_ctl`` on the PATH, or the folder in
``FLXDESK_TEST_PG_BIN`` or ``PGBIN``), in a temporary folder, on a free port, listening on 127.0.0.1
only. PostgreSQL refuses to run as root: as root (CI) every server command runs as
Debian's ``postgres`` user through ``runuser``.

Authentication: the superuser ``postgres`` is trusted over loopback (the tests' stand-in
for IT); every other role needs its password (scram-sha-256), so a wrong password is
refused as on a real floor. TLS is on, with a certificate for 127.0.0.1 signed by a test
CA (``ca_file``), so a test can ask for ``sslmode=verify-full``.

``kill()`` ends the server as a crash would (``pg_ctl -m immediate``), ``start()``
brings it back on the same port with its data; ``LatencyProxy`` (flxdesk's tests'
``tcp_proxy``) makes it slow or drops its connections.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from support.network import closed_port

SUPERUSER = "postgres"
RUN_AS = "postgres"  # the OS user that runs the server when the tests run as root
START_TIMEOUT_SECONDS = 60
FLOOR_TEST_NAME = "floor.test"  # in the server certificate, beside 127.0.0.1


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries on this machine: say how to install them."""


def find_binaries() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``pg_dump`` (the newest version)."""
    configured = os.environ.get("FLXDESK_TEST_PG_BIN") or os.environ.get("PGBIN")
    if configured:  # PGBIN: GitHub's Windows runners name their PostgreSQL so
        return Path(configured)
    found = glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")
    if found:
        newest = max(found, key=lambda path: int(Path(path).parts[-3].split(".")[0]))
        return Path(newest).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable(
        "The floor's tests need a PostgreSQL server's programs (initdb, pg_ctl): on Debian "
        "or Ubuntu `apt-get install postgresql` (.ci/run does), on macOS `brew install "
        "postgresql`, or set FLXDESK_TEST_PG_BIN to the folder that holds them."
    )


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _as_server_user() -> list[str]:
    return ["runuser", "-u", RUN_AS, "--"] if _is_root() else []


class PostgresServer:
    """One throwaway PostgreSQL cluster. ``start()``, ``stop()``, ``kill()``, ``close()``."""

    def __init__(self, port: int | None = None) -> None:
        self.bin = find_binaries()
        self.port = port or closed_port()
        self.folder = Path(tempfile.mkdtemp(prefix="flxdesk-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.ca_file = self.folder / "ca.pem"
        self._names = itertools.count(1)
        self._names_lock = threading.Lock()
        if _is_root():
            import pwd

            user = pwd.getpwnam(RUN_AS)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._owner = (user.pw_uid, user.pw_gid)
        else:
            self._owner = None
        self._initdb()

    # --- running commands ----------------------------------------------------------
    def _server_command(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*_as_server_user(), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=START_TIMEOUT_SECONDS + 30,
            cwd=self.folder,
        )

    def _write_owned(self, path: Path, text: str, mode: int = 0o600) -> None:
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
        if self._owner:
            os.chown(path, *self._owner)

    def _initdb(self) -> None:
        self._server_command(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        self._write_owned(
            self.data / "pg_hba.conf",
            "local all all trust\n"
            f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n",
        )
        self._make_certificate()
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": "''" if os.name == "nt" else f"'{self.folder}'",
            # Throwaway data: no fsync (a kill, -m immediate, still recovers every commit
            # from the WAL in the page cache; only an OS crash would lose some).
            "fsync": "off",
            "full_page_writes": "off",
            "shared_buffers": "32MB",
            "max_connections": "200",
            "ssl": "on",
            "ssl_cert_file": "'server.crt'",
            "ssl_key_file": "'server.key'",
            "password_encryption": "'scram-sha-256'",
            "log_min_messages": "warning",
        }
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("".join(f"{name} = {value}\n" for name, value in settings.items()))

    def _make_certificate(self) -> None:
        import trustme

        ca = trustme.CA()
        # floor.test: a name that is not loopback, for verify-full through hostaddr.
        cert = ca.issue_cert("127.0.0.1", "localhost", FLOOR_TEST_NAME)
        ca.cert_pem.write_to_path(str(self.ca_file))
        self.ca_file.chmod(0o644)
        self._write_owned(
            self.data / "server.crt",
            "".join(blob.bytes().decode() for blob in cert.cert_chain_pems),
        )
        self._write_owned(self.data / "server.key", cert.private_key_pem.bytes().decode())

    # --- life cycle ----------------------------------------------------------------
    def start(self) -> PostgresServer:
        result = self._server_command(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            str(START_TIMEOUT_SECONDS),
            "start",
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{self.log_text()}")
        return self

    def stop(self) -> None:
        """A clean shutdown (sessions are ended)."""
        self._pg_ctl_stop("fast")

    def kill(self) -> None:
        """End the server as a crash would: no checkpoint, clients cut off at once."""
        self._pg_ctl_stop("immediate")

    def _pg_ctl_stop(self, mode: str) -> None:
        self._server_command(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False
        )

    @property
    def running(self) -> bool:
        result = self._server_command(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "status", check=False
        )
        return result.returncode == 0

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def log_text(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    # --- what tests use --------------------------------------------------------------
    def url(
        self, database: str = "postgres", user: str = SUPERUSER, port: int | None = None, **params
    ) -> str:
        """A libpq URI for ``database`` as ``user`` (no password in it)."""
        query = "&".join(
            f"{name}={value}" for name, value in {"sslmode": "disable", **params}.items()
        )
        return f"postgresql://{user}@127.0.0.1:{port or self.port}/{database}?{query}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run SQL as the superuser through psql; returns what it printed (unaligned)."""
        result = subprocess.run(
            [
                str(self.bin / "psql"),
                "-X",
                "-q",
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                SUPERUSER,
                "-d",
                database,
                "-c",
                statement,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PGSSLMODE": "disable"},
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr}")
        return result.stdout.strip()

    def new_database(self, prefix: str = "floor") -> str:
        """A fresh, empty database; returns its name."""
        with self._names_lock:
            name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        self.sql(f'CREATE DATABASE "{name}"')
        return name

    def create_role(self, name: str, password: str) -> None:
        """A login role that must give ``password`` (scram-sha-256)."""
        literal = password.replace("'", "''")
        self.sql(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{literal}'")

    def dump(self, database: str) -> str:
        """``pg_dump`` of the whole database (schema and data) as SQL text."""
        result = subprocess.run(
            [
                str(self.bin / "pg_dump"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                SUPERUSER,
                "--no-owner",
                database,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PGSSLMODE": "disable"},
            check=True,
        )
        return result.stdout


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.close()
