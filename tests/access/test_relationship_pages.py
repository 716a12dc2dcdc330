"""Relationship lists are filtered in the query: each page is full, its cursor right."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests import factories
from tests.auth_helpers import seed_caller


def pages(client: TestClient, headers: dict, node: str, limit: int) -> list[list[dict[str, Any]]]:
    """Walk every page of the node's relationships as the caller; return the pages."""
    walked, cursor = [], None
    while True:
        params = {"node": node, "limit": limit} | ({"cursor": cursor} if cursor else {})
        response = client.get("/v1/relationships", params=params, headers=headers)
        assert response.status_code == 200, response.text
        walked.append(response.json()["items"])
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return walked


def test_learner_pages_hold_only_adults_they_may_read_and_are_full(
    client: TestClient, graph: Graph
) -> None:
    learner, mentor, field = (
        factories.learner(client),
        factories.adult(client),
        factories.industry(client),
    )
    factories.relate(client, "MENTORS", mentor["uid"], learner["uid"])
    mine = [factories.relate(client, "WORKS_IN", mentor["uid"], field["uid"])["uid"]]
    for _ in range(4):  # adults the learner has no relationship to: not theirs to read
        factories.relate(client, "WORKS_IN", factories.adult(client)["uid"], field["uid"])
    headers = seed_caller(graph, "learner", person_uid=learner["uid"])
    walked = pages(client, headers, field["uid"], limit=1)
    assert [[item["uid"] for item in page] for page in walked] == [mine]


def test_goal_ties_are_listed_for_goals_the_caller_may_read(
    client: TestClient, graph: Graph
) -> None:
    learner, other, field = (
        factories.learner(client),
        factories.learner(client),
        factories.industry(client),
    )
    own, theirs, catalogue = factories.goal(client), factories.goal(client), factories.goal(client)
    factories.relate(client, "PURSUES", learner["uid"], own["uid"])
    factories.relate(client, "PURSUES", other["uid"], theirs["uid"])
    ties = {g["uid"]: factories.relate(client, "IN_INDUSTRY", g["uid"], field["uid"])["uid"]
            for g in (own, theirs, catalogue)}  # fmt: skip
    headers = seed_caller(graph, "learner", person_uid=learner["uid"])
    walked = pages(client, headers, field["uid"], limit=2)
    assert all(walked[:-1]) and len(walked[0]) == 2
    listed = sorted(item["uid"] for page in walked for item in page)
    assert listed == sorted([ties[own["uid"]], ties[catalogue["uid"]]])
