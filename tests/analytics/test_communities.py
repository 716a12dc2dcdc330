"""Community suggestions for learners in no community: peers' communities, goal industries."""

from __future__ import annotations

from fastapi.testclient import TestClient

from analytics.communities import WEIGHTS, community_suggestions, learners_without_community
from tests import factories
from tests.analytics.support import analytic, csv_rows, end, handmade, relate


def test_community_suggestions_rank_peers_and_goal_industry() -> None:
    nodes = {"l": "learner", "p1": "learner", "p2": "learner", "g": "goal", "i": "industry"}
    nodes |= {"robots": "community", "band": "community", "nurses": "community"}
    edges = [("l", "p1", "PEER_OF"), ("p2", "l", "PEER_MENTORS")]
    edges += [("p1", "robots", "MEMBER_OF"), ("p2", "robots", "MEMBER_OF")]
    edges += [("p1", "band", "MEMBER_OF")]
    edges += [("l", "g", "PURSUES"), ("g", "i", "IN_INDUSTRY"), ("nurses", "i", "IN_INDUSTRY")]
    rows = community_suggestions(handmade(nodes, edges), learners=["l"])
    assert rows == [
        {
            "learner_uid": "l",
            "suggestions": [
                {"community_uid": "robots", "score": 4, "peer": ["p1", "p2"], "goal_industry": []},
                {"community_uid": "nurses", "score": 3, "peer": [], "goal_industry": ["i"]},
                {"community_uid": "band", "score": 2, "peer": ["p1"], "goal_industry": []},
            ],
        }
    ]
    assert WEIGHTS == {"peer": 2, "goal_industry": 3}


def test_community_suggestions_learner_in_a_community_is_not_listed() -> None:
    G = handmade({"l": "learner", "c": "community"}, [("l", "c", "MEMBER_OF")])
    assert learners_without_community(G) == []
    assert community_suggestions(G) == []


def test_community_suggestions_nothing_to_suggest_still_lists_learner() -> None:
    G = handmade({"l": "learner", "c": "community"}, [])
    assert community_suggestions(G) == [{"learner_uid": "l", "suggestions": []}]


def test_community_suggestions_adult_peer_link_is_no_reason() -> None:
    nodes = {"l": "learner", "a": "adult", "c": "community"}
    G = handmade(nodes, [("l", "a", "TRUSTS"), ("a", "c", "MEMBER_OF")])
    assert community_suggestions(G)[0]["suggestions"] == []


def test_community_suggestions_limit() -> None:
    nodes = {"l": "learner", "p": "learner"} | {f"c{i}": "community" for i in range(4)}
    edges = [("l", "p", "PEER_OF")] + [("p", f"c{i}", "MEMBER_OF") for i in range(4)]
    rows = community_suggestions(handmade(nodes, edges), limit=2, learners=["l"])
    assert [s["community_uid"] for s in rows[0]["suggestions"]] == ["c0", "c1"]


def test_community_suggestions_empty_graph_is_empty() -> None:
    assert community_suggestions(handmade({}, [])) == []


# --- through the API ---------------------------------------------------------------------


def test_community_suggestions_api_with_reasons(client: TestClient) -> None:
    learner, peer = factories.learner(client), factories.learner(client)
    club = factories.community(client, name="Robotics", kind="club")
    relate(client, "PEER_OF", learner, peer)
    relate(client, "MEMBER_OF", peer, club)

    items = analytic(client, "community-suggestions")["items"]

    [row] = [item for item in items if item["learner_uid"] == learner["uid"]]
    [suggestion] = row["suggestions"]
    assert (suggestion["community_uid"], suggestion["kind"], suggestion["score"]) == (
        club["uid"],
        "club",
        2,
    )
    assert suggestion["reasons"] == [f"peer {peer['name']} is a member"]
    assert peer["uid"] not in [item["learner_uid"] for item in items]


def test_community_suggestions_api_ended_membership_counts_as_none(client: TestClient) -> None:
    learner, club = factories.learner(client), factories.community(client)
    end(client, relate(client, "MEMBER_OF", learner, club))
    items = analytic(client, "community-suggestions")["items"]
    assert items == [
        {"learner_uid": learner["uid"], "learner_name": learner["name"], "suggestions": []}
    ]


def test_community_suggestions_api_goal_industry_and_organization_filter(
    client: TestClient,
) -> None:
    school = factories.organization(client)
    enrolled, elsewhere = factories.learner(client), factories.learner(client)
    relate(client, "ENROLLED_AT", enrolled, school)
    goal, industry = factories.goal(client), factories.industry(client, name="Health")
    nurses = factories.community(client, name="Future Nurses", kind="program")
    for learner in (enrolled, elsewhere):
        relate(client, "PURSUES", learner, goal)
    relate(client, "IN_INDUSTRY", goal, industry)
    relate(client, "IN_INDUSTRY", nurses, industry)

    response = client.get(
        "/v1/analytics/community-suggestions",
        params={"organization": school["uid"], "format": "csv"},
    )

    assert response.status_code == 200, response.text
    [row] = csv_rows(response.text)
    assert (row["learner_uid"], row["community_name"], row["score"], row["reasons"]) == (
        enrolled["uid"],
        "Future Nurses",
        "3",
        "in Health, a goal's industry",
    )
