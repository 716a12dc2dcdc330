"""Warm introductions run through an expert only along an active connection."""

from fastapi.testclient import TestClient

from lrm_graph.analysis.projection import project
from lrm_graph.db.graph import Graph
from tests import factories
from tests.safeguarding.support import active_connection, guardian_of, propose, step


def expert_edges(graph: Graph, expert_uid: str) -> set[str]:
    G = project(graph)
    return {v for _, v, t in G.out_edges(expert_uid, data="type") if t == "MENTORS"}


def test_projection_leaves_out_proposed_and_approved_connections(
    client: TestClient, graph: Graph
) -> None:
    expert = factories.expert(client, screening_status="cleared")
    proposed, approved = factories.learner(client), factories.learner(client)
    propose(client, expert["uid"], proposed["uid"])
    uid = propose(client, expert["uid"], approved["uid"]).json()["uid"]
    step(client, uid, "approve")
    assert expert_edges(graph, expert["uid"]) == set()


def test_projection_keeps_an_active_connection(client: TestClient, graph: Graph) -> None:
    expert, learner = (
        factories.expert(client, screening_status="cleared"),
        factories.learner(client),
    )
    active_connection(client, expert["uid"], learner["uid"])
    assert expert_edges(graph, expert["uid"]) == {learner["uid"]}


def test_projection_leaves_out_a_revoked_connection(client: TestClient, graph: Graph) -> None:
    expert, learner = (
        factories.expert(client, screening_status="cleared"),
        factories.learner(client),
    )
    connection = active_connection(client, expert["uid"], learner["uid"])
    step(client, connection["uid"], "revoke")
    assert expert_edges(graph, expert["uid"]) == set()


def test_goal_gap_counts_an_expert_tie_only_once_active(client: TestClient) -> None:
    learner, goal = factories.learner(client), factories.goal(client)
    industry = factories.industry(client)
    expert = factories.expert(client, screening_status="cleared")
    factories.relate(client, "PURSUES", learner["uid"], goal["uid"])
    factories.relate(client, "IN_INDUSTRY", goal["uid"], industry["uid"])
    factories.relate(client, "WORKS_IN", expert["uid"], industry["uid"])
    uid = propose(client, expert["uid"], learner["uid"]).json()["uid"]
    step(client, uid, "approve")

    def tie() -> tuple[bool, int | None]:
        response = client.get("/v1/analytics/goal-gaps", params={"include_connected": True})
        assert response.status_code == 200, response.text
        [row] = response.json()["items"]
        return row["connected"], row["distance"]

    assert tie() == (False, None)
    assert step(client, uid, "consent", guardian_of(client, learner["uid"])).status_code == 200
    assert tie() == (True, 1)
