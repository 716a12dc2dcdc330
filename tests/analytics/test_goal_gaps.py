"""Goal gaps: the nearest tie to a goal's industry, on hand-made graphs and through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from analytics.goal_gaps import goal_gaps
from tests import factories
from tests.analytics.support import analytic, csv_rows, end, handmade, relate

GOAL = [("l", "g", "PURSUES"), ("g", "i", "IN_INDUSTRY")]
BASE = {"l": "learner", "g": "goal", "i": "industry"}


def test_goal_gaps_mentor_in_industry_is_connected_at_one_hop() -> None:
    G = handmade(BASE | {"a": "adult"}, [*GOAL, ("a", "l", "MENTORS"), ("a", "i", "WORKS_IN")])
    assert goal_gaps(G) == [
        {
            "learner_uid": "l",
            "goal_uid": "g",
            "industry_uid": "i",
            "connected": True,
            "distance": 1,
            "path": ["l", "a"],
        }
    ]


def test_goal_gaps_community_member_counts_within_k_only() -> None:
    edges = [*GOAL, ("l", "c", "MEMBER_OF"), ("a", "c", "MEMBER_OF"), ("a", "i", "WORKS_IN")]
    G = handmade(BASE | {"c": "community", "a": "adult"}, edges)
    assert [(r["connected"], r["distance"]) for r in goal_gaps(G, k=2)] == [(True, 2)]
    assert [(r["connected"], r["path"]) for r in goal_gaps(G, k=1)] == [(False, ["l", "c", "a"])]


def test_goal_gaps_no_tie_anywhere_is_gap_without_path() -> None:
    G = handmade(BASE | {"a": "adult"}, [*GOAL, ("a", "l", "MENTORS")])
    [row] = goal_gaps(G)
    assert (row["connected"], row["distance"], row["path"]) == (False, None, [])


def test_goal_gaps_unscreened_expert_is_no_way_through() -> None:
    nodes = BASE | {"c1": "community", "c2": "community", "a": "adult"}
    edges = [
        *GOAL,
        ("l", "c1", "MEMBER_OF"),
        ("e", "c1", "MEMBER_OF"),
        ("e", "c2", "MEMBER_OF"),
        ("a", "c2", "MEMBER_OF"),
        ("a", "i", "WORKS_IN"),
    ]
    blocked = handmade(nodes | {"e": ("expert", {"screened": False})}, edges)
    cleared = handmade(nodes | {"e": ("expert", {"screened": True})}, edges)
    assert [(r["distance"], r["path"]) for r in goal_gaps(blocked)] == [(None, [])]
    assert [r["path"] for r in goal_gaps(cleared)] == [["l", "c1", "e", "c2", "a"]]


def test_goal_gaps_unscreened_expert_in_industry_is_no_tie() -> None:
    edges = [*GOAL, ("e", "c", "MEMBER_OF"), ("l", "c", "MEMBER_OF"), ("e", "i", "WORKS_IN")]
    G = handmade(BASE | {"c": "community", "e": ("expert", {"screened": False})}, edges)
    assert goal_gaps(G)[0]["distance"] is None


def test_goal_gaps_resource_supporting_goal_or_industry_is_a_tie() -> None:
    nodes = BASE | {"r1": "resource", "r2": "resource", "p": "learner"}
    edges = [
        *GOAL,
        ("l", "p", "PEER_OF"),
        ("p", "r1", "USES"),
        ("r1", "g", "SUPPORTS"),
        ("r2", "i", "SUPPORTS"),
    ]
    assert [r["path"] for r in goal_gaps(handmade(nodes, edges))] == [["l", "p", "r1"]]


def test_goal_gaps_path_never_runs_through_a_resource() -> None:
    nodes = BASE | {"r": "resource", "p": "learner", "a": "adult"}
    edges = [*GOAL, ("l", "r", "USES"), ("p", "r", "USES"), ("a", "p", "MENTORS")]
    edges.append(("a", "i", "WORKS_IN"))
    assert goal_gaps(handmade(nodes, edges))[0]["path"] == []


def test_goal_gaps_community_in_industry_is_a_tie() -> None:
    edges = [*GOAL, ("l", "c", "MEMBER_OF"), ("c", "i", "IN_INDUSTRY")]
    G = handmade(BASE | {"c": "community"}, edges)
    assert goal_gaps(G)[0]["path"] == ["l", "c"]


def test_goal_gaps_goal_without_industry_is_left_out() -> None:
    G = handmade({"l": "learner", "g": "goal"}, [("l", "g", "PURSUES")])
    assert goal_gaps(G) == []


def test_goal_gaps_empty_graph_is_empty() -> None:
    assert goal_gaps(handmade({}, [])) == []


def test_goal_gaps_learners_restricts_rows_not_paths() -> None:
    nodes = BASE | {"m": "learner", "a": "adult"}
    edges = [*GOAL, ("m", "g", "PURSUES"), ("l", "m", "PEER_OF"), ("a", "m", "MENTORS")]
    edges.append(("a", "i", "WORKS_IN"))
    rows = goal_gaps(handmade(nodes, edges), learners=["l", "nobody"])
    assert [(r["learner_uid"], r["path"]) for r in rows] == [("l", ["l", "m", "a"])]


# --- through the API, on graphs built through the public API ---------------------------


def _learner_with_goal(client: TestClient, **fields: object) -> tuple[dict, dict, dict]:
    learner = factories.learner(client, **fields)
    goal, industry = factories.goal(client), factories.industry(client)
    relate(client, "PURSUES", learner, goal)
    relate(client, "IN_INDUSTRY", goal, industry)
    return learner, goal, industry


def test_goal_gaps_api_gives_warm_introduction_through_peer(client: TestClient) -> None:
    learner, goal, industry = _learner_with_goal(client)
    club, peer, adult = (
        factories.community(client),
        factories.learner(client),
        factories.adult(client),
    )
    relate(client, "MEMBER_OF", learner, club)
    relate(client, "MEMBER_OF", peer, club)
    relate(client, "MENTORS", adult, peer)
    relate(client, "WORKS_IN", adult, industry)

    [gap] = analytic(client, "goal-gaps")["items"]

    assert (gap["learner_uid"], gap["goal_uid"], gap["industry_uid"]) == (
        learner["uid"],
        goal["uid"],
        industry["uid"],
    )
    assert (gap["connected"], gap["distance"]) == (False, 3)
    assert [step["uid"] for step in gap["path"]] == [
        learner["uid"],
        club["uid"],
        peer["uid"],
        adult["uid"],
    ]
    assert gap["path"][-1]["name"] == adult["name"]
    assert analytic(client, "goal-gaps", k=3)["items"] == []


def test_goal_gaps_api_ended_relationship_is_no_tie(client: TestClient) -> None:
    learner, _, industry = _learner_with_goal(client)
    adult = factories.adult(client)
    relate(client, "WORKS_IN", adult, industry)
    end(client, relate(client, "MENTORS", adult, learner))

    [gap] = analytic(client, "goal-gaps")["items"]

    assert (gap["connected"], gap["distance"], gap["path"]) == (False, None, [])


def test_goal_gaps_api_unscreened_expert_on_only_path_is_gap(client: TestClient) -> None:
    learner, _, industry = _learner_with_goal(client)
    near, far = factories.community(client), factories.community(client)
    expert, adult = factories.expert(client), factories.adult(client)  # expert: pending
    relate(client, "MEMBER_OF", learner, near)
    relate(client, "MEMBER_OF", expert, near)
    relate(client, "MEMBER_OF", expert, far)
    relate(client, "MEMBER_OF", adult, far)
    relate(client, "WORKS_IN", adult, industry)

    [gap] = analytic(client, "goal-gaps")["items"]
    assert (gap["distance"], gap["path"]) == (None, [])

    patched = client.patch(f"/v1/experts/{expert['uid']}", json=factories.CLEARED)
    assert patched.status_code == 200, patched.text
    [gap] = analytic(client, "goal-gaps")["items"]
    assert [s["uid"] for s in gap["path"]][2] == expert["uid"]


def test_goal_gaps_api_include_connected_lists_both(client: TestClient) -> None:
    learner, _, industry = _learner_with_goal(client)
    adult = factories.adult(client)
    relate(client, "MENTORS", adult, learner)
    relate(client, "WORKS_IN", adult, industry)
    assert analytic(client, "goal-gaps")["items"] == []
    [row] = analytic(client, "goal-gaps", include_connected=True)["items"]
    assert (row["connected"], row["distance"]) == (True, 1)


def test_goal_gaps_api_grade_filter_picks_learners(client: TestClient) -> None:
    ninth, _, _ = _learner_with_goal(client, grade_level="09")
    _learner_with_goal(client, grade_level="10")
    items = analytic(client, "goal-gaps", grade="09")["items"]
    assert [row["learner_uid"] for row in items] == [ninth["uid"]]


def test_goal_gaps_api_csv_is_an_attachment(client: TestClient) -> None:
    learner, goal, _ = _learner_with_goal(client)
    response = client.get("/v1/analytics/goal-gaps", params={"format": "csv"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="goal-gaps.csv"'
    [row] = csv_rows(response.text)
    assert (row["learner_uid"], row["goal_name"], row["connected"], row["distance"]) == (
        learner["uid"],
        goal["title"],
        "false",
        "",
    )


def test_goal_gaps_api_empty_graph_is_empty(client: TestClient) -> None:
    assert analytic(client, "goal-gaps") == {"k": 2, "items": [], "scope": "the whole district"}


def test_goal_gaps_api_k_out_of_range_is_422(client: TestClient) -> None:
    response = client.get("/v1/analytics/goal-gaps", params={"k": 0})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_analytics_unknown_organization_is_404(client: TestClient) -> None:
    response = client.get("/v1/analytics/goal-gaps", params={"organization": "no-such-org"})
    assert response.status_code == 404
    assert "no-such-org" in response.json()["detail"]


def test_analytics_unknown_name_is_404(client: TestClient) -> None:
    assert client.get("/v1/analytics/no-such-analytic").status_code == 404
