"""Helpers for the care team tests: the access world, and its records made through the API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests.access.world import World, build
from tests.auth_helpers import seed_caller

PROBLEM_JSON = "application/problem+json"


def world_of(client: TestClient) -> World:
    """Build the access world (ada at school A and her circle, ben at school B) and sign in
    a counselor of school B as well."""
    graph: Graph = client.app.state.graph  # type: ignore[attr-defined]
    world = build(client, graph)
    world.headers["counselor_b"] = seed_caller(
        graph, "counselor", person_uid=world.uid["mentor_b"], org_uid=world.uid["school_b"]
    )
    return world


def ago(**delta: float) -> str:
    """Return an ISO time that long before now (UTC)."""
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


def log(world: World, role: str, learners: list[str], **body: Any) -> Any:
    """Log an interaction as `role` with the named learners of the world."""
    payload = {"learner_uids": [world.uid[name] for name in learners], "kind": "meeting",
               "summary": "Talked about the week"} | body  # fmt: skip
    return world.call(role, "POST", "/v1/interactions", json=payload)


def note(world: World, role: str, visibility: str, text: str | None = None) -> Any:
    """Write a note about ada as `role`."""
    body = {"learner_uid": world.uid["ada"], "text": text or f"{visibility} note",
            "visibility": visibility}  # fmt: skip
    return world.call(role, "POST", "/v1/notes", json=body)


def plan(world: World, role: str, **body: Any) -> Any:
    """Open an intervention for ada as `role`."""
    payload = {"learner_uid": world.uid["ada"], "what": "Weekly reading check",
               "cadence_days": 7} | body  # fmt: skip
    return world.call(role, "POST", "/v1/interventions", json=payload)


def is_problem(response: Any, status: int) -> bool:
    return bool(
        response.status_code == status
        and response.headers["content-type"].startswith(PROBLEM_JSON)
        and response.json()["status"] == status
    )
