"""docker-compose.yml stays a valid Compose file, with what issue 15 asks of it.

There is no `docker compose` client on these machines (and no Docker engine), so the file
is checked against the Compose Specification's JSON schema instead, as `docker compose
config` would (tests/compose/README.md says where the schema comes from). jsonschema_rs
and PyYAML are both in the lock already (schemathesis brings them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from lrm_graph.auth.caller import Role

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("compose-spec.json")
SCHEMA_SHA256 = "d549057ebc2925f39f62799eab0db7b9e2c18b35b6c00595199116da3ed10e64"


def compose_file() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def compose_errors(document: dict[str, Any]) -> list[str]:
    """Return what the Compose schema finds wrong in a document ([] when valid)."""
    # Compose's `duration` format is Go's ("5s"), not ISO 8601's: formats stay annotations,
    # as the draft 2020-12 schema itself declares them.
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema_rs.validator_for(schema, validate_formats=False)
    return [
        f"{'/'.join(map(str, error.instance_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def test_the_vendored_schema_is_the_one_the_readme_names() -> None:
    assert hashlib.sha256(SCHEMA.read_bytes()).hexdigest() == SCHEMA_SHA256


def test_docker_compose_yml_is_a_valid_compose_file() -> None:
    assert compose_errors(compose_file()) == []


def test_the_schema_check_refuses_a_misspelt_key() -> None:
    document = compose_file()
    document["services"]["api"]["healthcheck"]["intervall"] = "10s"
    assert any("intervall" in error for error in compose_errors(document))


def test_the_api_is_healthy_only_once_ready() -> None:
    api = compose_file()["services"]["api"]
    assert any("/readyz" in part for part in api["healthcheck"]["test"])
    assert compose_file()["services"]["neo4j"]["healthcheck"]["test"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_the_erasure_key_is_passed_to_the_api() -> None:
    environment = compose_file()["services"]["api"]["environment"]
    assert environment["LRM_ERASURE_KEY"].startswith("${LRM_ERASURE_KEY:?")


def test_the_first_admin_is_documented_in_the_file_and_the_readme() -> None:
    command = "docker compose exec -T api lrm users create"
    for documented in ("docker-compose.yml", "README.md"):
        text = (ROOT / documented).read_text()
        assert command in text, documented
        assert f"--role {Role.ADMIN.value}" in text, documented
