"""A throwaway PostgreSQL cluster for the tests that have PostgreSQL as their subject.

The distribution's binaries (`/usr/lib/postgresql/<major>/bin`, Debian's `postgresql`
package, which `make sysdeps` installs) run a cluster in a fresh folder under /tmp,
listening on a unix socket there and on a free loopback TCP port, trusted, without
fsync: it lives as long as one pytest worker and is stopped with `-m immediate`.
`initdb` refuses to run as root, so as root the cluster is the `postgres` user's
(`runuser -u postgres --`) and its folder is chowned to it.

Anything that stops the cluster from starting raises `ClusterError`: the fixtures turn it
into a failure, never a skip, so CI cannot pass without PostgreSQL.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

SUPERUSER = "postgres"
OWNER = "annotator_owner"  # owns the group schema: runs `annotator server init`
SERVICE = "annotator_app"  # what the service logs in as: owns nothing, no BYPASSRLS


class ClusterError(RuntimeError):
    """The throwaway cluster could not be made or started; the message says why."""


def _bin_dir() -> Path:
    root = Path("/usr/lib/postgresql")
    majors = sorted(
        (p for p in root.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not majors:
        raise ClusterError(
            f"no PostgreSQL server binaries under {root}: install Debian's postgresql "
            "package (make sysdeps does)"
        )
    return majors[-1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Cluster:
    folder: Path
    port: int
    bin_dir: Path
    _as_postgres: list[str] = field(default_factory=list)
    _databases: int = 0

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, user: str = SERVICE, driver: str = "postgresql") -> str:
        return f"{driver}://{user}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres", user: str = SUPERUSER) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, dbname=database, user=user, autocommit=True
        )

    def new_database(self) -> str:
        """A new, empty database owned by `OWNER`; its name."""
        self._databases += 1
        name = f"group_{os.getpid()}_{self._databases}"
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}" OWNER {OWNER}')
            conn.execute(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC')
            conn.execute(f'GRANT CONNECT ON DATABASE "{name}" TO {SERVICE}')
        return name

    def _run(self, *argv: str) -> None:
        done = subprocess.run(
            [*self._as_postgres, *argv], capture_output=True, text=True, timeout=120,
            check=False, cwd=self.folder,
        )
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"{Path(argv[0]).name} failed: {done.stderr.strip()} {tail}")

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", SUPERUSER,
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.folder} -c fsync=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l",
            str(self.folder / "server.log"), "-o", options, "-w", "-t", "60", "start",
        )
        with self.connect() as conn:
            conn.execute(f"CREATE ROLE {OWNER} LOGIN")
            conn.execute(f"CREATE ROLE {SERVICE} LOGIN NOSUPERUSER NOBYPASSRLS")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [*self._as_postgres, str(self.bin_dir / "pg_ctl"), "-D", str(self.data),
                 "-m", "immediate", "-w", "stop"],
                capture_output=True, timeout=60, check=False,
            )
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """A running cluster with the `OWNER` and `SERVICE` roles, or `ClusterError`."""
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            raise ClusterError("running as root, but there is no postgres user to run "
                               "initdb as (install Debian's postgresql package)") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(folder, free_port(), bin_dir, as_postgres)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    return cluster
