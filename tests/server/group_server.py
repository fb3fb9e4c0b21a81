"""The real group service in a child process on a loopback port, as a school would run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.cli.cli_process import run_annotator
from tests.postgres_cluster import free_port


class GroupServer:
    """`annotator server run` against `database_url`; `url` once it answers."""

    def __init__(self, database_url: str, log: Path, port: int | None = None) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> GroupServer:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with self.log.open("ab") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "annotator", "server", "run", "--database",
                 self.database_url, "--port", str(self.port)],
                stdout=sink, stderr=subprocess.STDOUT, env=env,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the service exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/whoami", timeout=1).status_code == 401:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"the service did not answer: {self.log.read_text()[-2000:]}")

    def kill(self) -> None:
        """kill -9: no shutdown, no flushing, as a crash or the OOM killer would."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def add_member(owner_url: str, home: Path, group: str, name: str, role: str,
               *extra: str) -> dict[str, str]:
    done = run_annotator(home, "server", "add-member", "--database", owner_url, "--group",
                         group, "--name", name, "--role", role, "--json", *extra)
    assert done.returncode == 0, done.stderr
    result: dict[str, str] = json.loads(done.stdout)
    return result
