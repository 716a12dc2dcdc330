"""Rating relationships on the five elements, by either end; who reads the ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.db.graph import Graph
from tests import auth_helpers, factories
from tests.reports.support import end
from tests.safeguarding.support import active_connection, expert_caller, propose

PROBLEM = "application/problem+json"


@dataclass
class World:
    client: TestClient
    uid: dict[str, str] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def rate(self, who: str, rel: str, **scores: Any) -> Any:
        headers = None if who == "admin" else self.headers[who]
        return self.client.post(f"/v1/relationships/{self.uid[rel]}/ratings", json=scores,
                                headers=headers)  # fmt: skip

    def ratings(self, who: str, rel: str) -> Any:
        headers = None if who == "admin" else self.headers[who]
        return self.client.get(f"/v1/relationships/{self.uid[rel]}/ratings", headers=headers)


def build(client: TestClient, graph: Graph) -> World:
    """ana (school A) is mentored by mia, advised by adam, trusts tom (who has no
    relationship to her); bo is another learner there; cora counsels at A, bea at B."""
    world = World(client)
    uid = world.uid
    uid["school_a"], uid["school_b"] = (factories.organization(client)["uid"] for _ in "ab")
    for name in ("ana", "bo"):
        uid[name] = factories.learner(client, given_name=name.title())["uid"]
        factories.relate(client, "ENROLLED_AT", uid[name], uid["school_a"])
    for name in ("mia", "adam", "tom"):
        uid[name] = factories.adult(client, given_name=name.title())["uid"]
    uid["mentoring"] = factories.relate(client, "MENTORS", uid["mia"], uid["ana"])["uid"]
    uid["advising"] = factories.relate(client, "ADVISES", uid["adam"], uid["ana"])["uid"]
    uid["trusts"] = factories.relate(client, "TRUSTS", uid["ana"], uid["tom"])["uid"]
    callers = {
        "ana": ("learner", "ana", None), "bo": ("learner", "bo", None),
        "mia": ("mentor", "mia", None), "adam": ("advisor", "adam", None),
        "tom": ("teacher", "tom", None), "counselor": ("counselor", None, "school_a"),
        "counselor_b": ("counselor", None, "school_b"),
    }  # fmt: skip
    for who, (role, person, org) in callers.items():
        world.headers[who] = auth_helpers.seed_caller(
            graph, role, person_uid=uid[person] if person else None,
            org_uid=uid[org] if org else None,
        )  # fmt: skip
    return world


def test_either_end_rates_and_the_side_is_recorded(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    by_mia = world.rate("mia", "mentoring", express_care=5, share_power=2)
    assert by_mia.status_code == 201, by_mia.text
    rating = by_mia.json()
    assert (rating["side"], rating["rater_uid"]) == ("adult", world.uid["mia"])
    assert (rating["learner_uid"], rating["adult_uid"]) == (world.uid["ana"], world.uid["mia"])
    assert (rating["express_care"], rating["share_power"], rating["provide_support"]) == (
        5,
        2,
        None,
    )
    by_ana = world.rate("ana", "mentoring", share_power=4, provide_support=3)
    assert by_ana.status_code == 201 and by_ana.json()["side"] == "learner"


def test_ratings_are_newest_first_with_the_latest_score_per_element(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    world.rate("mia", "mentoring", express_care=5, share_power=2)
    world.rate("ana", "mentoring", share_power=4)
    for who in ("ana", "mia", "counselor", "admin"):
        response = world.ratings(who, "mentoring")
        assert response.status_code == 200, (who, response.text)
        answer = response.json()
        assert [r["side"] for r in answer["items"]] == ["learner", "adult"]
        latest = {k: v and (v["score"], v["side"]) for k, v in answer["latest"].items()}
        assert latest == {
            "express_care": (5, "adult"),
            "challenge_growth": None,
            "provide_support": None,
            "share_power": (4, "learner"),  # the most recent score wins
            "expand_possibilities": None,
        }


def test_learner_rates_their_trust_but_the_trusted_adult_cannot(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    assert world.rate("ana", "trusts", express_care=4).status_code == 201
    # tom has no relationship of his own to ana and sees no learner: as if absent.
    assert world.rate("tom", "trusts", express_care=4).status_code == 404
    assert world.ratings("tom", "trusts").status_code == 404


def test_others_may_not_rate_or_read_someone_elses_relationship(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    world.rate("mia", "mentoring", express_care=5)
    assert world.rate("bo", "mentoring", express_care=1).status_code == 404  # another learner
    assert world.rate("adam", "mentoring", express_care=1).status_code == 403  # sees ana
    assert world.rate("counselor", "mentoring", express_care=1).status_code == 403
    assert world.ratings("adam", "mentoring").status_code == 403
    assert world.ratings("bo", "mentoring").status_code == 404
    assert world.ratings("counselor_b", "mentoring").status_code == 404  # another school
    assert len(world.ratings("admin", "mentoring").json()["items"]) == 1


def test_an_ended_relationship_is_not_rated_but_its_ratings_stay(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    world.rate("mia", "mentoring", express_care=5)
    end(client, {"uid": world.uid["mentoring"]})
    response = world.rate("ana", "mentoring", express_care=1)
    assert response.status_code == 409 and response.headers["content-type"] == PROBLEM
    # The mentor's access ended with the relationship: to her, ana is not there.
    assert world.rate("mia", "mentoring", express_care=1).status_code == 404
    answer = world.ratings("ana", "mentoring").json()
    assert answer["active"] is False and len(answer["items"]) == 1


def test_only_caring_relationships_are_rated(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    club = factories.community(client)["uid"]
    world.uid["membership"] = factories.relate(client, "MEMBER_OF", world.uid["ana"], club)["uid"]
    response = world.rate("ana", "membership", express_care=3)
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
    assert (
        client.post("/v1/relationships/nobody.x/ratings", json={"share_power": 1}).status_code
        == 404
    )


def test_bad_scores_are_422_problem(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    for body in ({}, {"express_care": 6}, {"express_care": 0}, {"express_care": "3"},
                 {"express_care": 2.5}, {"care": 3}, {"share_power": None}):  # fmt: skip
        response = world.rate("mia", "mentoring", **body)
        assert response.status_code == 422, (body, response.text)
        assert response.headers["content-type"] == PROBLEM
    assert world.ratings("ana", "mentoring").json()["items"] == []


def test_ratings_are_audited(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    world.rate("mia", "mentoring", express_care=5)
    world.ratings("counselor", "mentoring")
    path = f"/v1/relationships/{world.uid['mentoring']}/ratings"
    entries = [e for e in audit.list_entries(graph, limit=1000).items if e["what"].endswith(path)]
    assert sorted((e["action"], e["learner_uid"], e["purpose"]) for e in entries) == [
        ("read", world.uid["ana"], f"organization {world.uid['school_a']}"),
        ("write", world.uid["ana"], "MENTORS"),
    ]


def test_a_proposed_expert_connection_is_not_yet_rated(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    expert, expert_headers = expert_caller(client)
    proposed = propose(client, expert["uid"], world.uid["ana"])
    assert proposed.status_code == 201, proposed.text
    world.uid["connection"] = proposed.json()["uid"]
    assert world.rate("ana", "connection", express_care=4).status_code == 409
    world.headers["expert"] = expert_headers
    assert world.rate("expert", "connection", express_care=4).status_code == 404  # no access yet
    active = active_connection(client, expert["uid"], world.uid["bo"])
    world.uid["active"] = active["uid"]
    rated = world.rate("expert", "active", expand_possibilities=5)
    assert rated.status_code == 201 and rated.json()["side"] == "adult"
