"""Helpers for the tests of the learner's own voice: learners, staff and their sign-ins."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests import factories
from tests.safeguarding.support import graph_of, school_with_learner, signed_in

__all__ = ["audit_entries", "count", "me", "school_with_learner", "signed_in", "staff_of"]


def me(client: TestClient, **fields: Any) -> tuple[dict[str, Any], dict[str, str]]:
    """Return a learner and the headers of their own sign-in."""
    learner = factories.learner(client, **fields)
    return learner, signed_in(client, "learner", person_uid=learner["uid"])


def staff_of(client: TestClient, role: str, school_uid: str) -> dict[str, str]:
    """Return the headers of a school admin or counselor of `school_uid` (an adult)."""
    adult = factories.adult(client, roles=["counselor"])
    factories.relate(client, "WORKS_AT", adult["uid"], school_uid)
    return signed_in(client, role, person_uid=adult["uid"], org_uid=school_uid)


def audit_entries(client: TestClient, learner_uid: str) -> list[tuple[str, str, str]]:
    """Return (action, what, outcome) of the audit entries about a learner, oldest first."""
    response = client.get("/v1/audit", params={"learner": learner_uid, "limit": 1000})
    assert response.status_code == 200, response.text
    items = reversed(response.json()["items"])
    return [(e["action"], e["what"], e["outcome"]) for e in items]


def count(client: TestClient, query: str, **params: Any) -> Any:
    """Return the one value of a test-only query: what a test checks was, or was not,
    written, straight from the database."""
    graph = graph_of(client)
    records = graph.driver.execute_query(query, params, database_=graph.database).records
    return records[0][0]
