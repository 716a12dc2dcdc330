"""Get one real Neo4j for the test session: NEO4J_URI, else Docker, else embedded."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import SecretStr

from lrm_graph.config import Settings
from lrm_graph.db import runtime

HOW_TO_GET_ONE = (
    "no Neo4j could be had for the tests. Either set NEO4J_URI (and NEO4J_USER, "
    "NEO4J_PASSWORD) to a Neo4j 5.26 you may wipe, start a Docker engine (the tests then "
    "use testcontainers' neo4j:5.26), or install JDK 17 and Maven so the embedded Neo4j "
    "can be built (`make setup`)."
)


def _docker_answers() -> bool:
    """Say whether a Docker engine answers (the `docker` CLI asks it; no engine, no)."""
    if shutil.which("docker") is None:
        return False
    try:
        done = subprocess.run(
            ["docker", "info", "--format", "{{.ServerVersion}}"],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@contextmanager
def test_database(workdir: Path) -> Iterator[tuple[Settings, str]]:
    """Yield settings for a Neo4j the session owns, and where it came from."""
    configured = Settings()
    if configured.neo4j_uri:
        yield configured, f"NEO4J_URI {configured.neo4j_uri}"
        return
    if _docker_answers():
        from testcontainers.community.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26") as container:
            yield (
                Settings(
                    neo4j_uri=container.get_connection_url(),
                    neo4j_user="neo4j",
                    neo4j_password=SecretStr(container.password),
                ),
                "testcontainers neo4j:5.26",
            )
        return
    settings = Settings(
        neo4j_uri=None,
        data_dir=workdir / "neo4j",
        neo4j_heap="1g",
        neo4j_page_cache="256m",
    )
    runtime.start(settings, port=runtime.free_port())
    try:
        yield settings, f"embedded Neo4j in {settings.data_dir}"
    finally:
        runtime.stop(settings.data_dir)
