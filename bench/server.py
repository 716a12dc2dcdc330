"""The real app under uvicorn, in a subprocess on 127.0.0.1, against the bench database;
a signed-in admin to call it as; and what the server process has used."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import Database
from lrm_graph.auth import accounts
from lrm_graph.auth.caller import Role
from lrm_graph.db import runtime

START_SECONDS = 180.0  # a loaded 2-core machine (load 18) took more than 60 s


@dataclass(frozen=True)
class Server:
    base_url: str
    pid: int


def app_environment(db: Database) -> dict[str, str]:
    """Return the environment that points the app (or the CLI) at the bench database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "LRM_"))}
    env["LRM_DATA_DIR"] = str(db.settings.data_dir)
    # District-wide reports may run longer than the default 30 s at 100,000 learners; the
    # tables say when one does, rather than the app cutting it off.
    env["LRM_QUERY_TIMEOUT"] = str(db.settings.query_timeout)
    return env


@contextmanager
def serve(
    db: Database, checkout: Path | None = None, python: Path | None = None, workers: int = 1
) -> Iterator[Server]:
    """Run `uvicorn api.main:create_app` (one worker unless said) until the block ends:
    this checkout's app, or another checkout's (an older commit, to compare against), with
    this interpreter or another (`python`: another environment's packages)."""
    port = runtime.free_port()
    command = [str(python or sys.executable), "-m", "uvicorn", "--factory",
               "api.main:create_app", "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning", "--no-access-log", "--workers", str(workers)]  # fmt: skip
    process = subprocess.Popen(
        command, env=app_environment(db), cwd=checkout or Path(__file__).resolve().parents[1]
    )
    try:
        server = Server(f"http://127.0.0.1:{port}", process.pid)
        _wait_ready(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(server: Server, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with code {process.returncode}")
        try:
            if httpx.get(server.base_url + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the app on {server.base_url} was not ready in {START_SECONDS:.0f} s")


def admin_headers(db: Database) -> dict[str, str]:
    """Create a district admin account on the bench database, sign in, return the header."""
    email = f"bench-{uuid.uuid4().hex[:8]}@bench.example"
    password = uuid.uuid4().hex
    accounts.create_user(db.graph, email=email, role=Role.ADMIN, password=password)
    token = accounts.sign_in(db.graph, db.settings, email, password).access_token
    return {"Authorization": f"Bearer {token}"}
