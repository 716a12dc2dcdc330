"""The one settings class: environment variables `LRM_*`, plus the standard `NEO4J_*`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from lrm_graph.vocabulary import AdultRole, RelType

REPO_ROOT = Path(__file__).resolve().parents[1]

DEFAULT_CARING_TYPES = ("MENTORS", "ADVISES", "COACHES", "COUNSELS", "TRUSTS")
# The roster's roles of an adult (AdultRole) and the role of an account made from the
# roster, in order: the first entry that names one of the person's roles wins.
DEFAULT_ROSTER_ROLES = (
    "administrator=school_admin",
    "counselor=counselor",
    "teacher=teacher",
    "advisor=advisor",
    "coach=coach",
    "mentor=mentor",
    "aide=teacher",
    "guardian=guardian",
    "parent=guardian",
)
# The account roles the roster may give (`lrm_graph.auth.caller.Role` values): never a
# district admin, whom the district names by hand; a learner is always a learner.
ROSTER_ACCOUNT_ROLES = frozenset(
    {"school_admin", "counselor", "teacher", "advisor", "coach", "mentor", "guardian"}
)


class OidcProvider(BaseModel):
    """One OpenID Connect provider people may sign in with (Google, Microsoft, ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$", description="Its name in URLs.")
    title: str = Field(min_length=1, max_length=100, description="What the sign-in page says.")
    issuer: str = Field(pattern=r"^https?://\S+$", description="The issuer URL (discovery).")
    client_id: str = Field(min_length=1)
    client_secret: SecretStr
    email_domains: tuple[str, ...] = Field(
        default=(), description="Email domains it may sign in (none: any the roster knows)."
    )
    email_claim: str = Field(default="email", description="The ID token claim with the email.")
    scopes: str = Field(default="openid email profile", description="The scopes asked for.")


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
    progress_seconds: float = Field(
        default=10, ge=0, description="Seconds between the CLI's progress lines off a terminal."
    )
    bulk_max_rows: int = Field(default=200_000, ge=1, description="Rows one bulk request takes.")
    analytics_max_nodes: int = Field(
        default=200_000,
        ge=1,
        description="Nodes a district-wide analytic may project; a larger district is asked "
        "per organization (422 analytics-too-large).",
    )
    network_max_nodes: int = Field(default=500, ge=1, description="Nodes a network answer holds.")
    network_hub_members: int = Field(
        default=50,
        ge=0,
        description="Members a group may have and still be walked through: one with more is "
        "a hub (one node in a network, avoided by paths unless asked).",
    )
    token_minutes: int = Field(
        default=60, ge=1, le=7 * 24 * 60, description="How long a sign-in token lives."
    )
    token_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        le=300,
        description="How long a process trusts a token or API key it has checked (0: never); "
        "a revoked one stops working within this bound.",
    )
    token_cache_entries: int = Field(
        default=10_000, ge=1, description="Callers a process keeps checked at most."
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

    log_format: Literal["text", "json"] = Field(
        default="text",
        description="How `lrm serve` writes log lines: text, or one JSON object each.",
    )
    password_signin: bool = Field(
        default=True, description="Whether people may sign in with an email and a password."
    )
    public_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^/\s]+(/\S*)?$",
        description="The address people reach LRM Graph at (redirect URIs and links in "
        "invitation mail); unset: the address of each request.",
    )
    oidc_providers: tuple[OidcProvider, ...] = Field(
        default=(), description="OpenID Connect providers people may sign in with."
    )
    roster_roles: tuple[str, ...] = Field(
        default=DEFAULT_ROSTER_ROLES,
        description="roster role=LRM role, in order: the role of an account made from the roster.",
    )
    oidc_flow_minutes: int = Field(
        default=10, ge=1, le=60, description="How long a started provider sign-in may take."
    )
    oidc_metadata_seconds: int = Field(
        default=3600, ge=0, description="How long a provider's discovery and keys are kept."
    )
    invitation_days: int = Field(
        default=7, ge=1, le=90, description="How long a guardian's invitation link holds."
    )
    smtp_host: str | None = Field(
        default=None, description="The SMTP server invitations are sent through; unset: no mail."
    )
    smtp_port: int = Field(default=587, ge=1, le=65535, description="Its port.")
    smtp_starttls: bool = Field(default=True, description="Whether to use STARTTLS with it.")
    smtp_user: str | None = Field(default=None, description="The SMTP user, if it needs one.")
    smtp_password: SecretStr | None = Field(default=None, description="The SMTP password.")
    smtp_from: str = Field(
        default="lrm-graph@localhost", description="The sender of invitation mail."
    )

    @field_validator("roster_roles")
    @classmethod
    def _known_roster_roles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Refuse at start-up an entry that is not `adult role=account role`."""
        adult_roles = {r.value for r in AdultRole}
        for entry in value:
            roster_role, _, account_role = entry.partition("=")
            if roster_role not in adult_roles or account_role not in ROSTER_ACCOUNT_ROLES:
                raise ValueError(
                    f"roster roles are 'adult role=account role' with an adult role among "
                    f"{', '.join(sorted(adult_roles))} and an account role among "
                    f"{', '.join(sorted(ROSTER_ACCOUNT_ROLES))}; got {entry!r}"
                )
        return value

    @field_validator("oidc_providers")
    @classmethod
    def _unique_provider_names(cls, value: tuple[OidcProvider, ...]) -> tuple[OidcProvider, ...]:
        names = [p.name for p in value]
        if len(names) != len(set(names)):
            raise ValueError(f"two providers share a name: {names}")
        return value

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
