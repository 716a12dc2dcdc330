"""Helpers for the safeguarding tests: people with sign-ins, connections step by step."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests import auth_helpers, factories

ADULT_BIRTH_DATE = "2000-01-15"  # 18 or more on any day these tests run


def graph_of(client: TestClient) -> Graph:
    graph: Graph = client.app.state.graph  # type: ignore[attr-defined]
    return graph


def signed_in(client: TestClient, role: str, **ids: str | None) -> dict[str, str]:
    """Return the headers of a new account of `role` (person_uid=..., org_uid=...)."""
    return auth_helpers.seed_caller(graph_of(client), role, **ids)


def school_with_learner(client: TestClient, **fields: Any) -> tuple[dict, dict]:
    """Return a school and a learner actively enrolled at it."""
    school, learner = factories.organization(client), factories.learner(client, **fields)
    factories.relate(client, "ENROLLED_AT", learner["uid"], school["uid"])
    return school, learner


def guardian_of(client: TestClient, learner_uid: str) -> dict[str, str]:
    """Return the headers of a guardian with an active GUARDIAN_OF to the learner."""
    parent = factories.adult(client, roles=["guardian"])
    factories.relate(client, "GUARDIAN_OF", parent["uid"], learner_uid)
    return signed_in(client, "guardian", person_uid=parent["uid"])


def expert_caller(client: TestClient, **fields: Any) -> tuple[dict, dict[str, str]]:
    """Return a cleared expert and the headers of their sign-in."""
    expert = factories.expert(client, **({"screening_status": "cleared"} | fields))
    return expert, signed_in(client, "expert", person_uid=expert["uid"])


def propose(
    client: TestClient, expert_uid: str, learner_uid: str, headers: dict | None = None, **body: Any
) -> Any:
    payload = {"expert_uid": expert_uid, "learner_uid": learner_uid, **body}
    return client.post("/v1/connections", json=payload, headers=headers)


def step(
    client: TestClient, uid: str, action: str, headers: dict | None = None, **body: Any
) -> Any:
    return client.post(f"/v1/connections/{uid}/{action}", json=body or None, headers=headers)


def active_connection(
    client: TestClient, expert_uid: str, learner_uid: str, rel_type: str = "MENTORS"
) -> dict[str, Any]:
    """Walk a connection to active: proposed and approved by the admin, consented to by a
    guardian when the learner needs one. Return the connection."""
    proposed = propose(client, expert_uid, learner_uid, type=rel_type)
    assert proposed.status_code == 201, proposed.text
    approved = step(client, proposed.json()["uid"], "approve")
    assert approved.status_code == 200, approved.text
    connection = approved.json()
    if connection["status"] == "approved":
        guardian = guardian_of(client, learner_uid)
        consented = step(client, connection["uid"], "consent", guardian)
        assert consented.status_code == 200, consented.text
        connection = consented.json()
    assert connection["status"] == "active", connection
    return connection
