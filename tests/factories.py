"""Factories: small helpers that make one thing through the public API."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient

_counter = iter(range(1, 1_000_000))
CLEARED_UNTIL = (date.today() + timedelta(days=365)).isoformat()
# What clears an expert's screening: the status, who approved it, and until when.
CLEARED = {
    "screening_status": "cleared",
    "screened_by": "District HR",
    "screening_expires_on": CLEARED_UNTIL,
}


def make(client: TestClient, plural: str, **fields: Any) -> dict[str, Any]:
    response = client.post(f"/v1/{plural}", json=fields)
    assert response.status_code == 201, response.text
    return response.json()


def learner(client: TestClient, **fields: Any) -> dict[str, Any]:
    n = next(_counter)
    body = {"given_name": f"Ada{n}", "family_name": "Lovelace", "grade_level": "09"}
    return make(client, "learners", **(body | fields))


def adult(client: TestClient, **fields: Any) -> dict[str, Any]:
    n = next(_counter)
    body = {"given_name": f"Grace{n}", "family_name": "Hopper", "roles": ["mentor"]}
    return make(client, "adults", **(body | fields))


def expert(client: TestClient, **fields: Any) -> dict[str, Any]:
    n = next(_counter)
    body = {"given_name": f"Katherine{n}", "family_name": "Johnson"}
    if fields.get("screening_status") == "cleared":  # a clearance needs an approver and an end
        body |= CLEARED
    return make(client, "experts", **(body | fields))


def community(client: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"name": f"Robotics Club {next(_counter)}", "kind": "club"}
    return make(client, "communities", **(body | fields))


def organization(client: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"name": f"Northside High {next(_counter)}", "kind": "school"}
    return make(client, "organizations", **(body | fields))


def industry(client: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"name": f"Health Science {next(_counter)}"}
    return make(client, "industries", **(body | fields))


def goal(client: TestClient, **fields: Any) -> dict[str, Any]:
    body = {"title": f"Become a nurse {next(_counter)}"}
    return make(client, "goals", **(body | fields))


def relate(client: TestClient, rel_type: str, start: str, end: str, **fields: Any) -> dict:
    body = {"type": rel_type, "from_uid": start, "to_uid": end, **fields}
    response = client.post("/v1/relationships", json=body)
    assert response.status_code == 201, response.text
    return response.json()
