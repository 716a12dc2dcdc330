"""A learner at a glance (`lrm_graph.care.overview`): what a guardian sees of their child,
only what they may read, recorded in the audit once per learner shown."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from lrm_graph.access import audit
from lrm_graph.auth import accounts
from lrm_graph.care import overview
from lrm_graph.db.graph import Graph
from lrm_graph.errors import Forbidden, NotFound
from tests.access.world import World
from tests.care.support import note, world_of

WHAT = "GET /learners/{uid} (test)"


def asking(world: World, graph: Graph, role: str) -> audit.Request:
    """Return the audit context of `role` of the world, signed in by their token."""
    token = world.headers[role]["Authorization"].removeprefix("Bearer ")
    return audit.Request(accounts.caller_for_token(graph, token), WHAT, "127.0.0.1")


def entries_about(graph: Graph, learner_uid: str) -> list[tuple[str, str | None, str]]:
    items = audit.list_entries(graph, learner_uid=learner_uid).items
    return [(e["action"], e.get("purpose"), e["outcome"]) for e in items if e["what"] == WHAT]


def test_a_guardian_lists_their_children(client: TestClient, graph: Graph) -> None:
    world = world_of(client)
    children = overview.children(graph, asking(world, graph, "guardian"))
    assert children == [{"uid": world.uid["ada"], "name": "Ada Testwell", "grade_level": "09"}]
    assert entries_about(graph, world.uid["ada"]) == [("read", "GUARDIAN_OF", "allowed")]


def test_the_list_of_children_is_a_guardians_only(client: TestClient, graph: Graph) -> None:
    world = world_of(client)
    with pytest.raises(Forbidden):
        overview.children(graph, asking(world, graph, "counselor"))


def test_a_guardian_sees_their_childs_goals_carers_communities_and_shared_notes(
    client: TestClient, graph: Graph
) -> None:
    world = world_of(client)
    for visibility in ("guardian", "care_team", "learner", "private"):
        assert note(world, "mentor", visibility, f"a {visibility} note").status_code == 201
    page = overview.overview(graph, asking(world, graph, "guardian"), world.uid["ada"])
    assert page["learner"]["name"] == "Ada Testwell"
    assert [goal["name"] for goal in page["goals"]] == ["Become a nurse"]
    assert {p["uid"] for p in page["care_team"]} == {
        world.uid[name] for name in ("mentor_a", "advisor", "coach", "expert")
    }  # not the mentor whose relationship ended, nor the class teacher
    assert [c["name"] for c in page["communities"]] == ["Algebra 9"]
    assert [s["name"] for s in page["schools"]] == ["Alder School"]
    assert [n["text"] for n in page["notes"]] == ["a guardian note"]
    assert "Ben" not in repr(page)  # a peer: no list of the overview names him
    assert entries_about(graph, world.uid["ada"]) == [("read", "GUARDIAN_OF", "allowed")]


def test_a_learner_the_caller_may_not_see_is_404_and_recorded_as_denied(
    client: TestClient, graph: Graph
) -> None:
    world = world_of(client)
    with pytest.raises(NotFound):
        overview.overview(graph, asking(world, graph, "guardian"), world.uid["ben"])
    assert entries_about(graph, world.uid["ben"]) == [("read", "none", "denied")]
