"""A write whose audit entry cannot be written is not made: the entry comes first."""

from __future__ import annotations

from fastapi.testclient import TestClient

from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
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


def test_bulk_load_writes_no_learner_when_its_audit_entry_fails(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    row = {"kind": "learner", "source_id": "S1", "given_name": "Tavi", "family_name": "Orr"}
    with audit_blocked(graph, settings) as app:
        response = app.post("/v1/bulk", json={"nodes": [row], "relationships": []})
    assert response.status_code == 503, response.text
    assert client.get("/v1/learners").json()["items"] == []


def test_bulk_load_records_each_learner_once(client: TestClient) -> None:
    learner = factories.learner(client)
    row = {"kind": "learner", "source_id": "S1", "given_name": "Tavi", "family_name": "Orr"}
    peers = {"type": "PEER_OF", "from": {"kind": "learner", "source_id": "S1"},
             "to": {"uid": learner["uid"]}}  # fmt: skip
    answer = client.post("/v1/bulk", json={"nodes": [row], "relationships": [peers]}).json()
    assert answer["rejected"] == []
    entries = client.get("/v1/audit", params={"limit": 100}).json()["items"]
    loaded = sorted(e["learner_uid"] for e in entries if e["what"] == "POST /v1/bulk")
    [new] = [
        n["uid"] for n in client.get("/v1/learners").json()["items"] if n["uid"] != learner["uid"]
    ]
    assert loaded == sorted([new, learner["uid"]])
