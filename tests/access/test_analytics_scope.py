"""Analytics are scoped to the learners the caller may see, and audited per learner named.

The world: schools A (learners a1, a2, a3) and B (b1, b2, b3). a1 and b1 are peers; b1
is in a club at B with an adult who works in the industry of a1's goal (three hops from
a1: a goal gap whose warm introduction runs through b1). A mentor mentors a2 and b3 and
bridges the two schools. a3 and b2 are linked to no one.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from tests import factories
from tests.access.scope_world import (
    as_role,
    audit_entries,
    enrolled,
    get,
    key_headers,
    names,
    outsiders,
    relate,
    two_schools,
)

ANALYTICS = ["goal-gaps", "structure", "mentor-matches", "community-suggestions"]
LEARNERS = {"a1", "a2", "a3", "b1", "b2", "b3"}
VISIBLE = {
    "admin": LEARNERS,
    "mentor": {"a2", "b3"},
    "counselor_a": {"a1", "a2", "a3"},
    "counselor_b": {"b1", "b2", "b3"},
    "key_a": {"a1", "a2", "a3"},
}


def build(client: TestClient) -> dict[str, dict[str, Any]]:
    world = two_schools(client)
    for name in sorted(LEARNERS):
        world[name] = enrolled(client, world[f"school_{name[0]}"])
    relate(client, "PEER_OF", world["a1"], world["b1"])
    world["club_b"] = factories.community(client)
    relate(client, "MEMBER_OF", world["b1"], world["club_b"])
    world["worker"] = factories.adult(client, roles=["staff"], caseload_capacity=5)
    relate(client, "MEMBER_OF", world["worker"], world["club_b"])
    world["industry"] = factories.industry(client)
    relate(client, "WORKS_IN", world["worker"], world["industry"])
    world["goal"] = factories.goal(client)
    relate(client, "IN_INDUSTRY", world["goal"], world["industry"])
    relate(client, "PURSUES", world["a1"], world["goal"])
    world["mentor"] = factories.adult(client, roles=["mentor"], caseload_capacity=2)
    for mentee in ("a2", "b3"):
        relate(client, "MENTORS", world["mentor"], world[mentee])
    world["counselor"] = factories.adult(client, roles=["counselor"])
    world["guardian"] = factories.adult(client, roles=["guardian"])
    relate(client, "GUARDIAN_OF", world["guardian"], world["a1"])
    world["expert"] = factories.expert(client)
    return world


def headers_of(graph: Graph, world: dict[str, dict[str, Any]], caller: str) -> dict[str, str]:
    """Return the headers that sign in as `caller` (the admin: the client's own)."""
    counselor = world["counselor"]["uid"]
    school_a, school_b = world["school_a"]["uid"], world["school_b"]["uid"]
    return {
        "admin": lambda: {},
        "mentor": lambda: as_role(graph, "mentor", person_uid=world["mentor"]["uid"]),
        "counselor_a": lambda: as_role(graph, "counselor", person_uid=counselor, org_uid=school_a),
        "counselor_b": lambda: as_role(graph, "counselor", person_uid=counselor, org_uid=school_b),
        "key_a": lambda: key_headers(graph, school_a, Scope.READ),
    }[caller]()


def analytic(client: TestClient, name: str, headers: dict[str, str], **params: Any) -> Any:
    return get(client, f"/v1/analytics/{name}", headers, **params)


def learners_in(world: dict, items: list[dict[str, Any]]) -> set[str]:
    return names(world, [item["learner_uid"] for item in items])


def accept(client: TestClient, headers: dict[str, str], learner: dict, adult: dict) -> Any:
    body = {"learner_uid": learner["uid"], "adult_uid": adult["uid"]}
    return client.post("/v1/analytics/mentor-matches/accept", json=body, headers=headers)


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_goal_gaps_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    items = analytic(client, "goal-gaps", headers_of(graph, world, caller))["items"]
    assert learners_in(world, items) == {"a1"} & VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_structure_isolated_groups_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    answer = analytic(client, "structure", headers_of(graph, world, caller))
    listed = [uid["uid"] for group in answer["isolated_groups"] for uid in group["learners"]]
    assert names(world, listed) == {"a3", "b2"} & VISIBLE[caller]


@pytest.mark.parametrize(("caller", "size"), [("admin", 2), ("counselor_a", 1)])
def test_structure_group_size_counts_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str, size: int
) -> None:
    world = build(client)
    relate(client, "PEER_OF", world["a3"], world["b2"])  # one group across the two schools
    answer = analytic(client, "structure", headers_of(graph, world, caller))
    [group] = [g for g in answer["isolated_groups"] if world["a3"]["uid"] in
               {learner["uid"] for learner in g["learners"]}]  # fmt: skip
    assert group["size"] == size


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_mentor_matches_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    items = analytic(client, "mentor-matches", headers_of(graph, world, caller))["items"]
    assert learners_in(world, items) == {"a1", "a3", "b1", "b2"} & VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_community_suggestions_list_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    items = analytic(client, "community-suggestions", headers_of(graph, world, caller))["items"]
    assert learners_in(world, items) == {"a1", "a2", "a3", "b2", "b3"} & VISIBLE[caller]


def test_goal_gap_path_names_no_learner_the_caller_may_not_see(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    [gap] = analytic(client, "goal-gaps", headers)["items"]
    assert [(step["uid"], step["node_kind"]) for step in gap["path"]] == [
        (world["a1"]["uid"], "learner"),
        (None, "learner"),
        (world["club_b"]["uid"], "community"),
        (world["worker"]["uid"], "adult"),
    ]
    assert gap["path"][1]["name"] is None


def test_goal_gap_path_names_every_learner_for_the_district(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    [gap] = analytic(client, "goal-gaps", {})["items"]
    assert names(world, [step["uid"] for step in gap["path"]]) == {
        "a1", "b1", "club_b", "worker"
    }  # fmt: skip


def test_goal_gaps_csv_names_no_learner_the_caller_may_not_see(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    response = client.get("/v1/analytics/goal-gaps", params={"format": "csv"}, headers=headers)
    assert response.status_code == 200
    assert world["b1"]["uid"] not in response.text
    assert world["b1"]["name"] not in response.text


def test_community_suggestion_peer_the_caller_may_not_see_is_unnamed(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    items = analytic(client, "community-suggestions", headers_of(graph, world, "counselor_a"))
    [a1] = [item for item in items["items"] if item["learner_uid"] == world["a1"]["uid"]]
    [club] = a1["suggestions"]
    assert (club["community_uid"], club["peer"], club["score"]) == (world["club_b"]["uid"], [], 2)
    assert club["reasons"] == ["1 more peer is a member"]


def test_structure_bridging_adult_counts_only_learners_the_caller_sees(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    by_admin = analytic(client, "structure", {})["bridging_adults"]
    by_counselor = analytic(client, "structure", headers_of(graph, world, "counselor_a"))
    mentor = world["mentor"]["uid"]
    assert [(a["uid"], a["learners"]) for a in by_admin if a["uid"] == mentor] == [(mentor, 2)]
    assert [(a["uid"], a["learners"]) for a in by_counselor["bridging_adults"]] == [(mentor, 1)]


def test_analytics_organization_filter_outside_scope_is_empty(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    outside, unknown = world["school_b"]["uid"], "no-such-school"
    for organization in (outside, unknown):
        items = analytic(client, "mentor-matches", headers, organization=organization)["items"]
        assert items == [], organization


def test_analytics_community_filter_outside_scope_is_empty(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    answer = analytic(client, "structure", headers, community=world["club_b"]["uid"])
    assert (answer["isolated_groups"], answer["bridging_adults"]) == ([], [])


@pytest.mark.parametrize("role", ["learner", "guardian", "expert"])
def test_analytics_refuse_learners_guardians_and_experts(
    client: TestClient, graph: Graph, role: str
) -> None:
    world = build(client)
    headers = outsiders(graph, world)[role]
    for name in ANALYTICS:
        assert client.get(f"/v1/analytics/{name}", headers=headers).status_code == 403, name
    assert accept(client, headers, world["a1"], world["worker"]).status_code == 403


def test_analytics_refuse_api_key_without_read_scope(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = key_headers(graph, world["school_a"]["uid"], Scope.WRITE)
    assert client.get("/v1/analytics/goal-gaps", headers=headers).status_code == 403


def test_analytic_audit_holds_one_entry_per_learner_disclosed(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    analytic(client, "mentor-matches", headers_of(graph, world, "counselor_a"))
    entries = audit_entries(graph, "GET /v1/analytics/mentor-matches")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a1", "a3"]
    purpose = f"organization {world['school_a']['uid']}"
    assert {(e["action"], e["purpose"]) for e in entries} == {("read", purpose)}


def test_analytic_audit_names_learners_on_a_path_for_the_district(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    analytic(client, "goal-gaps", {})
    entries = audit_entries(graph, "GET /v1/analytics/goal-gaps")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a1", "b1"]
    assert {e["purpose"] for e in entries} == {"district"}


def test_analytic_csv_download_is_audited(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "mentor")
    params = {"format": "csv"}
    response = client.get("/v1/analytics/community-suggestions", params=params, headers=headers)
    assert response.status_code == 200
    entries = audit_entries(graph, "GET /v1/analytics/community-suggestions")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a2", "b3"]
    assert {e["purpose"] for e in entries} == {"MENTORS"}


def test_accept_match_counselor_of_the_learner_school_is_audited_as_grant(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    response = accept(client, headers, world["a1"], world["worker"])
    assert response.status_code == 201, response.text
    [entry] = audit_entries(graph, "POST /v1/analytics/mentor-matches/accept")
    assert (entry["learner_uid"], entry["action"], entry["outcome"]) == (
        world["a1"]["uid"],
        "grant",
        "allowed",
    )


def test_accept_match_learner_of_another_school_is_404(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    assert accept(client, headers, world["b1"], world["worker"]).status_code == 404
    still_unmatched = analytic(client, "mentor-matches", {})["items"]
    assert "b1" in learners_in(world, still_unmatched)


def test_accept_match_mentor_is_403(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "mentor")
    assert accept(client, headers, world["a2"], world["worker"]).status_code == 403


def test_accept_match_api_key_needs_write_scope(client: TestClient, graph: Graph) -> None:
    world = build(client)
    school_a = world["school_a"]["uid"]
    read_only = key_headers(graph, school_a, Scope.READ)
    writer = key_headers(graph, school_a, Scope.READ, Scope.WRITE)
    assert accept(client, read_only, world["a3"], world["worker"]).status_code == 403
    assert accept(client, writer, world["a3"], world["worker"]).status_code == 201
