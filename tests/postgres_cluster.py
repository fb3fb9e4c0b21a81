"""A throwaway PostgreSQL cluster for the tests that are about PostgreSQL.

`running_cluster()` runs Debian's `initdb` and `pg_ctl` (PostgreSQL 15 by default; set
`ANNOTATOR_PG_BIN` to another bin folder) on a fresh folder, serves on a free loopback
port with trust authentication, and stops and removes it all at the end. `initdb`
refuses to run as root, so as root the cluster belongs to the `postgres` user
(`runuser -u postgres --`). A cluster that cannot start raises `ClusterError` with the
server's log: callers turn that into a failure, never a skip (issue 12).

A plain module, not a conftest, so every test package that needs PostgreSQL (the store's
contract tests, the group server's) can share it from a fixture of its own.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("ANNOTATOR_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"
HOST = "127.0.0.1"
_START_ATTEMPTS = 3


class ClusterError(RuntimeError):
    """PostgreSQL could not be set up or started; the message carries its log."""


@dataclass(frozen=True, slots=True)
class Cluster:
    """A running cluster: where it listens and how to reach it as its superuser."""

    host: str
    port: int
    user: str
    folder: Path

    def dsn(self, database: str = "postgres") -> str:
        """A libpq connection string (psycopg.connect) for `database` as the superuser."""
        return f"host={self.host} port={self.port} user={self.user} dbname={database}"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3 driver) for `database` as the superuser."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database (named `name`, or uniquely); its SQLAlchemy URL."""
        import psycopg
        from psycopg import sql

        name = name or f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.dsn(), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", SUPERUSER, "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(_as_owner(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ClusterError(f"{what} failed ({done.returncode}): {done.stdout}{done.stderr}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _log(path: Path) -> str:
    try:
        return path.read_text(errors="replace")[-4000:]
    except OSError:
        return "(no server log)"


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """Start a cluster in a new temporary folder; stop it and remove the folder after."""
    if not (PG_BIN / "initdb").exists():
        raise ClusterError(
            f"PostgreSQL is not installed: no {PG_BIN / 'initdb'} (make sysdeps installs "
            "Debian's postgresql; ANNOTATOR_PG_BIN names another bin folder)"
        )
    # Not under pytest's tmp folder: as root that is private to root, and the server
    # runs as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    data, log = folder / "data", folder / "server.log"
    started = False
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, SUPERUSER, SUPERUSER)
        _run([str(PG_BIN / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb")
        for _ in range(_START_ATTEMPTS):  # another process may take the free port first
            port = _free_port()
            options = (f"-p {port} -c listen_addresses={HOST} -k {folder} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off")
            try:
                _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
                      "-w", "-t", "60", "start"], "pg_ctl start")
            except ClusterError:
                continue
            started = True
            break
        if not started:
            raise ClusterError(f"PostgreSQL did not start; its log:\n{_log(log)}")
        yield Cluster(HOST, port, SUPERUSER, folder)
    finally:
        if started:
            with contextlib.suppress(ClusterError):
                _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                      "stop"], "pg_ctl stop")
        shutil.rmtree(folder, ignore_errors=True)
