"""The one settings class: environment variables `LRM_*`, plus the standard `NEO4J_*`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from lrm_graph.vocabulary import RelType

REPO_ROOT = Path(__file__).resolve().parents[1]

DEFAULT_CARING_TYPES = ("MENTORS", "ADVISES", "COACHES", "COUNSELS", "TRUSTS")


class Settings(BaseSettings):
    """Configuration of LRM Graph; every field is documented in README.md."""

    model_config = SettingsConfigDict(env_prefix="LRM_", extra="ignore")

    neo4j_uri: str | None = Field(
        default=None,
        validation_alias=AliasChoices("NEO4J_URI", "LRM_NEO4J_URI"),
        description="Bolt/neo4j URI of a server or cluster; unset means the embedded Neo4j.",
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "LRM_NEO4J_USER")
    )
    neo4j_password: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("NEO4J_PASSWORD", "LRM_NEO4J_PASSWORD"),
        description="Password for NEO4J_URI; the embedded Neo4j keeps its own in the data dir.",
    )
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "LRM_NEO4J_DATABASE")
    )
    data_dir: Path = Field(
        default=REPO_ROOT / ".lrm" / "neo4j",
        description="Where the embedded Neo4j keeps its store, pid file, log and password.",
    )
    bolt_port: int = Field(default=7687, ge=1, le=65535, description="Embedded Bolt port.")
    launcher_dir: Path = Field(
        default=REPO_ROOT / "launcher", description="The Maven project of the embedded Neo4j."
    )
    neo4j_heap: str = Field(default="2g", description="JVM heap of the embedded Neo4j.")
    neo4j_page_cache: str = Field(default="1g", description="Page cache of the embedded Neo4j.")
    startup_timeout: float = Field(default=180.0, gt=0, description="Seconds to wait for Bolt.")
    query_timeout: float = Field(default=30.0, gt=0, description="Seconds before a query is cut.")
    retry_seconds: float = Field(
        default=5.0,
        ge=0,
        description="How long a transaction is retried while the database is unreachable.",
    )
    caring_types: tuple[str, ...] = Field(
        default=DEFAULT_CARING_TYPES,
        description="Relationship types that count as a caring relationship.",
    )
    element_threshold: int = Field(
        default=4,
        ge=1,
        le=5,
        description="Score an element of a relationship's latest rating needs to count as "
        "present (the relationship-elements report).",
    )
    page_size_max: int = Field(default=500, ge=1, description="Largest page a list returns.")
    bulk_batch_size: int = Field(default=5000, ge=1, description="Rows per UNWIND batch.")
    bulk_max_rows: int = Field(default=200_000, ge=1, description="Rows one bulk request takes.")
    network_max_nodes: int = Field(default=500, ge=1, description="Nodes a network answer holds.")
    token_minutes: int = Field(
        default=60, ge=1, le=7 * 24 * 60, description="How long a sign-in token lives."
    )
    signin_max_failures: int = Field(
        default=5, ge=1, description="Failed sign-ins in a row before the account is locked."
    )
    signin_lock_minutes: int = Field(
        default=15, ge=1, description="How long an account stays locked after too many failures."
    )
    signin_ip_max_failures: int = Field(
        default=50, ge=1, description="Failed sign-ins from one IP address within the window."
    )
    signin_ip_window_seconds: int = Field(
        default=600, ge=1, description="The window of the per-IP sign-in limit, in seconds."
    )
    max_request_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body; larger ones answer 413."
    )
    max_upload_bytes: int = Field(
        default=104_857_600, ge=1024, description="Largest body of a bulk load or an import."
    )
    erasure_key: SecretStr | None = Field(
        default=None,
        description="Key of the hashes that remember erased learners' source ids; unset: "
        "one made at the first erase and kept in the database.",
    )
    cors_origins: tuple[str, ...] = Field(
        default=(), description="Origins browsers may call the API from; none: no CORS."
    )

    @field_validator("caring_types")
    @classmethod
    def _known_caring_types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Refuse at start-up a caring type the vocabulary does not have."""
        known = {t.value for t in RelType}
        unknown = [t for t in value if t not in known]
        if unknown or not value:
            raise ValueError(
                f"caring types must be some of {', '.join(sorted(known))}; got {unknown or 'none'}"
            )
        return value


@lru_cache
def get_settings() -> Settings:
    """Return the process-wide settings (tests build their own `Settings`)."""
    return Settings()
