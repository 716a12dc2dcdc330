"""Access follows relationships at query time: single behaviours the matrix cannot show
(access that ends, redacted learners, the directory opt-out, answers that cannot probe)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from lrm_graph.db.graph import Graph
from tests.access.world import World, build
from tests.auth_helpers import seed_caller


def names(items: list[dict[str, Any]], world: World, kind: str = "learner") -> set[str]:
    """Return the world names of the items of `kind`."""
    by_uid = {uid: name for name, uid in world.uid.items()}
    return {by_uid[i["uid"]] for i in items if i["node_kind"] == kind}


def test_access_ends_with_the_relationship_on_the_next_request(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    assert world.call("mentor", "GET", "/v1/learners/{ada}").status_code == 200
    ended = world.call("admin", "POST", "/v1/relationships/{ada_mentoring}/end", json={})
    assert ended.status_code == 200
    assert world.call("mentor", "GET", "/v1/learners/{ada}").status_code == 404


def test_expert_access_stops_when_screening_expires(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    assert world.call("expert", "GET", "/v1/learners/{ada}").status_code == 200
    lapsed = world.call(
        "admin", "PATCH", "/v1/experts/{expert}", json={"screening_status": "expired"}
    )
    assert lapsed.status_code == 200, lapsed.text
    assert world.call("expert", "GET", "/v1/learners/{ada}").status_code == 404


def test_hidden_learner_answers_exactly_like_a_missing_one(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    hidden = world.call("mentor", "GET", "/v1/learners/{ben}").json()
    missing = world.call("mentor", "GET", "/v1/learners/nobody").json()
    assert {**hidden, "instance": "", "detail": ""} == {**missing, "instance": "", "detail": ""}
    assert hidden["detail"] == missing["detail"].replace("'nobody'", repr(world.uid["ben"]))


def test_network_counts_an_unseen_learner_and_shows_none_of_their_relationships(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    response = world.call("mentor", "GET", "/v1/learners/{ada}/network?depth=2")
    answer = response.json()
    # ben (ada's peer), and ada's schoolmates ava and opal: met, counted, never shown
    assert answer["nodes"]["learner"] == [] and answer["hidden_learners"] == 3
    for unseen in ("ben", "ava", "opal"):
        assert world.uid[unseen] not in response.text
    assert "PEER_OF" not in answer["edges"]
    assert "ben_goal" not in names(answer["nodes"]["goal"], world, "goal")
    admin = world.call("admin", "GET", "/v1/learners/{ada}/network?depth=2").json()
    assert "ben_goal" in names(admin["nodes"]["goal"], world, "goal")
    assert admin["hidden_learners"] == 0


def shown(answer: dict[str, Any], world: World) -> set[str]:
    """Return the world names of every node a network answer shows."""
    by_uid = {uid: name for name, uid in world.uid.items()}
    return {by_uid[n["uid"]] for found in answer["nodes"].values() for n in found}


def test_a_counselors_network_is_the_admins_without_what_only_an_unseen_learner_reaches(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    admin = world.call("admin", "GET", "/v1/learners/{ada}/network?depth=2").json()
    response = world.call("counselor", "GET", "/v1/learners/{ada}/network?depth=2")
    answer = response.json()
    # ben is at school B: the counselor of school A does not see him, so the question
    # does not walk through him to his club, goal, mentor and school
    through_ben = {"ben", "club", "ben_goal", "mentor_b", "school_b"}
    assert through_ben <= shown(admin, world)
    assert shown(answer, world) == shown(admin, world) - through_ben
    assert names(answer["nodes"]["learner"], world) == {"ava", "opal"}
    assert {n["hops"] for n in answer["nodes"]["learner"]} == {2}
    assert answer["hidden_learners"] == 1 and world.uid["ben"] not in response.text
    edges = {e["uid"] for found in answer["edges"].values() for e in found}
    reached = {world.uid[name] for name in through_ben}
    admins = {e["uid"] for found in admin["edges"].values() for e in found
              if not {e["from_uid"], e["to_uid"]} & reached}  # fmt: skip
    assert edges == admins


def test_path_shows_an_unseen_learner_on_the_way_as_an_anonymous_hop(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    response = world.call("school_admin", "GET", "/v1/paths?from={ada}&to={mentor_b}")
    answer = response.json()
    assert [(n["uid"], n["name"]) for n in answer["nodes"]] == [
        (world.uid["ada"], "Ada Testwell"),
        (None, None),
        (world.uid["mentor_b"], "Mentor B Testwell"),
    ]
    # both relationships touch ben: the hops count, nothing of them is told
    assert answer["length"] == 2
    assert {tuple(r.values()) for r in answer["relationships"]} == {(None,) * 6}
    assert world.uid["ben"] not in response.text


def test_caseload_counts_another_school_learner_without_listing_them(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    body = {"type": "MENTORS", "from_uid": world.uid["mentor_a"], "to_uid": world.uid["ben"]}
    assert world.call("admin", "POST", "/v1/relationships", json=body).status_code == 201
    response = world.call("school_admin", "GET", "/v1/adults/{mentor_a}/caseload")
    answer = response.json()
    learners = {lr["uid"]: lr["name"] for lr in answer["learners"]}
    assert learners == {world.uid["ada"]: "Ada Testwell"}
    assert (answer["count"], answer["hidden_learners"]) == (2, 1)
    assert world.uid["ben"] not in response.text


def test_relationship_list_leaves_out_unseen_learners(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    join = {"type": "MEMBER_OF", "from_uid": world.uid["ada"], "to_uid": world.uid["club"]}
    assert world.call("admin", "POST", "/v1/relationships", json=join).status_code == 201
    items = world.call("mentor", "GET", "/v1/relationships?node={club}").json()["items"]
    assert [i["from_uid"] for i in items] == [world.uid["ada"]]


def test_search_finds_opted_out_learner_only_through_a_personal_relationship(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    opal_mentor = seed_caller(graph, "mentor", person_uid=world.uid["mentor_b"])
    body = {"type": "MENTORS", "from_uid": world.uid["mentor_b"], "to_uid": world.uid["opal"]}
    assert world.call("admin", "POST", "/v1/relationships", json=body).status_code == 201
    opal = seed_caller(graph, "learner", person_uid=world.uid["opal"])
    world.headers |= {"opal_mentor": opal_mentor, "opal": opal}
    found = {
        role: "opal" in names(world.call(role, "GET", "/v1/search?q=opal").json()["items"], world)
        for role in ("admin", "school_admin", "counselor", "key_read_a", "opal_mentor", "opal")
    }
    assert found == {
        "admin": True, "school_admin": False, "counselor": False, "key_read_a": False,
        "opal_mentor": True, "opal": True,
    }  # fmt: skip


def test_list_by_name_respects_the_directory_opt_out(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    by_name = world.call("school_admin", "GET", "/v1/learners?name=opal").json()["items"]
    roster = world.call("school_admin", "GET", "/v1/learners").json()["items"]
    assert (by_name, "opal" in names(roster, world)) == ([], True)


def test_learner_searches_only_the_adults_related_to_them(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    items = world.call("learner", "GET", "/v1/search?q=testwell&limit=100").json()["items"]
    assert names(items, world, "adult") == {
        "mentor_a", "advisor", "coach", "guardian",
    }  # fmt: skip
    assert names(items, world, "learner") == {"ada"}


def test_counselor_creates_a_learner_enrolled_at_their_school(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    body = {"given_name": "Nia", "family_name": "Newcome"}
    created = world.call("counselor", "POST", "/v1/learners", json=body).json()
    assert world.call("counselor", "GET", f"/v1/learners/{created['uid']}").status_code == 200
    enrolled = world.call("admin", "GET", f"/v1/relationships?node={created['uid']}").json()
    assert [(r["type"], r["to_uid"]) for r in enrolled["items"]] == [
        ("ENROLLED_AT", world.uid["school_a"])
    ]


def test_mentor_logs_an_interaction_but_changes_nothing_else(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    path = "/v1/relationships/{ada_mentoring}"
    logged = world.call(
        "mentor", "PATCH", path, json={"last_interaction_at": "2026-01-05T10:00:00Z"}
    )
    assert logged.status_code == 200
    assert world.call("mentor", "PATCH", path, json={"source": "imported"}).status_code == 403


def test_staff_cannot_hand_access_to_someone_else(client: TestClient, graph: Graph) -> None:
    world = build(client, graph)
    for start, end in [("mentor_b", "ada"), ("mentor_a", "class_a")]:
        rel_type = "MENTORS" if end == "ada" else "TEACHES"
        body = {"type": rel_type, "from_uid": world.uid[start], "to_uid": world.uid[end]}
        assert world.call("mentor", "POST", "/v1/relationships", json=body).status_code == 403


def test_school_admin_cannot_attach_another_school_to_theirs(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    body = {"type": "PART_OF", "from_uid": world.uid["school_b"], "to_uid": world.uid["school_a"]}
    assert world.call("school_admin", "POST", "/v1/relationships", json=body).status_code == 403
    assert world.call("admin", "POST", "/v1/relationships", json=body).status_code == 201


# Who each caller finds in GET /v1/learners (no name filter: a roster, opt-outs included).
ROSTERS = {
    "admin": {"ada", "ava", "ben", "opal"},
    "school_admin": {"ada", "ava", "opal"},
    "key_read_a": {"ada", "ava", "opal"},
    "key_read": {"ada", "ava", "ben", "opal"},
    "teacher": {"ada"},
    "mentor": {"ada"},
    "former_mentor": set(),
    "learner": {"ada"},
    "guardian": {"ada"},
    "expert": {"ada"},
    "pending_expert": set(),
}


def test_learner_list_holds_exactly_the_learners_each_caller_sees(
    client: TestClient, graph: Graph
) -> None:
    world = build(client, graph)
    rosters = {
        role: names(world.call(role, "GET", "/v1/learners").json()["items"], world)
        for role in ROSTERS
    }
    assert rosters == ROSTERS
