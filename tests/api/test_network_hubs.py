"""Hub-aware networks and paths: a school (or any group) with more members than the setting
`network_hub_members` (default 50) is one node with its member count and the caller's own
ties to it, never walked through; a path goes through one only when asked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from lrm_graph.records import hub_counts
from tests import factories
from tests.auth_helpers import seed_caller

DEFAULT_HUB = 50


def school_with(client: TestClient, enrolled: int) -> tuple[dict[str, Any], list[str]]:
    """Make a school with `enrolled` learners enrolled in it (one bulk load); return the
    school and the learners' uids."""
    school = factories.organization(client)
    prefix = school["uid"][:8]
    nodes = [{"kind": "learner", "source_id": f"{prefix}-{n}", "given_name": f"Pupil{n}",
              "family_name": "Roe"} for n in range(enrolled)]  # fmt: skip
    relationships = [
        {"type": "ENROLLED_AT", "from": {"kind": "learner", "source_id": node["source_id"]},
         "to": {"uid": school["uid"]}}
        for node in nodes
    ]  # fmt: skip
    response = client.post("/v1/bulk", json={"nodes": nodes, "relationships": relationships})
    assert response.status_code == 200, response.text
    assert response.json()["rejected"] == []
    listed = client.get("/v1/relationships", params={"node": school["uid"], "limit": 500})
    learners = [rel["from_uid"] for rel in listed.json()["items"]]
    assert len(learners) == enrolled
    return school, learners


def network(client: TestClient, uid: str, headers: Any = None, **params: Any) -> dict:
    response = client.get(f"/v1/learners/{uid}/network", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def node_count(answer: dict) -> int:
    return sum(len(found) for found in answer["nodes"].values())


@contextmanager
def settings_changed(client: TestClient, **changes: Any) -> Iterator[None]:
    state = client.app.state  # type: ignore[attr-defined]
    # Starlette's State keeps attributes in a private dict that monkeypatch cannot restore.
    original = state.settings
    state.settings = original.model_copy(update=changes)
    try:
        yield
    finally:
        state.settings = original


def test_a_school_over_the_threshold_is_one_node_with_its_count(
    client: TestClient, graph: Graph
) -> None:
    school, learners = school_with(client, DEFAULT_HUB + 5)
    learner, teacher = learners[0], factories.adult(client, roles=["teacher"])
    works_at = factories.relate(client, "WORKS_AT", teacher["uid"], school["uid"])
    factories.relate(client, "TEACHES", teacher["uid"], learner)
    as_teacher = seed_caller(graph, "teacher", person_uid=teacher["uid"])

    answer = network(client, learner, as_teacher, depth=2)

    [shown] = answer["nodes"]["organization"]
    assert (shown["uid"], shown["members"], shown["hops"]) == (school["uid"], DEFAULT_HUB + 6, 1)
    assert shown["caller_ties"] == [{"uid": works_at["uid"], "type": "WORKS_AT", "role": None}]
    assert answer["collapsed"] == [{"uid": school["uid"], "kind": "school",
                                    "node_kind": "organization", "name": school["name"],
                                    "member_count": DEFAULT_HUB + 6}]  # fmt: skip
    # The second hop expanded the teacher (a person), not the school's other learners.
    assert answer["nodes"]["learner"] == [] and answer["hub_members"] == DEFAULT_HUB
    assert {e["from_uid"] for e in answer["edges"]["ENROLLED_AT"]} == {learner}
    assert [e["uid"] for e in answer["edges"]["WORKS_AT"]] == [works_at["uid"]]


def test_a_school_under_the_threshold_is_walked(client: TestClient) -> None:
    _, learners = school_with(client, 10)

    answer = network(client, learners[0], depth=2)

    assert answer["collapsed"] == []
    assert answer["nodes"]["organization"][0]["members"] == 10
    assert {n["uid"] for n in answer["nodes"]["learner"]} == set(learners[1:])
    assert all(n["hops"] == 2 for n in answer["nodes"]["learner"])


def test_the_threshold_setting_and_the_per_answer_bound_are_honoured(client: TestClient) -> None:
    small, learners = school_with(client, 10)
    _, big_learners = school_with(client, DEFAULT_HUB + 5)

    with settings_changed(client, network_hub_members=9):
        lowered = network(client, learners[0], depth=2)
    raised = network(client, big_learners[0], depth=2, walk_groups_up_to=DEFAULT_HUB + 5)

    assert [c["uid"] for c in lowered["collapsed"]] == [small["uid"]]
    assert lowered["nodes"]["learner"] == [] and lowered["hub_members"] == 9
    assert raised["collapsed"] == []
    assert len(raised["nodes"]["learner"]) == DEFAULT_HUB + 4


def test_answers_stay_within_network_max_nodes(client: TestClient) -> None:
    _, learners = school_with(client, 30)
    for _ in range(3):
        factories.relate(client, "MENTORS", factories.adult(client)["uid"], learners[0])

    with settings_changed(client, network_max_nodes=12):
        capped = network(client, learners[0], depth=2)
    whole = network(client, learners[0], depth=2)

    assert node_count(capped) == 12 and capped["truncated"] is True
    assert node_count(whole) == 1 + 3 + 29 and whole["truncated"] is False
    shown = {n["uid"] for found in capped["nodes"].values() for n in found} | {learners[0]}
    edges = [e for found in capped["edges"].values() for e in found]
    assert all({e["from_uid"], e["to_uid"]} <= shown for e in edges)


def test_a_hub_is_told_at_once_its_count_shown_as_kept_for_seconds(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr(hub_counts, "COUNTS", hub_counts.HubCounts(now=lambda: now[0]))
    school, learners = school_with(client, DEFAULT_HUB + 2)
    enrolled = client.get("/v1/relationships", params={"node": school["uid"], "limit": 500})
    enrollments = {rel["from_uid"]: rel["uid"] for rel in enrolled.json()["items"]}

    def shown() -> dict:
        return network(client, learners[0], depth=2)["nodes"]["organization"][0]

    assert shown()["members"] == DEFAULT_HUB + 2
    factories.relate(client, "ENROLLED_AT", factories.learner(client)["uid"], school["uid"])
    kept = shown()["members"]
    now[0] += hub_counts.KEEP_SECONDS + 1
    counted_again = shown()["members"]
    for learner in learners[1:4]:  # down to the bound: walked at once, counted exactly
        ended = client.post(f"/v1/relationships/{enrollments[learner]}/end", json={})
        assert ended.status_code == 200, ended.text
    walked = network(client, learners[0], depth=2)

    assert (kept, counted_again) == (DEFAULT_HUB + 2, DEFAULT_HUB + 3)
    assert walked["collapsed"] == [] and walked["nodes"]["organization"][0]["members"] == 50
    assert len(walked["nodes"]["learner"]) == DEFAULT_HUB - 1


def path(client: TestClient, start: str, end: str, **params: Any) -> dict:
    response = client.get("/v1/paths", params={"from": start, "to": end, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_paths_avoid_hubs_unless_asked(client: TestClient) -> None:
    big, big_learners = school_with(client, DEFAULT_HUB + 5)
    small, small_learners = school_with(client, 5)
    one, other = big_learners[0], big_learners[1]

    avoided = path(client, one, other)
    through = path(client, one, other, through_hubs=True)
    walked = path(client, small_learners[0], small_learners[1])

    assert (avoided["found"], avoided["nodes"], avoided["relationships"]) == (False, [], [])
    assert (through["found"], through["length"]) == (True, 2)
    assert [n["uid"] for n in through["nodes"]] == [one, big["uid"], other]
    assert [n["uid"] for n in walked["nodes"]] == [small_learners[0], small["uid"],
                                                   small_learners[1]]  # fmt: skip


def test_a_path_may_start_or_end_at_a_hub(client: TestClient) -> None:
    big, learners = school_with(client, DEFAULT_HUB + 5)

    answer = path(client, learners[0], big["uid"])

    assert (answer["found"], answer["length"]) == (True, 1)
