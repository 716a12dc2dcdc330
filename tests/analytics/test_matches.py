"""Mentor matches: who lacks a caring adult, ranked candidates, one capacity-bound assignment,
and accepting a match."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from fastapi.testclient import TestClient

from analytics.matches import WEIGHTS, assign, mentor_matches, unmentored_learners
from lrm_graph import clock
from lrm_graph.analysis.projection import project
from lrm_graph.config import DEFAULT_CARING_TYPES as CARING
from lrm_graph.config import Settings
from lrm_graph.db.graph import Graph
from tests import factories
from tests.analytics.support import analytic, csv_rows, end, handmade, relate
from tests.safeguarding.support import active_connection

# The direct count the projection must agree with.
UNMENTORED = """
MATCH (l:Learner) WHERE l.archived_at IS NULL
  AND NOT EXISTS {
    MATCH (l)-[r]-(a) WHERE (a:Adult OR a:Expert) AND type(r) IN $caring
      AND (r.until IS NULL OR r.until > $today)
      AND coalesce(r.connection_status, 'active') = 'active'
  }
RETURN l.uid AS uid ORDER BY uid
"""


def greedy(scores: Mapping[str, Mapping[str, int]], room: Mapping[str, int]) -> dict[str, str]:
    """The loop the flow replaces: take the best remaining pair while the adult has room."""
    left, chosen = dict(room), {}
    pairs = sorted((-s, learner, adult) for learner, c in scores.items() for adult, s in c.items())
    for _, learner, adult in pairs:
        if learner not in chosen and left.get(adult, 0) > 0:
            chosen[learner] = adult
            left[adult] -= 1
    return chosen


def total(scores: Mapping[str, Mapping[str, int]], chosen: Mapping[str, str]) -> int:
    return sum(scores[learner][adult] for learner, adult in chosen.items())


def test_assign_matches_more_learners_than_greedy() -> None:
    scores = {"x": {"a": 5, "b": 4}, "y": {"a": 4}}
    room = {"a": 1, "b": 1}
    assert greedy(scores, room) == {"x": "a"}  # y is stranded
    assert assign(scores, room) == {"x": "b", "y": "a"}


def test_assign_scores_better_than_greedy_at_equal_count() -> None:
    scores = {"x": {"a": 4, "b": 3}, "y": {"a": 3, "b": 1}}
    room = {"a": 1, "b": 1}
    chosen = assign(scores, room)
    assert len(chosen) == len(greedy(scores, room)) == 2
    assert (total(scores, chosen), total(scores, greedy(scores, room))) == (6, 5)


def test_assign_respects_capacity() -> None:
    scores = {learner: {"a": 2, "b": 1} for learner in ("x", "y", "z", "w")}
    chosen = assign(scores, {"a": 2, "b": 1})
    assert sorted(chosen.values()) == ["a", "a", "b"]


def test_assign_nothing_to_assign_is_empty() -> None:
    assert assign({}, {}) == {}
    assert assign({"x": {"a": 3}}, {"a": 0}) == {}


def test_unmentored_learners_honours_caring_types() -> None:
    nodes = {"l1": "learner", "l2": "learner", "l3": "learner", "a": "adult"}
    edges = [("l1", "a", "TRUSTS"), ("a", "l2", "TEACHES")]
    G = handmade(nodes, edges)
    assert unmentored_learners(G, caring_types=CARING) == ["l2", "l3"]
    assert unmentored_learners(G, caring_types=["MENTORS"]) == ["l1", "l2", "l3"]
    assert unmentored_learners(G, caring_types=["TEACHES"], learners=["l2", "l3"]) == ["l3"]


def test_unmentored_learners_peer_is_not_an_adult() -> None:
    G = handmade({"l1": "learner", "l2": "learner"}, [("l1", "l2", "PEER_MENTORS")])
    assert unmentored_learners(G, caring_types=["PEER_MENTORS"]) == ["l1", "l2"]


def test_mentor_matches_score_uses_documented_weights() -> None:
    nodes = {
        "l": "learner",
        "a": ("adult", {"caseload_capacity": 3}),
        "g": "goal",
        "i": "industry",
        "c": "community",
        "n": "interest",
    }
    edges = [("l", "g", "PURSUES"), ("g", "i", "IN_INDUSTRY"), ("a", "i", "WORKS_IN")]
    edges += [("l", "c", "MEMBER_OF"), ("a", "c", "TEACHES")]
    edges += [("l", "n", "INTERESTED_IN"), ("a", "n", "INTERESTED_IN")]
    [row] = mentor_matches(handmade(nodes, edges), caring_types=CARING)
    assert row == {
        "learner_uid": "l",
        "assigned_uid": "a",
        "candidates": [
            {
                "adult_uid": "a",
                "score": WEIGHTS["goal_industry"] + WEIGHTS["community"] + WEIGHTS["interest"],
                "room": 3,
                "goal_industry": ["i"],
                "community": ["c"],
                "interest": ["n"],
                "assigned": True,
            }
        ],
    }
    assert WEIGHTS == {"goal_industry": 3, "community": 2, "interest": 1}


def test_mentor_matches_only_adults_with_room_and_screened_experts() -> None:
    nodes = {
        "l": "learner",
        "other": "learner",
        "n": "interest",
        "no_capacity": "adult",
        "full": ("adult", {"caseload_capacity": 1}),
        "pending": ("expert", {"screened": False, "caseload_capacity": 2}),
        "cleared": ("expert", {"screened": True, "caseload_capacity": 2}),
    }
    edges = [("full", "other", "MENTORS"), ("l", "n", "INTERESTED_IN")]
    edges += [(uid, "n", "INTERESTED_IN") for uid in ("no_capacity", "full", "pending", "cleared")]
    [row] = mentor_matches(handmade(nodes, edges), caring_types=CARING, learners=["l"])
    assert [c["adult_uid"] for c in row["candidates"]] == ["cleared"]


def test_mentor_matches_learner_with_no_shared_ground_has_no_candidates() -> None:
    G = handmade({"l": "learner", "a": ("adult", {"caseload_capacity": 5})}, [])
    assert mentor_matches(G, caring_types=CARING) == [
        {"learner_uid": "l", "candidates": [], "assigned_uid": None}
    ]


def test_mentor_matches_limit_keeps_the_assigned_candidate() -> None:
    nodes = {"x": "learner", "y": "learner", "n": "interest", "m": "interest"}
    nodes |= {"a": ("adult", {"caseload_capacity": 1}), "b": ("adult", {"caseload_capacity": 1})}
    edges = [("x", "n", "INTERESTED_IN"), ("x", "m", "INTERESTED_IN"), ("y", "n", "INTERESTED_IN")]
    edges += [("a", "n", "INTERESTED_IN"), ("a", "m", "INTERESTED_IN"), ("b", "m", "INTERESTED_IN")]
    rows = {
        row["learner_uid"]: row
        for row in mentor_matches(handmade(nodes, edges), caring_types=CARING, limit=1)
    }
    # x ranks a first (2 shared) but y can only have a: x is assigned b, still listed.
    assert [(c["adult_uid"], c["assigned"]) for c in rows["x"]["candidates"]] == [
        ("a", False),
        ("b", True),
    ]
    assert rows["y"]["assigned_uid"] == "a"


def test_mentor_matches_empty_graph_is_empty() -> None:
    assert mentor_matches(handmade({}, []), caring_types=CARING) == []


# --- against the database ----------------------------------------------------------------


def _world_of_caring(client: TestClient) -> dict[str, dict]:
    adult = factories.adult(client)
    expert = factories.expert(client, screening_status="cleared")
    people = {name: factories.learner(client) for name in (
        "mentored", "ended", "trusts", "taught", "peer", "by_expert", "archived", "none"
    )}  # fmt: skip
    relate(client, "MENTORS", adult, people["mentored"])
    end(client, relate(client, "MENTORS", adult, people["ended"]))
    relate(client, "TRUSTS", people["trusts"], adult)
    relate(client, "TEACHES", adult, people["taught"])
    relate(client, "PEER_OF", people["peer"], people["mentored"])
    # An expert's edge counts once the connection is active (proposed, approved, consented).
    active_connection(client, expert["uid"], people["by_expert"]["uid"], rel_type="COACHES")
    relate(client, "MENTORS", adult, people["archived"])
    assert client.delete(f"/v1/learners/{people['archived']['uid']}").status_code == 200
    return people


def test_unmentored_learners_equal_direct_cypher_count(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    people = _world_of_caring(client)
    direct = graph.driver.execute_query(
        UNMENTORED,
        caring=list(settings.caring_types),
        today=clock.today(),
        database_=graph.database,
    ).records
    by_cypher = [record["uid"] for record in direct]
    by_projection = unmentored_learners(project(graph), caring_types=settings.caring_types)
    by_api = [row["learner_uid"] for row in analytic(client, "mentor-matches")["items"]]

    assert by_projection == by_cypher == by_api
    expected = {people[name]["uid"] for name in ("ended", "taught", "peer", "none")}
    assert set(by_cypher) == expected


def test_mentor_matches_api_flow_assigns_where_greedy_strands(client: TestClient) -> None:
    x, y = factories.learner(client), factories.learner(client)
    a = factories.adult(client, caseload_capacity=1)
    b = factories.adult(client, caseload_capacity=1)
    industry, goal = factories.industry(client), factories.goal(client)
    club, chess = factories.community(client), factories.make(client, "interests", name="Chess")
    relate(client, "PURSUES", x, goal)
    relate(client, "IN_INDUSTRY", goal, industry)
    relate(client, "WORKS_IN", a, industry)
    relate(client, "WORKS_IN", b, industry)
    relate(client, "MEMBER_OF", x, club)
    relate(client, "MEMBER_OF", a, club)
    relate(client, "INTERESTED_IN", y, chess)
    relate(client, "INTERESTED_IN", a, chess)

    answer = analytic(client, "mentor-matches")

    rows = {row["learner_uid"]: row for row in answer["items"]}
    assert [(c["adult_uid"], c["score"]) for c in rows[x["uid"]]["candidates"]] == [
        (a["uid"], 5),
        (b["uid"], 3),
    ]
    # Greedy would give x their best (a) and leave y with no one; the flow serves both.
    assert (rows[x["uid"]]["assigned_uid"], rows[y["uid"]]["assigned_uid"]) == (b["uid"], a["uid"])
    assert (answer["assigned"], answer["unassigned"]) == (2, 0)
    assert rows[y["uid"]]["candidates"][0]["reasons"] == ["both interested in Chess"]


def test_mentor_matches_api_learner_whose_only_adult_ended_is_listed(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client, caseload_capacity=2)
    chess = factories.make(client, "interests", name="Chess")
    relate(client, "INTERESTED_IN", learner, chess)
    relate(client, "INTERESTED_IN", adult, chess)
    end(client, relate(client, "MENTORS", adult, learner))
    [row] = analytic(client, "mentor-matches")["items"]
    assert (row["learner_uid"], row["assigned_uid"]) == (learner["uid"], adult["uid"])
    assert row["candidates"][0]["room"] == 2


def test_mentor_matches_api_csv(client: TestClient) -> None:
    learner = factories.learner(client)
    response = client.get("/v1/analytics/mentor-matches", params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert 'filename="mentor-matches.csv"' in response.headers["content-disposition"]
    [row] = csv_rows(response.text)
    assert (row["learner_uid"], row["adult_uid"], row["rank"]) == (learner["uid"], "", "")


def _accept(client: TestClient, learner: dict, adult: dict, **extra: str) -> httpx.Response:
    body = {"learner_uid": learner["uid"], "adult_uid": adult["uid"], **extra}
    return client.post("/v1/analytics/mentor-matches/accept", json=body)


def test_accept_match_creates_suggested_relationship(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client, caseload_capacity=1)
    response = _accept(client, learner, adult)
    assert response.status_code == 201, response.text
    rel = response.json()
    assert (rel["type"], rel["from_uid"], rel["to_uid"], rel["source"], rel["active"]) == (
        "MENTORS",
        adult["uid"],
        learner["uid"],
        "suggested",
        True,
    )
    assert response.headers["location"] == f"/v1/relationships/{rel['uid']}"
    assert analytic(client, "mentor-matches")["items"] == []


def test_accept_match_other_caseload_type(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    response = _accept(client, learner, adult, type="ADVISES")
    assert response.status_code == 201, response.text
    assert response.json()["type"] == "ADVISES"


def test_accept_match_unknown_nodes_are_404(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    assert _accept(client, {"uid": "no-such-learner"}, adult).status_code == 404
    assert _accept(client, learner, {"uid": "no-such-adult"}).status_code == 404


def test_accept_match_twice_is_409(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    assert _accept(client, learner, adult).status_code == 201
    assert _accept(client, learner, adult).status_code == 409


def test_accept_match_adult_without_room_is_409(client: TestClient) -> None:
    adult = factories.adult(client, caseload_capacity=1)
    relate(client, "MENTORS", adult, factories.learner(client))
    response = _accept(client, factories.learner(client), adult)
    assert response.status_code == 409
    assert "no caseload room" in response.json()["detail"]


def test_accept_match_not_a_caseload_type_is_422(client: TestClient) -> None:
    learner, adult = factories.learner(client), factories.adult(client)
    assert _accept(client, learner, adult, type="TRUSTS").status_code == 422


def test_accept_match_wrong_pair_or_unscreened_expert_is_422(client: TestClient) -> None:
    learner, other = factories.learner(client), factories.learner(client)
    assert _accept(client, learner, other).status_code == 422
    assert _accept(client, learner, factories.expert(client)).status_code == 422


def test_mentor_matches_screened_expert_with_room_is_a_candidate(client: TestClient) -> None:
    learner = factories.learner(client)
    cleared = factories.expert(
        client, caseload_capacity=1, screening_status="cleared", screened_by="Dana Staff"
    )
    pending = factories.expert(client, caseload_capacity=1)
    chess = factories.make(client, "interests", name="Chess")
    for person in (learner, cleared, pending):
        relate(client, "INTERESTED_IN", person, chess)
    [row] = analytic(client, "mentor-matches")["items"]
    assert [c["adult_uid"] for c in row["candidates"]] == [cleared["uid"]]
    assert row["assigned_uid"] == cleared["uid"]
