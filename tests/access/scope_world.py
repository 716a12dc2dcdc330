"""What the report and analytics scope tests share: two schools, callers, the audit."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.auth import keys
from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from tests import auth_helpers, factories

LONG_AGO = "2020-01-01"  # a caring tie begun then, with no interaction, is quiet
NOBODY = {"Authorization": ""}


def two_schools(client: TestClient) -> dict[str, dict[str, Any]]:
    """Make schools A and B; return them by name."""
    return {
        "school_a": factories.organization(client, name="School A"),
        "school_b": factories.organization(client, name="School B"),
    }


def enrolled(client: TestClient, school: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """Make a learner actively enrolled at `school`."""
    learner = factories.learner(client, **fields)
    relate(client, "ENROLLED_AT", learner, school)
    return learner


def relate(client: TestClient, rel_type: str, start: dict, end: dict, **fields: Any) -> dict:
    return factories.relate(client, rel_type, start["uid"], end["uid"], **fields)


def as_role(graph: Graph, role: str, **who: str | None) -> dict[str, str]:
    """Return headers that sign in as a new account of `role` (person_uid=, org_uid=)."""
    return auth_helpers.seed_caller(graph, role, **who)


def key_headers(graph: Graph, org_uid: str | None, *scopes: Scope) -> dict[str, str]:
    """Return headers that sign in with a new API key of `scopes` for `org_uid`."""
    secret, _ = keys.create_key(graph, name="sis", scopes=list(scopes), org_uid=org_uid)
    return {"Authorization": f"Bearer {secret}"}


def outsiders(graph: Graph, world: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Return headers for a learner, a guardian and an expert (none may run reports)."""
    return {
        "learner": as_role(graph, "learner", person_uid=world["a1"]["uid"]),
        "guardian": as_role(graph, "guardian", person_uid=world["guardian"]["uid"]),
        "expert": as_role(graph, "expert", person_uid=world["expert"]["uid"]),
    }


def get(client: TestClient, path: str, headers: dict[str, str], **params: Any) -> Any:
    """GET `path` as JSON; assert it answered 200."""
    response = client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def names(world: dict[str, dict[str, Any]], uids: list[str]) -> set[str]:
    """Return the world's names (a1, b2, ...) of these uids."""
    by_uid = {item["uid"]: name for name, item in world.items()}
    return {by_uid[uid] for uid in uids}


def audit_entries(graph: Graph, what: str) -> list[dict[str, Any]]:
    """Return every audit entry recorded for the request `what` (e.g. "GET /v1/...")."""
    return [e for e in audit.list_entries(graph, limit=1000).items if e["what"] == what]
