"""Reports are scoped to the learners the caller may see, and audited per learner named.

The world: schools A (learners a1, a2) and B (b1, b2). A mentor mentors a1 and b1 since
long ago, without an interaction (so both are at risk, each with one caring adult). A
teacher teaches a class at A that a2 is in; b2 is in a club at B. Nobody has a home base.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.auth.caller import Scope
from lrm_graph.db.graph import Graph
from tests import factories
from tests.access.scope_world import (
    LONG_AGO,
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

REPORTS = ["unmentored", "fragile", "caseloads", "no-community", "voice-mismatch", "coverage"]
LEARNERS = {"a1", "a2", "b1", "b2"}
# Who each caller sees.
VISIBLE = {
    "admin": LEARNERS,
    "mentor": {"a1", "b1"},
    "teacher": {"a2"},
    "counselor_a": {"a1", "a2"},
    "school_admin_b": {"b1", "b2"},
    "key_a": {"a1", "a2"},
}


def build(client: TestClient) -> dict[str, dict[str, Any]]:
    world = two_schools(client)
    for name in sorted(LEARNERS):
        world[name] = enrolled(client, world[f"school_{name[0]}"])
    world["mentor"] = factories.adult(client, roles=["mentor"], caseload_capacity=3)
    for mentee in ("a1", "b1"):
        relate(client, "MENTORS", world["mentor"], world[mentee], since=LONG_AGO)
    world["teacher"] = factories.adult(client, roles=["teacher"])
    world["class_a"] = factories.community(client, kind="class_section")
    relate(client, "TEACHES", world["teacher"], world["class_a"])
    relate(client, "MEMBER_OF", world["a2"], world["class_a"])
    world["club_b"] = factories.community(client)
    relate(client, "MEMBER_OF", world["b2"], world["club_b"])
    world["counselor_a"] = factories.adult(client, roles=["counselor"])
    world["guardian"] = factories.adult(client, roles=["guardian"])
    relate(client, "GUARDIAN_OF", world["guardian"], world["a1"])
    world["expert"] = factories.expert(client)
    return world


def headers_of(graph: Graph, world: dict[str, dict[str, Any]], caller: str) -> dict[str, str]:
    """Return the headers that sign in as `caller` (the admin: the client's own)."""
    school_a, school_b = world["school_a"]["uid"], world["school_b"]["uid"]
    return {
        "admin": lambda: {},
        "mentor": lambda: as_role(graph, "mentor", person_uid=world["mentor"]["uid"]),
        "teacher": lambda: as_role(graph, "teacher", person_uid=world["teacher"]["uid"]),
        "counselor_a": lambda: as_role(
            graph, "counselor", person_uid=world["counselor_a"]["uid"], org_uid=school_a
        ),
        "school_admin_b": lambda: as_role(
            graph, "school_admin", person_uid=world["counselor_a"]["uid"], org_uid=school_b
        ),
        "key_a": lambda: key_headers(graph, school_a, Scope.READ),
    }[caller]()


def report(client: TestClient, name: str, headers: dict[str, str], **params: Any) -> Any:
    return get(client, f"/v1/reports/{name}", headers, **params)


def learners_in(world: dict, rows: list[dict[str, Any]]) -> set[str]:
    return names(world, [row["learner_uid"] for row in rows])


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_unmentored_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    answer = report(client, "unmentored", headers_of(graph, world, caller))
    listed = answer["sections"]["learners"] + answer["sections"]["at_risk"]
    assert learners_in(world, listed) == VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_fragile_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    answer = report(client, "fragile", headers_of(graph, world, caller))
    one = answer["sections"]["one_caring_adult"]
    assert learners_in(world, one) == {"a1", "b1"} & VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_no_community_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    sections = report(client, "no-community", headers_of(graph, world, caller))["sections"]
    assert learners_in(world, sections["no_community"]) == {"a1", "b1"} & VISIBLE[caller]
    assert learners_in(world, sections["no_home_base"]) == VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_voice_mismatch_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    sections = report(client, "voice-mismatch", headers_of(graph, world, caller))["sections"]
    assert learners_in(world, sections["unnamed_by_learner"]) == {"a1", "b1"} & VISIBLE[caller]


@pytest.mark.parametrize("caller", list(VISIBLE))
def test_coverage_counts_only_learners_the_caller_sees(
    client: TestClient, graph: Graph, caller: str
) -> None:
    world = build(client)
    groups = report(client, "coverage", headers_of(graph, world, caller))["sections"]["groups"]
    counted = {names(world, [g["organization_uid"]]).pop(): g["learners"] for g in groups}
    seen = VISIBLE[caller]
    expected = {
        school: count
        for school, count in (
            ("school_a", len(seen & {"a1", "a2"})),
            ("school_b", len(seen & {"b1", "b2"})),
        )
        if count
    }
    assert counted == expected


def test_fragile_sole_adult_counts_only_learners_the_caller_sees(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    sole = report(client, "fragile", headers, min_learners=1)["sections"]["sole_adults"]
    assert [(row["adult_uid"], row["learners"]) for row in sole] == [(world["mentor"]["uid"], 1)]
    assert names(world, sole[0]["learner_uids"]) == {"a1"}


def test_fragile_sole_adult_of_two_hidden_below_minimum_for_one_school(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    by_admin = report(client, "fragile", {})["sections"]["sole_adults"]
    by_counselor = report(client, "fragile", headers_of(graph, world, "counselor_a"))
    assert [row["learners"] for row in by_admin] == [2]
    assert by_counselor["sections"]["sole_adults"] == []


def test_fragile_without_adult_lists_only_learners_the_caller_sees(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    answer = report(client, "fragile", headers, without=world["mentor"]["uid"])
    assert learners_in(world, answer["sections"]["if_adult_left"]) == {"a1"}


def test_fragile_without_unknown_adult_is_empty_for_scoped_caller(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    answer = report(client, "fragile", headers, without="no-such-adult")
    assert answer["sections"]["if_adult_left"] == []
    assert client.get("/v1/reports/fragile", params={"without": "no-such-adult"}).status_code == 404


def test_caseloads_mentor_sees_own_caseload_over_own_mentees(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    rows = report(client, "caseloads", headers_of(graph, world, "mentor"))["sections"]["adults"]
    assert [(r["adult_uid"], r["learners"], r["room"]) for r in rows] == [
        (world["mentor"]["uid"], 2, 1)
    ]


def test_caseloads_counselor_counts_only_learners_of_their_school(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    rows = report(client, "caseloads", headers)["sections"]["adults"]
    assert [(r["adult_uid"], r["learners"], r["learners_in_scope"], r["room"]) for r in rows] == [
        (world["mentor"]["uid"], 1, 1, 2)
    ]


def test_caseloads_admin_lists_every_adult_and_whole_caseloads(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    rows = report(client, "caseloads", {})["sections"]["adults"]
    by_adult = {r["adult_uid"]: r["learners"] for r in rows}
    assert by_adult[world["mentor"]["uid"]] == 2
    assert names(world, list(by_adult)) == {"mentor", "teacher", "counselor_a", "guardian"}


def test_organization_filter_outside_scope_is_empty(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    for name in REPORTS:
        answer = report(client, name, headers, organization=world["school_b"]["uid"])
        assert all(not rows for rows in answer["sections"].values() if rows is not None), name


def test_organization_filter_unknown_is_like_outside_scope(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    unknown = report(client, "unmentored", headers, organization="no-such-school")
    outside = report(client, "unmentored", headers, organization=world["school_b"]["uid"])
    assert unknown["sections"] == outside["sections"] == {"learners": [], "at_risk": []}


def test_organization_filter_inside_scope_selects_as_usual(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    headers = headers_of(graph, world, "mentor")
    answer = report(client, "unmentored", headers, organization=world["school_b"]["uid"])
    sections = answer["sections"]
    assert learners_in(world, sections["learners"] + sections["at_risk"]) == {"b1"}


def test_community_filter_outside_scope_is_empty(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "counselor_a")
    sections = report(client, "no-community", headers, community=world["club_b"]["uid"])
    assert sections["sections"] == {"no_community": [], "no_home_base": []}


@pytest.mark.parametrize("role", ["learner", "guardian", "expert"])
def test_reports_refuse_learners_guardians_and_experts(
    client: TestClient, graph: Graph, role: str
) -> None:
    world = build(client)
    headers = outsiders(graph, world)[role]
    paths = ["/v1/reports", *(f"/v1/reports/{n}" for n in REPORTS), "/v1/reports/unmentored.csv"]
    for path in paths:
        assert client.get(path, headers=headers).status_code == 403, path


def test_reports_refuse_api_key_without_read_scope(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = key_headers(graph, world["school_a"]["uid"], Scope.WRITE)
    assert client.get("/v1/reports/unmentored", headers=headers).status_code == 403


def test_report_audit_holds_one_entry_per_learner_disclosed(
    client: TestClient, graph: Graph
) -> None:
    world = build(client)
    report(client, "unmentored", headers_of(graph, world, "counselor_a"))
    entries = audit_entries(graph, "GET /v1/reports/unmentored")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a1", "a2"]
    purpose = f"organization {world['school_a']['uid']}"
    assert {(e["action"], e["purpose"], e["actor_role"]) for e in entries} == {
        ("read", purpose, "counselor")
    }


def test_report_audit_admin_purpose_is_the_district(client: TestClient, graph: Graph) -> None:
    world = build(client)
    report(client, "fragile", {})
    entries = audit_entries(graph, "GET /v1/reports/fragile")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a1", "b1"]
    assert {e["purpose"] for e in entries} == {"district"}


def test_report_csv_download_is_audited(client: TestClient, graph: Graph) -> None:
    world = build(client)
    headers = headers_of(graph, world, "mentor")
    response = client.get("/v1/reports/voice-mismatch.csv", headers=headers)
    assert response.status_code == 200
    entries = audit_entries(graph, "GET /v1/reports/voice-mismatch.csv")
    assert sorted(names(world, [e["learner_uid"]]).pop() for e in entries) == ["a1", "b1"]
    assert {e["purpose"] for e in entries} == {"MENTORS"}


def test_report_of_counts_only_records_no_learner(client: TestClient, graph: Graph) -> None:
    world = build(client)
    report(client, "coverage", headers_of(graph, world, "counselor_a"))
    assert audit_entries(graph, "GET /v1/reports/coverage") == []
