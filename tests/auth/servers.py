"""The real servers district sign-in talks to in the tests: panva's oidc-provider (Node) on
a loopback port, an SMTP server (aiosmtpd) on another, and LRM Graph itself served by
uvicorn on a third, so that the provider can call its back-channel logout."""

from __future__ import annotations

import json
import os
import selectors
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from aiosmtpd.controller import Controller

from api.main import create_app
from lrm_graph.config import Settings

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oidc_provider(port: int, clients: list[dict[str, Any]], accounts: dict[str, str],
                  log: Path) -> Iterator[str]:  # fmt: skip
    """Run tests/oidc/provider.mjs; yield its issuer once it listens."""
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail(f"the test OpenID provider is not installed: npm ci --prefix {OIDC_DIR}")
    config = {"port": port, "clients": clients, "accounts": accounts}
    env = {**os.environ, "OIDC_TEST_CONFIG": json.dumps(config)}
    with log.open("wb") as errors:
        process = subprocess.Popen(
            ["node", "provider.mjs"], cwd=OIDC_DIR, env=env, stdout=subprocess.PIPE, stderr=errors
        )
        try:
            yield _ready_line(process, log).split(" ", 1)[1]
        finally:
            process.terminate()
            process.wait(timeout=10)
            if process.stdout:
                process.stdout.close()


def _ready_line(process: subprocess.Popen[bytes], log: Path) -> str:
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if selector.select(timeout=START_SECONDS):
            line = process.stdout.readline().decode().strip()
            if line.startswith("ready "):
                return line
    process.kill()
    pytest.fail(f"the test OpenID provider did not start: {log.read_text(errors='replace')}")


@dataclass
class Mailbox:
    """What the SMTP server received, as parsed messages."""

    messages: list[Message] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def wait_for(self, to: str, seconds: float = 10.0) -> Message:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for message in self.messages:
                if message["To"] == to:
                    return message
            time.sleep(0.05)
        raise AssertionError(f"no mail to {to} arrived; got {[m['To'] for m in self.messages]}")


@contextmanager
def smtp_server() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()


@contextmanager
def served(settings: Settings, port: int) -> Iterator[str]:
    """Serve the app with uvicorn on a loopback port in a thread; yield its base URL."""
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start under uvicorn")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
