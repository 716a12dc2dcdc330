"""Point the `lrm` CLI (run through typer's CliRunner) at the session's test database."""

from __future__ import annotations

from lrm_graph.config import Settings


def cli_env(settings: Settings) -> dict[str, str | None]:
    """Return the environment that points the CLI at the test database, embedded or external."""
    env: dict[str, str | None] = {"NEO4J_DATABASE": settings.neo4j_database}
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return env | {
            "NEO4J_URI": settings.neo4j_uri,
            "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": password,
        }
    return env | {"NEO4J_URI": None, "LRM_NEO4J_URI": None, "LRM_DATA_DIR": str(settings.data_dir)}
