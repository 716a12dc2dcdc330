"""A write whose audit entry cannot be written is not made: the entry comes first."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.graph import Graph
from tests import factories
from tests.audit_blocked import audit_blocked


def test_accept_match_is_not_written_when_its_audit_entry_fails(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    body = {"learner_uid": learner["uid"], "adult_uid": adult["uid"]}
    with audit_blocked(graph, settings) as app:
        response = app.post("/v1/analytics/mentor-matches/accept", json=body)
    assert response.status_code == 503, response.text
    listed = client.get("/v1/relationships", params={"node": learner["uid"], "type": "MENTORS"})
    assert listed.json()["items"] == []
